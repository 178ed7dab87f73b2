use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// `validate.continueDistributeOnFailure: true`.
    ///
    /// ## Why it matters
    /// Images that failed validation are distributed anyway (the run is still reported as
    /// failed): a broken image can reach the gallery and the VMs made from it.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "validate": { "continueDistributeOnFailure": true } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "validate": { "continueDistributeOnFailure": false } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 37; REST API `continueDistributeOnFailure`
    pub static CONTINUE_DISTRIBUTE_ON_FAILURE = {
        code: "AIB102",
        name: "continue-distribute-on-failure",
        group: Validate,
        severity: Warning,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    if template.get("/properties/validate/continueDistributeOnFailure") == Some(&Value::Bool(true))
    {
        out.push(
            Diagnostic::new(&CONTINUE_DISTRIBUTE_ON_FAILURE, template.ptr("/properties/validate/continueDistributeOnFailure"), "images that fail validation are distributed anyway")
                .help("leave it false unless something downstream checks the run status before the image is used"),
        );
    }
}
