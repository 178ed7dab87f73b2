use serde_json::Value;

use crate::diagnostic::{Diagnostic, Edit};
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// A PowerShell customizer or validator with `runAsSystem: true` but without
    /// `runElevated: true`.
    ///
    /// ## Why it matters
    /// `runAsSystem` "Can only be true when the runElevated field above is set to true": the
    /// step is refused. The fix sets `runElevated`.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "PowerShell", "name": "install", "runAsSystem": true, "inline": ["choco install git -y"] }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "PowerShell", "name": "install", "runElevated": true, "runAsSystem": true, "inline": ["choco install git -y"] }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Unsafe**: setting `runElevated` changes how the step runs. Applied by `aib check --fix
    /// --unsafe-fixes` only.
    ///
    /// ## References
    /// - validation-rules.md rule 22; REST API `runAsSystem`
    pub static RUN_AS_SYSTEM = {
        code: "AIB072",
        name: "run-as-system",
        group: Customize,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for step in super::script_steps(template).filter(|s| s.kind == Some("PowerShell")) {
        if step.get("runAsSystem") == Some(&Value::Bool(true))
            && step.get("runElevated") != Some(&Value::Bool(true))
        {
            out.push(
                Diagnostic::new(
                    &RUN_AS_SYSTEM,
                    step.ptr("runAsSystem"),
                    format!(
                        "the PowerShell step {} runs as SYSTEM without `runElevated`",
                        step.label()
                    ),
                )
                .help("`runAsSystem` needs `runElevated: true`")
                .fix(
                    "set `runElevated` to true",
                    vec![Edit::Replace {
                        pointer: step.ptr("runElevated"),
                        value: Value::Bool(true),
                    }],
                ),
            );
        }
    }
}
