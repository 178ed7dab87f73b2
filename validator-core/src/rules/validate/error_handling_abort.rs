use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// `errorHandling.onCustomizerError` or `onValidationError` set to `abort` (API
    /// 2023-07-01).
    ///
    /// ## Why it matters
    /// On failure the build VM and the staging resources are kept for debugging, and keep
    /// costing until someone deletes them (`cleanup`, the default, removes them).
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2023-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "errorHandling": { "onCustomizerError": "abort" } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2023-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "errorHandling": { "onCustomizerError": "cleanup" } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 38; REST API `errorHandling`
    pub static ERROR_HANDLING_ABORT = {
        code: "AIB103",
        name: "error-handling-abort",
        group: Validate,
        severity: Info,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for key in ["onCustomizerError", "onValidationError"] {
        let rel = format!("/properties/errorHandling/{key}");
        if template.str(&rel) == Some("abort") {
            out.push(
                Diagnostic::new(&ERROR_HANDLING_ABORT, template.ptr(&rel), "after a failure the build VM and staging resources are kept")
                    .help("useful for debugging; delete the staging resource group's leftovers afterwards, or use `cleanup`"),
            );
        }
    }
}
