//! Reading a report back from its serialized form, as an editor does when a worker thread
//! checks for it: the few `&'static str` fields (rule codes and names, the OS) come back as
//! the same static strings.
//!
//! Each distinct string is allocated once and kept for the program's life. There are as many
//! as there are rules, so the set is small; past [`LIMIT`] strings, reading fails instead of
//! growing without bound.

use std::collections::BTreeSet;
use std::sync::Mutex;

use serde::{Deserialize, Deserializer};

/// More distinct strings than any report of this crate can hold (one per rule, three OS names,
/// and the codes and ids of the few policies loaded in one session).
const LIMIT: usize = 4096;

static INTERNED: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());

/// The static string equal to `text`; `None` once [`LIMIT`] strings are kept. Policies intern
/// their rules' codes here, so that their findings carry them as the built-in rules do.
pub(crate) fn intern(text: &str) -> Option<&'static str> {
    let mut set = INTERNED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(found) = set.get(text) {
        return Some(found);
    }
    if set.len() >= LIMIT {
        return None;
    }
    let leaked: &'static str = Box::leak(text.to_owned().into_boxed_str());
    set.insert(leaked);
    Some(leaked)
}

/// `#[serde(deserialize_with = "crate::intern::deserialize")]` for a `&'static str` field.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let text = std::borrow::Cow::<str>::deserialize(d)?;
    intern(&text).ok_or_else(|| serde::de::Error::custom("too many distinct codes"))
}

#[cfg(test)]
mod tests {
    use super::intern;

    #[test]
    fn equal_texts_share_one_static_string() {
        let a = intern("AIB001").unwrap();
        let b = intern(&String::from("AIB001")).unwrap();
        assert!(std::ptr::eq(a, b));
    }

    #[test]
    fn a_report_survives_a_round_trip_through_json() {
        let text = r#"{"location": "westeurope", "properties": {"source": {"type": "PlatformImage"}}} // c"#;
        let report = crate::check(text, &Default::default());
        assert!(!report.diagnostics.is_empty());
        let wire = serde_json::to_string(&report).unwrap();
        let back: crate::Report = serde_json::from_str(&wire).unwrap();
        // The anchor is not sent: it only served to place the span, which is sent.
        let without_anchor = |r: &crate::Report| {
            let mut r = r.clone();
            r.diagnostics
                .iter_mut()
                .for_each(|d| d.anchor = Default::default());
            r
        };
        assert_eq!(without_anchor(&back), without_anchor(&report));
    }
}
