//! Drafts: each tab's own work (in `sessionStorage`, which is per tab and survives a reload
//! of that tab) and the index of recent drafts shared by every tab (in `localStorage`).
//!
//! One shared autosave slot made the last tab to write win, silently (issue 8, defect 3). Now
//! a tab only ever writes its own draft id, so tabs cannot overwrite each other. Each recent
//! draft is stored under its own key, so a corrupted entry never stops the others from
//! loading. This module is pure (encoding, caps, choosing what to open); `draft_storage`
//! does the reading and writing.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::storage::Restored;

/// This tab's draft, in `sessionStorage`.
pub const TAB_KEY: &str = "aib-designer/tab-draft/v2";
/// Prefix of each recent draft's key in `localStorage`; the draft id follows.
pub const ENTRY_PREFIX: &str = "aib-designer/draft/v2/";
/// How many recent drafts are kept.
pub const MAX_RECENT: usize = 20;
/// How much text the recent drafts may take together (in characters), leaving room in the
/// browser's usual 5 MB per site for this tab's draft and its history.
pub const MAX_RECENT_CHARS: usize = 3 * 1024 * 1024;
/// How many undo steps survive a reload, and how much text they may take together: 1 M
/// characters is 2 MB as browsers count storage (UTF-16), so with the text itself a 1 MB
/// template and one undo step still fit the usual 5 M characters of `sessionStorage`.
pub const MAX_HISTORY_STEPS: usize = 50;
pub const MAX_HISTORY_CHARS: usize = 1024 * 1024;

const VERSION: u32 = 2;

/// What a tab keeps of its work across a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TabDraft {
    pub version: u32,
    pub id: String,
    pub text: String,
    /// The open section of the form.
    pub section: usize,
    /// Undo steps, oldest first, already capped by `cap_history`.
    pub undo: Vec<String>,
}

impl TabDraft {
    pub fn new(id: &str, text: &str, section: usize, undo: Vec<String>) -> Self {
        TabDraft {
            version: VERSION,
            id: id.to_owned(),
            text: text.to_owned(),
            section,
            undo,
        }
    }
}

/// One recent draft, as listed in "Recent drafts".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftEntry {
    pub version: u32,
    pub id: String,
    pub name: String,
    /// Milliseconds since the epoch.
    pub saved_at: f64,
    pub errors: usize,
    pub text: String,
}

impl DraftEntry {
    pub fn new(id: &str, name: &str, saved_at: f64, errors: usize, text: &str) -> Self {
        DraftEntry {
            version: VERSION,
            id: id.to_owned(),
            name: name.to_owned(),
            saved_at,
            errors,
            text: text.to_owned(),
        }
    }
}

/// A stored recent draft, or what is left of one that cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Listed {
    Draft(DraftEntry),
    /// Kept raw, so the user can download it.
    Corrupted {
        key: String,
        raw: String,
    },
}

/// What was found in this tab's `sessionStorage`.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Nothing,
    Draft(TabDraft),
    Corrupted(String),
}

pub fn entry_key(id: &str) -> String {
    format!("{ENTRY_PREFIX}{id}")
}

/// The draft id a `localStorage` key belongs to, if it is a recent draft's key.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(ENTRY_PREFIX)
}

/// A fresh draft id from the time and a random number (both given, so this stays pure).
pub fn new_id(now_ms: f64, random: f64) -> String {
    format!(
        "{:x}-{:06x}",
        now_ms as u64,
        (random * f64::from(0xff_ffff)) as u32
    )
}

pub fn encode<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

pub fn decode_tab(raw: Option<String>) -> Found {
    match raw {
        None => Found::Nothing,
        Some(raw) => match serde_json::from_str::<TabDraft>(&raw) {
            Ok(draft) if draft.version == VERSION => Found::Draft(draft),
            _ => Found::Corrupted(raw),
        },
    }
}

pub fn decode_entry(key: &str, raw: String) -> Listed {
    match serde_json::from_str::<DraftEntry>(&raw) {
        Ok(entry) if entry.version == VERSION && id_of_key(key) == Some(entry.id.as_str()) => {
            Listed::Draft(entry)
        }
        _ => Listed::Corrupted {
            key: key.to_owned(),
            raw,
        },
    }
}

/// Newest first; unreadable entries last, so they never hide a readable one.
pub fn sort_recent(mut listed: Vec<Listed>) -> Vec<Listed> {
    let time = |l: &Listed| match l {
        Listed::Draft(e) => e.saved_at,
        Listed::Corrupted { .. } => f64::NEG_INFINITY,
    };
    listed.sort_by(|a, b| time(b).total_cmp(&time(a)));
    listed
}

/// The keys of the drafts to remove so at most `MAX_RECENT` drafts of at most
/// `MAX_RECENT_CHARS` remain: the oldest go first, `keep` (the draft being saved) never.
/// Unreadable entries are left alone: they are the user's to download or discard.
pub fn evictions(listed: &[Listed], keep: &str) -> Vec<String> {
    let mut drafts: Vec<&DraftEntry> = listed
        .iter()
        .filter_map(|l| match l {
            Listed::Draft(e) if e.id != keep => Some(e),
            _ => None,
        })
        .collect();
    drafts.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
    let kept_chars = listed
        .iter()
        .find_map(|l| match l {
            Listed::Draft(e) if e.id == keep => Some(e.text.len()),
            _ => None,
        })
        .unwrap_or(0);
    let mut count = 1;
    let mut chars = kept_chars;
    let mut evicted = Vec::new();
    for entry in drafts {
        count += 1;
        chars += entry.text.len();
        if count > MAX_RECENT || chars > MAX_RECENT_CHARS {
            evicted.push(entry_key(&entry.id));
        }
    }
    evicted.reverse();
    evicted
}

/// The most recent undo steps that fit the caps, oldest first; a single step larger than the
/// whole cap is left out (the text itself is saved anyway).
pub fn cap_history<S: Borrow<String>>(undo: &[S]) -> Vec<String> {
    let mut chars = 0;
    let mut kept: Vec<String> = undo
        .iter()
        .rev()
        .take(MAX_HISTORY_STEPS)
        .take_while(|step| {
            chars += Borrow::<String>::borrow(*step).len();
            chars <= MAX_HISTORY_CHARS
        })
        .map(|s| Borrow::<String>::borrow(s).clone())
        .collect();
    kept.reverse();
    kept
}

/// The name shown for a draft: the edited template's `name`, or a placeholder.
pub fn draft_name(template: Option<&Value>) -> String {
    template
        .and_then(|t| t.get("name"))
        .and_then(Value::as_str)
        .filter(|n| !n.trim().is_empty())
        .unwrap_or("Untitled template")
        .to_owned()
}

/// What a tab opens with.
#[derive(Debug, Clone, PartialEq)]
pub enum Start {
    /// A new draft (a link, the migrated old autosave, or a fresh starter).
    New { text: String },
    /// This tab's own draft, after a reload.
    Resume(TabDraft),
}

/// What a tab opens with, and what to tell the user about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    pub start: Start,
    pub message: Option<String>,
    /// Unreadable saved work, with the key it is under, kept until the user decides.
    pub corrupted: Option<(String, String)>,
}

/// Chooses what a tab opens: a link always opens as a new draft (never over this tab's or
/// another's); else this tab's own draft; else the old single autosave slot, already migrated
/// into the recent drafts as `migrated_id`; else the starter.
pub fn choose_start(
    link: Option<Result<String, String>>,
    tab: Found,
    legacy: Restored,
    migrated_id: &str,
    starter: &str,
) -> Opening {
    let mut message = None;
    match link {
        Some(Ok(text)) => {
            return Opening {
                start: Start::New { text },
                message: Some(
                    "Opened the template from the link as a new draft: your other work is under Recent drafts."
                        .into(),
                ),
                corrupted: None,
            }
        }
        Some(Err(e)) => message = Some(format!("The link could not be opened: {e}.")),
        None => {}
    }
    let fresh = |corrupted| Opening {
        start: Start::New {
            text: starter.to_owned(),
        },
        message: message.clone(),
        corrupted,
    };
    match tab {
        Found::Draft(draft) => {
            return Opening {
                start: Start::Resume(draft),
                message,
                corrupted: None,
            }
        }
        Found::Corrupted(raw) => return fresh(Some((TAB_KEY.to_owned(), raw))),
        Found::Nothing => {}
    }
    match legacy {
        Restored::Text(text) => Opening {
            start: Start::Resume(TabDraft::new(migrated_id, &text, 0, Vec::new())),
            message,
            corrupted: None,
        },
        Restored::Corrupted(raw) => fresh(Some((crate::storage::KEY.to_owned(), raw))),
        Restored::Nothing => fresh(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(id: &str, at: f64, text: &str) -> Listed {
        Listed::Draft(DraftEntry::new(id, "n", at, 0, text))
    }

    #[test]
    fn tab_drafts_round_trip_and_corruption_is_kept_raw() {
        let draft = TabDraft::new("a", "{\"x\": 1}", 3, vec!["{}".into()]);
        assert_eq!(decode_tab(Some(encode(&draft))), Found::Draft(draft));
        assert_eq!(decode_tab(None), Found::Nothing);
        assert_eq!(
            decode_tab(Some("{broken".into())),
            Found::Corrupted("{broken".into())
        );
    }

    #[test]
    fn a_corrupted_entry_is_listed_after_the_readable_ones() {
        let good = DraftEntry::new("a", "mine", 5.0, 2, "{}");
        let listed = vec![
            decode_entry(&entry_key("bad"), "{not json".into()),
            decode_entry(&entry_key("a"), encode(&good)),
            // An entry under another draft's key is not trusted.
            decode_entry(&entry_key("c"), encode(&good)),
        ];
        let sorted = sort_recent(listed);
        assert_eq!(sorted[0], Listed::Draft(good));
        assert!(matches!(sorted[1], Listed::Corrupted { .. }));
        assert!(matches!(sorted[2], Listed::Corrupted { .. }));
    }

    #[test]
    fn evictions_keep_the_newest_twenty_and_never_the_one_being_saved() {
        let mut listed: Vec<Listed> = (0..25)
            .map(|i| entry(&format!("d{i}"), f64::from(i), "{}"))
            .collect();
        listed.push(Listed::Corrupted {
            key: entry_key("bad"),
            raw: "x".into(),
        });
        // d0 is the oldest, but it is the one being saved.
        let evicted = evictions(&listed, "d0");
        let expected: Vec<String> = (1..=5).map(|i| entry_key(&format!("d{i}"))).collect();
        assert_eq!(evicted, expected);
    }

    #[test]
    fn evictions_respect_the_size_cap() {
        let big = "x".repeat(MAX_RECENT_CHARS / 2);
        let listed = vec![
            entry("old", 1.0, &big),
            entry("mid", 2.0, &big),
            entry("new", 3.0, "{}"),
        ];
        assert_eq!(evictions(&listed, "new"), vec![entry_key("old")]);
    }

    #[test]
    fn history_keeps_the_latest_steps_within_the_caps() {
        let steps: Vec<String> = (0..60).map(|i| i.to_string()).collect();
        let kept = cap_history(&steps);
        assert_eq!(kept.len(), MAX_HISTORY_STEPS);
        assert_eq!(kept.first().unwrap(), "10");
        assert_eq!(kept.last().unwrap(), "59");
        let big = "x".repeat(MAX_HISTORY_CHARS - 1);
        let kept = cap_history(&[big.clone(), "a".into(), big.clone(), "b".into()]);
        assert_eq!(kept, vec![big, "b".to_owned()]);
    }

    #[test]
    fn a_link_opens_as_a_new_draft_even_over_this_tabs_draft() {
        let tab = Found::Draft(TabDraft::new("a", "mine", 0, vec![]));
        let opening = choose_start(
            Some(Ok("linked".into())),
            tab.clone(),
            Restored::Nothing,
            "m",
            "starter",
        );
        assert_eq!(
            opening.start,
            Start::New {
                text: "linked".into()
            }
        );
        let opening = choose_start(
            Some(Err("damaged".into())),
            tab,
            Restored::Nothing,
            "m",
            "s",
        );
        assert!(matches!(opening.start, Start::Resume(_)));
        assert!(opening.message.unwrap().contains("damaged"));
    }

    #[test]
    fn the_old_single_slot_opens_in_a_tab_with_no_draft_and_corruption_is_reported() {
        let opening = choose_start(None, Found::Nothing, Restored::Text("old".into()), "m", "s");
        assert_eq!(
            opening.start,
            Start::Resume(TabDraft::new("m", "old", 0, vec![])),
            "under the id it was migrated to, so it is not listed twice"
        );
        let opening = choose_start(
            None,
            Found::Nothing,
            Restored::Corrupted("{".into()),
            "m",
            "s",
        );
        assert_eq!(opening.start, Start::New { text: "s".into() });
        assert_eq!(
            opening.corrupted,
            Some((crate::storage::KEY.to_owned(), "{".into()))
        );
        let opening = choose_start(
            None,
            Found::Corrupted("{".into()),
            Restored::Nothing,
            "m",
            "s",
        );
        assert_eq!(opening.corrupted, Some((TAB_KEY.to_owned(), "{".into())));
    }

    #[test]
    fn names_and_ids() {
        assert_eq!(draft_name(Some(&json!({"name": "web"}))), "web");
        assert_eq!(draft_name(Some(&json!({"name": " "}))), "Untitled template");
        assert_eq!(draft_name(None), "Untitled template");
        assert_ne!(new_id(1.0, 0.1), new_id(1.0, 0.2));
        assert_eq!(id_of_key(&entry_key("abc")), Some("abc"));
    }
}
