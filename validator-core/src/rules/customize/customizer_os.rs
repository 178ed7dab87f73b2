use crate::catalog::customizers::{fit, only_runs_on, Fit};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Os, OsEvidence, Template};

crate::declare_rule! {
    /// ## What it checks
    /// Customizer types the image's OS cannot run: `Shell` on Windows; `WindowsRestart` and
    /// `WindowsUpdate` on Linux (errors). `PowerShell` on Linux is a warning: the 2020-02-14
    /// reference lists it for both, but the service has been seen to refuse it. `File` runs on
    /// both. The OS comes from `--os`, the marketplace image, or the other customizers; when
    /// it is unknown nothing is reported, and Linux-only and Windows-only steps together are.
    ///
    /// ## Why it matters
    /// `CustomizerNotSupportedForImage: Customizer powerShell is not supported on Linux images.
    /// Check the customizers referenced in the Image Builder Template.` There is no Linux
    /// restart customizer: restart from a Shell step.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },
    ///     "customize": [ { "type": "WindowsRestart", "restartTimeout": "5m" } ]
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },
    ///     "customize": [ { "type": "Shell", "name": "reboot", "inline": ["sudo shutdown -r +1"] } ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 20; seed: "Shell customizer", "Windows restart customizer";
    ///   MicrosoftDocs/azure-docs#77358
    pub static CUSTOMIZER_OS = {
        code: "AIB070",
        name: "customizer-os",
        group: Customize,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let steps = template.customizers();
    let Some(os) = template.os else {
        let only_on = |os: Os| {
            steps
                .iter()
                .find(|s| s.kind.and_then(only_runs_on) == Some(os))
        };
        if let (Some(shell), Some(windows)) = (only_on(Os::Linux), only_on(Os::Windows)) {
            out.push(
                Diagnostic::new(&CUSTOMIZER_OS, windows.ptr("type"), format!("Linux-only `Shell` and Windows-only `{}` customizers in one template", windows.kind.unwrap_or_default()))
                    .help("an image is Linux or Windows: keep the steps of its OS (pass --os to say which)")
                    .related(shell.ptr("type"), "the Shell customizer"),
            );
        }
        return;
    };
    // With the OS taken from the customizers themselves, a clash cannot be told apart.
    if template.os_evidence == Some(OsEvidence::Customizers) {
        return;
    }
    let reason = super::os_reason(template);
    for step in steps {
        let Some(kind) = step.kind else { continue };
        let severity = match fit(kind, os) {
            Fit::Runs => None,
            Fit::Doubtful => Some(Severity::Warning),
            Fit::Refused => Some(Severity::Error),
        };
        if let Some(severity) = severity {
            let help = match kind {
                "Shell" => "use a PowerShell customizer on Windows",
                "PowerShell" => "use a Shell customizer on Linux (the service refuses PowerShell on Linux images)",
                _ => "there is no Linux restart or update customizer: use a Shell step (e.g. `sudo apt-get -y upgrade`, `sudo shutdown -r +1`)",
            };
            out.push(
                Diagnostic::new(
                    &CUSTOMIZER_OS,
                    step.ptr("type"),
                    format!("a `{kind}` customizer cannot run here: {reason}"),
                )
                .severity(severity)
                .help(help),
            );
        }
    }
}
