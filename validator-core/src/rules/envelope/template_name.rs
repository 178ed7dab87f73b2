use crate::diagnostic::Diagnostic;
use crate::model::{placeholders, Shape, Template};

crate::declare_rule! {
    /// ## What it checks
    /// The template's `name`: 1 to 64 letters, digits, `-`, `_` or `.` (`.` from
    /// 2019-05-01-preview on). A resource in an ARM template must have a name.
    ///
    /// ## Why it matters
    /// The name is part of the resource ID; ARM and the service reject other characters
    /// (the pattern `^[A-Za-z0-9-_.]{1,64}$` of the REST API).
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "type": "Microsoft.VirtualMachineImages/imageTemplates",
    ///   "apiVersion": "2022-07-01",
    ///   "name": "ubuntu image (nightly)",
    ///   "location": "westeurope",
    ///   "properties": {}
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "type": "Microsoft.VirtualMachineImages/imageTemplates",
    ///   "apiVersion": "2022-07-01",
    ///   "name": "ubuntu-image-nightly",
    ///   "location": "westeurope",
    ///   "properties": {}
    /// }
    /// ```
    ///
    /// ## References
    /// - REST API specification, path parameter `imageTemplateName`
    pub static TEMPLATE_NAME = {
        code: "AIB013",
        name: "template-name",
        group: Envelope,
        severity: Error,
        check: Some(check),
    }
}

/// True when `name` matches `^[A-Za-z0-9-_.]{1,64}$` (without `.` when `dot` is false).
pub(crate) fn is_valid_name(name: &str, dot: bool) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || (dot && b == b'.'))
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    match template.get("/name") {
        None if template.shape == Shape::ArmResource => out.push(
            Diagnostic::new(
                &TEMPLATE_NAME,
                template.base.clone(),
                "the image template resource has no `name`",
            )
            .help("every resource in an ARM template needs a `name`"),
        ),
        Some(value) => {
            let Some(name) = crate::model::literal_str(Some(value)) else {
                return;
            };
            let dot = template.api_version >= crate::model::ApiVersion::V2019_05_01Preview;
            if placeholders(name).is_empty() && !is_valid_name(name, dot) {
                let allowed = if dot {
                    "letters, digits, `-`, `_` and `.`"
                } else {
                    "letters, digits, `-` and `_`"
                };
                out.push(
                    Diagnostic::new(
                        &TEMPLATE_NAME,
                        template.ptr("/name"),
                        format!("template name `{name}` is not valid"),
                    )
                    .help(format!("use 1 to 64 characters: {allowed}")),
                );
            }
        }
        None => {}
    }
}
