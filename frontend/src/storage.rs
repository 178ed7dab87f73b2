//! The old single autosave slot, shared by every tab (before drafts): read once, safely, to
//! migrate it into the recent drafts (`drafts`, `opening`), then removed.

use serde::{Deserialize, Serialize};

pub const KEY: &str = "aib-designer/document/v1";

/// What is saved: the text exactly as the user has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub text: String,
}

/// What was found in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    Nothing,
    Text(String),
    /// Something is stored but cannot be read; kept raw so the user can download it.
    Corrupted(String),
}

/// Reads what `save_text` wrote (pure, for tests).
pub fn decode(raw: Option<String>) -> Restored {
    match raw {
        None => Restored::Nothing,
        Some(raw) => match serde_json::from_str::<Saved>(&raw) {
            Ok(saved) if saved.version == 1 => Restored::Text(saved.text),
            _ => Restored::Corrupted(raw),
        },
    }
}

pub fn encode(text: &str) -> String {
    serde_json::to_string(&Saved {
        version: 1,
        text: text.to_owned(),
    })
    .unwrap_or_default()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the saved document.
pub fn load() -> Restored {
    decode(local_storage().and_then(|s| s.get_item(KEY).ok().flatten()))
}

pub fn clear() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(KEY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_recognises_corruption() {
        assert_eq!(
            decode(Some(encode("{\"a\": 1"))),
            Restored::Text("{\"a\": 1".into())
        );
        assert_eq!(decode(None), Restored::Nothing);
        assert_eq!(
            decode(Some("{not json".into())),
            Restored::Corrupted("{not json".into())
        );
        assert_eq!(
            decode(Some("{\"version\": 9, \"text\": \"x\"}".into())),
            Restored::Corrupted("{\"version\": 9, \"text\": \"x\"}".into())
        );
    }
}
