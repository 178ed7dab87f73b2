//! One entry of a long list as a single line: number, type, name and an error badge. A button
//! opens the entry's form (click, Enter or Space).
//!
//! It reads no context and its props compare cheaply, so when the document changes, a row
//! whose title, error count and id are unchanged is not rendered again: thousands of rows cost
//! a props comparison each per keystroke.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntryRowProps {
    pub index: usize,
    /// `4000. Shell step-3999`.
    pub title: AttrValue,
    pub errors: usize,
    /// The button's id, so focus can come back to the row when its entry closes.
    pub id: AttrValue,
    /// Same callback for every row (made once by the list), so it never defeats the
    /// comparison of props.
    pub on_open: Callback<usize>,
}

#[function_component(EntryRow)]
pub fn entry_row(props: &EntryRowProps) -> Html {
    let onclick = {
        let on_open = props.on_open.clone();
        let index = props.index;
        Callback::from(move |_: MouseEvent| on_open.emit(index))
    };
    let errors = props.errors;
    html! {
        <li class="entry-row">
            <button type="button" id={props.id.clone()} class="entry-row-open" aria-expanded="false" {onclick}>
                <span class="entry-title">{ props.title.clone() }</span>
                if errors > 0 {
                    <span class="badge is-error">{ format!("{errors} error{}", if errors == 1 { "" } else { "s" }) }</span>
                }
            </button>
        </li>
    }
}
