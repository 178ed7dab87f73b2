//! The one banner for the editor's notice: what the last action could not do, or what it did
//! that is worth saying (a share link copied, a document the form had to write anew).

use yew::prelude::*;

use super::use_editor;
use crate::state::EditorAction;

#[function_component(Notice)]
pub fn notice() -> Html {
    let editor = use_editor();
    let Some(text) = editor.notice.clone() else {
        return html! {};
    };
    let dismiss = Callback::from(move |_: MouseEvent| editor.dispatch(EditorAction::DismissNotice));
    html! {
        <div class="banner is-info" role="status">
            <span>{ text }</span>
            <button type="button" onclick={dismiss} aria-label="Dismiss the message">{ "Dismiss" }</button>
        </div>
    }
}
