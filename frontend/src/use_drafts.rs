//! The hooks that keep drafts safe: autosave of this tab's draft, news of other tabs saving
//! it, and share links opened in a tab that is already open. Every change they cause goes
//! through the reducer.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::Editor;
use crate::drafts::{self, DraftEntry, Listed, TabDraft};
use crate::samples::LINUX_STARTER;
use crate::state::EditorAction;
use crate::{draft_storage, opening};

const TAB_ONLY: &str = "The browser's storage is full: this draft is kept in this tab only (it survives a reload, not closing the tab) and is not in Recent drafts. Download your JSON to keep it.";
const NOT_SAVED: &str = "The browser's storage is full or blocked: this draft is not saved and will not survive a reload. Download your JSON to keep it.";

/// How long after the last change the draft is saved. Saving a large template writes
/// megabytes to storage, which must not happen on every keystroke; a reload or a closed tab
/// saves at once (`pagehide`), so nothing typed is lost.
const SAVE_AFTER_MS: u32 = 300;

/// Saves this tab's draft (with its open section and recent history) shortly after every
/// change, and its copy in Recent drafts unless another tab changed that draft meanwhile.
/// `paused` while unreadable saved work waits for the user's decision.
#[hook]
pub fn use_draft_autosave(editor: Editor, section: usize, paused: bool) {
    // The save waiting for its moment: run by its timer, or at once when the page goes away or
    // another draft opens in this tab.
    let pending = use_mut_ref(|| None::<Pending>);
    // The draft saved last.
    let last_id = use_mut_ref(|| None::<Rc<str>>);
    {
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let flush = move |_: &web_sys::Event| {
                let waiting = pending.borrow_mut().take();
                if let Some(waiting) = waiting {
                    (waiting.save)();
                }
            };
            let window = web_sys::window();
            let listeners = window.map(|w| {
                let document = w.document();
                (
                    EventListener::new(&w, "pagehide", flush.clone()),
                    document.map(|d| EventListener::new(&d, "visibilitychange", flush)),
                )
            });
            move || drop(listeners)
        });
    }
    let deps = (
        editor.text.clone(),
        editor.draft_id.clone(),
        section,
        editor.conflict.is_some(),
        paused,
    );
    use_effect_with(deps, move |(text, id, section, conflict, paused)| {
        if *paused {
            return;
        }
        let save: Rc<dyn Fn()> = {
            let (text, id, section, conflict) = (text.clone(), id.clone(), *section, *conflict);
            Rc::new(move || save_draft(&editor, &text, &id, section, conflict))
        };
        // A draft this tab has just started editing (the first one, a link, a recent draft, a
        // fork) is saved at once, so it is listed at once; the one it replaces, if its save
        // was waiting, too.
        if last_id.borrow().as_ref() != Some(id) {
            *last_id.borrow_mut() = Some(id.clone());
            let waiting = pending.borrow_mut().take();
            if let Some(waiting) = waiting {
                (waiting.save)();
            }
            save();
            return;
        }
        let timer = {
            let pending = pending.clone();
            Timeout::new(SAVE_AFTER_MS, move || {
                let waiting = pending.borrow_mut().take();
                if let Some(waiting) = waiting {
                    (waiting.save)();
                }
            })
        };
        // Replacing the waiting save drops its timer, which cancels it: this one supersedes it.
        *pending.borrow_mut() = Some(Pending {
            save,
            _timer: timer,
        });
    });
}

/// A save waiting for its moment.
struct Pending {
    save: Rc<dyn Fn()>,
    _timer: Timeout,
}

fn save_draft(editor: &Editor, text: &Rc<String>, id: &str, section: usize, conflict: bool) {
    let tab = TabDraft::new(id, text, section, drafts::cap_history(editor.history()));
    let tab_saved = draft_storage::save_tab(&tab).is_ok();
    // The untouched starter of a new tab is not worth a place among the recent drafts.
    let listed = conflict
        || **text == LINUX_STARTER
        || draft_storage::save_entry(&DraftEntry::new(
            id,
            &drafts::draft_name(editor.template()),
            js_sys::Date::now(),
            editor.report.summary.errors,
            text,
        ))
        .is_ok();
    let problem = match (tab_saved, listed) {
        (true, true) => None,
        (true, false) => Some(TAB_ONLY.to_owned()),
        (false, _) => Some(NOT_SAVED.to_owned()),
    };
    editor.dispatch(EditorAction::StorageProblem(problem));
}

/// Tells the reducer when another tab saves a recent draft (the `storage` event fires in
/// every other tab of the site); the reducer flags it when it is this tab's draft.
#[hook]
pub fn use_other_tab_saves(editor: Editor) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let (Some(key), Some(raw)) = (event.key(), event.new_value()) else {
                    return;
                };
                if drafts::id_of_key(&key).is_none() {
                    return;
                }
                if let Listed::Draft(entry) = drafts::decode_entry(&key, raw) {
                    editor.dispatch(EditorAction::OtherTabSaved {
                        id: entry.id,
                        text: entry.text,
                    });
                }
            })
        });
        move || drop(listener)
    });
}

/// A share link opened in this tab while it is open (`hashchange`) opens as a new draft; the
/// draft that was open stays in Recent drafts.
#[hook]
pub fn use_links_in_open_tab(editor: Editor) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| match opening::take_link() {
                Some(Ok(text)) => editor.dispatch(EditorAction::OpenDraft {
                    id: draft_storage::new_id(),
                    text,
                    undo: Vec::new(),
                    notice: Some(
                        "Opened the template from the link as a new draft: your previous draft is under Recent drafts."
                            .into(),
                    ),
                }),
                Some(Err(e)) => {
                    editor.dispatch(EditorAction::Notify(format!("The link could not be opened: {e}.")))
                }
                None => {}
            })
        });
        move || drop(listener)
    });
}
