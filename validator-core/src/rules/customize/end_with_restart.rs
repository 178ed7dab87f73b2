use crate::diagnostic::Diagnostic;
use crate::model::{Os, Template};

crate::declare_rule! {
    /// ## What it checks
    /// A Windows build whose last customizer is not a WindowsRestart.
    ///
    /// ## Why it matters
    /// Updates and installers finish their work at the next restart; without one before
    /// Sysprep, the first logon of every VM made from the image shows "Please wait for the
    /// Windows Modules Installer".
    ///
    /// ## Example
    /// ```json,invalid,os=windows
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [ { "type": "WindowsUpdate" } ] }
    /// }
    /// ```
    /// ```json,valid,os=windows
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [ { "type": "WindowsUpdate" }, { "type": "WindowsRestart" } ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 33
    pub static END_WITH_RESTART = {
        code: "AIB083",
        name: "end-with-restart",
        group: Customize,
        severity: Info,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    if template.os != Some(Os::Windows) {
        return;
    }
    let Some(list) = template
        .get("/properties/customize")
        .and_then(|c| c.as_array())
    else {
        return;
    };
    let Some(last) = list.last().filter(|l| l.is_object()) else {
        return;
    };
    if last.get("type").and_then(|t| t.as_str()) != Some("WindowsRestart") {
        out.push(
            Diagnostic::new(&END_WITH_RESTART, crate::pointer::join_index(&template.ptr("/properties/customize"), list.len() - 1), "the Windows build does not end with a restart")
                .help("add a WindowsRestart customizer last, so updates finish before the image is generalized"),
        );
    }
}
