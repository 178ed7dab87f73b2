//! How `aib` prints: reports for people (text) and machines (JSON, SARIF), and rule docs.

pub mod json;
pub mod sarif;
pub mod text;

use validator_core::rules::{RuleMeta, RULES};
use validator_core::{Options, Report};

/// One checked file. Built with [`Checked::new`], so that fields can be added without breaking
/// callers outside this crate.
#[non_exhaustive]
pub struct Checked {
    pub path: String,
    pub text: String,
    pub report: Report,
}

impl Checked {
    /// Checks `text`, read from `path` (shown in the output as is).
    pub fn new(path: impl Into<String>, text: String, options: &Options) -> Checked {
        let report = validator_core::check(&text, options);
        Checked {
            path: path.into(),
            text,
            report,
        }
    }
}

/// The report formats of `aib check --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
}

/// Renders the reports of `checked` in `format`; `color` adds ANSI styles to text output.
pub fn render(format: Format, checked: &[Checked], color: bool) -> String {
    match format {
        Format::Text => text::render(checked, color),
        Format::Json => json::render(checked),
        Format::Sarif => sarif::render(checked),
    }
}

/// `aib rules`: one line per rule.
pub fn rules_table() -> String {
    let mut out = String::new();
    for rule in RULES.iter() {
        out.push_str(&format!(
            "{}  {:<34} {:<8} {:<10} {}\n",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            rule.group.as_str(),
            rule.summary()
        ));
    }
    out
}

/// `aib explain`: the rule's heading and its documentation.
pub fn explain(rule: &RuleMeta) -> String {
    format!(
        "# {} {}\n\nSeverity: {} · Group: {}\n\n{}",
        rule.code,
        rule.name,
        rule.severity.as_str(),
        rule.group.as_str(),
        rule.documentation()
            .replace("```json,invalid", "```json (invalid)")
            .replace("```json,valid", "```json (valid)")
    )
}
