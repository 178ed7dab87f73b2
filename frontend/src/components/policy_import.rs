//! Import's "Try a policy": a platform team writing its policy file (docs/policy.md) pastes or
//! opens it here and sees the designer apply it, before hosting it beside the app.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::import_panel::read_text;
use crate::policy::PolicyOrigin;
use crate::use_policy::{use_policy_context, PolicyState};
use crate::words::counted;

#[function_component(PolicyImport)]
pub fn policy_import() -> Html {
    let policy = use_policy_context();
    let pasted = use_node_ref();
    let problem = use_state(|| None::<String>);
    let use_pasted = {
        let (pasted, try_policy) = (pasted.clone(), policy.try_policy.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = pasted.cast::<HtmlTextAreaElement>() {
                let text = area.value();
                if !text.trim().is_empty() {
                    try_policy.emit((text, None));
                }
            }
        })
    };
    let open_file = {
        let (problem, try_policy) = (problem.clone(), policy.try_policy.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let problem = Callback::from({
                    let problem = problem.clone();
                    move |p| problem.set(p)
                });
                let open = try_policy.reform(|(text, name)| (text, Some(name)));
                // A policy is a page of rules; anything this large is not one.
                read_text(file, 1024 * 1024, "a policy", problem, open);
            }
        })
    };
    let in_force = match &policy.state {
        PolicyState::None => {
            html! { <p>{ "No policy is applied: only Image Builder's own rules are checked." }</p> }
        }
        PolicyState::Loaded { shape, origin } => html! {
            <p role="status">{ format!("Applied: the {} policy, {}, from {}.", shape.title(), counted(shape.rules(), "rule"), origin.describe()) }</p>
        },
        PolicyState::Unusable { origin, problems } => html! {
            <div role="alert" class="message is-error">
                <p>{ format!("{} cannot be used:", origin.describe()) }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            </div>
        },
    };
    let trying = match &policy.state {
        PolicyState::Loaded { origin, .. } | PolicyState::Unusable { origin, .. } => {
            matches!(origin, PolicyOrigin::Tried(_))
        }
        PolicyState::None => false,
    };
    let stop = policy.stop_trying.reform(|_: MouseEvent| ());
    html! {
        <div class="policy-import" role="group" aria-label="Try a policy">
            <h3>{ "Try a policy" }</h3>
            { in_force }
            <label for="policy-text">{ "Paste a policy file (see docs/policy.md): it applies in this tab until you stop trying it" }</label>
            <textarea id="policy-text" ref={pasted} rows="4" spellcheck="false" />
            <button type="button" onclick={use_pasted}>{ "Try pasted policy" }</button>
            <label for="policy-file">{ "Or open a policy file" }</label>
            <input id="policy-file" type="file" accept=".json,.jsonc,application/json" onchange={open_file} />
            if trying { <button type="button" onclick={stop}>{ "Stop trying this policy" }</button> }
            if let Some(message) = &*problem { <p class="message is-error" role="alert">{ message }</p> }
        </div>
    }
}
