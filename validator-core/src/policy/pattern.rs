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

use std::collections::HashMap;
use std::sync::Mutex;

use serde_json::{Map, Value};

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::model::Template;

/// A test for one string: a regex, or a preset that says it in words.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// Matches anywhere unless anchored with `^…$`, as regexes do.
    Regex(RememberingRegex),
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
        .map(|regex| Pattern::Regex(RememberingRegex::new(regex)))
        .map_err(|e| format!("invalid regex: {e}"))
}

/// A regex and the answers it gave. The designer and the language server check the whole
/// template again on every keystroke, so the same values meet the same regexes again and
/// again; regex-lite runs an NFA over every character (no DFA, which would make the designer's
/// WebAssembly far larger), and those runs were most of what a policy added to a check.
/// An unchanged value now costs a lookup.
#[derive(Debug)]
pub struct RememberingRegex {
    regex: regex_lite::Regex,
    answers: Mutex<HashMap<String, bool, foldhash::fast::FixedState>>,
}

/// Answers kept per regex before they are forgotten all at once: a template has a few hundred
/// strings at most, and a policy a few dozen regexes.
const REMEMBERED: usize = 512;

/// Longer texts are matched every time: not worth keeping a copy of.
const REMEMBERED_LEN: usize = 256;

impl RememberingRegex {
    fn new(regex: regex_lite::Regex) -> Self {
        RememberingRegex {
            regex,
            answers: Mutex::default(),
        }
    }

    pub fn as_str(&self) -> &str {
        self.regex.as_str()
    }

    pub fn is_match(&self, text: &str) -> bool {
        let Some(mut answers) = (text.len() <= REMEMBERED_LEN)
            .then(|| self.answers.lock().ok())
            .flatten()
        else {
            return self.regex.is_match(text);
        };
        if let Some(&answer) = answers.get(text) {
            return answer;
        }
        let answer = self.regex.is_match(text);
        if answers.len() >= REMEMBERED {
            answers.clear();
        }
        answers.insert(text.to_owned(), answer);
        answer
    }
}

impl Clone for RememberingRegex {
    /// The same regex, with nothing remembered yet.
    fn clone(&self) -> Self {
        RememberingRegex::new(self.regex.clone())
    }
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

#[cfg(test)]
mod tests {
    use super::RememberingRegex;

    proptest::proptest! {
        /// What is remembered is what the regex says, first time or again, and after more
        /// texts than are kept.
        #[test]
        fn a_remembered_answer_is_the_regexs(texts in proptest::collection::vec("[a-c-]{0,6}", 1..40)) {
            let regex = regex_lite::Regex::new("^[ab]+-c?$").unwrap();
            let remembering = RememberingRegex::new(regex.clone());
            for round in 0..2 {
                for text in &texts {
                    proptest::prop_assert_eq!(remembering.is_match(text), regex.is_match(text), "{} {}", round, text);
                }
            }
        }
    }

    #[test]
    fn answers_are_forgotten_all_at_once_when_too_many() {
        let remembering = RememberingRegex::new(regex_lite::Regex::new("7$").unwrap());
        for i in 0..super::REMEMBERED + 3 {
            assert_eq!(remembering.is_match(&i.to_string()), i % 10 == 7);
        }
        assert_eq!(remembering.answers.lock().unwrap().len(), 3);
        let long = "7".repeat(super::REMEMBERED_LEN + 1);
        assert!(remembering.is_match(&long));
        assert_eq!(
            remembering.answers.lock().unwrap().len(),
            3,
            "long texts are not kept"
        );
    }
}
