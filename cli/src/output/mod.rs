//! How `aib` prints: reports for people (text) and machines (JSON, SARIF), and rule docs.

pub mod json;
pub mod sarif;
pub mod text;

use validator_core::rules::{RuleMeta, RULES};
use validator_core::Report;

/// One checked file.
pub struct Checked {
    pub path: String,
    pub text: String,
    pub report: Report,
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
