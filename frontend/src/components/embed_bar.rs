//! The top bar of the compact view (`?embed`, made for an `<iframe>` in documentation): what
//! it is, and a button that opens the template in the full designer in a new tab.

use yew::prelude::*;

use super::use_editor;
use crate::state::EditorAction;
use crate::{browser, share};

#[function_component(EmbedBar)]
pub fn embed_bar() -> Html {
    let editor = use_editor();
    let open = {
        let editor = editor.clone();
        // The link is made on click: compressing a large template on every render would cost
        // each keystroke.
        Callback::from(move |_: MouseEvent| {
            let fragment = share::encode(&editor.text);
            if fragment.len() > share::MAX_LINK_FRAGMENT {
                editor.dispatch(EditorAction::Notify(
                    "The template is too large for a link: copy the JSON into the designer instead.".into(),
                ));
                return;
            }
            if !browser::open_in_new_tab(&browser::link_with_fragment(&fragment)) {
                editor.dispatch(EditorAction::Notify(
                    "The browser did not open a new tab: allow pop-ups for this site.".into(),
                ));
            }
        })
    };
    html! {
        <header class="embed-bar">
            <span class="embed-title">{ "Image Builder template" }</span>
            <button type="button" onclick={open}>{ "Open in the full designer" }</button>
        </header>
    }
}
