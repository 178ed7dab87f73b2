//! "Recent drafts": the last drafts saved in this browser, newest first, each restorable into
//! this tab. An unreadable one is listed apart, with a way to download it.

use yew::prelude::*;

use super::use_editor;
use crate::drafts::{DraftEntry, Listed};
use crate::state::EditorAction;
use crate::{browser, draft_storage};

#[derive(Properties, PartialEq)]
pub struct RecentDraftsProps {
    pub onclose: Callback<()>,
}

/// When a draft was saved, in the user's own format.
fn saved_time(entry: &DraftEntry) -> String {
    js_sys::Date::new(&entry.saved_at.into())
        .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

fn errors_text(errors: usize) -> String {
    match errors {
        0 => "no errors".into(),
        1 => "1 error".into(),
        n => format!("{n} errors"),
    }
}

#[function_component(RecentDrafts)]
pub fn recent_drafts(props: &RecentDraftsProps) -> Html {
    let editor = use_editor();
    // Read when the panel opens: the list is as fresh as the moment the user looks.
    let listed = use_memo((), |_| draft_storage::list());
    let item = |listed: &Listed| match listed {
        Listed::Draft(entry) => {
            let current = *entry.id == *editor.draft_id;
            let restore = {
                let editor = editor.clone();
                let entry = entry.clone();
                let onclose = props.onclose.clone();
                Callback::from(move |_: MouseEvent| {
                    editor.dispatch(EditorAction::OpenDraft {
                        id: entry.id.clone(),
                        text: entry.text.clone(),
                        undo: Vec::new(),
                        notice: Some(format!("Restored the draft “{}”.", entry.name)),
                    });
                    onclose.emit(());
                })
            };
            html! {
                <li>
                    <button type="button" onclick={restore} aria-current={current.then_some("true")}>
                        <span class="draft-name">{ &entry.name }</span>
                        { " — " }
                        <span class="draft-meta">
                            { format!("saved {}, {}", saved_time(entry), errors_text(entry.errors)) }
                            if current { { " (open in this tab)" } }
                        </span>
                    </button>
                </li>
            }
        }
        Listed::Corrupted { key, raw } => {
            let download = {
                let raw = raw.clone();
                Callback::from(move |_: MouseEvent| {
                    let _ =
                        browser::download("aib-designer-unreadable-draft.txt", &raw, "text/plain");
                })
            };
            html! {
                <li key={key.clone()}>
                    <span>{ "A draft that cannot be read" }</span>
                    <button type="button" onclick={download}>{ "Download the unreadable draft" }</button>
                </li>
            }
        }
    };
    html! {
        <div class="panel recent-drafts" role="group" aria-label="Recent drafts">
            if listed.is_empty() {
                <p>{ "No drafts saved yet: a draft appears here once you change the starter." }</p>
            } else {
                <p>{ "Each tab keeps its own draft. Restore one into this tab; the draft open now stays in this list." }</p>
                <ul aria-label="Saved drafts, newest first">
                    { for listed.iter().map(item) }
                </ul>
            }
        </div>
    }
}
