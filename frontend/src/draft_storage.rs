//! Reading and writing drafts in the browser's storage (the pure rules are in `drafts`).
//! Storage full or blocked is never fatal: the work stays in the page, and the caller says so.

use crate::drafts::{self, DraftEntry, Found, Listed, TabDraft};
use crate::storage::{self, Restored};

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

const FULL: &str = "the browser's storage is full or blocked";
const MISSING: &str = "the browser's storage is not available";

/// A new draft id.
pub fn new_id() -> String {
    drafts::new_id(js_sys::Date::now(), js_sys::Math::random())
}

pub fn load_tab() -> Found {
    drafts::decode_tab(session().and_then(|s| s.get_item(drafts::TAB_KEY).ok().flatten()))
}

pub fn save_tab(draft: &TabDraft) -> Result<(), String> {
    let storage = session().ok_or(MISSING)?;
    if storage
        .set_item(drafts::TAB_KEY, &drafts::encode(draft))
        .is_ok()
    {
        return Ok(());
    }
    // Too big with its history: the text itself matters most.
    let bare = TabDraft {
        undo: Vec::new(),
        ..draft.clone()
    };
    storage
        .set_item(drafts::TAB_KEY, &drafts::encode(&bare))
        .map_err(|_| FULL.to_owned())
}

/// Every recent draft, newest first, unreadable ones last.
pub fn list() -> Vec<Listed> {
    let Some(storage) = local() else {
        return Vec::new();
    };
    let len = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| drafts::id_of_key(k).is_some())
        .collect();
    let listed = keys
        .into_iter()
        .filter_map(|key| {
            let raw = storage.get_item(&key).ok().flatten()?;
            Some(drafts::decode_entry(&key, raw))
        })
        .collect();
    drafts::sort_recent(listed)
}

/// Saves a recent draft, removing the oldest beyond the caps; when storage is still full,
/// removes older drafts one at a time (never an unreadable one) until it fits or none is left.
pub fn save_entry(entry: &DraftEntry) -> Result<(), String> {
    let storage = local().ok_or(MISSING)?;
    let key = drafts::entry_key(&entry.id);
    let raw = drafts::encode(entry);
    let mut listed = list();
    // Writing what is stored already would tell every other tab of a change that is none (a
    // draft just restored in this tab, say): one that edits it meanwhile would take it for a
    // conflict.
    let unchanged = listed.iter().any(|l| {
        matches!(l, Listed::Draft(e) if e.id == entry.id && e.text == entry.text && e.name == entry.name)
    });
    if unchanged {
        return Ok(());
    }
    listed.retain(|l| !matches!(l, Listed::Draft(e) if e.id == entry.id));
    listed.push(Listed::Draft(entry.clone()));
    for old in drafts::evictions(&listed, &entry.id) {
        let _ = storage.remove_item(&old);
    }
    loop {
        if storage.set_item(&key, &raw).is_ok() {
            return Ok(());
        }
        let oldest = list().into_iter().rev().find_map(|l| match l {
            Listed::Draft(e) if e.id != entry.id => Some(drafts::entry_key(&e.id)),
            _ => None,
        });
        match oldest {
            Some(old) => {
                let _ = storage.remove_item(&old);
            }
            None => return Err(FULL.to_owned()),
        }
    }
}

/// The old single autosave slot, if there is one (`storage::KEY`).
pub fn load_legacy() -> Restored {
    storage::load()
}

/// Removes saved work the user chose to discard (an unreadable entry or slot).
pub fn discard(key: &str) {
    for storage in [local(), session()].into_iter().flatten() {
        let _ = storage.remove_item(key);
    }
}

/// Moves the old single autosave slot into the recent drafts as `id`, once: the slot is
/// removed only after its copy is saved, so nobody loses what they had.
pub fn migrate_legacy(text: &str, id: &str) {
    let name = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .map(|v| drafts::draft_name(Some(&v)))
        .unwrap_or_else(|| drafts::draft_name(None));
    let entry = DraftEntry::new(id, &name, js_sys::Date::now(), 0, text);
    if save_entry(&entry).is_ok() {
        storage::clear();
    }
}
