//! The share button: the whole template goes into a link's fragment, so sharing uploads
//! nothing; the link is copied and the outcome told in the notice banner.

use yew::prelude::*;

use crate::components::Editor;
use crate::state::EditorAction;
use crate::{browser, share};

/// A callback that copies a share link of the current template.
#[hook]
pub fn use_share_link(editor: Editor) -> Callback<()> {
    let text = editor.text.clone();
    Callback::from(move |_| {
        let fragment = share::encode(&text);
        // Browsers and chat tools cut longer links, and a cut link opens nothing.
        if fragment.len() > share::MAX_LINK_FRAGMENT {
            editor.dispatch(EditorAction::Notify(
                "The template is too large for a link: download the JSON instead.".into(),
            ));
            return;
        }
        let link = browser::link_with_fragment(&fragment);
        let editor = editor.clone();
        wasm_bindgen_futures::spawn_local(async move {
            editor.dispatch(EditorAction::Notify(match browser::copy(link).await {
                Ok(()) => {
                    "Copied a share link: the template is inside the link, nothing is uploaded."
                        .into()
                }
                Err(e) => format!("Could not copy the link: {e}"),
            }));
        });
    })
}
