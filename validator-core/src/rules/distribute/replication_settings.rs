use serde_json::Value;

use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::model::{ApiVersion, Template};

crate::declare_rule! {
    /// ## What it checks
    /// A SharedImage target's replication settings: `replicationRegions` and `targetRegions`
    /// together (error: each "can be specified only if" the other is not); from API
    /// 2022-07-01, `replicationRegions` is deprecated in favour of `targetRegions` (warning,
    /// with a fix that rewrites it) and `storageAccountType` only applies with
    /// `replicationRegions` (warning).
    ///
    /// ## Why it matters
    /// The service rejects both lists together; the deprecated form keeps working today but
    /// `targetRegions` also sets replica counts and storage per region.
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
    ///         "replicationRegions": ["westeurope"],
    ///         "targetRegions": [ { "name": "westeurope" } ] }
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
    ///         "targetRegions": [ { "name": "westeurope", "replicaCount": 1 } ] }
    ///     ]
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Safe**: rewrites `replicationRegions` (and a target-wide `storageAccountType`) as the
    /// equivalent `targetRegions`. `aib check --fix` applies it.
    ///
    /// ## References
    /// - validation-rules.md rule 44; REST API 2022-07-01 descriptions of `replicationRegions`,
    ///   `targetRegions` and `storageAccountType`
    pub static REPLICATION_SETTINGS = {
        code: "AIB114",
        name: "replication-settings",
        group: Distribute,
        severity: Error,
        check: Some(check),
    }
}

/// The `targetRegions` that mean what `replicationRegions` (region names) with the target-wide
/// `storageAccountType` meant: one replica in each region, as before; `None` when a region is
/// not a name. The fix here and `aib upgrade` ([`crate::upgrade`]) write the same.
pub(crate) fn target_regions(regions: &[Value], storage: Option<&str>) -> Option<Vec<Value>> {
    regions
        .iter()
        .map(|r| {
            let mut region = serde_json::json!({ "name": r.as_str()?, "replicaCount": 1 });
            if let Some(storage) = storage {
                region["storageAccountType"] = Value::from(storage);
            }
            Some(region)
        })
        .collect()
}

/// The first API version with `targetRegions`, which "supersedes replicationRegions" there
/// (the REST API spec of 2022-07-01); `aib upgrade` rewrites across it.
pub(crate) const TARGET_REGIONS_SINCE: ApiVersion = ApiVersion::V2022_07_01;

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let modern = template.api_version >= TARGET_REGIONS_SINCE;
    for target in template
        .distributors()
        .iter()
        .filter(|t| t.kind == Some("SharedImage"))
    {
        let replication = target.get("replicationRegions");
        let targets = target.get("targetRegions");
        match (replication, targets) {
            // Before 2022-07-01 `targetRegions` is unknown (and dropped): no conflict.
            (Some(_), Some(_)) if modern => out.push(
                Diagnostic::new(
                    &REPLICATION_SETTINGS,
                    target.ptr("replicationRegions"),
                    "`replicationRegions` and `targetRegions` are both set: give only one",
                )
                .help("`targetRegions` supersedes the deprecated `replicationRegions`")
                .related(target.ptr("targetRegions"), "targetRegions"),
            ),
            (Some(Value::Array(regions)), None) if modern => {
                let rewritten = target_regions(regions, target.str("storageAccountType"));
                let mut diagnostic = Diagnostic::new(
                    &REPLICATION_SETTINGS,
                    target.ptr("replicationRegions"),
                    format!("`replicationRegions` is deprecated in API {}: use `targetRegions`", template.api_version),
                )
                .severity(Severity::Warning)
                .help("`targetRegions` lists `{\"name\", \"replicaCount\", \"storageAccountType\"}` per region");
                if let Some(rewritten) = rewritten {
                    let mut edits = vec![
                        Edit::Remove {
                            pointer: target.ptr("replicationRegions"),
                        },
                        Edit::Replace {
                            pointer: target.ptr("targetRegions"),
                            value: Value::Array(rewritten),
                        },
                    ];
                    if target.get("storageAccountType").is_some() {
                        edits.insert(
                            1,
                            Edit::Remove {
                                pointer: target.ptr("storageAccountType"),
                            },
                        );
                    }
                    diagnostic = diagnostic.safe_fix("rewrite as targetRegions", edits);
                }
                out.push(diagnostic);
            }
            _ => {}
        }
        if modern && replication.is_none() && target.get("storageAccountType").is_some() {
            out.push(
                Diagnostic::new(
                    &REPLICATION_SETTINGS,
                    target.ptr("storageAccountType"),
                    "`storageAccountType` applies only with `replicationRegions`",
                )
                .severity(Severity::Warning)
                .help("set the storage per region in `targetRegions[].storageAccountType`"),
            );
        }
    }
}
