use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ApiVersion, Template};

crate::declare_rule! {
    /// ## What it checks
    /// A Hyper-V generation 2 marketplace source (told by its SKU: `…-gen2`, `…-g2`,
    /// `…gensecond`, Windows 11 and AVD images) distributed to a managed image or a gallery.
    /// Up to API 2020-02-14 that is a warning: the reference of that version says Image Builder
    /// "only natively supports creating Hyper-V generation (Gen1) 1 images to the Azure Shared
    /// Image Gallery (SIG) or Managed Image. If you want to create Gen2 images, then you need
    /// to use a source Gen2 image, and distribute to VHD". In later versions it is information:
    /// a gallery image definition must have the source's generation.
    ///
    /// ## Why it matters
    /// A generation mismatch fails the distribution at the end of the build: `Validation
    /// failed: Error with Hyper-V Version validation (cross-generation for multiple Hyper-V
    /// Versions is not supported). The provided SIG: ..., has a different Hyper-V Generation:
    /// V2, than source image: V1.`
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2020-02-14",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },
    ///     "distribute": [ { "type": "ManagedImage", "runOutputName": "img", "location": "westeurope",
    ///       "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/ubuntu" } ]
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2020-02-14",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },
    ///     "distribute": [ { "type": "VHD", "runOutputName": "vhd" } ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 19; seed: "Properties: source"; MicrosoftDocs/azure-compute-docs#189
    pub static GEN2_SOURCE = {
        code: "AIB055",
        name: "gen2-source",
        group: Source,
        severity: Warning,
        check: Some(check),
    }
}

/// True when a marketplace SKU is a Hyper-V generation 2 image.
pub(crate) fn is_gen2_sku(sku: &str, offer: &str) -> bool {
    let sku = sku.to_ascii_lowercase();
    let offer = offer.to_ascii_lowercase();
    sku.contains("gen2")
        || sku.ends_with("-g2")
        || sku.contains("-g2-")
        || sku.contains("gensecond")
        || offer.contains("windows-11")
        || sku.starts_with("win11")
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    if template.source_type() != Some("PlatformImage") {
        return;
    }
    let sku = template.str("/properties/source/sku").unwrap_or_default();
    let offer = template.str("/properties/source/offer").unwrap_or_default();
    if !is_gen2_sku(sku, offer) {
        return;
    }
    let Some(target) = template
        .distributors()
        .iter()
        .find(|t| matches!(t.kind, Some("ManagedImage" | "SharedImage")))
    else {
        return;
    };
    let pointer = template.ptr("/properties/source/sku");
    if template.api_version <= ApiVersion::V2020_02_14 {
        out.push(
            Diagnostic::new(
                &GEN2_SOURCE,
                pointer,
                format!(
                    "`{sku}` is a generation 2 image, which API {} distributes only as a VHD",
                    template.api_version
                ),
            )
            .help("use API 2021-10-01 or later, or distribute to a VHD")
            .related(target.pointer.clone(), "distributed here"),
        );
    } else if target.kind == Some("SharedImage") {
        out.push(
            Diagnostic::new(&GEN2_SOURCE, pointer, format!("`{sku}` is a generation 2 image: the gallery image definition must be generation V2"))
                .severity(Severity::Info)
                .help("create the image definition with `--hyper-v-generation V2` (the az export does)")
                .related(target.pointer.clone(), "distributed here"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_gen2_sku;

    #[test]
    fn tells_gen2_skus() {
        assert!(is_gen2_sku("22_04-lts-gen2", ""));
        assert!(is_gen2_sku("2019-datacenter-gensecond", ""));
        assert!(is_gen2_sku("2022-datacenter-g2", ""));
        assert!(is_gen2_sku("win11-24h2-avd", "windows-11"));
        assert!(!is_gen2_sku("18.04-LTS", "UbuntuServer"));
        assert!(!is_gen2_sku("2019-Datacenter", "WindowsServer"));
    }
}
