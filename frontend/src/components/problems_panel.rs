//! Every diagnostic of the document: severity, code, message and where; a click goes to the
//! field, and fixes are one click.

use validator_core::Diagnostic;
use yew::prelude::*;

use super::diagnostics::{fix_button, severity_class, severity_word};
use super::{use_editor, use_navigation};

/// The Problems region beside the form.
#[function_component(ProblemsPanel)]
pub fn problems_panel() -> Html {
    html! {
        <section class="problems" role="region" aria-label="Problems">
            <h2>{ "Problems" }</h2>
            <ProblemList />
        </section>
    }
}

#[function_component(ProblemList)]
pub fn problem_list() -> Html {
    let editor = use_editor();
    let diagnostics = &editor.analysis.report.diagnostics;
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
    let place = d
        .start
        .map(|p| format!("line {}, column {}", p.line, p.column))
        .unwrap_or_default();
    let go = {
        let pointer = d.pointer.clone();
        navigation
            .go_to
            .reform(move |_: MouseEvent| pointer.clone())
    };
    let fix = d.fix.clone().map(|fix| fix_button(&editor, *fix));
    html! {
        <li class={classes!("problem", severity_class(d.severity))}>
            <button type="button" class="go-to" onclick={go} title={d.pointer.clone()}>
                <span class="severity">{ severity_word(d.severity) }</span>
                <code class="code">{ d.code }</code>
                <span class="text">{ &d.message }</span>
                <span class="where">{ place }</span>
            </button>
            { fix.unwrap_or_default() }
        </li>
    }
}
