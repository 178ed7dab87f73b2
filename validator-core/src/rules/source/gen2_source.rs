use crate::catalog::images::{source_generation, Generation};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ApiVersion, Template};

crate::declare_rule! {
    /// ## What it checks
    /// A Hyper-V generation 2 marketplace source (told by its offer and SKU: `…-gen2`, `…-g2`,
    /// `…gensecond`; Windows 11, Windows Server Azure Edition, Arm64 and confidential images,
    /// which exist only as generation 2; Ubuntu 24.04's `server`) distributed to a managed image
    /// or a gallery.
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

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let source = template.get("/properties/source");
    let Some((Generation::V2, sku)) = source_generation(source) else {
        return;
    };
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
