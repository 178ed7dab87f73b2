use serde_json::Value;

use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// `sha256Checksum` of a customizer or validator is 64 lowercase hexadecimal characters
    /// (uppercase gets a fix); a checksum on an inline step, which has no file to hash, is a
    /// warning.
    ///
    /// ## Why it matters
    /// Image Builder downloads the file and compares; a malformed checksum can never match and
    /// the step fails. The documentation asks to "update the checksum value to lowercase".
    /// Generate it with `sha256sum <file>` (Linux, macOS) or `Get-FileHash` (Windows).
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup", "scriptUri": "https://example.com/setup.sh", "sha256Checksum": "2c26b46b68ffc68ff99b453c1d3041341342" }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup", "scriptUri": "https://example.com/setup.sh", "sha256Checksum": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae" }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Safe** for an uppercase checksum: writing it in lowercase keeps its value. **Unsafe**
    /// for a checksum on an inline step: removing it drops what the user wrote. `aib check
    /// --fix` applies the safe one; the other needs `--unsafe-fixes`.
    ///
    /// ## References
    /// - validation-rules.md rule 23; seed: "sha256Checksum"
    pub static SHA256_CHECKSUM = {
        code: "AIB073",
        name: "sha256-checksum",
        group: Customize,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for step in template.customizers().iter().chain(template.validators()) {
        let Some(checksum) = step.str("sha256Checksum").filter(|c| !c.is_empty()) else {
            continue;
        };
        if !crate::model::placeholders(checksum).is_empty() {
            continue;
        }
        let pointer = step.ptr("sha256Checksum");
        let hex = checksum.len() == 64 && checksum.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex {
            out.push(
                Diagnostic::new(&SHA256_CHECKSUM, pointer, format!("`{checksum}` is not a SHA-256 checksum ({} characters)", checksum.chars().count()))
                    .help("a SHA-256 checksum is 64 hexadecimal characters: `sha256sum <file>` or `(Get-FileHash <file>).Hash.ToLower()`"),
            );
        } else if checksum.bytes().any(|b| b.is_ascii_uppercase()) {
            out.push(
                Diagnostic::new(
                    &SHA256_CHECKSUM,
                    pointer.clone(),
                    "the checksum is in uppercase: Image Builder compares lowercase",
                )
                .safe_fix(
                    "write it in lowercase",
                    vec![Edit::Replace {
                        pointer,
                        value: Value::String(checksum.to_ascii_lowercase()),
                    }],
                ),
            );
        } else if step.get("inline").is_some() && step.get("scriptUri").is_none() {
            out.push(
                Diagnostic::new(
                    &SHA256_CHECKSUM,
                    pointer.clone(),
                    format!(
                        "the inline step {} has a checksum but no file to check",
                        step.label()
                    ),
                )
                .severity(Severity::Warning)
                .help("checksums apply to `scriptUri` and `sourceUri` files; remove it")
                .fix("remove the checksum", vec![Edit::Remove { pointer }]),
            );
        }
    }
}
