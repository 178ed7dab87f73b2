use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// A File customizer whose `sourceUri` looks like a large file: an installer or archive
    /// (`.iso`, `.vhd`, `.vhdx`, `.msi`, `.exe`, `.zip`, `.tar.gz`, `.7z`, …). The size itself
    /// is not known before the download.
    ///
    /// ## Why it matters
    /// "The file customizer is only suitable for small file downloads, < 20MB." A large
    /// download can run for hours until the build times out; download it in a script instead
    /// (`curl`, `wget`, `Invoke-WebRequest`).
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "File", "name": "office", "sourceUri": "https://example.com/office-setup.iso", "destination": "C:\\Installers\\office.iso" }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "File", "name": "settings", "sourceUri": "https://example.com/settings.json", "destination": "C:\\Installers\\settings.json" }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 25; seed: "File customizer"
    pub static LARGE_FILE_CUSTOMIZER = {
        code: "AIB076",
        name: "large-file-customizer",
        group: Customize,
        severity: Warning,
        check: Some(check),
    }
}

const LARGE: &[&str] = &[
    ".iso", ".vhd", ".vhdx", ".msi", ".msix", ".exe", ".zip", ".tar", ".tar.gz", ".tgz", ".7z",
    ".cab", ".wim", ".img",
];

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for step in template
        .customizers()
        .iter()
        .filter(|s| s.kind == Some("File"))
    {
        let Some(uri) = step.str("sourceUri") else {
            continue;
        };
        let path = uri
            .split(['?', '#'])
            .next()
            .unwrap_or(uri)
            .to_ascii_lowercase();
        if let Some(extension) = LARGE.iter().find(|e| path.ends_with(*e)) {
            out.push(
                Diagnostic::new(&LARGE_FILE_CUSTOMIZER, step.ptr("sourceUri"), format!("a `{extension}` file is likely larger than the File customizer's 20 MB"))
                    .help("download large files in a script step instead (`curl -fsSLo`, `wget`, `Invoke-WebRequest`)"),
            );
        }
    }
}
