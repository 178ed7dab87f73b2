//! JSON pointers (RFC 6901): building, splitting and resolving them in a document.
//!
//! Every diagnostic is addressed by a pointer from the root of the file the user gave, so
//! the same pointer works for the CLI, the app's form fields and the span index.

use std::borrow::Cow;

use serde_json::{Map, Value};

/// Escapes one reference token (`~` becomes `~0`, `/` becomes `~1`).
pub fn escape(token: &str) -> String {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1")
    } else {
        token.to_owned()
    }
}

/// Appends `/` and the escaped token to a pointer being built (no allocation of its own).
pub fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    if token.contains(['~', '/']) {
        pointer.push_str(&escape(token));
    } else {
        pointer.push_str(token);
    }
}

/// Reverses [`escape`].
pub fn unescape(token: &str) -> String {
    if token.contains('~') {
        token.replace("~1", "/").replace("~0", "~")
    } else {
        token.to_owned()
    }
}

/// `base` followed by one more token.
pub fn join(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    out.push_str(&escape(token));
    out
}

/// The part of `pointer` below `base` (`""` for `base` itself, else starting with `/`), or
/// `None` when `pointer` is not `base` or inside it. A plain prefix test would take
/// `/resources/10/type` to be inside `/resources/1`.
///
/// ```
/// use validator_core::pointer::relative_to;
/// assert_eq!(relative_to("/resources/1/type", "/resources/1"), Some("/type"));
/// assert_eq!(relative_to("/resources/1", "/resources/1"), Some(""));
/// assert_eq!(relative_to("/resources/10/type", "/resources/1"), None);
/// assert_eq!(relative_to("/location", ""), Some("/location"));
/// ```
pub fn relative_to<'p>(pointer: &'p str, base: &str) -> Option<&'p str> {
    let rest = pointer.strip_prefix(base)?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

/// `base` followed by an array index.
pub fn join_index(base: &str, index: usize) -> String {
    format!("{base}/{index}")
}

/// The unescaped tokens of a pointer; the empty pointer (the whole document) has none.
pub fn tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .strip_prefix('/')
        .unwrap_or(pointer)
        .split('/')
        .map(unescape)
        .collect()
}

/// The tokens of a pointer as [`tokens`] gives them, each copied only when it holds an escape:
/// the span lookup of every finding split its pointer into new strings.
pub fn token_iter(pointer: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let rest = (!pointer.is_empty()).then(|| pointer.strip_prefix('/').unwrap_or(pointer));
    rest.into_iter()
        .flat_map(|rest| rest.split('/'))
        .map(|token| {
            if token.contains('~') {
                Cow::Owned(unescape(token))
            } else {
                Cow::Borrowed(token)
            }
        })
}

/// The pointer of the enclosing value, or `None` for the root.
pub fn parent(pointer: &str) -> Option<&str> {
    if pointer.is_empty() {
        None
    } else {
        Some(&pointer[..pointer.rfind('/').unwrap_or(0)])
    }
}

/// The last token, unescaped (a key or an index), or `None` for the root.
pub fn last_token(pointer: &str) -> Option<String> {
    if pointer.is_empty() {
        return None;
    }
    pointer.rfind('/').map(|i| unescape(&pointer[i + 1..]))
}

/// Objects up to this many members are searched by comparing keys: a template's objects are
/// small, and hashing the key (SipHash, in serde_json's map) costs more than the comparisons.
const SCANNED_MEMBERS: usize = 16;

/// The member `key` of an object, with the key as stored. Use it instead of `Map::get` on
/// paths every check walks.
///
/// ```
/// use serde_json::json;
/// use validator_core::pointer::member;
/// let doc = json!({"location": "westeurope", "tags": {}});
/// let (key, value) = member(doc.as_object().unwrap(), "location").unwrap();
/// assert_eq!((key.as_str(), value.as_str()), ("location", Some("westeurope")));
/// assert!(member(doc.as_object().unwrap(), "Location").is_none());
/// ```
pub fn member<'a>(map: &'a Map<String, Value>, key: &str) -> Option<(&'a String, &'a Value)> {
    if map.len() <= SCANNED_MEMBERS {
        map.iter().find(|(k, _)| k.as_str() == key)
    } else {
        map.get_key_value(key)
    }
}

/// The value of the member `key`, as [`member`] finds it.
pub fn get<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    member(map, key).map(|(_, value)| value)
}

/// Looks a pointer up in a document.
pub fn resolve<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    // `Value::pointer` unescapes every token with `str::replace` (two allocations each); rules
    // look up fixed paths many times per check, so only tokens with `~` are unescaped here.
    if pointer.is_empty() {
        return Some(root);
    }
    let mut current = root;
    for token in pointer.strip_prefix('/')?.split('/') {
        let unescaped;
        let token = if memchr::memchr(b'~', token.as_bytes()).is_some() {
            unescaped = unescape(token);
            unescaped.as_str()
        } else {
            token
        };
        current = match current {
            Value::Object(map) => get(map, token)?,
            Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn escapes_and_unescapes_round_trip() {
        for token in ["plain", "a/b", "x~y", "~1", "/~0/"] {
            assert_eq!(unescape(&escape(token)), token);
        }
        assert_eq!(escape("a/b~c"), "a~1b~0c");
    }

    #[test]
    fn joins_splits_and_finds_parents() {
        let p = join(&join_index("/resources", 0), "a/b");
        assert_eq!(p, "/resources/0/a~1b");
        assert_eq!(tokens(&p), vec!["resources", "0", "a/b"]);
        for p in [p.as_str(), "", "/", "a", "/a~0b//c"] {
            assert_eq!(token_iter(p).collect::<Vec<_>>(), tokens(p), "{p:?}");
        }
        assert_eq!(parent(&p), Some("/resources/0"));
        assert_eq!(parent("/resources"), Some(""));
        assert_eq!(parent(""), None);
        assert_eq!(last_token(&p).as_deref(), Some("a/b"));
    }

    #[test]
    fn resolves_in_a_document() {
        let doc = json!({"a/b": [1, {"c": true}]});
        assert_eq!(resolve(&doc, "/a~1b/1/c"), Some(&json!(true)));
        assert_eq!(resolve(&doc, "/missing"), None);
    }
}
