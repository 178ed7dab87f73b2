//! `--format json`: one object with every file's diagnostics and a summary; a file that could
//! not be read is `{"path", "error"}` in `files`.

use serde_json::{json, Value};

use super::Checked;

pub fn render(checked: &[Checked]) -> String {
    let mut totals = validator_core::Summary::default();
    let files: Vec<Value> = checked
        .iter()
        .map(|c| {
            // An unreadable file: its path and why, in place of a report.
            if let Some(error) = &c.error {
                return json!({ "path": c.path, "error": error });
            }
            totals.errors += c.report.summary.errors;
            totals.warnings += c.report.summary.warnings;
            totals.infos += c.report.summary.infos;
            json!({
                "path": c.path,
                "templates": c.report.templates,
                "diagnostics": c.report.diagnostics.iter().map(|d| {
                    let start = d.start.unwrap_or_default();
                    let end = d.end.unwrap_or_default();
                    json!({
                        "code": d.code,
                        "rule": d.rule,
                        "severity": d.severity,
                        "pointer": d.pointer,
                        "line": start.line,
                        "column": start.column,
                        "endLine": end.line,
                        "endColumn": end.column,
                        "message": d.message,
                        "help": d.help,
                        "related": d.related,
                        "fix": d.fix,
                    })
                }).collect::<Vec<_>>(),
                "summary": c.report.summary,
            })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&json!({ "files": files, "summary": totals }))
        .unwrap_or_default();
    out.push('\n');
    out
}
