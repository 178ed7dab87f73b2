//! The page's side of the checker worker (`checker`): sends each new revision to be checked
//! and hands the answer to the reducer.
//!
//! At most one check is in the worker at a time. A revision made meanwhile waits, and only the
//! newest waiting one is sent when the worker answers: typing fast in a large template queues
//! no backlog of checks of texts that are already gone.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use gloo::worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use crate::checker::{CheckerWorker, Json, Request, Response, WORKER_URL};
use crate::components::Editor;
use crate::state::{EditorAction, EditorState};

/// The connection to the worker, shared with the components that ask it for exports.
#[derive(Clone)]
pub struct Checker(Rc<Connection>);

impl PartialEq for Checker {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Checker {
    /// A connection of its own, whose answers go to `on_answer` (a component's exports). A
    /// `Callback` rather than a generic closure: one copy of the bridge's code for every caller
    /// (each closure type would be another in the page's WebAssembly).
    pub fn fork(&self, on_answer: Callback<Response>) -> WorkerBridge<CheckerWorker> {
        self.0
            .bridge
            .fork(Some(move |response| on_answer.emit(response)))
    }
}

/// How long a check may go unanswered before the page says the checker is not working. A
/// check of the largest text read (16 MiB) takes a few seconds; a worker that could not load
/// (a host that does not serve `checker_bg.wasm`, say) never answers at all.
const CHECKER_SILENCE_MS: u32 = 20_000;

const CHECKER_SILENT: &str = "The checker has not answered for 20 seconds, so the problems shown may be out of date. Your work is kept: reload the page. If this goes on, the site may not be serving checker.js and checker_bg.wasm (beside index.html) as it should.";

struct Connection {
    bridge: WorkerBridge<CheckerWorker>,
    dispatcher: UseReducerDispatcher<EditorState>,
    /// True while a check is in the worker.
    busy: Cell<bool>,
    /// The newest check asked for while one was in the worker.
    waiting: RefCell<Option<Request>>,
    /// Runs out if the check in the worker is not answered in time.
    watchdog: RefCell<Option<Timeout>>,
    /// True once a check went unanswered too long, until an answer comes.
    silent: Rc<Cell<bool>>,
}

impl Connection {
    fn check(&self, request: Request) {
        // Said again with each change, as other notices clear when the text changes.
        if self.silent.get() {
            self.say_silent();
        }
        if self.busy.replace(true) {
            *self.waiting.borrow_mut() = Some(request);
        } else {
            self.send(request);
        }
    }

    fn send(&self, request: Request) {
        self.bridge.send(request);
        let (dispatcher, silent) = (self.dispatcher.clone(), self.silent.clone());
        *self.watchdog.borrow_mut() = Some(Timeout::new(CHECKER_SILENCE_MS, move || {
            silent.set(true);
            dispatcher.dispatch(EditorAction::Notify(CHECKER_SILENT.into()));
        }));
    }

    fn say_silent(&self) {
        self.dispatcher
            .dispatch(EditorAction::Notify(CHECKER_SILENT.into()));
    }

    fn answered(&self) {
        self.watchdog.borrow_mut().take();
        self.silent.set(false);
        let next = self.waiting.borrow_mut().take();
        match next {
            Some(next) => self.send(next),
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
                let connection_dispatcher = dispatcher.clone();
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
                    dispatcher: connection_dispatcher,
                    busy: Cell::new(false),
                    waiting: RefCell::new(None),
                    watchdog: RefCell::new(None),
                    silent: Rc::default(),
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
