use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// `replicationMode: Shallow` on a SharedImage target with more than one target region
    /// or a replica count above one.
    ///
    /// ## Why it matters
    /// Shallow replication keeps a single copy in the build region, suited to a quick test of
    /// an image; it cannot serve other regions or several replicas (Packer enforces the same
    /// for the same gallery feature: "when `use_shallow_replication` there can only be one
    /// destination region set matching the build location").
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2025-10-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [
    ///       { "type": "SharedImage", "runOutputName": "sig", "replicationMode": "Shallow",
    ///         "galleryImageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/ubuntu",
    ///         "targetRegions": [ { "name": "westeurope" }, { "name": "eastus" } ] }
    ///     ]
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2025-10-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [
    ///       { "type": "SharedImage", "runOutputName": "sig", "replicationMode": "Shallow",
    ///         "galleryImageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/ubuntu",
    ///         "targetRegions": [ { "name": "westeurope", "replicaCount": 1 } ] }
    ///     ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 46; REST API 2025-10-01 `ReplicationMode`
    pub static SHALLOW_REPLICATION = {
        code: "AIB116",
        name: "shallow-replication",
        group: Distribute,
        severity: Warning,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for target in template
        .distributors()
        .iter()
        .filter(|t| t.str("replicationMode") == Some("Shallow"))
    {
        let regions = target
            .get("targetRegions")
            .and_then(|v| v.as_array())
            .cloned()
            .unwrap_or_default();
        let replicas = regions
            .iter()
            .filter_map(|r| r.get("replicaCount")?.as_i64())
            .max()
            .unwrap_or(1);
        if regions.len() > 1 || replicas > 1 {
            out.push(
                Diagnostic::new(&SHALLOW_REPLICATION, target.ptr("replicationMode"), "shallow replication with several regions or replicas")
                    .help("use one target region (the build region) with one replica, or `Full` replication"),
            );
        }
    }
}
