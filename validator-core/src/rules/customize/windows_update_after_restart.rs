use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// A WindowsUpdate customizer that follows other steps without a WindowsRestart directly
    /// before it. (A WindowsUpdate as the first step needs none: nothing was installed yet.)
    ///
    /// ## Why it matters
    /// "The Windows Update customizer can fail if there are any outstanding Windows restarts,
    /// or application installations still running, typically you may see this error in the
    /// customization.log, `System.Runtime.InteropServices.COMException (0x80240016)`. We
    /// strongly advise you consider adding in a Windows Restart."
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "PowerShell", "name": "install", "inline": ["choco install git -y"] },
    ///     { "type": "WindowsUpdate" }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "PowerShell", "name": "install", "inline": ["choco install git -y"] },
    ///     { "type": "WindowsRestart" },
    ///     { "type": "WindowsUpdate" }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 32; seed: "Windows Update Customizer"
    pub static WINDOWS_UPDATE_AFTER_RESTART = {
        code: "AIB082",
        name: "windows-update-after-restart",
        group: Customize,
        severity: Warning,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    // Expression entries make the order unknown.
    if template
        .get("/properties/customize")
        .and_then(|c| c.as_array())
        .is_some_and(|a| a.iter().any(|v| !v.is_object()))
    {
        return;
    }
    let steps = template.customizers();
    for (i, step) in steps
        .iter()
        .enumerate()
        .filter(|(i, s)| *i > 0 && s.kind == Some("WindowsUpdate"))
    {
        if steps[i - 1].kind != Some("WindowsRestart") {
            out.push(
                Diagnostic::new(&WINDOWS_UPDATE_AFTER_RESTART, step.ptr("type"), "Windows Update runs right after another step without a restart")
                    .help("add a WindowsRestart customizer just before it, so no restart or installation is pending"),
            );
        }
    }
}
