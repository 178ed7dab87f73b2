//! A check of one document version, and its findings as LSP diagnostics.

use std::sync::Arc;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Uri,
};
use validator_core::{rules, Analysis, Diagnostic, Options, Severity};

use super::position;

/// What the server is told once, at initialization, that every check and link uses.
#[derive(Debug, Clone)]
pub struct Settings {
    pub options: Options,
    /// The start of a rule's page address; the rule's code is appended.
    pub rule_docs: String,
}

/// The designer's rule pages where `scripts/serve.sh` serves them (the module docs say why).
pub const DEFAULT_RULE_DOCS: &str = "http://127.0.0.1:8080/#/rules/";

/// One version of a document, checked.
#[derive(Debug)]
pub struct Checked {
    pub text: Arc<str>,
    pub analysis: Analysis,
    /// Whether the document is an image template at all: one found by the core with a source
    /// or steps, or any text naming Image Builder's resource type. Other JSON gets no
    /// diagnostics.
    pub is_template: bool,
}

impl Checked {
    pub fn new(text: Arc<str>, options: &Options) -> Checked {
        let analysis = validator_core::analyze(&text, options);
        let mut checked = Checked {
            text,
            analysis,
            is_template: false,
        };
        checked.is_template = checked.template().is_some_and(|(_, _, t)| has_steps(t))
            || mentions_image_builder(&checked.text);
        checked
    }

    /// The template the editor is in, for completion and hover: its pointer, API version and
    /// parsed value. The first one of an ARM template holding several.
    pub fn template(&self) -> Option<(&str, validator_core::ApiVersion, &serde_json::Value)> {
        let info = self.analysis.report.templates.first()?;
        let version = validator_core::ApiVersion::parse(&info.api_version)?;
        let value = self.analysis.value.as_ref()?.pointer(&info.pointer)?;
        Some((&info.pointer, version, value))
    }

    /// Whether this is the check of `text` itself (the document has not changed since), not
    /// merely of an equal text: the document shares its text with the check it asked for.
    pub fn is_of(&self, text: &Arc<str>) -> bool {
        Arc::ptr_eq(&self.text, text)
    }

    /// The findings to publish: none for a document that is no image template.
    pub fn findings(&self) -> &[Diagnostic] {
        if self.is_template {
            &self.analysis.report.diagnostics
        } else {
            &[]
        }
    }
}

/// Whether a value has the parts only an image template has: the core takes any object as a
/// template (the body of `az resource create --is-full-object` has no `type`), while an editor
/// opens every kind of JSON file.
fn has_steps(template: &serde_json::Value) -> bool {
    template
        .get("properties")
        .and_then(serde_json::Value::as_object)
        .is_some_and(|p| {
            ["source", "customize", "distribute"]
                .iter()
                .any(|k| p.contains_key(*k))
        })
}

/// Whether the text names Image Builder's resource type, in any case as ARM allows: a file
/// that does while no template was found (broken beyond recognition, or too large to read) is
/// still one the user wants checked.
fn mentions_image_builder(text: &str) -> bool {
    use validator_core::model::IMAGE_TEMPLATE_TYPE;
    // The provider namespace, `Microsoft.VirtualMachineImages`.
    let name = IMAGE_TEMPLATE_TYPE
        .split('/')
        .next()
        .unwrap_or_default()
        .as_bytes();
    text.as_bytes()
        .windows(name.len())
        .any(|w| w.eq_ignore_ascii_case(name))
}

/// The LSP diagnostics of a check, in the order of [`Checked::findings`].
pub fn to_lsp(uri: &Uri, checked: &Checked, settings: &Settings) -> Vec<lsp_types::Diagnostic> {
    let findings = checked.findings();
    let text = &checked.text;
    // Every offset at once: one pass over the text, however many findings.
    let mut offsets = Vec::with_capacity(findings.len() * 2);
    for d in findings {
        let span = d.span.unwrap_or_default();
        offsets.extend([span.start, span.end]);
        offsets.extend(d.related.iter().filter_map(|r| r.span).map(|s| s.start));
    }
    let mut positions = position::positions(text, &offsets).into_iter();
    let mut next = || positions.next().unwrap_or_default();
    findings
        .iter()
        .map(|d| {
            let range = lsp_types::Range::new(next(), next());
            // A related place the checker could not place in the text has nowhere to go.
            let related: Vec<_> = d
                .related
                .iter()
                .filter(|r| r.span.is_some())
                .map(|r| {
                    let at = next();
                    DiagnosticRelatedInformation {
                        location: Location::new(uri.clone(), lsp_types::Range::new(at, at)),
                        message: r.label.to_string(),
                    }
                })
                .collect();
            lsp_types::Diagnostic {
                range,
                severity: Some(severity(d.severity)),
                code: Some(NumberOrString::String(d.code.to_owned())),
                code_description: rule_link(d.code, settings),
                source: Some("aib".to_owned()),
                message: message(d),
                related_information: (!related.is_empty()).then_some(related),
                tags: None,
                data: None,
            }
        })
        .collect()
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The message and, on a line of its own, how to mend it: editors show the whole text on
/// hover and the first line inline.
fn message(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.to_string(),
    }
}

/// The page of a built-in rule, or the link a policy's rule gives.
fn rule_link(code: &str, settings: &Settings) -> Option<CodeDescription> {
    let href = match rules::find(code) {
        Some(_) => format!("{}{code}", settings.rule_docs),
        None => settings.options.policy.as_ref()?.rule(code)?.link.clone()?,
    };
    Some(CodeDescription {
        href: href.parse().ok()?,
    })
}
