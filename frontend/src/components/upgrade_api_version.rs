//! "Upgrade API version": a button beside the API version field, shown while the template's
//! version is older than the newest. The checker worker moves the text to the newest version
//! (`validator_core::upgrade`, which needs the check the page's own WebAssembly leaves out);
//! the result replaces the text as one undoable edit, and the editor's notice says what
//! changed and what could not be carried over.

use std::rc::Rc;

use validator_core::ApiVersion;
use yew::prelude::*;

use super::{use_checker_context, use_editor};
use crate::checker::{Request, Response, Upgraded};
use crate::state::EditorAction;

#[function_component(UpgradeApiVersion)]
pub fn upgrade_api_version() -> Html {
    let editor = use_editor();
    let checker = use_checker_context();
    // The worker's answer, until it is taken.
    let answer = use_state(|| None::<Rc<Upgraded>>);
    let bridge = {
        let answer = answer.clone();
        use_memo((), move |_| {
            checker.fork(Callback::from(move |response| {
                if let Response::Upgraded(upgraded) = response {
                    answer.set(Some(Rc::new(upgraded)));
                }
            }))
        })
    };
    {
        let (answer, editor) = (answer.clone(), editor.clone());
        use_effect_with((*answer).clone(), move |upgraded| {
            let Some(upgraded) = upgraded else { return };
            // Only onto the text it was made from: typing in between wins.
            if upgraded.from == *editor.text {
                if upgraded.text != upgraded.from {
                    // The whole text replaced, as one undoable step (what a paste does).
                    editor.dispatch(EditorAction::Paste(upgraded.text.clone()));
                }
                editor.dispatch(EditorAction::Notify(upgraded.summary.clone()));
            }
            answer.set(None);
        });
    }
    if editor.api_version() >= ApiVersion::NEWEST {
        return html! {};
    }
    let disabled = editor.is_read_only();
    let onclick = Callback::from(move |_: MouseEvent| {
        bridge.send(Request::Upgrade {
            text: (*editor.text).clone(),
            to: ApiVersion::NEWEST,
        });
    });
    html! {
        <button type="button" class="upgrade-api-version" {onclick} {disabled}>
            { format!("Upgrade API version to {}", ApiVersion::NEWEST) }
        </button>
    }
}
