use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{placeholders, resource_id, Template};

crate::declare_rule! {
    /// ## What it checks
    /// A SharedImage target's `galleryImageId`: the ID of a gallery image definition
    /// (automatic versioning) or of a version `…/versions/<major>.<minor>.<patch>` with integer
    /// parts (explicit versioning). An explicit version is reported as information: it must be
    /// new in the gallery on every run.
    ///
    /// ## Why it matters
    /// The service rejects a malformed ID, and a version that already exists fails the
    /// distribution at the end of a long build ("The image version ID needs to be distinct").
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [
    ///       { "type": "SharedImage", "runOutputName": "sig",
    ///         "galleryImageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/ubuntu/versions/1.0" }
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
    ///         "galleryImageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/ubuntu" }
    ///     ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 43; seed: "Distribute: sharedImage"
    pub static GALLERY_IMAGE_ID = {
        code: "AIB113",
        name: "gallery-image-id",
        group: Distribute,
        severity: Error,
        check: Some(check),
    }
}

/// `1.0.0`: three dot-separated integers.
fn is_semantic_version(version: &str) -> bool {
    let parts: Vec<&str> = version.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 10 && p.bytes().all(|b| b.is_ascii_digit()))
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for target in template
        .distributors()
        .iter()
        .filter(|t| t.kind == Some("SharedImage"))
    {
        let Some(id) = target.str("galleryImageId") else {
            continue;
        };
        let pointer = target.ptr("galleryImageId");
        if resource_id::parse(id, &resource_id::GALLERY_IMAGE).is_ok() {
            continue;
        }
        match resource_id::parse(id, &resource_id::GALLERY_IMAGE_VERSION) {
            Ok(parsed) => {
                let version = parsed.names[2];
                if !placeholders(version).is_empty() {
                    continue;
                }
                if !is_semantic_version(version) {
                    out.push(
                        Diagnostic::new(&GALLERY_IMAGE_ID, pointer, format!("gallery image version `{version}` is not `<major>.<minor>.<patch>`"))
                            .help("use three integers such as `1.0.0`, or end the ID at the image definition to let Image Builder number the versions"),
                    );
                } else {
                    out.push(
                        Diagnostic::new(&GALLERY_IMAGE_ID, pointer, format!("the target names version `{version}`: every run must use a version new in the gallery"))
                            .severity(Severity::Info)
                            .help("end the ID at the image definition (automatic versioning) to rebuild from the same template"),
                    );
                }
            }
            Err(_) => {
                let why = resource_id::parse(id, &resource_id::GALLERY_IMAGE)
                    .err()
                    .unwrap_or_default();
                out.push(Diagnostic::new(
                    &GALLERY_IMAGE_ID,
                    pointer,
                    format!("`{id}` is not a gallery image ID: {why}"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_semantic_version;

    #[test]
    fn versions_are_three_integers() {
        assert!(is_semantic_version("1.0.0"));
        assert!(is_semantic_version("0.24105.52755"));
        assert!(!is_semantic_version("1.0"));
        assert!(!is_semantic_version("1.0.x"));
        assert!(!is_semantic_version("latest"));
    }
}
