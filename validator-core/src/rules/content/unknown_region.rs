use crate::catalog::regions;
use crate::diagnostic::Diagnostic;
use crate::model::{literal_str, placeholders, Template};

crate::declare_rule! {
    /// ## What it checks
    /// Region names of distribution targets (a ManagedImage target's `location`,
    /// `replicationRegions`, `targetRegions[].name`) that are not Azure regions, with a
    /// suggestion for typos. Display names (`West Europe`) are accepted.
    ///
    /// ## Why it matters
    /// A misspelt region fails the distribution at the end of the build, after the
    /// customization has already run.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [
    ///       { "type": "SharedImage", "runOutputName": "sig",
    ///         "galleryImageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/ubuntu",
    ///         "targetRegions": [ { "name": "westeurope" }, { "name": "westeruope" } ] }
    ///     ]
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [
    ///       { "type": "SharedImage", "runOutputName": "sig",
    ///         "galleryImageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/ubuntu",
    ///         "targetRegions": [ { "name": "westeurope" }, { "name": "North Europe" } ] }
    ///     ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - Azure regions (`az account list-locations`)
    pub static UNKNOWN_REGION = {
        code: "AIB164",
        name: "unknown-region",
        group: Content,
        severity: Warning,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let mut report = |pointer: String, region: &str| {
        if !placeholders(region).is_empty() || regions::is_azure_region(region) {
            return;
        }
        let mut message = format!("`{region}` is not an Azure region");
        if let Some(near) = crate::suggest::nearest(&regions::normalize(region), regions::names()) {
            message.push_str(&format!("; did you mean `{near}`?"));
        }
        out.push(
            Diagnostic::new(&UNKNOWN_REGION, pointer, message)
                .help("`az account list-locations -o table` lists the region names"),
        );
    };
    for target in template.distributors() {
        if target.kind == Some("ManagedImage") {
            if let Some(location) = target.str("location") {
                report(target.ptr("location"), location);
            }
        }
        if let Some(list) = target.get("replicationRegions").and_then(|v| v.as_array()) {
            for (i, region) in list.iter().enumerate() {
                if let Some(name) = literal_str(Some(region)) {
                    report(
                        crate::pointer::join_index(&target.ptr("replicationRegions"), i),
                        name,
                    );
                }
            }
        }
        if let Some(list) = target.get("targetRegions").and_then(|v| v.as_array()) {
            for (i, region) in list.iter().enumerate() {
                if let Some(name) = literal_str(region.get("name")) {
                    report(
                        crate::pointer::join(
                            &crate::pointer::join_index(&target.ptr("targetRegions"), i),
                            "name",
                        ),
                        name,
                    );
                }
            }
        }
    }
}
