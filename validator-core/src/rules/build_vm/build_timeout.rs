use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Os, Template};

crate::declare_rule! {
    /// ## What it checks
    /// `buildTimeoutInMinutes`: 0 (or absent) means the default of 240 minutes; 1 to 5
    /// minutes are too short for any build (error; the documentation gives 6 as the minimum);
    /// a Windows build below 60 minutes is a warning. Above 960 is a schema error.
    ///
    /// ## Why it matters
    /// The timeout covers customization, validation and distribution (replication included).
    /// When it runs out the build stops: `[ERROR] Failed while waiting for packerizer: Timeout
    /// waiting for microservice to complete: 'context deadline exceeded'`. "For Windows, we do
    /// not recommend setting this below 60 minutes."
    ///
    /// ## Example
    /// ```json,invalid,os=windows
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "buildTimeoutInMinutes": 5 }
    /// }
    /// ```
    /// ```json,valid,os=windows
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "buildTimeoutInMinutes": 120 }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 49; seed: "Properties: buildTimeoutInMinutes"
    pub static BUILD_TIMEOUT = {
        code: "AIB130",
        name: "build-timeout",
        group: BuildVm,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(minutes) = template
        .get("/properties/buildTimeoutInMinutes")
        .and_then(|v| v.as_i64())
    else {
        return;
    };
    let pointer = template.ptr("/properties/buildTimeoutInMinutes");
    if (1..=5).contains(&minutes) {
        out.push(
            Diagnostic::new(
                &BUILD_TIMEOUT,
                pointer,
                format!("a build timeout of {minutes} minutes ends every build before it starts"),
            )
            .help(
                "use 0 for the default (240 minutes) or at least 6; Windows builds want 60 or more",
            ),
        );
    } else if template.os == Some(Os::Windows) && (6..60).contains(&minutes) {
        out.push(
            Diagnostic::new(&BUILD_TIMEOUT, pointer, format!("a build timeout of {minutes} minutes is short for Windows"))
                .severity(Severity::Warning)
                .help("\"For Windows, we do not recommend setting this below 60 minutes\": updates and Sysprep take time"),
        );
    }
}
