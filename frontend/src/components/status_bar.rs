//! The count of errors and warnings, announced to screen readers as it changes.

use yew::prelude::*;

use super::use_editor;

#[function_component(StatusBar)]
pub fn status_bar() -> Html {
    let editor = use_editor();
    let summary = editor.analysis.report.summary;
    let class = if summary.errors > 0 {
        "is-error"
    } else if summary.warnings > 0 {
        "is-warning"
    } else {
        "is-ok"
    };
    let templates = editor.analysis.report.templates.len();
    html! {
        <footer class="status-bar">
            <span class={classes!("status", class)} role="status" aria-live="polite">{ editor.status_text() }</span>
            <span class="api">{ format!("API {}", editor.api_version()) }</span>
            if templates > 1 { <span>{ format!("template {} of {templates}", editor.template_index + 1) }</span> }
            <span class="privacy">{ "Checked in your browser: nothing is sent anywhere." }</span>
        </footer>
    }
}
