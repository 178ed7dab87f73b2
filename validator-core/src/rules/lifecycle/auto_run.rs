use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// `autoRun.state: Enabled` (API 2024-02-01).
    ///
    /// ## Why it matters
    /// The build starts once, when the template is created; it does not rebuild when the
    /// source image changes (a trigger does that). Creating the template then starts a build
    /// that runs for up to `buildTimeoutInMinutes` and costs a build VM.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": { "autoRun": { "state": "Enabled" } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": { "autoRun": { "state": "Disabled" } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 63
    pub static AUTO_RUN = {
        code: "AIB151",
        name: "auto-run",
        group: Lifecycle,
        severity: Info,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    if template.str("/properties/autoRun/state") == Some("Enabled") {
        out.push(
            Diagnostic::new(
                &AUTO_RUN,
                template.ptr("/properties/autoRun/state"),
                "the image is built once, as soon as the template is created",
            )
            .help("to rebuild when the source image changes, add a SourceImage trigger instead"),
        );
    }
}
