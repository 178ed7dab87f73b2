use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{placeholders, ApiVersion, ApiVersionSource, Shape, Template};

crate::declare_rule! {
    /// ## What it checks
    /// The template's `apiVersion` is one of the published versions (2018-02-01-preview to
    /// 2025-10-01). An unknown or missing version is reported and the newest version is
    /// assumed for the other checks; an ARM expression is resolved from the parameter's
    /// default value or the variable it names when it can be.
    ///
    /// ## Why it matters
    /// ARM rejects an unknown API version, and every other check depends on it: properties,
    /// discriminator values and required fields differ between versions. A body without
    /// `apiVersion` (for `az resource create --is-full-object`) is fine, but then the version is
    /// the one the command line passes, so it is reported as information.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "type": "Microsoft.VirtualMachineImages/imageTemplates",
    ///   "apiVersion": "2021-01-01",
    ///   "location": "westeurope",
    ///   "properties": {}
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "type": "Microsoft.VirtualMachineImages/imageTemplates",
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": {}
    /// }
    /// ```
    ///
    /// ## References
    /// - shared/reference/aib-schema.md: the ten API versions
    pub static API_VERSION = {
        code: "AIB012",
        name: "api-version",
        group: Envelope,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let newest = ApiVersion::NEWEST;
    let known = ApiVersion::ALL
        .iter()
        .map(|v| v.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let diagnostic = match &template.api_version_source {
        ApiVersionSource::Given | ApiVersionSource::Literal | ApiVersionSource::Resolved(_) => {
            return
        }
        // A `<placeholder>` is reported by `placeholder-left`.
        ApiVersionSource::Unknown(text) if !placeholders(text).is_empty() => return,
        ApiVersionSource::Unknown(text) => {
            let mut message =
                format!("`{text}` is not an API version of imageTemplates; checked as {newest}");
            if let Some(near) =
                crate::suggest::nearest(text.trim(), ApiVersion::ALL.iter().map(|v| v.as_str()))
            {
                message.push_str(&format!("; did you mean `{near}`?"));
            }
            Diagnostic::new(&API_VERSION, template.ptr("/apiVersion"), message)
                .help(format!("known versions: {known}"))
        }
        ApiVersionSource::Unresolved(expression) => Diagnostic::new(
            &API_VERSION,
            template.ptr("/apiVersion"),
            format!("`apiVersion` is the expression `{expression}`; checked as {newest}"),
        )
        .severity(Severity::Info)
        .help("to check against the version the deployment will use, write it as `apiVersion` (or give it to `aib check --api-version`)"),
        ApiVersionSource::Missing => {
            let (severity, help) = match template.shape {
                Shape::ArmResource => (Severity::Error, "every resource in an ARM template needs an `apiVersion`"),
                _ => (Severity::Info, "a body for `az resource create --is-full-object` gets its version from the command's `--api-version`: set `apiVersion` here (or give `aib check --api-version`) to check against the same"),
            };
            Diagnostic::new(
                &API_VERSION,
                template.base.clone(),
                format!("no `apiVersion`; checked as {newest}"),
            )
            .severity(severity)
            .help(help)
        }
    };
    out.push(diagnostic);
}
