use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// A PlatformImage source without `publisher`, `offer`, `sku` or `version` (the schema
    /// makes them optional; the service needs all four).
    ///
    /// ## Why it matters
    /// The marketplace image cannot be found and the build fails. `version` may be `latest`;
    /// `az vm image list --publisher <p> --offer <o> --all --output table` lists the values.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2" } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 12; seed: "PlatformImage source"
    pub static PLATFORM_IMAGE_INCOMPLETE = {
        code: "AIB050",
        name: "platform-image-incomplete",
        group: Source,
        severity: Error,
        check: Some(check),
    }
}

/// What a `PlatformImage` source needs to name its image, though the schema requires none.
pub const NEEDED: [&str; 4] = ["publisher", "offer", "sku", "version"];

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(source) = template.source() else {
        return;
    };
    if template.source_type() != Some("PlatformImage") {
        return;
    }
    let missing: Vec<&str> = NEEDED
        .into_iter()
        .filter(|k| !source.contains_key(*k))
        .collect();
    if !missing.is_empty() {
        let list = missing
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            Diagnostic::new(&PLATFORM_IMAGE_INCOMPLETE, template.ptr("/properties/source"), format!("the marketplace image lacks {list}"))
                .help("a PlatformImage source needs publisher, offer, sku and version (`latest` is allowed)"),
        );
    }
}
