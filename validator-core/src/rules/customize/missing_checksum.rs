use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// A script (`scriptUri`) or file (`sourceUri`) downloaded without `sha256Checksum`.
    ///
    /// ## Why it matters
    /// Without a checksum, whatever the URL serves at build time goes into the image: a changed
    /// or compromised script is not noticed. PSRule for Azure rates this important
    /// (`Azure.ImageBuilder.CustomizeHash`).
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup", "scriptUri": "https://raw.githubusercontent.com/contoso/images/main/setup.sh" }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup", "scriptUri": "https://raw.githubusercontent.com/contoso/images/main/setup.sh",
    ///       "sha256Checksum": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae" }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 23; PSRule `Azure.ImageBuilder.CustomizeHash`
    pub static MISSING_CHECKSUM = {
        code: "AIB074",
        name: "missing-checksum",
        group: Customize,
        severity: Info,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for step in template.customizers().iter().chain(template.validators()) {
        let has_checksum = step
            .get("sha256Checksum")
            .and_then(|c| c.as_str())
            .is_some_and(|c| !c.is_empty());
        for key in ["scriptUri", "sourceUri"] {
            if step.get(key).is_some() && !has_checksum {
                out.push(
                    Diagnostic::new(&MISSING_CHECKSUM, step.ptr(key), format!("the {} step {} downloads a file without a checksum", step.kind.unwrap_or("customize"), step.label()))
                        .help("add `sha256Checksum` so a changed file fails the build instead of entering the image"),
                );
            }
        }
    }
}
