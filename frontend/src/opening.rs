//! What a tab opens with: a link, its own draft after a reload, the migrated old autosave, or
//! the starter (the choice is `drafts::choose_start`; this reads the browser).

use validator_core::Options;

use crate::drafts::{self, Start};
use crate::samples::LINUX_STARTER;
use crate::state::EditorState;
use crate::storage::Restored;
use crate::{browser, draft_storage, share};

/// The first draft of a tab, ready for the editor.
pub struct OpenedTab {
    pub id: String,
    pub text: String,
    pub undo: Vec<String>,
    pub section: usize,
    pub message: Option<String>,
    /// Unreadable saved work and its key, kept until the user decides.
    pub corrupted: Option<(String, String)>,
}

impl OpenedTab {
    /// The editor's first state: this draft, with what opening it had to say as its notice.
    pub fn editor_state(&self) -> EditorState {
        let mut state = EditorState::resume(
            &self.id,
            self.text.clone(),
            self.undo.clone(),
            Options::default(),
        );
        state.notice = self.message.clone();
        state
    }
}

/// The share link in the address, if any (the fragment is then removed, so a reload opens
/// this tab's draft rather than the link again).
pub fn take_link() -> Option<Result<String, String>> {
    let fragment = browser::fragment();
    // A rule's page is a place in the app, not a template; a `#url=` link is loaded once the
    // tab is open (`use_url_link`).
    if fragment.is_empty()
        || crate::use_route::rule_of(&fragment).is_some()
        || crate::use_url_link::address_of(&fragment).is_some()
    {
        return None;
    }
    browser::clear_fragment();
    Some(share::decode(&fragment))
}

pub fn open_tab() -> OpenedTab {
    let link = take_link();
    let legacy = draft_storage::load_legacy();
    let migrated_id = draft_storage::new_id();
    if let Restored::Text(text) = &legacy {
        draft_storage::migrate_legacy(text, &migrated_id);
    }
    let opening = drafts::choose_start(
        link,
        draft_storage::load_tab(),
        legacy,
        &migrated_id,
        LINUX_STARTER,
    );
    let (id, text, undo, section) = match opening.start {
        Start::New { text } => (draft_storage::new_id(), text, Vec::new(), 0),
        Start::Resume(draft) => (draft.id, draft.text, draft.undo, draft.section),
    };
    OpenedTab {
        id,
        text,
        undo,
        section,
        message: opening.message,
        corrupted: opening.corrupted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_opening_the_tab_found_is_the_first_notice() {
        let opened = OpenedTab {
            id: "a".into(),
            text: "{}".into(),
            undo: vec!["{\"location\": \"x\"}".into()],
            section: 0,
            message: Some("The link could not be read".into()),
            corrupted: None,
        };
        let state = opened.editor_state();
        assert_eq!(state.notice.as_deref(), Some("The link could not be read"));
        assert_eq!(&*state.draft_id, "a");
        assert!(state.can_undo());
    }
}
