//! `customizeIncludes`: at least one entry of `customize` has a type and a name or script URI
//! matching the rule, such as the team's hardening step.
//!
//! ```json
//! { "id": "hardening", "severity": "error", "message": "Run the CIS hardening script",
//!   "customizeIncludes": { "type": "Shell", "scriptUri": "^https://contoso\\.blob\\.core\\.windows\\.net/scripts/harden\\.sh$" } }
//! ```
//!
//! `type` compares without regard to case; `name` and `scriptUri` are patterns (a regex
//! string, or an object with `regex` or a `preset`). An entry matches when every given field does.

use serde_json::Value;

use super::{pattern::Pattern, Rule};
use crate::diagnostic::Diagnostic;
use crate::model::{self, Step, Template};

/// What one entry must be like; absent fields match anything.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomizeIncludes {
    pub kind: Option<String>,
    pub name: Option<Pattern>,
    pub script_uri: Option<Pattern>,
}

impl CustomizeIncludes {
    pub(crate) fn read(value: &Value) -> Result<CustomizeIncludes, String> {
        let fields = Fields::read(value, &["type", "name", "scriptUri"])?;
        if fields.is_empty() {
            return Err("give at least one of `type`, `name` or `scriptUri`".to_owned());
        }
        Ok(CustomizeIncludes {
            kind: fields.kind()?,
            name: fields.pattern("name")?,
            script_uri: fields.pattern("scriptUri")?,
        })
    }

    /// True when `step` is such an entry.
    pub fn matches(&self, step: &Step) -> bool {
        kind_matches(self.kind.as_deref(), step)
            && field_matches(self.name.as_ref(), step, "name")
            && field_matches(self.script_uri.as_ref(), step, "scriptUri")
    }

    /// "a `Shell` customizer with a script URI matching `…`".
    pub fn describe(&self) -> String {
        let mut out = match &self.kind {
            Some(kind) => format!("a `{kind}` customizer"),
            None => "a customizer".to_owned(),
        };
        let mut with = Vec::new();
        if let Some(name) = &self.name {
            with.push(format!("a name {}", name.describe()));
        }
        if let Some(uri) = &self.script_uri {
            with.push(format!("a script URI {}", uri.describe()));
        }
        if !with.is_empty() {
            out.push_str(" with ");
            out.push_str(&with.join(" and "));
        }
        out
    }

    pub(crate) fn check(&self, template: &Template, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let list = template.get("/properties/customize");
        if list.is_some_and(model::is_expression_value) {
            return;
        }
        let steps = template.customizers();
        // An entry written as an expression might be the one asked for.
        let unknown = list
            .and_then(Value::as_array)
            .is_some_and(|items| items.iter().any(model::is_expression_value));
        if unknown || steps.iter().any(|s| self.matches(s)) {
            return;
        }
        let at = template.ptr("/properties/customize");
        out.push(rule.finding(
            at,
            format!("no entry of `customize` is {}", self.describe()),
        ));
    }
}

/// True when `kind` is absent or the step's type is it.
pub(crate) fn kind_matches(kind: Option<&str>, step: &Step) -> bool {
    kind.is_none_or(|kind| step.kind.is_some_and(|k| k.eq_ignore_ascii_case(kind)))
}

/// True when `pattern` is absent or the step's string `field` passes it.
pub(crate) fn field_matches(pattern: Option<&Pattern>, step: &Step, field: &str) -> bool {
    pattern.is_none_or(|p| {
        step.get(field)
            .and_then(Value::as_str)
            .is_some_and(|t| p.is_match(t))
    })
}

/// The fields of an `…Includes` object, checked against the keys it may have.
pub(crate) struct Fields<'v>(&'v serde_json::Map<String, Value>);

impl<'v> Fields<'v> {
    pub(crate) fn read(value: &'v Value, known: &[&str]) -> Result<Fields<'v>, String> {
        let object = value.as_object().ok_or("this is an object")?;
        if let Some(key) = object.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(format!(
                "unknown field `{key}`, expected {}",
                super::pattern::quoted_list(known)
            ));
        }
        Ok(Fields(object))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn kind(&self) -> Result<Option<String>, String> {
        match self.0.get("type") {
            None => Ok(None),
            Some(Value::String(kind)) => Ok(Some(kind.clone())),
            Some(_) => Err("`type` is a string".to_owned()),
        }
    }

    pub(crate) fn pattern(&self, key: &str) -> Result<Option<Pattern>, String> {
        self.0
            .get(key)
            .map(|v| Pattern::read(v, &[]).map_err(|e| format!("`{key}`: {e}")))
            .transpose()
    }

    pub(crate) fn get(&self, key: &str) -> Option<&'v Value> {
        self.0.get(key)
    }
}
