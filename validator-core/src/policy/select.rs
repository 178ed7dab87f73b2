//! Policy pointers: JSON pointers from the image template resource in which a `*` token stands
//! for every entry of a list (or every member of an object), e.g. `/properties/customize/*/scriptUri`.

use std::fmt::Write;

use serde_json::Value;

use crate::pointer;

/// The token that matches every entry.
pub const WILDCARD: &str = "*";

/// True when `pattern` has a wildcard token.
pub fn has_wildcard(pattern: &str) -> bool {
    pointer::token_iter(pattern).any(|t| t == WILDCARD)
}

/// A policy pointer read once, when the policy is: its tokens unescaped and `*` marked, so
/// that checking a template walks it without splitting strings, and writes a pointer only for
/// a finding (splitting and writing pointers for every value selected was most of what a
/// policy added to a check).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selector {
    tokens: Vec<Token>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// `*`: every entry or member.
    Any,
    /// One member, or the entry at `index` when it reads as one.
    Name { key: String, index: Option<usize> },
}

/// A member's key or an entry's index, on the way from the template to a selected value.
#[derive(Debug, Clone, Copy)]
pub enum Key<'v> {
    Name(&'v str),
    Index(usize),
}

/// Where a selected value is: the keys and indexes walked to it, each step on the stack of
/// the walk (a list from the value back to the template), so selecting allocates nothing.
pub struct Place<'p, 'v>(Option<&'p Step<'p, 'v>>);

/// One step of a walk, and the one before it.
pub struct Step<'p, 'v> {
    key: Key<'v>,
    before: Option<&'p Step<'p, 'v>>,
}

impl Place<'_, '_> {
    /// The pointer of the place, `base` (the template's pointer) first.
    pub fn pointer(&self, base: &str) -> String {
        let mut keys = Vec::new();
        let mut step = self.0;
        while let Some(s) = step {
            keys.push(s.key);
            step = s.before;
        }
        let mut at = String::with_capacity(base.len() + 16 * keys.len());
        at.push_str(base);
        for key in keys.iter().rev() {
            match key {
                Key::Name(name) => pointer::push_token(&mut at, name),
                Key::Index(i) => {
                    let _ = write!(at, "/{i}");
                }
            }
        }
        at
    }
}

impl Selector {
    pub fn new(pattern: &str) -> Selector {
        let tokens = pointer::token_iter(pattern)
            .map(|t| match t.as_ref() {
                WILDCARD => Token::Any,
                key => Token::Name {
                    index: key.parse().ok(),
                    key: key.to_owned(),
                },
            })
            .collect();
        Selector { tokens }
    }

    /// True when the pointer has a `*`.
    pub fn has_wildcard(&self) -> bool {
        self.tokens.contains(&Token::Any)
    }

    /// Calls `visit` with every value the pointer selects under `value`, and its place.
    /// Missing members select nothing.
    pub fn each<'v>(&self, value: &'v Value, mut visit: impl FnMut(&Place<'_, 'v>, &'v Value)) {
        walk(value, &self.tokens, None, &mut visit);
    }

    /// The one value a pointer without `*` selects, if present.
    pub fn resolve<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        self.tokens
            .iter()
            .try_fold(value, |value, token| match token {
                Token::Any => None,
                Token::Name { key, index } => step(value, key, *index).map(|(_, v)| v),
            })
    }
}

/// The child `key` of `value`: a member, or the entry at `index`.
fn step<'v>(value: &'v Value, key: &str, index: Option<usize>) -> Option<(Key<'v>, &'v Value)> {
    match value {
        Value::Object(map) => pointer::member(map, key).map(|(k, v)| (Key::Name(k.as_str()), v)),
        Value::Array(items) => index.and_then(|i| Some((Key::Index(i), items.get(i)?))),
        _ => None,
    }
}

fn walk<'p, 'v>(
    value: &'v Value,
    tokens: &[Token],
    before: Option<&'p Step<'p, 'v>>,
    visit: &mut dyn FnMut(&Place<'_, 'v>, &'v Value),
) {
    let Some((token, rest)) = tokens.split_first() else {
        visit(&Place(before), value);
        return;
    };
    let mut descend = |key: Key<'v>, child: &'v Value| {
        let step = Step { key, before };
        walk(child, rest, Some(&step), visit);
    };
    match (token, value) {
        (Token::Any, Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                descend(Key::Index(i), item);
            }
        }
        (Token::Any, Value::Object(map)) => {
            for (key, child) in map {
                descend(Key::Name(key), child);
            }
        }
        (Token::Name { key, index }, _) => {
            if let Some((key, child)) = step(value, key, *index) {
                descend(key, child);
            }
        }
        _ => {}
    }
}

/// Every value that `pattern` selects under `value`, with its pointer (`base` followed by the
/// concrete tokens). Missing members select nothing.
///
/// ```
/// use serde_json::json;
/// use validator_core::policy::select::select;
/// let doc = json!({"customize": [{"name": "a"}, {"type": "Shell"}, {"name": "c"}]});
/// let names: Vec<_> = select(&doc, "/resources/0", "/customize/*/name")
///     .into_iter()
///     .map(|(pointer, value)| (pointer, value.as_str().unwrap()))
///     .collect();
/// assert_eq!(names, [("/resources/0/customize/0/name".to_owned(), "a"), ("/resources/0/customize/2/name".to_owned(), "c")]);
/// ```
pub fn select<'v>(value: &'v Value, base: &str, pattern: &str) -> Vec<(String, &'v Value)> {
    let mut out = Vec::new();
    Selector::new(pattern).each(value, |place, v| out.push((place.pointer(base), v)));
    out
}

/// True when the concrete pointer `concrete` (from the template resource) is one that
/// `pattern` selects: each `*` stands for any one token.
///
/// ```
/// use validator_core::policy::select::matches;
/// assert!(matches("/properties/customize/*/scriptUri", "/properties/customize/3/scriptUri"));
/// assert!(!matches("/properties/customize/*/scriptUri", "/properties/customize/3"));
/// ```
pub fn matches(pattern: &str, concrete: &str) -> bool {
    let mut wanted = pointer::token_iter(pattern);
    let mut given = pointer::token_iter(concrete);
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return true,
            (Some(w), Some(g)) if w == WILDCARD || w == g => {}
            _ => return false,
        }
    }
}
