use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// Inline commands that delete Image Builder's deprovisioning script
    /// (`/tmp/DeprovisioningScript.sh` on Linux, `C:\DeprovisioningScript.ps1` on Windows):
    /// a warning. Writing it is the supported way to override Sysprep or `waagent
    /// -deprovision`, reported as information.
    ///
    /// ## Why it matters
    /// Image Builder runs that script last to generalize the image. Deleting it: `Deprovisioning
    /// script [c:\DeprovisioningScript.ps1] could not be found. Image build may fail or the VM
    /// created from the Image may not boot.`
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "cleanup", "inline": ["sudo rm -rf /tmp/*"] }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "cleanup", "inline": ["sudo rm -rf /tmp/build-artifacts"] }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 30; seed: "Generalize", "Overriding the Commands"
    pub static DEPROVISIONING_SCRIPT = {
        code: "AIB080",
        name: "deprovisioning-script",
        group: Customize,
        severity: Warning,
        check: Some(check),
    }
}

fn deletes(lower: &str) -> bool {
    let delete = ["rm ", "remove-item", "del ", "rmdir", "erase "]
        .iter()
        .any(|d| lower.contains(d));
    delete
        && (lower.contains("deprovisioningscript")
            || lower.contains("/tmp/*")
            || lower.contains("/tmp/ ")
            || lower.ends_with("/tmp")
            || lower.contains("c:\\*"))
}

fn writes(lower: &str) -> bool {
    lower.contains("deprovisioningscript")
        && [
            ">",
            "tee ",
            "set-content",
            "out-file",
            "add-content",
            "copy",
            "cp ",
            "mv ",
            "invoke-webrequest",
            "curl",
            "wget",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for step in super::script_steps(template) {
        for (i, line) in step.inline() {
            let lower = line.to_ascii_lowercase();
            let pointer = crate::pointer::join_index(&step.ptr("inline"), i);
            if deletes(&lower) {
                out.push(
                    Diagnostic::new(&DEPROVISIONING_SCRIPT, pointer, "this command can delete Image Builder's deprovisioning script")
                        .help("keep /tmp/DeprovisioningScript.sh (Linux) or C:\\DeprovisioningScript.ps1 (Windows): it generalizes the image at the end"),
                );
            } else if writes(&lower) {
                out.push(
                    Diagnostic::new(&DEPROVISIONING_SCRIPT, pointer, "this step replaces Image Builder's deprovisioning script")
                        .severity(Severity::Info)
                        .help("the supported way to change Sysprep or waagent; test that VMs from the image still boot"),
                );
            }
        }
    }
}
