use crate::diagnostic::Diagnostic;
use crate::model::{Os, Template};

crate::declare_rule! {
    /// ## What it checks
    /// A Windows build on the default build VM (no `vmSize`: `Standard_D1_v2` for Gen1
    /// sources) or on a size with a single vCPU or under 3.5 GiB (A0-A2, A1_v2, B1, B2ts_v2,
    /// D1, DS1, F1), judged by the VM size catalogue's vCPUs and memory.
    ///
    /// ## Why it matters
    /// Windows Update and Sysprep exhaust small VMs and the build fails with `Retryable error:
    /// Machine not yet available (exit status 1115)` or times out; the guidance is
    /// `Standard_D2_v2` or larger for Windows.
    ///
    /// ## Example
    /// ```json,invalid,os=windows
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "vmSize": "Standard_D1_v2" } }
    /// }
    /// ```
    /// ```json,valid,os=windows
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "vmSize": "Standard_D4s_v5" } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 51; seed: "vmProfile"
    pub static WINDOWS_BUILD_VM_SIZE = {
        code: "AIB131",
        name: "windows-build-vm-size",
        group: BuildVm,
        severity: Warning,
        check: Some(check),
    }
}

/// Retired or older sizes the VM size catalogue does not list, with one vCPU or too little
/// memory for a Windows build. Catalogued sizes are judged by their vCPUs and memory.
const SMALL_UNCATALOGUED: &[&str] = &[
    "standard_a0",
    "standard_a1",
    "standard_a2",
    "standard_d1",
    "standard_ds1",
    "standard_f1",
    "standard_f1s",
    "basic_a0",
    "basic_a1",
];

/// One vCPU or under 3.5 GiB: Windows Update and Sysprep exhaust it.
fn too_small(size: &str) -> bool {
    match crate::catalog::vm_sizes::find(size) {
        Some(size) => size.vcpus < 2 || size.memory_gib < 3.5,
        None => SMALL_UNCATALOGUED.contains(&size.to_ascii_lowercase().as_str()),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    if template.os != Some(Os::Windows) {
        return;
    }
    match template.str("/properties/vmProfile/vmSize").filter(|s| !s.is_empty()) {
        None if template.get("/properties/vmProfile/vmSize").is_none_or(|v| v.as_str() == Some("")) => out.push(
            Diagnostic::new(&WINDOWS_BUILD_VM_SIZE, template.ptr("/properties/vmProfile"), "a Windows build on the default build VM (`Standard_D1_v2` for Gen1 sources)")
                .help("set `vmProfile.vmSize` to `Standard_D2_v2` or larger, such as `Standard_D4s_v5`"),
        ),
        Some(size) if too_small(size) => out.push(
            Diagnostic::new(&WINDOWS_BUILD_VM_SIZE, template.ptr("/properties/vmProfile/vmSize"), format!("`{size}` is too small for a Windows build"))
                .help("use `Standard_D2_v2` or larger, such as `Standard_D4s_v5`"),
        ),
        _ => {}
    }
}
