use crate::catalog::vm_sizes::{self, SizeName};
use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{placeholders, Template};
use serde_json::Value;

crate::declare_rule! {
    /// ## What it checks
    /// `vmProfile.vmSize` and `vmProfile.vnetConfig.proxyVmSize` against the VM size catalogue
    /// (`catalog::vm_sizes`, Microsoft Learn, November 2026) and Azure's naming grammar
    /// (`Standard_` + series + vCPUs + features + `_v`version, as in `Standard_D4s_v5`).
    /// The catalogue lists only the families common for build VMs, so a size is reported only
    /// when it cannot exist:
    /// - its name does not follow the grammar (`D4s_v5`, `Standard_D4s-v5`);
    /// - it belongs to a catalogued family that has no size of that number
    ///   (`Standard_D3s_v5`: Dsv5 has 2, 4, 8, 16, 32, 48, 64 and 96 vCPUs);
    /// - its version is above v7, the newest of any Azure size in November 2026
    ///   (`Standard_D4s_v9`).
    ///
    /// A real size the catalogue does not list (`Standard_M416ms_v2`, `Standard_D2lds_v5`) is
    /// not reported. Names are compared ignoring case, as Azure does.
    ///
    /// ## Why it matters
    /// The size is used only when Image Builder creates the build VM, after the template has
    /// been accepted and the run has waited in the queue: a size that does not exist fails the
    /// run there (`InvalidParameter` from Compute), not when the template is submitted.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "vmSize": "Standard_D3s_v5" } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "vmSize": "Standard_D4s_v5" } }
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Safe** when the name lacks only its `Standard_` prefix: there is one size it can mean.
    /// `aib check --fix` applies it. Other unknown sizes have no fix, only a suggestion.
    ///
    /// ## References
    /// - Microsoft Learn, "Sizes for virtual machines in Azure" and "Azure virtual machine
    ///   sizes naming conventions"; REST API `ImageTemplateVmProfile.vmSize`,
    ///   `VirtualNetworkConfig.proxyVmSize`
    pub static UNKNOWN_VM_SIZE = {
        code: "AIB136",
        name: "unknown-vm-size",
        group: BuildVm,
        severity: Warning,
        check: Some(check),
    }
}

/// The highest size version Azure had published in November 2026 (the Dasv7, Easv7 and Fasv7
/// series).
const NEWEST_VERSION: u8 = 7;

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for rel in [
        "/properties/vmProfile/vmSize",
        "/properties/vmProfile/vnetConfig/proxyVmSize",
    ] {
        let Some(size) = template.str(rel) else {
            continue;
        };
        // Empty means the default size; a `<placeholder>` is reported as such.
        if size.is_empty() || !placeholders(size).is_empty() {
            continue;
        }
        if let Some(d) = finding(size, template.ptr(rel)) {
            out.push(d);
        }
    }
}

fn finding(size: &str, pointer: String) -> Option<Diagnostic> {
    if vm_sizes::find(size).is_some() {
        return None;
    }
    let Some(name) = vm_sizes::parse(size) else {
        return Some(not_a_size_name(size, pointer));
    };
    let siblings = vm_sizes::siblings(&name);
    if let Some(family_name) = siblings.first().map(|s| s.family.name) {
        // The catalogued sizes of the family, by number: `Standard_D2s_v5`, `…D4s_v5`, ….
        let mut family: Vec<(u16, &str)> = siblings
            .iter()
            .filter_map(|s| Some((vm_sizes::parse(s.name)?.number, s.name)))
            .collect();
        family.sort();
        if family.iter().any(|(n, _)| *n == name.number) {
            // A constrained-vCPU variant of a catalogued size (`Standard_E32-8s_v5`).
            return None;
        }
        // The next size up (`Standard_D3s_v5` → `Standard_D4s_v5`), or the largest: the
        // nearest spelling would be `Standard_D32s_v5`.
        let (_, near) = family
            .iter()
            .find(|(n, _)| *n > name.number)
            .or(family.last())?;
        let numbers: Vec<String> = family.iter().map(|(n, _)| n.to_string()).collect();
        let message = format!(
            "`{size}` is not a VM size: the {family_name} family has no size {}",
            name.number
        );
        return Some(
            Diagnostic::new(&UNKNOWN_VM_SIZE, pointer, message).help(format!(
                "did you mean `{near}`? The {family_name} family has sizes {}",
                numbers.join(", ")
            )),
        );
    }
    let version = name.version.filter(|v| *v > NEWEST_VERSION)?;
    let message = format!(
        "`{size}` is not a VM size: Azure has no size version v{version} (the newest is v{NEWEST_VERSION})"
    );
    let d = Diagnostic::new(&UNKNOWN_VM_SIZE, pointer, message);
    Some(match newest_of(size, &name) {
        Some(newest) => d.help(format!("did you mean `{newest}`?")),
        None => d.help("check the size with `az vm list-sizes --location <region>`"),
    })
}

/// The same size in the newest catalogued version of its series (`Standard_D4s_v9` →
/// `Standard_D4s_v6`), when the catalogue has it.
fn newest_of(size: &str, name: &SizeName) -> Option<&'static str> {
    let version = vm_sizes::newest_version(name.series, name.features)?;
    let (head, _) = size.rsplit_once('_')?;
    vm_sizes::find(&format!("{head}_v{version}")).map(|s| s.name)
}

fn not_a_size_name(size: &str, pointer: String) -> Diagnostic {
    let message = format!("`{size}` is not a VM size name");
    let d = Diagnostic::new(&UNKNOWN_VM_SIZE, pointer.clone(), message);
    // `D4s_v5`: the tier prefix is missing; the rest is a size.
    let prefixed = format!("Standard_{size}");
    if vm_sizes::parse(&prefixed).is_some() {
        return d
            .help(format!("size names start with `Standard_`: `{prefixed}`"))
            .safe_fix(
                format!("write `{prefixed}`"),
                vec![Edit::Replace {
                    pointer,
                    value: Value::from(prefixed),
                }],
            );
    }
    match crate::suggest::nearest(size, vm_sizes::sizes().map(|s| s.name)) {
        Some(near) => d.help(format!("did you mean `{near}`?")),
        None => d.help(
            "sizes are named like `Standard_D4s_v5` (`az vm list-sizes --location <region>`)",
        ),
    }
}
