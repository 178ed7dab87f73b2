use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// A source that asks for the latest image: PlatformImage `version: "latest"` or a
    /// SharedImageVersion ending in `/versions/latest`.
    ///
    /// ## Why it matters
    /// "The version is evaluated when the image build takes place, not when the template is
    /// submitted": good for scheduled rebuilds, but two builds of one template can start from
    /// different images. The resolved version appears in the read-only `exactVersion`.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "22.04.202411010" } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 13; seed: "PlatformImage source"
    pub static LATEST_VERSION = {
        code: "AIB051",
        name: "latest-version",
        group: Source,
        severity: Info,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let (key, latest) = match template.source_type() {
        Some("PlatformImage") => (
            "version",
            template
                .str("/properties/source/version")
                .is_some_and(|v| v.eq_ignore_ascii_case("latest")),
        ),
        Some("SharedImageVersion") => (
            "imageVersionId",
            template
                .str("/properties/source/imageVersionId")
                .is_some_and(|v| v.to_ascii_lowercase().ends_with("/versions/latest")),
        ),
        _ => return,
    };
    if latest {
        out.push(
            Diagnostic::new(
                &LATEST_VERSION,
                template.ptr(&format!("/properties/source/{key}")),
                "the source image is resolved when each build starts",
            )
            .help("good for scheduled rebuilds; pin a version for reproducible builds"),
        );
    }
}
