//! The count of errors and warnings, announced to screen readers as it changes.

use yew::prelude::*;

use super::use_editor;
use crate::use_policy::use_policy_context;

#[derive(Properties, PartialEq)]
pub struct StatusBarProps {
    /// The count was clicked: show the problems.
    pub onshowproblems: Callback<()>,
}

#[function_component(StatusBar)]
pub fn status_bar(props: &StatusBarProps) -> Html {
    let editor = use_editor();
    let summary = editor.report.summary;
    let class = if summary.errors > 0 {
        "is-error"
    } else if summary.warnings > 0 {
        "is-warning"
    } else {
        "is-ok"
    };
    let templates = editor.template_pointers().len();
    // While a check is running the counts are the last check's: marked, not blanked, so the
    // bar does not flicker as the user types. Screen readers hear the new counts once.
    let checking = editor.is_checking();
    let policy = use_policy_context();
    html! {
        <footer class="status-bar">
            <button type="button" class="status-count" title="Show the problems" onclick={props.onshowproblems.reform(|_: MouseEvent| ())}>
                <span class={classes!("status", class, checking.then_some("is-stale"))} role="status" aria-live="polite" aria-busy={checking.to_string()}>{ editor.status_text() }</span>
            </button>
            if checking { <span class="checking" aria-hidden="true">{ "checking…" }</span> }
            <span class="api">{ format!("API {}", editor.api_version()) }</span>
            if let Some(shape) = policy.state.shape() { <span class="policy">{ format!("Policy: {}", shape.title()) }</span> }
            if templates > 1 { <span>{ format!("template {} of {templates}", editor.template_index + 1) }</span> }
            <span class="privacy">{ "Checked in your browser: nothing is sent anywhere." }</span>
        </footer>
    }
}
