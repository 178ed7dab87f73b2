//! Said when another tab saved this tab's draft: this tab stops saving over it until the user
//! loads theirs or keeps this one as a new draft.

use yew::prelude::*;

use super::use_editor;
use crate::draft_storage;
use crate::state::EditorAction;

#[function_component(DraftConflict)]
pub fn draft_conflict() -> Html {
    let editor = use_editor();
    if editor.conflict.is_none() {
        return html! {};
    }
    let load_theirs = {
        let editor = editor.clone();
        Callback::from(move |_: MouseEvent| editor.dispatch(EditorAction::LoadTheirs))
    };
    let keep_mine = {
        let editor = editor.clone();
        Callback::from(move |_: MouseEvent| {
            editor.dispatch(EditorAction::KeepMine {
                id: draft_storage::new_id(),
            })
        })
    };
    html! {
        <div class="banner is-warning" role="alert">
            <p>{ "This draft was changed in another tab. This tab no longer saves over it until you choose." }</p>
            <button type="button" onclick={load_theirs}>{ "Load their version" }</button>
            <button type="button" onclick={keep_mine}>{ "Keep mine as a new draft" }</button>
        </div>
    }
}
