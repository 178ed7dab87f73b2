//! `pattern`: a string property must match a regex or a named preset.
//!
//! ```json
//! { "id": "image-name", "severity": "error", "message": "Template names start with `img-`",
//!   "pattern": { "pointer": "/name", "regex": "^img-[a-z0-9-]+$" } }
//! { "id": "own-gallery-source", "severity": "error", "message": "Sources from our subscription",
//!   "pattern": { "pointer": "/properties/source/imageVersionId",
//!                "preset": "resourceIdInSubscription", "subscriptions": ["1111…"] } }
//! ```
//!
//! Regexes are those of the `regex-lite` crate: the syntax of `regex` (no look-around or
//! back-references, so matching takes linear time whatever the policy says) without its
//! Unicode tables, which would make the designer's WebAssembly hundreds of KiB larger.

use serde_json::{Map, Value};

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::model::Template;

/// A test for one string: a regex, or a preset that says it in words.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// Matches anywhere unless anchored with `^…$`, as regexes do.
    Regex(regex_lite::Regex),
    /// An Azure resource ID (`/subscriptions/<id>/…`) in one of these subscriptions (compared
    /// without regard to case, as ARM compares them).
    ResourceIdInSubscription(Vec<String>),
    /// An Azure resource ID in one of these resource groups, each written
    /// `/subscriptions/<id>/resourceGroups/<name>`.
    ResourceIdInResourceGroup(Vec<String>),
}

/// The preset names, as written in a policy file.
pub const PRESETS: [&str; 2] = ["resourceIdInSubscription", "resourceIdInResourceGroup"];

impl Pattern {
    /// True when `text` passes the test.
    pub fn is_match(&self, text: &str) -> bool {
        match self {
            Pattern::Regex(regex) => regex.is_match(text),
            Pattern::ResourceIdInSubscription(subscriptions) => {
                subscription_of(text).is_some_and(|s| {
                    subscriptions
                        .iter()
                        .any(|want| want.eq_ignore_ascii_case(s))
                })
            }
            Pattern::ResourceIdInResourceGroup(groups) => groups.iter().any(|group| {
                let group = group.trim_end_matches('/');
                text.len() > group.len()
                    && text.is_char_boundary(group.len())
                    && text[..group.len()].eq_ignore_ascii_case(group)
                    && text[group.len()..].starts_with('/')
            }),
        }
    }

    /// What the test asks, for messages: "matching `^img-`", "a resource ID in subscription `x`".
    pub fn describe(&self) -> String {
        match self {
            Pattern::Regex(regex) => format!("matching `{}`", regex.as_str()),
            Pattern::ResourceIdInSubscription(s) => {
                format!("a resource ID in subscription {}", quoted_list(s))
            }
            Pattern::ResourceIdInResourceGroup(g) => {
                format!("a resource ID in resource group {}", quoted_list(g))
            }
        }
    }

    /// Reads a pattern from a policy file: a string is a regex; an object has `regex`, or
    /// `preset` and the preset's list (`subscriptions` or `resourceGroups`). `extra` names the
    /// other keys the object may have (read by the caller).
    pub(crate) fn read(value: &Value, extra: &[&str]) -> Result<Pattern, String> {
        let object = match value {
            Value::String(regex) => return compile(regex),
            Value::Object(object) => object,
            _ => return Err("a pattern is a regex string or an object".to_owned()),
        };
        let known = ["regex", "preset", "subscriptions", "resourceGroups"];
        if let Some(unknown) = object
            .keys()
            .find(|k| !known.contains(&k.as_str()) && !extra.contains(&k.as_str()))
        {
            return Err(format!(
                "unknown field `{unknown}`, expected `regex` or `preset`"
            ));
        }
        match (object.get("regex"), object.get("preset")) {
            (Some(Value::String(regex)), None) => compile(regex),
            (None, Some(Value::String(preset))) => match preset.as_str() {
                "resourceIdInSubscription" => Ok(Pattern::ResourceIdInSubscription(strings(
                    object,
                    "subscriptions",
                )?)),
                "resourceIdInResourceGroup" => Ok(Pattern::ResourceIdInResourceGroup(strings(
                    object,
                    "resourceGroups",
                )?)),
                other => Err(format!(
                    "unknown preset `{other}`; presets: {}",
                    quoted_list(&PRESETS)
                )),
            },
            _ => Err("a pattern has either a `regex` string or a `preset` name".to_owned()),
        }
    }
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Pattern::Regex(a), Pattern::Regex(b)) => a.as_str() == b.as_str(),
            (Pattern::ResourceIdInSubscription(a), Pattern::ResourceIdInSubscription(b))
            | (Pattern::ResourceIdInResourceGroup(a), Pattern::ResourceIdInResourceGroup(b)) => {
                a == b
            }
            _ => false,
        }
    }
}

/// The subscription of a resource ID: `/subscriptions/<this>/…`.
fn subscription_of(text: &str) -> Option<&str> {
    let mut parts = text.strip_prefix('/')?.split('/');
    let keyword = parts.next()?;
    keyword
        .eq_ignore_ascii_case("subscriptions")
        .then(|| parts.next())
        .flatten()
        .filter(|s| !s.is_empty())
}

/// Regexes longer than this are refused: a policy's regexes are short, and the compiled size
/// of a hostile one grows with its text.
const MAX_REGEX_LEN: usize = 1000;

fn compile(regex: &str) -> Result<Pattern, String> {
    if regex.len() > MAX_REGEX_LEN {
        return Err(format!(
            "the regex is longer than {MAX_REGEX_LEN} characters"
        ));
    }
    regex_lite::Regex::new(regex)
        .map(Pattern::Regex)
        .map_err(|e| format!("invalid regex: {e}"))
}

fn strings(object: &Map<String, Value>, key: &str) -> Result<Vec<String>, String> {
    let list = object
        .get(key)
        .and_then(Value::as_array)
        .filter(|l| !l.is_empty())
        .ok_or_else(|| format!("this preset needs `{key}`, a list of strings"))?;
    list.iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| format!("`{key}` is a list of strings"))
}

/// `` `a`, `b` or `c` ``.
pub(crate) fn quoted_list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{}`", i.as_ref())).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// The `pattern` rule: the strings at `pointer` pass `pattern`.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternRule {
    pub pointer: String,
    pub pattern: Pattern,
    /// `pointer`, read once.
    selector: super::select::Selector,
}

impl PatternRule {
    pub(crate) fn read(value: &Value) -> Result<PatternRule, String> {
        let pointer = super::read_pointer(value)?;
        Ok(PatternRule {
            selector: super::select::Selector::new(&pointer),
            pointer,
            pattern: Pattern::read(value, &["pointer"])?,
        })
    }

    pub(crate) fn check(&self, template: &Template, rule: &Rule, out: &mut Vec<Diagnostic>) {
        self.selector.each(template.value, |place, value| {
            let Some(text) = value.as_str() else { return };
            if super::not_yet_known(text) || self.pattern.is_match(text) {
                return;
            }
            let detail = format!("`{text}` is not {}", self.pattern.describe());
            out.push(rule.finding(place.pointer(&template.base), detail));
        });
    }
}
