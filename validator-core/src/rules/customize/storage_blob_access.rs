use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// Scripts or files downloaded from Azure Storage (`*.blob.core.windows.net`). One finding
    /// per template, at the first such URI.
    ///
    /// ## Why it matters
    /// "If the sourceUri is an Azure Storage Account, irrespective if the blob is marked public,
    /// you will to grant the Managed User Identity permissions to read access on the blob."
    /// Without it: `Downloading external file (<myFile>) to local file ... failed`.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup", "scriptUri": "https://contoso.blob.core.windows.net/scripts/setup.sh" }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup", "scriptUri": "https://raw.githubusercontent.com/contoso/images/main/setup.sh" }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 26; seed: "File customizer"
    pub static STORAGE_BLOB_ACCESS = {
        code: "AIB077",
        name: "storage-blob-access",
        group: Customize,
        severity: Info,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let steps = template.customizers().iter().chain(template.validators());
    let found = steps
        .flat_map(|s| ["scriptUri", "sourceUri"].map(|k| (s.ptr(k), s.str(k))))
        .find(|(_, uri)| {
            uri.is_some_and(|u| {
                u.to_ascii_lowercase()
                    .split('/')
                    .nth(2)
                    .is_some_and(|host| host.ends_with(".blob.core.windows.net"))
            })
        });
    if let Some((pointer, _)) = found {
        out.push(
            Diagnostic::new(&STORAGE_BLOB_ACCESS, pointer, "scripts come from Azure Storage: the template's identity needs read access to them")
                .help("assign the identity `Storage Blob Data Reader` on the container (even when the blobs are public); the az export script does"),
        );
    }
}
