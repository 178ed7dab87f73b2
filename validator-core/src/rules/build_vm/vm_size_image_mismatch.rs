use crate::catalog::images::{architecture, source_generation, Generation};
use crate::catalog::vm_sizes::{self, Arch};
use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// A build VM size from the VM size catalogue that cannot boot the marketplace source
    /// image: a generation 2 image (told by its SKU, as for `gen2-source`) on a size that boots
    /// only generation 1 (Av2, Dv2, Dv3), a generation 1 image on a size that boots only
    /// generation 2 (Dsv6, and the Arm64 Dpsv5 and Bpsv2), or an Arm64 image on an x64 size
    /// and the reverse.
    /// Sizes the catalogue does not list, and sources other than a marketplace image with a
    /// literal SKU, are not judged.
    ///
    /// ## Why it matters
    /// Image Builder creates the build VM only after the run has started and waited in the
    /// queue, and Compute refuses it: `The selected VM size 'Standard_D2_v2' cannot boot
    /// Hypervisor Generation '2'. If this was a Create operation please check that the
    /// Hypervisor Generation of the Image matches the Hypervisor Generation of the selected VM
    /// Size.`
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "vmProfile": { "vmSize": "Standard_D2_v2" },
    ///     "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" }
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "vmProfile": { "vmSize": "Standard_D2s_v5" },
    ///     "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" }
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - Microsoft Learn, "Support for generation 2 VMs on Azure" (the generations of each
    ///   series); microsoft/ga4gh-tes#43 (the error for `Standard_D1_v2`)
    pub static VM_SIZE_IMAGE_MISMATCH = {
        code: "AIB137",
        name: "vm-size-image-mismatch",
        group: BuildVm,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(written) = template.str("/properties/vmProfile/vmSize") else {
        return;
    };
    let Some(size) = vm_sizes::find(written) else {
        return;
    };
    let Some((generation, sku)) = source_generation(template.get("/properties/source")) else {
        return;
    };
    let pointer = template.ptr("/properties/vmProfile/vmSize");
    let offer = template.str("/properties/source/offer").unwrap_or_default();
    let image_arch = architecture(offer, sku);
    // An architecture mismatch first: Arm64 sizes and images are all generation 2, so a
    // generation mismatch there is a consequence, not the cause.
    if size.arch() != image_arch {
        let example = match image_arch {
            Arch::Arm64 => "Standard_D4ps_v5",
            Arch::X64 => "Standard_D4s_v5",
        };
        out.push(
            Diagnostic::new(
                &VM_SIZE_IMAGE_MISMATCH,
                pointer,
                format!(
                    "`{written}` is an {} size and cannot boot the {} image `{sku}`",
                    size.arch().as_str(),
                    image_arch.as_str()
                ),
            )
            .help(format!(
                "use an {} size, such as `{example}`",
                image_arch.as_str()
            ))
            .related(template.ptr("/properties/source/sku"), "the source image"),
        );
    } else if !size.generations().supports(generation) {
        let number = match generation {
            Generation::V1 => 1,
            Generation::V2 => 2,
        };
        out.push(
            Diagnostic::new(
                &VM_SIZE_IMAGE_MISMATCH,
                pointer,
                format!("`{written}` cannot boot the generation {number} image `{sku}`"),
            )
            .help(format!(
                "use a size that boots generation {number}, such as `Standard_D4s_v5` (it boots both), or the image's other generation"
            ))
            .related(template.ptr("/properties/source/sku"), "the source image"),
        );
    }
}
