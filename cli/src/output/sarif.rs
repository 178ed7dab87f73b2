//! `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps).

use serde::Serialize;
use serde_json::{json, Value};
use validator_core::policy::Policy;
use validator_core::rules::RULES;
use validator_core::{Diagnostic, Severity};

use super::Checked;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(checked: &[Checked], policy: Option<&Policy>) -> String {
    let mut rules: Vec<Value> = RULES
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
    // A policy's rules follow the built-in ones, so results find them by index as well.
    let policy_rules = policy.map_or(&[][..], |p| p.rules());
    rules.extend(policy_rules.iter().map(|r| {
        let mut rule = json!({
            "id": r.code,
            "name": r.id,
            "shortDescription": { "text": r.message },
            "fullDescription": { "text": r.help.as_deref().unwrap_or(&r.message) },
            "help": { "text": r.documentation(), "markdown": r.documentation() },
            "defaultConfiguration": { "level": level(r.severity) },
            "properties": { "tags": ["policy", policy.map_or("", |p| p.name())] },
        });
        if let Some(link) = &r.link {
            rule["helpUri"] = json!(link);
        }
        rule
    }));
    let rule_index = |code: &str| {
        RULES.iter().position(|r| r.code == code).or_else(|| {
            let at = policy_rules.iter().position(|r| r.code == code)?;
            Some(RULES.len() + at)
        })
    };
    let results: Vec<SarifResult> = checked
        .iter()
        .flat_map(|c| {
            let uri = uri(&c.path);
            c.report
                .diagnostics
                .iter()
                .map(move |d| SarifResult::of(d, uri.clone(), rule_index(d.code)))
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

/// One finding, written with borrowed structs rather than a `serde_json::Value` tree, which took
/// ten times the output's size in memory for a file with hundreds of thousands of findings.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation,
    logical_locations: [LogicalLocation<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    fully_qualified_name: &'a str,
    kind: &'static str,
}

impl<'a> SarifResult<'a> {
    fn of(d: &'a Diagnostic, uri: String, rule_index: Option<usize>) -> Self {
        let start = d.start.unwrap_or_default();
        let end = d.end.unwrap_or_default();
        let mut text = d.message.to_string();
        if let Some(help) = &d.help {
            text.push_str("\nHelp: ");
            text.push_str(help);
        }
        SarifResult {
            rule_id: d.code,
            rule_index,
            level: level(d.severity),
            message: Text { text },
            locations: [Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri },
                    region: Region {
                        start_line: start.line.max(1),
                        start_column: start.column.max(1),
                        end_line: end.line.max(start.line).max(1),
                        end_column: end.column.max(1),
                    },
                },
                logical_locations: [LogicalLocation {
                    fully_qualified_name: &d.pointer,
                    kind: "element",
                }],
            }],
        }
    }
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
