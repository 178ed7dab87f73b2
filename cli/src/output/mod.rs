//! How `aib` prints: reports for people (text) and machines (JSON, SARIF), and rule docs.

pub mod escape;
mod excerpt;
pub mod json;
pub mod sarif;
pub mod text;

use validator_core::policy::{Policy, Rule};
use validator_core::rules::{RuleMeta, RULES};
use validator_core::{Options, Report};

/// One checked file. Built with [`Checked::new`], so that fields can be added without breaking
/// callers outside this crate.
#[non_exhaustive]
pub struct Checked {
    pub path: String,
    pub text: String,
    pub report: Report,
    /// Why the file could not be read (then `text` is empty and `report` has no diagnostics).
    /// It is reported with the others, so that one bad path does not lose every report.
    pub error: Option<String>,
}

impl Checked {
    /// Checks `text`, read from `path` (shown in the output as is).
    pub fn new(path: impl Into<String>, text: String, options: &Options) -> Checked {
        let report = validator_core::check(&text, options);
        Checked {
            path: path.into(),
            text,
            report,
            error: None,
        }
    }

    /// A file checked already, with its report (a policy file's errors, for one).
    pub fn with_report(path: impl Into<String>, text: String, report: Report) -> Checked {
        Checked {
            path: path.into(),
            text,
            report,
            error: None,
        }
    }

    /// A file that could not be read, and why (`no such file`).
    pub fn unreadable(path: impl Into<String>, error: impl Into<String>) -> Checked {
        Checked {
            path: path.into(),
            text: String::new(),
            report: Report {
                templates: Vec::new(),
                diagnostics: Vec::new(),
                summary: validator_core::Summary::default(),
            },
            error: Some(error.into()),
        }
    }
}

/// The exit status of `aib check`: 2 when a file could not be read, else 1 when a file has an
/// error, else 0 (warnings allowed).
pub fn exit_status(checked: &[Checked]) -> u8 {
    if checked.iter().any(|c| c.error.is_some()) {
        2
    } else if checked.iter().any(|c| c.report.has_errors()) {
        1
    } else {
        0
    }
}

/// `aib: <path>: <error>` for each unreadable file, for standard error; escaped as text
/// output is, since both reach the terminal.
pub fn read_errors(checked: &[Checked]) -> String {
    let mut out = String::new();
    for c in checked {
        if let Some(error) = &c.error {
            out.push_str(&format!(
                "aib: {}: {}\n",
                escape::escape(&c.path),
                escape::escape(error)
            ));
        }
    }
    out
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
    render_with_policy(format, checked, color, None)
}

/// [`render`] for reports checked with `policy`: JSON and SARIF describe its rules beside the
/// built-in ones (text output needs nothing more: a finding carries the policy's help and link).
pub fn render_with_policy(
    format: Format,
    checked: &[Checked],
    color: bool,
    policy: Option<&Policy>,
) -> String {
    match format {
        Format::Text => text::render(checked, color),
        Format::Json => json::render(checked, policy),
        Format::Sarif => sarif::render(checked, policy),
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

/// `aib explain` of a rule found by `policy::find_rule`.
pub fn explain_named(rule: validator_core::policy::NamedRule) -> String {
    match rule {
        validator_core::policy::NamedRule::Policy(policy, rule) => {
            explain_policy_rule(policy, rule)
        }
        validator_core::policy::NamedRule::Builtin(meta) => explain(meta),
    }
}

/// `aib explain POL-<id> --policy …`: the policy rule's heading, its policy and documentation.
pub fn explain_policy_rule(policy: &Policy, rule: &Rule) -> String {
    format!(
        "# {} {}\n\nSeverity: {} · Policy: {} {}\n\n{}",
        rule.code,
        rule.id,
        rule.severity.as_str(),
        policy.name(),
        policy.version(),
        rule.documentation()
    )
}
