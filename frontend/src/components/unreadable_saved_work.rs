//! Saved work this browser could not read: kept (and autosave paused) until the user
//! downloads it or discards it, so a bug in reading it never costs their work.

use yew::prelude::*;

use crate::{browser, draft_storage};

#[derive(Properties, PartialEq)]
pub struct UnreadableSavedWorkProps {
    /// The storage key and the raw text of the unreadable work, until the user discards it.
    pub saved_work: UseStateHandle<Option<(String, String)>>,
}

#[function_component(UnreadableSavedWork)]
pub fn unreadable_saved_work(props: &UnreadableSavedWorkProps) -> Html {
    let Some((key, raw)) = (*props.saved_work).clone() else {
        return html! {};
    };
    let download = Callback::from(move |_: MouseEvent| {
        let _ = browser::download("aib-designer-saved-state.txt", &raw, "text/plain");
    });
    let discard = {
        let saved_work = props.saved_work.clone();
        Callback::from(move |_: MouseEvent| {
            draft_storage::discard(&key);
            saved_work.set(None);
        })
    };
    html! {
        <div class="banner is-error" role="alert">
            <p>{ "The work saved in this browser could not be read. It is kept until you decide; autosave is paused." }</p>
            <button type="button" onclick={download}>{ "Download the saved data" }</button>
            <button type="button" onclick={discard}>{ "Discard it and start fresh" }</button>
        </div>
    }
}
