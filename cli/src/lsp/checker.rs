//! The checker thread: checks the newest text of each document once typing pauses, and
//! publishes its diagnostics.
//!
//! Texts wait in a map by URI, so a newer one replaces the one waiting (a superseded check is
//! never started), and a check whose document changed while it ran is not published (the
//! client would place its ranges in the wrong text). The last check of every document is kept
//! for the message loop: code actions and hover read its findings.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use lsp_server::{Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{PublishDiagnosticsParams, Uri};

use super::diagnostics::{self, Checked, Settings};

/// What the loop asks of the checker.
enum Work {
    Check {
        version: i32,
        text: Arc<str>,
    },
    /// The document was closed: clear its diagnostics and forget it.
    Forget,
}

/// The last check of each document by URI (as text, see `Documents`), shared with the
/// message loop.
pub type Results = Arc<Mutex<HashMap<String, Arc<Checked>>>>;

/// The handle the message loop holds; dropping it stops the thread once its work is done.
pub struct Checker {
    work: Option<Sender<(Uri, Work)>>,
    thread: Option<JoinHandle<()>>,
    results: Results,
}

impl Checker {
    pub fn start(out: Sender<Message>, settings: Arc<Settings>, debounce: Duration) -> Checker {
        let (work, inbox) = crossbeam_channel::unbounded();
        let results = Results::default();
        let shared = results.clone();
        let thread = std::thread::Builder::new()
            .name("aib-checker".into())
            .spawn(move || run(&inbox, &out, &settings, &shared, debounce))
            .ok();
        Checker {
            work: Some(work),
            thread,
            results,
        }
    }

    pub fn check(&self, uri: Uri, version: i32, text: Arc<str>) {
        self.send(uri, Work::Check { version, text });
    }

    pub fn forget(&self, uri: Uri) {
        self.send(uri, Work::Forget);
    }

    fn send(&self, uri: Uri, work: Work) {
        if let Some(sender) = &self.work {
            let _ = sender.send((uri, work));
        }
    }

    /// The last check of `uri`.
    pub fn last(&self, uri: &Uri) -> Option<Arc<Checked>> {
        lock(&self.results).get(uri.as_str()).cloned()
    }
}

impl Drop for Checker {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop.
        self.work.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The work waiting, the newest for each document, by URI (as text, see `Documents`).
#[derive(Default)]
struct Waiting(HashMap<String, (Uri, Work)>);

impl Waiting {
    fn add(&mut self, (uri, work): (Uri, Work)) {
        self.0.insert(uri.as_str().to_owned(), (uri, work));
    }

    fn take_any(&mut self) -> Option<(Uri, Work)> {
        let key = self.0.keys().next()?.clone();
        self.0.remove(&key)
    }
}

fn run(
    inbox: &Receiver<(Uri, Work)>,
    out: &Sender<Message>,
    settings: &Settings,
    results: &Results,
    debounce: Duration,
) {
    let mut waiting = Waiting::default();
    let mut open = true;
    loop {
        if waiting.0.is_empty() {
            match inbox.recv() {
                Ok(work) => waiting.add(work),
                Err(_) => return,
            }
        }
        // Wait for typing to pause: every new text restarts the wait.
        let mut deadline = Instant::now() + debounce;
        while open {
            match inbox.recv_deadline(deadline) {
                Ok(work) => {
                    waiting.add(work);
                    deadline = Instant::now() + debounce;
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => open = false,
            }
        }
        let Some((uri, work)) = waiting.take_any() else {
            return;
        };
        match work {
            Work::Forget => {
                lock(results).remove(uri.as_str());
                publish(out, uri, None, Vec::new());
            }
            Work::Check { version, text } => {
                let checked = Arc::new(Checked::new(text, &settings.options));
                // Whatever arrived during the check; a newer text of this document makes
                // this one's findings stale.
                while let Ok(work) = inbox.try_recv() {
                    waiting.add(work);
                }
                if waiting.0.contains_key(uri.as_str()) {
                    continue;
                }
                let found = diagnostics::to_lsp(&uri, &checked, settings);
                lock(results).insert(uri.as_str().to_owned(), checked);
                publish(out, uri, Some(version), found);
            }
        }
        if !open && waiting.0.is_empty() {
            return;
        }
    }
}

fn lock(results: &Results) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Checked>>> {
    results.lock().unwrap_or_else(PoisonError::into_inner)
}

fn publish(
    out: &Sender<Message>,
    uri: Uri,
    version: Option<i32>,
    diagnostics: Vec<lsp_types::Diagnostic>,
) {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    let _ = out.send(Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into());
}
