use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Os, Template};

crate::declare_rule! {
    /// ## What it checks
    /// A File customizer's `destination`: on Linux it must be under `/tmp` (error); on
    /// Windows it must be an absolute path such as `C:\BuildArtifacts\file.zip` (warning when
    /// it is not). The destination's folder must already exist (create it in an earlier step).
    ///
    /// ## Why it matters
    /// "Linux OS's – the only path Image builder can write to is /tmp." Some distributions
    /// clear `/tmp` on reboot: move the file with a later Shell step. The failure only shows
    /// in the customization log.
    ///
    /// ## Example
    /// ```json,invalid,os=linux
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "File", "name": "config", "sourceUri": "https://example.com/app.conf", "destination": "/etc/app/app.conf" }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid,os=linux
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "File", "name": "config", "sourceUri": "https://example.com/app.conf", "destination": "/tmp/app.conf" }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 24; seed: "File customizer"
    pub static FILE_DESTINATION = {
        code: "AIB075",
        name: "file-destination",
        group: Customize,
        severity: Error,
        check: Some(check),
    }
}

fn is_windows_absolute(path: &str) -> bool {
    let bytes = path.as_bytes();
    (bytes.len() >= 3
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && matches!(bytes[2], b'\\' | b'/'))
        || path.starts_with("\\\\")
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for step in template
        .customizers()
        .iter()
        .filter(|s| s.kind == Some("File"))
    {
        let Some(destination) = step
            .str("destination")
            .filter(|d| crate::model::placeholders(d).is_empty())
        else {
            continue;
        };
        let pointer = step.ptr("destination");
        match template.os {
            Some(Os::Linux) if !(destination.starts_with("/tmp/") || destination == "/tmp") => out.push(
                Diagnostic::new(&FILE_DESTINATION, pointer, format!("`{destination}` is outside /tmp, where Image Builder cannot write on Linux"))
                    .help("download to /tmp, then move it with a later Shell step (`sudo mv /tmp/… …`)"),
            ),
            Some(Os::Windows) if !is_windows_absolute(destination) => out.push(
                Diagnostic::new(&FILE_DESTINATION, pointer, format!("`{destination}` is not an absolute Windows path"))
                    .severity(Severity::Warning)
                    .help("give a full path such as `C:\\BuildArtifacts\\file.zip`, in a folder an earlier step created"),
            ),
            _ => {}
        }
    }
}
