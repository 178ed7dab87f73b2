use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// `validate.sourceValidationOnly: true` together with customizers.
    ///
    /// ## Why it matters
    /// In this mode the source image itself is validated and no image is built, so the
    /// customizers never run: either the flag or the steps are a mistake.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "validate": { "sourceValidationOnly": true },
    ///     "customize": [ { "type": "Shell", "name": "setup", "inline": ["echo hello"] } ]
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "validate": { "sourceValidationOnly": false },
    ///     "customize": [ { "type": "Shell", "name": "setup", "inline": ["echo hello"] } ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 36; REST API `sourceValidationOnly`
    pub static SOURCE_VALIDATION_ONLY = {
        code: "AIB100",
        name: "source-validation-only",
        group: Validate,
        severity: Warning,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let only =
        template.get("/properties/validate/sourceValidationOnly") == Some(&Value::Bool(true));
    let has_steps = template
        .get("/properties/customize")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty());
    if only && has_steps {
        out.push(
            Diagnostic::new(&SOURCE_VALIDATION_ONLY, template.ptr("/properties/validate/sourceValidationOnly"), "only the source image is validated: the customizers never run")
                .help("set `sourceValidationOnly` to false to build and validate a customized image, or remove the customizers")
                .related(template.ptr("/properties/customize"), "customizers that will not run"),
        );
    }
}
