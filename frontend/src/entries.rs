//! What a list of entries (customizers, distribution targets, validators) needs to know about
//! each entry without rendering its form: when the list turns into compact rows, each row's
//! title, the error count of every entry (found in one pass over the diagnostics), and which
//! entry a pointer lands in.

use std::collections::HashMap;

use serde_json::Value;
use validator_core::pointer::relative_to;
use validator_core::{Diagnostic, Severity};

use crate::pointers::FilePointer;

/// Lists longer than this show one compact row per entry and open one entry at a time. A full
/// entry form is some 20 to 60 elements with its own diagnostics lookups; 50 of them still
/// render within a frame or two, and the longest real templates we have seen stay below it, so
/// everyday lists keep every entry open as before.
pub const COMPACT_ABOVE: usize = 50;

/// Rows a long list renders at first, and rows added in each later task: rendering thousands
/// of rows at once blocks the page for half a second, while a few hundred take a frame or two.
pub const FIRST_ROWS: usize = 200;
pub const ROWS_PER_STEP: usize = 400;

/// How many rows (from the first) to render: those shown so far, at most all.
pub fn rows_to_render(count: usize, shown: usize) -> usize {
    shown.min(count)
}

/// Whether a list of `count` entries is shown as compact rows.
pub fn is_compact(count: usize) -> bool {
    count > COMPACT_ABOVE
}

/// The one-line title of entry `index`: its number (from 1), type and name, e.g.
/// `4000. Shell step-3999`.
pub fn entry_title(index: usize, item: &Value) -> String {
    let kind = item.get("type").and_then(Value::as_str).unwrap_or("");
    let name = item
        .get("name")
        .or_else(|| item.get("runOutputName"))
        .and_then(Value::as_str)
        .unwrap_or("");
    format!("{}. {} {}", index + 1, kind, name)
        .trim_end()
        .to_owned()
}

/// The index of the entry of the list at `list` that `pointer` (a diagnostic's, from the
/// file's root) is at or inside, if any.
pub fn entry_index(list: &FilePointer, pointer: &str) -> Option<usize> {
    let rest = relative_to(pointer, list.as_str())?.strip_prefix('/')?;
    let token = rest.split('/').next()?;
    // JSON Pointer array indices are plain digits: "+1" or "" are not entries.
    if token.is_empty() || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

/// How many errors each entry of the list at `list` has, by entry index: one pass over the
/// diagnostics, so a row looks its count up instead of scanning them all.
pub fn errors_by_entry(list: &FilePointer, diagnostics: &[Diagnostic]) -> HashMap<usize, usize> {
    let mut counts = HashMap::new();
    for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        if let Some(index) = entry_index(list, &d.pointer) {
            *counts.entry(index).or_default() += 1;
        }
    }
    counts
}

/// "Customize" → "customizer", "Distribute" → "distribution target".
pub fn singular(label: &str) -> String {
    match label {
        "Customize" => "customizer".into(),
        "Distribute" => "distribution target".into(),
        "In VM validations" => "validator".into(),
        "Target regions" => "target region".into(),
        other => format!("{} entry", other.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn long_lists_only_are_compact() {
        assert!(!is_compact(0));
        assert!(!is_compact(COMPACT_ABOVE));
        assert!(is_compact(COMPACT_ABOVE + 1));
        assert!(is_compact(4600));
    }

    #[test]
    fn rows_render_progressively_up_to_the_whole_list() {
        assert_eq!(rows_to_render(4600, FIRST_ROWS), FIRST_ROWS);
        assert_eq!(rows_to_render(120, FIRST_ROWS), 120);
        assert_eq!(rows_to_render(4600, 9000), 4600);
    }

    #[test]
    fn titles_show_number_type_and_name() {
        assert_eq!(
            entry_title(3999, &json!({"type": "Shell", "name": "step-3999"})),
            "4000. Shell step-3999"
        );
        assert_eq!(
            entry_title(0, &json!({"type": "VHD", "runOutputName": "vhd"})),
            "1. VHD vhd"
        );
        assert_eq!(entry_title(1, &json!({})), "2.");
    }

    #[test]
    fn pointers_land_in_their_entry_and_never_in_a_longer_prefix() {
        let list = &FilePointer::from("/resources/1/properties/customize");
        assert_eq!(entry_index(list, &format!("{list}/3999/name")), Some(3999));
        assert_eq!(entry_index(list, &format!("{list}/7")), Some(7));
        assert_eq!(entry_index(list, list.as_str()), None);
        assert_eq!(entry_index(list, &format!("{list}/+1")), None);
        assert_eq!(entry_index(list, &format!("{list}/")), None);
        assert_eq!(entry_index(list, &format!("{list}X/1")), None);
        assert_eq!(
            entry_index(list, "/resources/10/properties/customize/1"),
            None
        );
    }

    fn diagnostic(pointer: &str, severity: Severity) -> Diagnostic {
        Diagnostic::new(&validator_core::rules::syntax::INVALID_JSON, pointer, "m")
            .severity(severity)
    }

    #[test]
    fn errors_are_counted_per_entry_in_one_pass() {
        let list = &FilePointer::from("/properties/customize");
        let diagnostics = [
            diagnostic("/properties/customize/3999/name", Severity::Error),
            diagnostic("/properties/customize/3999", Severity::Error),
            diagnostic("/properties/customize/2/inline", Severity::Warning),
            diagnostic("/properties/customize", Severity::Error),
            diagnostic("/properties/distribute/0", Severity::Error),
        ];
        let counts = errors_by_entry(list, &diagnostics);
        assert_eq!(counts.get(&3999), Some(&2));
        assert_eq!(counts.get(&2), None);
        assert_eq!(counts.len(), 1);
    }
}
