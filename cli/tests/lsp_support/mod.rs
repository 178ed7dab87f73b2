//! A client for `aib lsp` over an in-memory connection (`lsp_server::Connection::memory`): the
//! real server, on its own thread, with typed requests and a wait for diagnostics. The
//! protocol tests and the benchmark both drive the server through it.

#![allow(dead_code)] // Each user takes a part.

use std::collections::VecDeque;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use aib::lsp::{self, Config};
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use lsp_types::notification::{
    DidChangeTextDocument, DidOpenTextDocument, Exit, Initialized, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{Initialize, Shutdown};
use lsp_types::{
    DidChangeTextDocumentParams, DidOpenTextDocumentParams, InitializeParams, InitializeResult,
    Position, PublishDiagnosticsParams, Range, TextDocumentContentChangeEvent, TextDocumentItem,
    Uri, VersionedTextDocumentIdentifier,
};

/// How long a test waits for an answer before it fails (the checks take milliseconds; a
/// loaded machine may take far longer).
const PATIENCE: Duration = Duration::from_secs(60);

pub struct Client {
    connection: Connection,
    server: Option<JoinHandle<()>>,
    next_id: i32,
    /// Notifications that came while a response was awaited.
    notifications: VecDeque<Notification>,
    /// The messages of the `window/showMessage` notifications passed while waiting for
    /// diagnostics.
    pub shown: Vec<String>,
    pub initialized: InitializeResult,
}

impl Client {
    /// A server with the given debounce, initialized with `options` as
    /// `initializationOptions`.
    pub fn start(debounce: Duration, options: Option<serde_json::Value>) -> Client {
        let params = InitializeParams {
            initialization_options: options,
            ..InitializeParams::default()
        };
        Client::start_with(debounce, params)
    }

    /// A server initialized with `params`.
    pub fn start_with(debounce: Duration, params: InitializeParams) -> Client {
        let (client, server) = Connection::memory();
        let thread = std::thread::spawn(move || {
            lsp::run(server, Config { debounce }).expect("the server ends cleanly");
        });
        let mut client = Client {
            connection: client,
            server: Some(thread),
            next_id: 0,
            notifications: VecDeque::new(),
            shown: Vec::new(),
            initialized: InitializeResult::default(),
        };
        client.initialized = client.request::<Initialize>(params);
        client.notify::<Initialized>(lsp_types::InitializedParams {});
        client
    }

    pub fn request<R: lsp_types::request::Request>(&mut self, params: R::Params) -> R::Result {
        let value = self.request_raw(R::METHOD, serde_json::to_value(params).unwrap());
        serde_json::from_value(value).expect("a well-formed result")
    }

    /// Sends a request by name and returns its result, failing on an error response.
    pub fn request_raw(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        match self.request_or_error(method, params) {
            Ok(value) => value,
            Err(error) => panic!("{method} failed: {error:?}"),
        }
    }

    pub fn request_or_error(
        &mut self,
        method: &str,
        params: serde_json::Value,
    ) -> Result<serde_json::Value, lsp_server::ResponseError> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let request = Request::new(id.clone(), method.to_owned(), params);
        self.connection.sender.send(request.into()).unwrap();
        loop {
            match self.receive() {
                Message::Response(response) if response.id == id => {
                    return response.response_result
                }
                Message::Notification(notification) => self.notifications.push_back(notification),
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    pub fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        let notification = Notification::new(N::METHOD.to_owned(), params);
        self.connection.sender.send(notification.into()).unwrap();
    }

    pub fn notify_raw(&self, method: &str, params: serde_json::Value) {
        let notification = Notification::new(method.to_owned(), params);
        self.connection.sender.send(notification.into()).unwrap();
    }

    fn receive(&self) -> Message {
        self.connection
            .receiver
            .recv_timeout(PATIENCE)
            .expect("the server answers in time")
    }

    pub fn open(&self, uri: &Uri, version: i32, text: &str) {
        self.notify::<DidOpenTextDocument>(DidOpenTextDocumentParams {
            text_document: TextDocumentItem::new(uri.clone(), "json".into(), version, text.into()),
        });
    }

    /// Replaces `range` with `text`, as the document's `version`.
    pub fn change(&self, uri: &Uri, version: i32, range: Range, text: &str) {
        self.notify::<DidChangeTextDocument>(DidChangeTextDocumentParams {
            text_document: VersionedTextDocumentIdentifier::new(uri.clone(), version),
            content_changes: vec![TextDocumentContentChangeEvent {
                range: Some(range),
                range_length: None,
                text: text.into(),
            }],
        });
    }

    /// The next diagnostics published for `uri`.
    pub fn diagnostics(&mut self, uri: &Uri) -> PublishDiagnosticsParams {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let notification = match self.notifications.pop_front() {
                Some(n) => n,
                None => match self
                    .connection
                    .receiver
                    .recv_deadline(deadline)
                    .expect("diagnostics in time")
                {
                    Message::Notification(n) => n,
                    other => panic!("unexpected {other:?}"),
                },
            };
            if notification.method == "window/showMessage" {
                let message = notification.params["message"].as_str().unwrap_or_default();
                self.shown.push(message.to_owned());
            }
            if notification.method == PublishDiagnostics::METHOD {
                let params: PublishDiagnosticsParams =
                    serde_json::from_value(notification.params).unwrap();
                if params.uri == *uri {
                    return params;
                }
            }
        }
    }

    /// Whether diagnostics for `uri` came while a response was awaited (and wait to be read).
    pub fn has_queued_diagnostics(&self, uri: &Uri) -> bool {
        self.notifications.iter().any(|n| {
            n.method == PublishDiagnostics::METHOD && n.params["uri"].as_str() == Some(uri.as_str())
        })
    }

    /// Whether anything arrives within `wait`.
    pub fn quiet_for(&mut self, wait: Duration) -> bool {
        self.notifications.is_empty() && self.connection.receiver.recv_timeout(wait).is_err()
    }

    /// `shutdown` and `exit`, then waits for the server to end.
    pub fn shutdown(mut self) {
        self.request::<Shutdown>(());
        self.notify::<Exit>(());
        self.server
            .take()
            .unwrap()
            .join()
            .expect("the server ends without panicking");
    }
}

pub fn uri(name: &str) -> Uri {
    format!("file:///work/{name}").parse().unwrap()
}

/// The range of the whole of line `line` from `from` to `to` (UTF-16 columns).
pub fn range(line: u32, from: u32, to: u32) -> Range {
    Range::new(Position::new(line, from), Position::new(line, to))
}

/// The position of the first `needle` in `text`, in UTF-16 columns.
pub fn position_of(text: &str, needle: &str) -> Position {
    let offset = text.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    aib::lsp::position::position(text, offset)
}

/// A corpus template by its file name under `shared/corpus/`.
pub fn corpus_file(path: &str) -> String {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    std::fs::read_to_string(root.join(path)).expect("the corpus is next to the checkout")
}

/// The Linux quickstart that distributes to a gallery: a typical template.
pub const QUICKSTART: &str = "Azure__azvmimagebuilder/quickquickstarts__1_Creating_a_Custom_Linux_Shared_Image_Gallery_Image__helloImageTemplateforSIG.json";
