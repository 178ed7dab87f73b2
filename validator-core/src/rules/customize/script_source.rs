use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// Shell and PowerShell customizers and validators give exactly one of `scriptUri` and
    /// `inline`: neither (nothing to run) or both are errors.
    ///
    /// ## Why it matters
    /// "Exactly one of 'scriptUri' or 'inline' can be specified." The service refuses the step
    /// (`NoCustomizerScript`, `NoValidatorScript`); the az CLI says "Cannot supply both script
    /// url and inline script."
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup", "scriptUri": "https://example.com/setup.sh", "inline": ["echo hello"] }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup", "inline": ["echo hello"] }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 21; seed: "Shell customizer"
    pub static SCRIPT_SOURCE = {
        code: "AIB071",
        name: "script-source",
        group: Customize,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for step in super::script_steps(template) {
        let kind = step.kind.unwrap_or_default();
        // `scriptURI` or `Inline` is a misspelling reported with a rename fix: the step does
        // have something to run.
        let misspelt = step.fields.keys().any(|k| {
            k != "scriptUri"
                && k != "inline"
                && crate::suggest::nearest(k, ["scriptUri", "inline"]).is_some()
        });
        match (
            step.get("scriptUri").is_some(),
            step.get("inline").is_some(),
        ) {
            (true, true) => out.push(
                Diagnostic::new(
                    &SCRIPT_SOURCE,
                    step.ptr("inline"),
                    format!(
                        "the {kind} step {} has both `scriptUri` and `inline`",
                        step.label()
                    ),
                )
                .help("keep one: a script file (`scriptUri`) or commands (`inline`)"),
            ),
            (false, false) if !misspelt => out.push(
                Diagnostic::new(
                    &SCRIPT_SOURCE,
                    step.pointer.clone(),
                    format!("the {kind} step {} has nothing to run", step.label()),
                )
                .help("add `scriptUri` (a script file) or `inline` (a list of commands)"),
            ),
            _ => {}
        }
    }
}
