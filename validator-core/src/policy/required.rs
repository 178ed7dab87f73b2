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

use super::select::Selector;
use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::model::Template;
use crate::pointer;

/// Pointers from the template resource, `*` for every entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Required {
    pub pointers: Vec<String>,
    /// Each pointer read once: where its property is looked for, and its name.
    #[serde(skip)]
    wanted: Vec<Wanted>,
}

/// A required property: the object (or objects, with `*`) it belongs in, and its key.
#[derive(Debug, Clone, PartialEq)]
struct Wanted {
    /// The whole pointer, when it has no `*`.
    exact: Option<Selector>,
    parent: Selector,
    key: String,
}

impl Required {
    pub(crate) fn read(value: &Value) -> Result<Required, String> {
        let mut required: Required = super::from_value(value)?;
        if let Some(p) = required.pointers.iter().find(|p| !p.starts_with('/')) {
            return Err(format!("`{p}` is not a JSON pointer such as `/location`"));
        }
        if required.pointers.is_empty() {
            return Err("`pointers` lists at least one".into());
        }
        required.wanted = required
            .pointers
            .iter()
            .map(|wanted| {
                let (parent, key) = wanted.rsplit_once('/').unwrap_or(("", wanted));
                let parent = Selector::new(parent);
                Wanted {
                    exact: (!parent.has_wildcard()).then(|| Selector::new(wanted)),
                    parent,
                    key: pointer::unescape(key),
                }
            })
            .collect();
        Ok(required)
    }

    pub(crate) fn check(&self, template: &Template, rule: &Rule, out: &mut Vec<Diagnostic>) {
        for (wanted, written) in self.wanted.iter().zip(&self.pointers) {
            let key = &wanted.key;
            if let Some(exact) = &wanted.exact {
                // Without a wildcard, a missing ancestor means the property is missing too:
                // the finding falls back to the nearest node that exists.
                if exact.resolve(template.value).is_none() {
                    let at = template.ptr(written);
                    out.push(rule.finding(at, format!("`{key}` is missing")).at_key());
                }
                continue;
            }
            wanted.parent.each(template.value, |place, entry| {
                if entry
                    .as_object()
                    .is_some_and(|o| pointer::get(o, key).is_none())
                {
                    let at = place.pointer(&template.base);
                    out.push(rule.finding(at, format!("`{key}` is missing")));
                }
            });
        }
    }
}

pub(crate) fn check_tags(
    tags: &[String],
    template: &Template,
    rule: &Rule,
    out: &mut Vec<Diagnostic>,
) {
    let given = template.get("/tags");
    if given.is_some_and(crate::model::is_expression_value) {
        return;
    }
    let present = given.and_then(Value::as_object);
    for tag in tags {
        let found = present.is_some_and(|map| map.keys().any(|k| k.eq_ignore_ascii_case(tag)));
        if !found {
            // At the tag's own place, where the designer shows a field for it; the span falls
            // back to `tags` (or the resource) as for any missing property.
            let at = template.ptr(&pointer::join("/tags", tag));
            out.push(
                rule.finding(at, format!("the tag `{tag}` is missing"))
                    .at_key(),
            );
        }
    }
}
