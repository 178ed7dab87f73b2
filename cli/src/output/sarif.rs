//! `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps).

use serde_json::{json, Value};
use validator_core::rules::RULES;
use validator_core::Severity;

use super::Checked;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(checked: &[Checked]) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary() },
                "fullDescription": { "text": r.summary() },
                "help": { "text": r.documentation(), "markdown": r.documentation() },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": [r.group.as_str()] },
            })
        })
        .collect();
    let results: Vec<Value> = checked
        .iter()
        .flat_map(|c| {
            c.report.diagnostics.iter().map(move |d| {
                let start = d.start.unwrap_or_default();
                let end = d.end.unwrap_or_default();
                let mut text = d.message.clone();
                if let Some(help) = &d.help {
                    text.push_str(&format!("\nHelp: {help}"));
                }
                json!({
                    "ruleId": d.code,
                    "ruleIndex": RULES.iter().position(|r| r.code == d.code),
                    "level": level(d.severity),
                    "message": { "text": text },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri(&c.path) },
                            "region": {
                                "startLine": start.line.max(1),
                                "startColumn": start.column.max(1),
                                "endLine": end.line.max(start.line).max(1),
                                "endColumn": end.column.max(1),
                            }
                        },
                        "logicalLocations": [{ "fullyQualifiedName": d.pointer, "kind": "element" }],
                    }],
                })
            })
        })
        .collect();
    // Files that could not be read are the run's failures, not results: SARIF reports them as
    // tool execution notifications of an unsuccessful invocation.
    let notifications: Vec<Value> = checked
        .iter()
        .filter_map(|c| {
            let error = c.error.as_ref()?;
            Some(json!({
                "level": "error",
                "message": { "text": error },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&c.path) } } }],
            }))
        })
        .collect();
    let mut invocation = json!({ "executionSuccessful": notifications.is_empty() });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = Value::Array(notifications);
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "aib",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://learn.microsoft.com/azure/virtual-machines/linux/image-builder-json",
                "rules": rules,
            }},
            "invocations": [invocation],
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI as SARIF wants it: forward slashes, spaces and `%` escaped.
fn uri(path: &str) -> String {
    path.replace('\\', "/")
        .replace('%', "%25")
        .replace(' ', "%20")
}
