use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{resource_id, Template};

crate::declare_rule! {
    /// ## What it checks
    /// A ManagedImage target's `imageId` is the resource ID of a managed image
    /// (`/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/images/<name>`).
    /// A target `location` other than the template's is reported as information.
    ///
    /// ## Why it matters
    /// The service rejects a malformed ID: `Validation failed: ... Field 'imageId' has a bad
    /// value`. Distributing to another region works but adds a copy to the build time, which
    /// counts against `buildTimeoutInMinutes`.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [
    ///       { "type": "ManagedImage", "runOutputName": "img", "location": "westeurope",
    ///         "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/images/ubuntu" }
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
    ///       { "type": "ManagedImage", "runOutputName": "img", "location": "westeurope",
    ///         "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/ubuntu" }
    ///     ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 42; seed: "Distribute: managedImage"
    pub static MANAGED_IMAGE_TARGET = {
        code: "AIB112",
        name: "managed-image-target",
        group: Distribute,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for target in template
        .distributors()
        .iter()
        .filter(|t| t.kind == Some("ManagedImage"))
    {
        if let Some(id) = target.str("imageId") {
            if let Err(why) = resource_id::parse(id, &resource_id::MANAGED_IMAGE) {
                out.push(Diagnostic::new(
                    &MANAGED_IMAGE_TARGET,
                    target.ptr("imageId"),
                    format!("`{id}` is not a managed image ID: {why}"),
                ));
            }
        }
        let template_location = template.str("/location").map(normalize);
        if let (Some(location), Some(home)) = (target.str("location"), template_location) {
            if crate::model::placeholders(location).is_empty()
                && !home.contains('<')
                && normalize(location) != home
            {
                out.push(
                    Diagnostic::new(&MANAGED_IMAGE_TARGET, target.ptr("location"), format!("the managed image goes to `{location}`, another region than the template's"))
                        .severity(Severity::Info)
                        .help("the image is copied after the build, which adds time that counts against buildTimeoutInMinutes"),
                );
            }
        }
    }
}

/// `West Europe` and `westeurope` name the same region.
pub(crate) fn normalize(region: &str) -> String {
    region
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}
