//! The value of a text box the form shows, written into the element only when the document's
//! value for it changes.
//!
//! Yew's `value=` writes the rendered value over the element's on every render. The page
//! re-renders whenever the checker answers, which is often while someone is typing in another
//! field, so a bound `value` would wipe their uncommitted typing. A text box commits what is
//! typed when it is left or on Enter (its `change` event); until then the typing is the
//! element's alone.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A ref for an `<input>` or `<textarea>` that shows `shown`: attach it with `ref={...}`
/// instead of binding `value`.
#[hook]
pub fn use_dom_value(shown: &str) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(shown.to_owned(), move |shown| {
            if let Some(input) = node.cast::<HtmlInputElement>() {
                input.set_value(shown);
            } else if let Some(area) = node.cast::<HtmlTextAreaElement>() {
                area.set_value(shown);
            }
        });
    }
    node
}
