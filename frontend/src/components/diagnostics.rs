//! The messages under a field: each diagnostic at its pointer, with its one-click fix.

use std::rc::Rc;

use validator_core::{Diagnostic, Severity};
use yew::prelude::*;

use super::help_text::help_html;
use super::use_form_editor;
use crate::state::EditorAction;
use crate::use_route::rule_href;

#[derive(Properties, PartialEq)]
pub struct FieldMessagesProps {
    pub id: AttrValue,
    pub diagnostics: Rc<Vec<Diagnostic>>,
}

/// The diagnostics of one field, referenced by the input's `aria-describedby`.
#[function_component(FieldMessages)]
pub fn field_messages(props: &FieldMessagesProps) -> Html {
    if props.diagnostics.is_empty() {
        return html! {};
    }
    html! {
        <ul class="field-messages" id={props.id.clone()}>
            { for props.diagnostics.iter().map(|d| html! { <DiagnosticLine diagnostic={d.clone()} /> }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct DiagnosticLineProps {
    pub diagnostic: Diagnostic,
}

#[function_component(DiagnosticLine)]
fn diagnostic_line(props: &DiagnosticLineProps) -> Html {
    let editor = use_form_editor();
    let d = &props.diagnostic;
    let fix = d.fix.clone().map(|fix| fix_button(&editor, *fix));
    html! {
        <li class={classes!("message", severity_class(d.severity))}>
            <span class="severity">{ severity_word(d.severity) }</span>
            <a class="code" href={rule_href(d.code)} title="About this rule"><code>{ d.code }</code></a>
            <span class="text">{ &d.message }</span>
            if let Some(help) = &d.help { <span class="help">{ help_html(help) }</span> }
            { fix.unwrap_or_default() }
        </li>
    }
}

/// The one-click button of a diagnostic's fix.
pub fn fix_button(editor: &super::Editor, fix: validator_core::Fix) -> Html {
    let label = format!("Fix: {}", fix.description);
    let editor = editor.clone();
    let onclick =
        Callback::from(move |_: MouseEvent| editor.dispatch(EditorAction::ApplyFix(fix.clone())));
    html! { <button type="button" class="fix" {onclick}>{ label }</button> }
}

pub fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "is-error",
        Severity::Warning => "is-warning",
        Severity::Info => "is-info",
    }
}

pub fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Info",
    }
}
