//! `required` and `requiredTags`: properties and tags the template must have.
//!
//! ```json
//! { "id": "build-vm-size", "severity": "error", "message": "Choose a build VM size",
//!   "required": { "pointers": ["/properties/vmProfile/vmSize"] } }
//! { "id": "tags", "severity": "error", "message": "Tag every template for cost reports",
//!   "requiredTags": ["costCenter", "owner"] }
//! ```
//!
//! A pointer with `*` asks it of every entry: `/properties/customize/*/name` wants a name on
//! each customizer. Tag names compare without regard to case, as Azure compares them.

use serde::Deserialize;
use serde_json::Value;

use super::select::{has_wildcard, select};
use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::model::Template;
use crate::pointer;

/// Pointers from the template resource, `*` for every entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Required {
    pub pointers: Vec<String>,
}

impl Required {
    pub(crate) fn read(value: &Value) -> Result<Required, String> {
        let required: Required = super::from_value(value)?;
        match required.pointers.iter().find(|p| !p.starts_with('/')) {
            Some(p) => Err(format!("`{p}` is not a JSON pointer such as `/location`")),
            None if required.pointers.is_empty() => Err("`pointers` lists at least one".into()),
            None => Ok(required),
        }
    }

    pub(crate) fn check(&self, template: &Template, rule: &Rule, out: &mut Vec<Diagnostic>) {
        for wanted in &self.pointers {
            let (parent, key) = wanted.rsplit_once('/').unwrap_or(("", wanted));
            let key = pointer::unescape(key);
            if !has_wildcard(parent) {
                // Without a wildcard, a missing ancestor means the property is missing too:
                // the finding falls back to the nearest node that exists.
                if pointer::resolve(template.value, wanted).is_none() {
                    let at = template.ptr(wanted);
                    out.push(rule.finding(at, format!("`{key}` is missing")).at_key());
                }
                continue;
            }
            for (at, entry) in select(template.value, &template.base, parent) {
                if entry.as_object().is_some_and(|o| !o.contains_key(&key)) {
                    out.push(rule.finding(at, format!("`{key}` is missing")));
                }
            }
        }
    }
}

pub(crate) fn check_tags(
    tags: &[String],
    template: &Template,
    rule: &Rule,
    out: &mut Vec<Diagnostic>,
) {
    let given = template.value.get("tags");
    if given.is_some_and(crate::model::is_expression_value) {
        return;
    }
    let present = given.and_then(Value::as_object);
    for tag in tags {
        let found = present.is_some_and(|map| map.keys().any(|k| k.eq_ignore_ascii_case(tag)));
        if !found {
            let at = match present {
                Some(_) => template.ptr("/tags"),
                None => template.base.clone(),
            };
            out.push(
                rule.finding(at, format!("the tag `{tag}` is missing"))
                    .at_key(),
            );
        }
    }
}
