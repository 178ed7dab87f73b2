//! Policy pointers: JSON pointers from the image template resource in which a `*` token stands
//! for every entry of a list (or every member of an object), e.g. `/properties/customize/*/scriptUri`.

use std::fmt::Write;

use serde_json::Value;

use crate::pointer;

/// A member's key or an entry's index, written into a pointer only once it is walked.
enum Key<'k> {
    Name(&'k str),
    Index(usize),
}

/// The token that matches every entry.
pub const WILDCARD: &str = "*";

/// True when `pattern` has a wildcard token.
pub fn has_wildcard(pattern: &str) -> bool {
    pointer::token_iter(pattern).any(|t| t == WILDCARD)
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
    let tokens: Vec<_> = pointer::token_iter(pattern).collect();
    let mut out = Vec::new();
    // Room for the whole pointer up front: growing it token by token reallocated it each time
    // (a third of a policy's check time).
    let mut at = String::with_capacity(base.len() + pattern.len() + 16);
    at.push_str(base);
    walk(value, &mut at, &tokens, &mut out);
    out
}

fn walk<'v>(
    value: &'v Value,
    at: &mut String,
    tokens: &[std::borrow::Cow<'_, str>],
    out: &mut Vec<(String, &'v Value)>,
) {
    let Some((token, rest)) = tokens.split_first() else {
        out.push((at.clone(), value));
        return;
    };
    let len = at.len();
    let mut visit = |key: Key, child: &'v Value, at: &mut String| {
        match key {
            Key::Name(name) => pointer::push_token(at, name),
            Key::Index(i) => {
                let _ = write!(at, "/{i}");
            }
        }
        walk(child, at, rest, out);
        at.truncate(len);
    };
    match value {
        Value::Array(items) if token == WILDCARD => {
            for (i, item) in items.iter().enumerate() {
                visit(Key::Index(i), item, at);
            }
        }
        Value::Object(map) if token == WILDCARD => {
            for (key, child) in map {
                visit(Key::Name(key), child, at);
            }
        }
        Value::Array(items) => {
            if let Some((i, item)) = token
                .parse::<usize>()
                .ok()
                .and_then(|i| Some((i, items.get(i)?)))
            {
                visit(Key::Index(i), item, at);
            }
        }
        Value::Object(map) => {
            if let Some(child) = map.get(token.as_ref()) {
                visit(Key::Name(token), child, at);
            }
        }
        _ => {}
    }
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
