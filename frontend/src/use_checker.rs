//! The page's side of the checker worker (`checker`): sends each new revision to be checked
//! and hands the answer to the reducer.
//!
//! At most one check is in the worker at a time. A revision made meanwhile waits, and only the
//! newest waiting one is sent when the worker answers: typing fast in a large template queues
//! no backlog of checks of texts that are already gone.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use crate::checker::{CheckerWorker, Json, Request, Response, WORKER_URL};
use crate::components::Editor;
use crate::state::EditorAction;

/// The connection to the worker, shared with the components that ask it for exports.
#[derive(Clone)]
pub struct Checker(Rc<Connection>);

impl PartialEq for Checker {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Checker {
    /// A connection of its own, whose answers go to `on_answer` (a component's exports).
    pub fn fork(&self, on_answer: impl Fn(Response) + 'static) -> WorkerBridge<CheckerWorker> {
        self.0.bridge.fork(Some(on_answer))
    }
}

struct Connection {
    bridge: WorkerBridge<CheckerWorker>,
    /// True while a check is in the worker.
    busy: Cell<bool>,
    /// The newest check asked for while one was in the worker.
    waiting: RefCell<Option<Request>>,
}

impl Connection {
    fn check(&self, request: Request) {
        if self.busy.replace(true) {
            *self.waiting.borrow_mut() = Some(request);
        } else {
            self.bridge.send(request);
        }
    }

    fn answered(&self) {
        match self.waiting.borrow_mut().take() {
            Some(next) => self.bridge.send(next),
            None => self.busy.set(false),
        }
    }
}

/// Starts the worker once and asks it to check every revision of the editor's state.
#[hook]
pub fn use_checker(editor: Editor) -> Checker {
    let checker = {
        let dispatcher = editor.dispatcher();
        use_memo((), move |_| {
            Checker(Rc::new_cyclic(|me: &Weak<Connection>| {
                let me = me.clone();
                let bridge = CheckerWorker::spawner()
                    .encoding::<Json>()
                    .callback(move |response| {
                        if let (Response::Checked(checked), Some(me)) = (response, me.upgrade()) {
                            me.answered();
                            dispatcher.dispatch(EditorAction::Checked(Rc::new(checked)));
                        }
                    })
                    .spawn_with_loader(WORKER_URL);
                Connection {
                    bridge,
                    busy: Cell::new(false),
                    waiting: RefCell::new(None),
                }
            }))
        })
    };
    {
        let checker = (*checker).clone();
        use_effect_with(editor.revision, move |_| {
            checker.0.check(Request::Check {
                revision: editor.revision,
                text: (*editor.text).clone(),
                options: editor.options.clone(),
                // A value the form wrote (or the page parsed) is known already.
                want_value: editor.needs_value(),
            })
        });
    }
    (*checker).clone()
}
