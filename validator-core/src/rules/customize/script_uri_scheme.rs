use serde_json::Value;

use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::model::{placeholders, Template};

crate::declare_rule! {
    /// ## What it checks
    /// The `scriptUri` and `sourceUri` of customizers and validators (Shell, PowerShell, File),
    /// and `optimize.workload.scriptUri`, are `https://` URLs.
    ///
    /// - `http://` is a warning, with a fix to `https://`;
    /// - any other scheme (`javascript:`, `data:`, `file:`, `ftp:`, `s3:`, …) or a value with
    ///   no scheme at all (`./setup.sh`, `C:\setup.ps1`) is an error.
    ///
    /// ## Why it matters
    /// Image Builder downloads the file itself before running the step: the API reference
    /// describes the value as "a github link, SAS URI for Azure Storage, etc", and the File
    /// customizer's as "an accessible storage endpoint, this can be GitHub or Azure storage".
    /// A local path, a `file:` or `data:` URI, or a `javascript:` link is not a place to
    /// download from, and the step fails (or the value is an injection attempt pasted into the
    /// template). Neither the API (a plain string) nor the template reference says the service
    /// refuses `http://`, so that is a warning: a script fetched in clear text
    /// can be read and replaced on the way, and runs with administrator rights on the image
    /// every VM will start from; Azure Storage accounts refuse plain HTTP by default ("secure
    /// transfer required").
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup", "scriptUri": "http://example.com/setup.sh" }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup", "scriptUri": "https://example.com/setup.sh" }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Unsafe**: `https://` is another URL, which the server may not serve. Applied by `aib
    /// check --fix --unsafe-fixes` only.
    ///
    /// ## References
    /// - REST API `ImageTemplateShellCustomizer.scriptUri`, `ImageTemplateFileCustomizer.sourceUri`;
    ///   seed: "File customizer"; Azure Storage "Require secure transfer"
    pub static SCRIPT_URI_SCHEME = {
        code: "AIB085",
        name: "script-uri-scheme",
        group: Customize,
        severity: Warning,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for step in template.customizers().iter().chain(template.validators()) {
        for key in ["scriptUri", "sourceUri"] {
            if let Some(uri) = step.str(key) {
                let kind = step.kind.unwrap_or("customize");
                let subject = format!("the {kind} step {}", step.label());
                judge(&subject, key, uri, step.ptr(key), out);
            }
        }
    }
    // API 2025-10-01's workload optimization script is downloaded the same way.
    let workload = "/properties/optimize/workload/scriptUri";
    if let Some(uri) = template.str(workload) {
        let subject = "the workload optimization";
        judge(subject, "scriptUri", uri, template.ptr(workload), out);
    }
}

/// Reports `uri` unless it is an `https://` URL; `subject` names its step for the message.
fn judge(subject: &str, key: &str, uri: &str, pointer: String, out: &mut Vec<Diagnostic>) {
    // Empty is reported by the schema rules; a `<placeholder>` by placeholder-left.
    let uri = uri.trim();
    if uri.is_empty() || !placeholders(uri).is_empty() {
        return;
    }
    match scheme(uri).map(str::to_ascii_lowercase).as_deref() {
        Some("https") => {}
        Some("http") => {
            let secure = format!("https{}", &uri[4..]);
            out.push(
                Diagnostic::new(&SCRIPT_URI_SCHEME, pointer.clone(), format!("{subject} downloads `{uri}` over plain HTTP"))
                    .help("use `https://`: a file fetched in clear text can be replaced on the way into the image")
                    .fix(
                        "use `https://`",
                        vec![Edit::Replace { pointer, value: Value::from(secure) }],
                    ),
            );
        }
        Some(other) => out.push(
            Diagnostic::new(&SCRIPT_URI_SCHEME, pointer, format!("{subject} has `{other}:` in `{key}`, which Image Builder cannot download from"))
                .severity(Severity::Error)
                .help("give an `https://` URL: a GitHub link or an Azure Storage blob URL"),
        ),
        None => out.push(
            Diagnostic::new(&SCRIPT_URI_SCHEME, pointer, format!("{subject} has `{uri}` in `{key}`, which is not a URL"))
                .severity(Severity::Error)
                .help("Image Builder downloads the file: give an `https://` URL, such as an Azure Storage blob URL"),
        ),
    }
}

/// The scheme of a URI (`https` in `https://…`), as RFC 3986 writes it: a letter, then
/// letters, digits, `+`, `-` or `.`, then `:`. A single letter is a Windows drive
/// (`C:\setup.ps1`), not a scheme.
fn scheme(uri: &str) -> Option<&str> {
    let (scheme, _) = uri.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (valid && scheme.len() > 1).then_some(scheme)
}

#[cfg(test)]
mod tests {
    use super::scheme;

    #[test]
    fn reads_schemes_but_not_drives_or_paths() {
        assert_eq!(scheme("https://example.com/a.sh"), Some("https"));
        assert_eq!(scheme("JavaScript:alert(1)"), Some("JavaScript"));
        assert_eq!(scheme("data:text/plain;base64,ZWNobw=="), Some("data"));
        assert_eq!(scheme("C:\\setup.ps1"), None);
        assert_eq!(scheme("./setup.sh"), None);
        assert_eq!(scheme("setup.sh"), None);
    }
}
