use crate::diagnostic::Diagnostic;
use crate::model::{placeholders, Template};

use super::managed_image_target::normalize;

crate::declare_rule! {
    /// ## What it checks
    /// A SharedImage target whose literal `replicationRegions` or `targetRegions` do not
    /// include the template's region. The gallery's own region is not part of its ID, so the
    /// template's region stands in for it (keeping gallery and template together avoids an
    /// extra copy).
    ///
    /// ## Why it matters
    /// "One of the regions must be the region where the Gallery is deployed." Without it the
    /// distribution fails or copies the image across regions, at the end of the build.
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
    ///         "targetRegions": [ { "name": "eastus" } ] }
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
    ///         "targetRegions": [ { "name": "West Europe" }, { "name": "eastus" } ] }
    ///     ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 45; seed: "replicationRegions"
    pub static GALLERY_REGION_REPLICATION = {
        code: "AIB115",
        name: "gallery-region-replication",
        group: Distribute,
        severity: Warning,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(home) = template
        .str("/location")
        .filter(|l| placeholders(l).is_empty())
    else {
        return;
    };
    for target in template
        .distributors()
        .iter()
        .filter(|t| t.kind == Some("SharedImage"))
    {
        let (key, regions): (&str, Vec<Option<&str>>) =
            if let Some(list) = target.get("targetRegions").and_then(|v| v.as_array()) {
                (
                    "targetRegions",
                    list.iter()
                        .map(|r| crate::model::literal_str(r.get("name")))
                        .collect(),
                )
            } else if let Some(list) = target.get("replicationRegions").and_then(|v| v.as_array()) {
                (
                    "replicationRegions",
                    list.iter()
                        .map(|r| crate::model::literal_str(Some(r)))
                        .collect(),
                )
            } else {
                continue;
            };
        // Expressions or placeholders among the regions: the list is not known yet.
        if regions.is_empty()
            || regions
                .iter()
                .any(|r| r.is_none_or(|r| !placeholders(r).is_empty()))
        {
            continue;
        }
        if !regions
            .iter()
            .flatten()
            .any(|r| normalize(r) == normalize(home))
        {
            out.push(
                Diagnostic::new(&GALLERY_REGION_REPLICATION, target.ptr(key), format!("`{key}` does not include the template's region `{home}`"))
                    .help("one region must be the gallery's; with the gallery in the template's region, add it to avoid an extra copy"),
            );
        }
    }
}
