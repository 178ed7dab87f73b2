//! Which organisation policy the designer applies, and loading it.
//!
//! A platform team that hosts the designer puts its `policy.json` beside `index.html`; the
//! page reads it when it opens (none there: nothing changes). A user can also try a policy
//! from Import: it replaces the site's for this tab until they stop trying it, and survives a
//! reload (kept in the tab's session storage, as the tab's draft is).
//!
//! The checker worker compiles the policy and applies it to every check from then on
//! (`Request::UsePolicy`); the page gets back its [`PolicyShape`] for the form, and checks the
//! current text again.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use gloo::worker::WorkerBridge;
use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::checker::{CheckerWorker, Request, Response};
use crate::components::Editor;
use crate::policy::{PolicyOrigin, PolicyShape};
use crate::state::EditorAction;
use crate::use_checker::Checker;

/// Where the site's host puts its policy, relative to the page.
pub const SITE_POLICY_URL: &str = "./policy.json";

/// The session storage key of a policy being tried.
const TRIED_KEY: &str = "aib-tried-policy";

/// The policy in force.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum PolicyState {
    /// No policy: the built-in rules only.
    #[default]
    None,
    Loaded {
        shape: Rc<PolicyShape>,
        origin: PolicyOrigin,
    },
    /// A policy was given but has errors, so none is applied; each problem with its line and
    /// column in the policy file.
    Unusable {
        origin: PolicyOrigin,
        problems: Rc<Vec<String>>,
    },
}

impl PolicyState {
    pub fn shape(&self) -> Option<&PolicyShape> {
        match self {
            PolicyState::Loaded { shape, .. } => Some(shape),
            _ => None,
        }
    }
}

/// The policy in force and the ways to change it, shared with the components.
#[derive(Clone, PartialEq)]
pub struct PolicyContext {
    pub state: PolicyState,
    /// Try a policy given in Import: its text, and the file's name if it came from one.
    pub try_policy: Callback<(String, Option<String>)>,
    /// Stop trying a policy: the site's applies again, if it has one.
    pub stop_trying: Callback<()>,
}

/// A policy being tried, as kept in session storage.
#[derive(Serialize, Deserialize)]
struct Tried {
    text: String,
    name: Option<String>,
}

/// Loads the tab's policy (the one being tried, else the site's) and keeps the worker's in
/// step with it.
#[hook]
pub fn use_policy(editor: Editor, checker: Checker) -> PolicyContext {
    let state = use_state(PolicyState::default);
    // The origins of the policies sent and not answered yet: the worker answers in order.
    let sent = use_mut_ref(VecDeque::<PolicyOrigin>::new);
    let bridge: Rc<RefCell<Option<WorkerBridge<CheckerWorker>>>> = use_mut_ref(|| None);
    // Whether the worker applies a policy now.
    let applied = use_mut_ref(|| false);
    let send = {
        let (state, sent, bridge) = (state.clone(), sent.clone(), bridge.clone());
        let dispatcher = editor.dispatcher();
        let checker = checker.clone();
        Callback::from(move |(source, origin): (Option<String>, PolicyOrigin)| {
            sent.borrow_mut().push_back(origin);
            let mut bridge = bridge.borrow_mut();
            let bridge = bridge.get_or_insert_with(|| {
                let (state, sent, dispatcher) = (state.clone(), sent.clone(), dispatcher.clone());
                let applied = applied.clone();
                checker.fork(Callback::from(move |response| {
                    let Response::PolicyUsed { shape, problems } = response else {
                        return;
                    };
                    let origin = sent.borrow_mut().pop_front().unwrap_or(PolicyOrigin::Site);
                    // The worker checks with the new policy from now on: check this text again,
                    // unless it had none and still has none (a site's `null` policy.json).
                    if applied.replace(shape.is_some()) || shape.is_some() {
                        dispatcher.dispatch(EditorAction::PolicyChanged);
                    }
                    state.set(match shape {
                        Some(shape) => PolicyState::Loaded {
                            shape: Rc::new(shape),
                            origin,
                        },
                        None if problems.is_empty() => PolicyState::None,
                        None => {
                            dispatcher.dispatch(EditorAction::Notify(unusable(&origin, &problems)));
                            PolicyState::Unusable {
                                origin,
                                problems: Rc::new(problems),
                            }
                        }
                    });
                }))
            });
            bridge.send(Request::UsePolicy { source });
        })
    };
    let load_site_policy = {
        let send = send.clone();
        move || {
            let send = send.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // None there (the server answers 404): the designer has no policy. Hosts that
                // answer every unknown path with the app's page (a single-page-app fallback)
                // send HTML: no policy either, rather than a policy "with errors".
                if let Ok(text) = crate::browser::fetch_text(SITE_POLICY_URL).await {
                    if !text.trim_start().starts_with('<') {
                        send.emit((Some(text), PolicyOrigin::Site));
                    }
                }
            });
        }
    };
    {
        let (send, load_site_policy) = (send.clone(), load_site_policy.clone());
        use_effect_with((), move |_| match load_tried() {
            Some(tried) => send.emit((Some(tried.text), PolicyOrigin::Tried(tried.name))),
            None => load_site_policy(),
        });
    }
    let try_policy = {
        let send = send.clone();
        Callback::from(move |(text, name): (String, Option<String>)| {
            save_tried(&Tried {
                text: text.clone(),
                name: name.clone(),
            });
            send.emit((Some(text), PolicyOrigin::Tried(name)));
        })
    };
    let stop_trying = Callback::from(move |()| {
        forget_tried();
        send.emit((None, PolicyOrigin::Site));
        load_site_policy();
    });
    PolicyContext {
        state: (*state).clone(),
        try_policy,
        stop_trying,
    }
}

/// The notice for a policy that cannot be used.
fn unusable(origin: &PolicyOrigin, problems: &[String]) -> String {
    let first = problems
        .first()
        .map(String::as_str)
        .unwrap_or("it has errors");
    let more = match problems.len() {
        0 | 1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    let origin = origin.describe();
    format!("No policy is applied: {origin} has errors. {first}{more}.")
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn load_tried() -> Option<Tried> {
    let text = session()?.get_item(TRIED_KEY).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

fn save_tried(tried: &Tried) {
    // Not kept when storage is full: the policy still applies until the tab closes.
    if let (Some(storage), Ok(text)) = (session(), serde_json::to_string(tried)) {
        let _ = storage.set_item(TRIED_KEY, &text);
    }
}

fn forget_tried() {
    if let Some(storage) = session() {
        let _ = storage.remove_item(TRIED_KEY);
    }
}

/// The policy in force, from the app's provider.
#[hook]
pub fn use_policy_context() -> PolicyContext {
    use_context::<PolicyContext>().expect("components are rendered inside the policy provider")
}
