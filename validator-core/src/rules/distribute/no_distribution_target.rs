use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// A `distribute` list that is present but empty.
    ///
    /// ## Why it matters
    /// A build without a distribution target produces nothing: the seed reference requires at
    /// least one target (managed image, gallery image or VHD), and the service rejects the
    /// template. A missing `distribute` is reported as a missing required property; a list
    /// built by an ARM expression or copy loop is not judged.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "distribute": [] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "distribute": [ { "type": "VHD", "runOutputName": "vhd" } ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 40; seed: "Properties: distribute"
    pub static NO_DISTRIBUTION_TARGET = {
        code: "AIB110",
        name: "no-distribution-target",
        group: Distribute,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    if template
        .get("/properties/distribute")
        .and_then(|d| d.as_array())
        .is_some_and(Vec::is_empty)
    {
        out.push(
            Diagnostic::new(
                &NO_DISTRIBUTION_TARGET,
                template.ptr("/properties/distribute"),
                "`distribute` is empty: the build would produce nothing",
            )
            .help("add a ManagedImage, SharedImage (Azure Compute Gallery) or VHD target"),
        );
    }
}
