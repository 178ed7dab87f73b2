use crate::diagnostic::Diagnostic;
use crate::model::{placeholders, resource_id, ApiVersion, Template};

crate::declare_rule! {
    /// ## What it checks
    /// A SharedImageVersion source's `imageVersionId` is the ID of a gallery image version
    /// (`…/galleries/<g>/images/<definition>/versions/<x.y.z>`); `…/versions/latest` needs API
    /// 2022-07-01 or later. (The seed's own sample writes `imageVersionID`: that spelling is
    /// reported as an unknown property with a rename fix.)
    ///
    /// ## Why it matters
    /// The service cannot find the source and the build fails, e.g. `Build (Shared Image
    /// Version) step failed for Image Version ... Status=404 Code="ResourceNotFound"`.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "source": { "type": "SharedImageVersion", "imageVersionId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/base" } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "source": { "type": "SharedImageVersion", "imageVersionId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/base/versions/1.0.0" } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 16; seed: "SharedImageVersion source"
    pub static SHARED_IMAGE_VERSION_SOURCE_ID = {
        code: "AIB054",
        name: "shared-image-version-source-id",
        group: Source,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    if template.source_type() != Some("SharedImageVersion") {
        return;
    }
    let Some(id) = template.str("/properties/source/imageVersionId") else {
        return;
    };
    let pointer = template.ptr("/properties/source/imageVersionId");
    match resource_id::parse(id, &resource_id::GALLERY_IMAGE_VERSION) {
        Ok(parsed) => {
            let version = parsed.names[2];
            if version.eq_ignore_ascii_case("latest")
                && template.api_version < ApiVersion::V2022_07_01
            {
                out.push(
                    Diagnostic::new(&SHARED_IMAGE_VERSION_SOURCE_ID, pointer, format!("`…/versions/latest` needs API 2022-07-01 or later; this template uses {}", template.api_version))
                        .help("raise `apiVersion`, or name a version"),
                );
            } else if placeholders(version).is_empty()
                && !version.eq_ignore_ascii_case("latest")
                && version.split('.').count() != 3
            {
                out.push(Diagnostic::new(
                    &SHARED_IMAGE_VERSION_SOURCE_ID,
                    pointer,
                    format!("gallery image version `{version}` is not `<major>.<minor>.<patch>`"),
                ));
            }
        }
        Err(why) => {
            let mut diagnostic = Diagnostic::new(
                &SHARED_IMAGE_VERSION_SOURCE_ID,
                pointer,
                format!("`{id}` is not a gallery image version ID: {why}"),
            );
            if resource_id::parse(id, &resource_id::GALLERY_IMAGE).is_ok() {
                diagnostic = diagnostic
                    .help("add `/versions/<x.y.z>` (or `/versions/latest` from API 2022-07-01)");
            }
            out.push(diagnostic);
        }
    }
}
