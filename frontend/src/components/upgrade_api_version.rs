//! "Upgrade API version": a button beside the API version field, shown while the template's
//! version is older than the newest. The checker worker moves the text to the newest version
//! (`validator_core::upgrade`, which needs the check the page's own WebAssembly leaves out),
//! the result replaces the text as one undoable edit, and what could not be carried over is
//! listed under the button.

use validator_core::{ApiVersion, Edit, Fix, Span};
use yew::prelude::*;

use super::{use_checker_context, use_editor};
use crate::checker::{Request, Response, Upgraded};
use crate::state::EditorAction;

#[function_component(UpgradeApiVersion)]
pub fn upgrade_api_version() -> Html {
    let editor = use_editor();
    let checker = use_checker_context();
    // The worker's answer, until it is applied (or the text changed under it).
    let answer = use_state(|| None::<Upgraded>);
    // What the last upgrade reported, shown under the button.
    let said = use_state(|| None::<Upgraded>);
    let bridge = {
        let answer = answer.clone();
        use_memo((), move |_| {
            checker.fork(move |response| {
                if let Response::Upgraded(upgraded) = response {
                    answer.set(Some(upgraded));
                }
            })
        })
    };
    {
        let (answer, said, editor) = (answer.clone(), said.clone(), editor.clone());
        use_effect_with((*answer).clone(), move |upgraded| {
            if let Some(upgraded) = upgraded {
                // Only onto the text it was made from: typing in between wins.
                if upgraded.from == *editor.text && upgraded.text != upgraded.from {
                    editor.dispatch(EditorAction::ApplyFix(Fix {
                        description: "upgrade the API version".into(),
                        edits: vec![Edit::Text {
                            span: Span::new(0, upgraded.from.len()),
                            text: upgraded.text.clone(),
                        }],
                        applicability: Default::default(),
                    }));
                }
                said.set(Some(upgraded.clone()));
                answer.set(None);
            }
        });
    }
    let older = editor.api_version() < ApiVersion::NEWEST;
    let onclick = {
        let editor = editor.clone();
        Callback::from(move |_: MouseEvent| {
            bridge.send(Request::Upgrade {
                text: (*editor.text).clone(),
                to: ApiVersion::NEWEST,
            });
        })
    };
    let report = (*said).as_ref().map(|upgraded| {
        let summary = if upgraded.changes.is_empty() {
            "Nothing to change.".to_owned()
        } else {
            format!("Upgraded: {}.", upgraded.changes.join("; "))
        };
        html! {
            <div class="upgrade-report" role="status">
                <p>{ summary }</p>
                if !upgraded.not_carried_over.is_empty() {
                    <p>{ "Could not carry over:" }</p>
                    <ul>{ for upgraded.not_carried_over.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                }
            </div>
        }
    });
    html! {
        <>
            if older {
                <button type="button" class="upgrade-api-version" {onclick} disabled={editor.is_read_only()}>
                    { format!("Upgrade API version to {}", ApiVersion::NEWEST) }
                </button>
            }
            { report.unwrap_or_default() }
        </>
    }
}
