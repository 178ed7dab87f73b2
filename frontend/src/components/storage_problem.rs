//! Says, for as long as it lasts, that the draft cannot be saved (storage full or blocked).

use yew::prelude::*;

use super::use_editor;

#[function_component(StorageProblem)]
pub fn storage_problem() -> Html {
    let editor = use_editor();
    match &editor.storage_problem {
        Some(problem) => html! {
            <div class="banner is-warning" role="status">{ problem }</div>
        },
        None => html! {},
    }
}
