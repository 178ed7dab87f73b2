use crate::catalog::customizers::{validator_fit, Fit};
use crate::diagnostic::Diagnostic;
use crate::model::{Os, OsEvidence, Template};

crate::declare_rule! {
    /// ## What it checks
    /// In-VM validators the image's OS cannot run: a `Shell` validator on Windows, a
    /// `PowerShell` validator on Linux (the OS as for `customizer-os`).
    ///
    /// ## Why it matters
    /// The service refuses them (`BadValidatorType`, `UnsupportedValidatorType`), after the
    /// customization has run.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },
    ///     "validate": { "inVMValidations": [ { "type": "PowerShell", "name": "check", "inline": ["Get-Service"] } ] }
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },
    ///     "validate": { "inVMValidations": [ { "type": "Shell", "name": "check", "inline": ["systemctl is-active nginx"] } ] }
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 39; REST API `ImageTemplateInVMValidator`
    pub static VALIDATOR_OS = {
        code: "AIB101",
        name: "validator-os",
        group: Validate,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(os) = template
        .os
        .filter(|_| template.os_evidence != Some(OsEvidence::Customizers))
    else {
        return;
    };
    let reason = crate::rules::customize::os_reason(template);
    for step in template.validators() {
        let wrong = step
            .kind
            .is_some_and(|kind| validator_fit(kind, os) == Fit::Refused);
        if wrong {
            out.push(
                Diagnostic::new(
                    &VALIDATOR_OS,
                    step.ptr("type"),
                    format!(
                        "a `{}` validator cannot run here: {reason}",
                        step.kind.unwrap_or_default()
                    ),
                )
                .help(if os == Os::Windows {
                    "use a PowerShell validator on Windows"
                } else {
                    "use a Shell validator on Linux"
                }),
            );
        }
    }
}
