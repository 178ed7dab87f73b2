//! `--format json`: one object with every file's diagnostics and a summary; a file that could
//! not be read is `{"path", "error"}` in `files`.
//!
//! Written with borrowed structs, not a `serde_json::Value` tree: the tree of a file with
//! hundreds of thousands of findings took ten times the output's size in memory.

use serde::Serialize;
use validator_core::policy::Policy;
use validator_core::{Diagnostic, Fix, Related, Severity, Summary, TemplateInfo};

use super::Checked;

#[derive(Serialize)]
struct Output<'a> {
    files: Vec<File<'a>>,
    summary: Summary,
    /// Only when checked with `--policy`: the policy and its rules' metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    policy: Option<PolicyInfo<'a>>,
}

#[derive(Serialize)]
struct PolicyInfo<'a> {
    name: &'a str,
    version: &'a str,
    rules: Vec<PolicyRule<'a>>,
}

#[derive(Serialize)]
struct PolicyRule<'a> {
    code: &'a str,
    id: &'a str,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
    link: Option<&'a str>,
}

impl<'a> PolicyInfo<'a> {
    fn of(policy: &'a Policy) -> Self {
        PolicyInfo {
            name: policy.name(),
            version: policy.version(),
            rules: policy
                .rules()
                .iter()
                .map(|r| PolicyRule {
                    code: r.code,
                    id: &r.id,
                    severity: r.severity,
                    message: &r.message,
                    help: r.help.as_deref(),
                    link: r.link.as_deref(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum File<'a> {
    Checked {
        path: &'a str,
        templates: &'a [TemplateInfo],
        diagnostics: Vec<Finding<'a>>,
        summary: Summary,
    },
    Unreadable {
        path: &'a str,
        error: &'a str,
    },
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Finding<'a> {
    code: &'a str,
    rule: &'a str,
    severity: Severity,
    pointer: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    message: &'a str,
    help: Option<&'a str>,
    related: &'a [Related],
    fix: Option<&'a Fix>,
}

impl<'a> Finding<'a> {
    fn of(d: &'a Diagnostic) -> Self {
        let start = d.start.unwrap_or_default();
        let end = d.end.unwrap_or_default();
        Finding {
            code: d.code,
            rule: d.rule,
            severity: d.severity,
            pointer: &d.pointer,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            message: &d.message,
            help: d.help.as_deref(),
            related: &d.related,
            fix: d.fix.as_deref(),
        }
    }
}

pub fn render(checked: &[Checked], policy: Option<&Policy>) -> String {
    let mut summary = Summary::default();
    let files = checked
        .iter()
        .map(|c| match &c.error {
            // An unreadable file: its path and why, in place of a report.
            Some(error) => File::Unreadable {
                path: &c.path,
                error,
            },
            None => {
                summary.errors += c.report.summary.errors;
                summary.warnings += c.report.summary.warnings;
                summary.infos += c.report.summary.infos;
                File::Checked {
                    path: &c.path,
                    templates: &c.report.templates,
                    diagnostics: c.report.diagnostics.iter().map(Finding::of).collect(),
                    summary: c.report.summary,
                }
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&Output {
        files,
        summary,
        policy: policy.map(PolicyInfo::of),
    })
    .unwrap_or_default();
    out.push('\n');
    out
}
