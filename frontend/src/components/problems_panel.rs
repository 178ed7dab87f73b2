//! Every diagnostic of the document: severity, code, message and where; a click goes to the
//! field and puts the JSON editor's caret at the place, and fixes are one click.

use serde_json::Value;
use validator_core::Diagnostic;
use yew::prelude::*;

use super::diagnostics::{fix_button, severity_class, severity_word};
use super::narrow_tabs::{ShowView, View};
use super::{use_editor, use_navigation};
use crate::code_editor::EditorSlot;
use crate::pointers::FilePointer;
use crate::sections::place_label;
use crate::use_route::rule_href;

/// The Problems region beside the form.
#[function_component(ProblemsPanel)]
pub fn problems_panel() -> Html {
    html! {
        <section class="problems" role="region" aria-label="Problems">
            <h2 id="problems-heading" tabindex="-1">{ "Problems" }</h2>
            <ProblemList />
        </section>
    }
}

#[function_component(ProblemList)]
pub fn problem_list() -> Html {
    let editor = use_editor();
    let diagnostics = &editor.report.diagnostics;
    if diagnostics.is_empty() {
        return html! { <p class="no-problems">{ "No problems found." }</p> };
    }
    html! {
        <ul class="problem-list">
            { for diagnostics.iter().enumerate().map(|(i, d)| html! { <ProblemItem key={i} diagnostic={d.clone()} /> }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct ProblemItemProps {
    diagnostic: Diagnostic,
}

#[function_component(ProblemItem)]
fn problem_item(props: &ProblemItemProps) -> Html {
    let editor = use_editor();
    let navigation = use_navigation();
    let d = &props.diagnostic;
    // In the form's words (`Distribute › 1. SharedImage › Run output name`), then in the text.
    let label = FilePointer::from(d.pointer.as_str())
        .within(&editor.template_base())
        .map(|rel| place_label(rel.as_str(), editor.template().unwrap_or(&Value::Null)));
    let line = d
        .start
        .map(|p| format!("line {}, column {}", p.line, p.column));
    let place = label
        .into_iter()
        .chain(line)
        .collect::<Vec<_>>()
        .join(" · ");
    // The finding's field in the form, and its place in the JSON (while the findings are of
    // the text on screen: a span of an older text would point elsewhere).
    let json_editor = use_context::<EditorSlot>();
    let go = {
        let pointer = FilePointer::from(d.pointer.as_str());
        let at = d.span.filter(|_| !editor.is_checking()).map(|s| s.start);
        let text = editor.text.clone();
        let go_to = navigation.go_to.clone();
        let show_view = use_context::<ShowView>();
        Callback::from(move |_: MouseEvent| {
            if let (Some(slot), Some(at)) = (&json_editor, at) {
                slot.show(&text, at);
            }
            // On a narrow screen the field is on the form's tab.
            if let Some(show) = &show_view {
                show.0.emit(View::Form);
            }
            go_to.emit(pointer.clone());
        })
    };
    let fix = d.fix.clone().map(|fix| fix_button(&editor, *fix));
    html! {
        <li class={classes!("problem", severity_class(d.severity))}>
            <button type="button" class="go-to" onclick={go} data-target={d.pointer.clone()}>
                <span class="severity">{ severity_word(d.severity) }</span>
                <code class="code">{ d.code }</code>
                <span class="text">{ &d.message }</span>
                <span class="where">{ place }</span>
            </button>
            <a class="rule-link" href={rule_href(d.code)}>{ format!("About {}", d.code) }</a>
            { fix.unwrap_or_default() }
        </li>
    }
}
