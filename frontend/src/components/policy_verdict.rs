//! Review's line about the organisation's policy: whether the template meets it, what is left
//! to do if not, or why the policy given cannot be used.

use validator_core::policy;
use validator_core::Severity;
use yew::prelude::*;

use super::use_form_editor;
use crate::use_policy::{use_policy_context, PolicyState};
use crate::words::counted;

#[function_component(PolicyVerdict)]
pub fn policy_verdict() -> Html {
    let policy = use_policy_context();
    let editor = use_form_editor();
    match &policy.state {
        PolicyState::None => html! {},
        PolicyState::Unusable { origin, problems } => html! {
            <div class="banner is-error policy-verdict">
                <p>{ format!("No policy is applied: {} has errors.", origin.describe()) }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            </div>
        },
        PolicyState::Loaded { shape, origin } => {
            let count = |severity| policy::findings(&editor.report, severity);
            let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
            let title = shape.title();
            let (class, verdict) = match (errors, warnings) {
                (0, 0) => ("is-info", format!("✓ Meets the {title} policy.")),
                (0, w) => (
                    "is-warning",
                    format!(
                        "✓ Meets the {title} policy, with {} to consider (below).",
                        counted(w, "warning")
                    ),
                ),
                (e, _) => (
                    "is-error",
                    format!(
                        "Does not meet the {title} policy yet: {} (below).",
                        counted(e, "error")
                    ),
                ),
            };
            html! {
                <div class={classes!("banner", class, "policy-verdict")}>
                    <p>{ verdict }</p>
                    <p class="hint">{ format!("From {}; its rules are listed as POL- problems.", origin.describe()) }</p>
                </div>
            }
        }
    }
}
