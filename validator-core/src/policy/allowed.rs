//! `allowed` and `denied`: the values at a pointer are among a list, or none of it.
//!
//! ```json
//! { "id": "region", "severity": "error", "message": "Images are built in Europe only",
//!   "allowed": { "pointer": "/location", "values": ["westeurope", "northeurope"] } }
//! { "id": "no-latest", "severity": "warning", "message": "Pin the source version",
//!   "denied": { "pointer": "/properties/source/version", "values": ["latest"] } }
//! ```
//!
//! Strings compare without regard to case, as Azure compares region, size and type names. A
//! single allowed value implies its fix (set it); otherwise a near miss is suggested.

use serde::Deserialize;
use serde_json::Value;

use super::select::{Place, Selector};
use super::Rule;
use crate::diagnostic::{Diagnostic, Edit};
use crate::model::Template;

/// The pointer (from the template resource, `*` for every entry) and the values.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Values {
    pub pointer: String,
    pub values: Vec<Value>,
    /// `pointer`, read once.
    #[serde(skip)]
    selector: Selector,
}

impl Values {
    pub(crate) fn read(value: &Value) -> Result<Values, String> {
        let mut values: Values = super::from_value(value)?;
        super::read_pointer(value)?;
        if values.values.is_empty() {
            return Err("`values` lists at least one value".to_owned());
        }
        values.selector = Selector::new(&values.pointer);
        Ok(values)
    }

    fn contains(&self, given: &Value) -> bool {
        self.values.iter().any(|v| same(v, given))
    }

    /// Calls `visit` with each value present at the pointer (ARM expressions left out) and
    /// its place.
    fn each_present<'t>(&self, template: &Template<'t>, mut visit: impl FnMut(&Place, &'t Value)) {
        self.selector.each(template.value, |place, v| {
            if !v.as_str().is_some_and(super::not_yet_known) {
                visit(place, v)
            }
        });
    }

    pub(crate) fn check_allowed(
        &self,
        template: &Template,
        rule: &Rule,
        out: &mut Vec<Diagnostic>,
    ) {
        self.each_present(template, |place, given| {
            if self.contains(given) {
                return;
            }
            let pointer = place.pointer(&template.base);
            let strings = self.values.iter().filter_map(Value::as_str);
            let near = given
                .as_str()
                .and_then(|text| crate::suggest::nearest(text, strings));
            let replacement = match &self.values[..] {
                [only] => Some(only.clone()),
                _ => near.map(|n| Value::String(n.to_owned())),
            };
            let mut detail = format!("{} is not {}", show(given), self.listed());
            if let Some(near) = near {
                detail.push_str(&format!("; did you mean `{near}`?"));
            }
            let mut d = rule.finding(pointer.clone(), detail);
            if let Some(value) = replacement {
                d = d.fix(
                    format!("set to {}", show(&value)),
                    vec![Edit::Replace { pointer, value }],
                );
            }
            out.push(d);
        });
    }

    pub(crate) fn check_denied(&self, template: &Template, rule: &Rule, out: &mut Vec<Diagnostic>) {
        self.each_present(template, |place, given| {
            if self.contains(given) {
                let pointer = place.pointer(&template.base);
                out.push(rule.finding(pointer, format!("{} is not allowed", show(given))));
            }
        });
    }

    /// "one of `a`, `b` or `c`" (the first ten), or "`a`" for one value.
    fn listed(&self) -> String {
        let shown: Vec<String> = self.values.iter().take(10).map(plain).collect();
        let more = if self.values.len() > 10 { " …" } else { "" };
        match &shown[..] {
            [one] => format!("`{one}`"),
            _ => format!("one of {}{more}", super::pattern::quoted_list(&shown)),
        }
    }
}

/// Equal values; strings equal without regard to ASCII case.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(a), Value::String(b)) => a.eq_ignore_ascii_case(b),
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        _ => a == b,
    }
}

/// A value as messages quote it: strings without their JSON quotes.
fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn show(value: &Value) -> String {
    format!("`{}`", plain(value))
}
