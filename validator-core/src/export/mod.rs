//! Exports a checked template as what users paste: the JSON body, an ARM deployment template,
//! Bicep, an Azure CLI script (bash or PowerShell) and an Azure PowerShell script.
//!
//! Pure functions of the template and a few [`Options`]; no I/O, so the app (WebAssembly) and
//! `aib export` print the same texts. Every value of the template reaches the tool byte for
//! byte: scripts carry the body in a quoted here-document (bash) or a verbatim here-string
//! (PowerShell) and single-quote every argument (see [`quote`]).
//!
//! ```
//! use validator_core::export::{self, Input, Kind, Options};
//! let text = r#"{"location": "westus2", "properties": {"source": {"type": "PlatformImage"}}}"#;
//! let report = validator_core::check(text, &Default::default());
//! let document: serde_json::Value = serde_json::from_str(text).unwrap();
//! let input = Input::from_report(&document, &report.templates[0]).unwrap();
//! let script = export::render(Kind::AzCliBash, &input, &Options::default()).unwrap().text;
//! assert!(script.contains("az image builder run"));
//! ```

pub mod arm;
pub mod az_cli;
pub mod azure_powershell;
pub mod bicep;
pub mod json;
mod plan;
pub mod quote;
mod script;
mod steps;

use serde_json::Value;

use crate::{pointer, ApiVersion, Os, Report, TemplateInfo};

/// One image template to export.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The resource object as written in the file (not `normalized_resource`: an ARM property
    /// copy loop must reach the ARM export intact).
    pub resource: &'a Value,
    /// The resource's JSON pointer in the file (empty for a bare template).
    pub pointer: &'a str,
    /// The ARM deployment template holding the resource, when it came from one: its strings
    /// are ARM strings (`[[` escapes, expressions) and its parameters may be referenced.
    pub deployment: Option<&'a Value>,
    /// The API version the template was checked against.
    pub api_version: ApiVersion,
    /// The image's OS, when known.
    pub os: Option<Os>,
}

impl<'a> Input<'a> {
    /// The template `info` (from `check`'s report) in `document`.
    pub fn from_report(document: &'a Value, info: &'a TemplateInfo) -> Option<Input<'a>> {
        let resource = document.pointer(&info.pointer)?;
        // `/…/resources/<n>` sits in the template two levels up.
        let deployment = (!info.pointer.is_empty())
            .then(|| pointer::parent(&info.pointer).and_then(pointer::parent))
            .flatten()
            .and_then(|p| document.pointer(p));
        Some(Input {
            resource,
            pointer: &info.pointer,
            deployment,
            api_version: ApiVersion::parse(&info.api_version).unwrap_or(ApiVersion::NEWEST),
            os: Os::parse(info.os),
        })
    }
}

/// What the user chooses that the template does not say. Unset fields are taken from the
/// template where it says them, else a default; scripts put them in variables at the top.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Options {
    /// The resource group of the image template.
    pub resource_group: Option<String>,
    /// The image template's name.
    pub template_name: Option<String>,
    /// The region; replaces the template's `location`.
    pub location: Option<String>,
    /// The name of the user-assigned identity to create, when the template names none.
    pub identity_name: Option<String>,
    /// The organisation's policy the template was checked with, named in the export's header
    /// (scripts, Bicep) or metadata (ARM). The JSON body has no place for it: it is what
    /// Image Builder reads, and nothing else may be in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyNote>,
}

/// Which policy a template was checked with, and whether it met it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PolicyNote {
    pub name: String,
    pub version: String,
    /// The policy's errors in the template when it was exported.
    pub errors: usize,
}

impl PolicyNote {
    /// The note for `policy` from a report checked with it.
    pub fn of(policy: &crate::policy::Policy, report: &Report) -> Self {
        PolicyNote {
            name: policy.name().to_owned(),
            version: policy.version().to_owned(),
            errors: crate::policy::findings(report, crate::Severity::Error),
        }
    }

    /// One line for a header: `Checked with the policy "Contoso" version 2026.12: met.`
    ///
    /// ```
    /// # use validator_core::export::PolicyNote;
    /// let note = PolicyNote { name: "Contoso".into(), version: "2026.12".into(), errors: 2 };
    /// assert_eq!(note.line(), "Checked with the policy \"Contoso\" version 2026.12: 2 errors left.");
    /// ```
    pub fn line(&self) -> String {
        // The team's words go into comments: one line, control characters shown escaped.
        let name = quote::comment(&self.name.replace(['\n', '\r'], " "));
        let version = quote::comment(&self.version.replace(['\n', '\r'], " "));
        let verdict = match self.errors {
            0 => "met".to_owned(),
            1 => "1 error left".to_owned(),
            n => format!("{n} errors left"),
        };
        format!("Checked with the policy \"{name}\" version {version}: {verdict}.")
    }
}

/// An export's text and what the user should know about it (the app shows the notes beside
/// the text, `aib export` prints them on standard error; scripts also carry them as comments).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Export {
    pub text: String,
    pub notes: Vec<String>,
}

/// Why an export cannot be written: a value of the template that the target cannot carry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Refusal {
    /// JSON pointer of the value in the file (empty when it came from the [`Options`]).
    pub pointer: String,
    pub message: String,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The kinds of export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Kind {
    Json,
    Arm,
    Bicep,
    /// `az` commands in bash ([`az_cli`]).
    AzCliBash,
    /// `az` commands in PowerShell ([`az_cli`]).
    AzCliPowerShell,
    /// Azure PowerShell cmdlets ([`azure_powershell`]).
    AzurePowerShell,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Json,
        Kind::Arm,
        Kind::Bicep,
        Kind::AzCliBash,
        Kind::AzCliPowerShell,
        Kind::AzurePowerShell,
    ];

    /// A short label for tabs and file names.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Json => "JSON body",
            Kind::Arm => "ARM template",
            Kind::Bicep => "Bicep",
            Kind::AzCliBash => "Azure CLI (bash)",
            Kind::AzCliPowerShell => "Azure CLI (PowerShell)",
            Kind::AzurePowerShell => "Azure PowerShell",
        }
    }

    /// The file name a user would save it as.
    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Json => "image-template.json",
            Kind::Arm => "image-template.arm.json",
            Kind::Bicep => "image-template.bicep",
            Kind::AzCliBash => "build-image.sh",
            Kind::AzCliPowerShell => "build-image-az.ps1",
            Kind::AzurePowerShell => "build-image.ps1",
        }
    }
}

/// Refuses to export a template whose value differs from its text ([`Report::unfaithful_values`]):
/// the export would carry U+FFFD where the user wrote an escape.
pub fn refuse_unfaithful(report: &Report) -> Result<(), Refusal> {
    match report.unfaithful_values().next() {
        None => Ok(()),
        Some(d) => Err(Refusal {
            pointer: d.pointer.clone(),
            message: format!(
                "{}{}; an export would write U+FFFD in its place: fix the escape first",
                d.start.map_or(String::new(), |p| format!(
                    "line {}, column {}: ",
                    p.line, p.column
                )),
                d.message
            ),
        }),
    }
}

/// Renders one export, or says which value of the template it cannot carry.
pub fn render(kind: Kind, input: &Input, options: &Options) -> Result<Export, Refusal> {
    Ok(match kind {
        Kind::Json => json::render(input, options),
        Kind::Arm => arm::render(input, options),
        Kind::Bicep => bicep::render(input, options),
        Kind::AzCliBash => az_cli::render(input, options, az_cli::Shell::Bash)?,
        Kind::AzCliPowerShell => az_cli::render(input, options, az_cli::Shell::PowerShell)?,
        Kind::AzurePowerShell => azure_powershell::render(input, options),
    })
}

/// The pointer of the first string (value or key) of `value` holding a NUL that `text`, a
/// piece of it or a whole of which, came from.
fn pointer_of_nul(value: &Value, text: &str, pointer: &str) -> Option<String> {
    let related = |s: &str| s.contains('\0') && (s.contains(text) || text.contains(s));
    match value {
        Value::String(s) if related(s) => Some(pointer.to_owned()),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            pointer_of_nul(item, text, &crate::pointer::join_index(pointer, i))
        }),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let child = crate::pointer::join(pointer, k);
            if related(k) {
                return Some(child);
            }
            pointer_of_nul(v, text, &child)
        }),
        _ => None,
    }
}
