//! The message loop: initialization, the documents, and one handler per request.

use std::sync::Arc;

use lsp_server::{Connection, ErrorCode, Message, Notification, ProtocolError, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, CodeActionResolveRequest, Completion, Formatting, HoverRequest, Request as _,
};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    CompletionOptions, CompletionParams, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DocumentFormattingParams, HoverParams, HoverProviderCapability,
    InitializeParams, MessageType, OneOf, PositionEncodingKind, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use validator_core::{ApiVersion, Options, Os};

use super::checker::Checker;
use super::diagnostics::{Settings, DEFAULT_RULE_DOCS};
use super::documents::Documents;
use super::{actions, completion, formatting, hover, Config};

/// What the server can do, as the client learns it in `initialize`.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".to_owned()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            resolve_provider: Some(true),
            ..CodeActionOptions::default()
        })),
        document_formatting_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// Serves one client on `connection` until it says `exit` or goes away.
pub fn run(connection: Connection, config: Config) -> Result<(), ProtocolError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let (settings, problems) = settings(params.initialization_options.as_ref());
    let resolves_edits = params
        .capabilities
        .text_document
        .and_then(|t| t.code_action?.resolve_support)
        .is_some_and(|r| r.properties.iter().any(|p| p == "edit"));
    let initialize_data = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "aib".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    connection.initialize_finish(id, initialize_data)?;
    for problem in problems {
        show_error(&connection, problem);
    }
    let mut server = Server {
        documents: Documents::default(),
        checker: Checker::start(connection.sender.clone(), settings.clone(), config.debounce),
        settings,
        resolves_edits,
    };
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let response = server.respond(request);
                let _ = connection.sender.send(response.into());
            }
            Message::Notification(notification) => server.notified(notification),
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// The settings from the client's `initializationOptions`, as `aib check`'s options:
/// `apiVersion` (check against it whatever a file declares), `os` (`linux` or `windows`, for
/// a source that does not tell), `policy` (the path of a policy file, docs/policy.md), and
/// `ruleDocs` (where rule pages are). A bad one is reported and left out; the rest still hold.
fn settings(given: Option<&Value>) -> (Arc<Settings>, Vec<String>) {
    let mut problems = Vec::new();
    let text = |key: &str| given.and_then(|g| g.get(key)).and_then(Value::as_str);
    let api_version = text("apiVersion").and_then(|v| {
        let parsed = ApiVersion::parse(v);
        if parsed.is_none() {
            problems.push(format!(
                "aib: unknown API version `{v}` in apiVersion; ignored"
            ));
        }
        parsed
    });
    let os = text("os").and_then(|v| {
        let parsed = Os::parse(v);
        if parsed.is_none() {
            problems.push(format!(
                "aib: unknown OS `{v}` in os (linux or windows); ignored"
            ));
        }
        parsed
    });
    let policy = text("policy").and_then(|path| match crate::input::read_policy(path) {
        Ok(policy) => policy,
        Err(error) => {
            let why = match error {
                crate::input::PolicyError::Unreadable(why) => why,
                crate::input::PolicyError::Invalid { .. } => {
                    "not a usable policy; `aib check --policy` tells why".to_owned()
                }
            };
            problems.push(format!("aib: policy {path}: {why}; checking without it"));
            None
        }
    });
    let settings = Settings {
        options: Options {
            api_version,
            os,
            policy,
            ..Options::default()
        },
        rule_docs: text("ruleDocs").unwrap_or(DEFAULT_RULE_DOCS).to_owned(),
    };
    (Arc::new(settings), problems)
}

fn show_error(connection: &Connection, message: String) {
    let params = ShowMessageParams {
        typ: MessageType::ERROR,
        message,
    };
    let _ = connection
        .sender
        .send(Notification::new(ShowMessage::METHOD.to_owned(), params).into());
}

struct Server {
    documents: Documents,
    checker: Checker,
    settings: Arc<Settings>,
    /// Whether the client asks for an action's edit when it is chosen (`codeAction/resolve`).
    resolves_edits: bool,
}

impl Server {
    fn notified(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = parse::<DidOpenTextDocumentParams>(notification.params) else {
                    return;
                };
                let document = p.text_document;
                let opened =
                    self.documents
                        .open(document.uri.clone(), document.version, document.text);
                self.checker
                    .check(document.uri, opened.version, opened.text.clone());
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = parse::<DidChangeTextDocumentParams>(notification.params) else {
                    return;
                };
                let uri = p.text_document.uri;
                let version = p.text_document.version;
                if let Some(changed) = self.documents.change(&uri, version, p.content_changes) {
                    self.checker
                        .check(uri, changed.version, changed.text.clone());
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = parse::<DidCloseTextDocumentParams>(notification.params) else {
                    return;
                };
                self.documents.close(&p.text_document.uri);
                self.checker.forget(p.text_document.uri);
            }
            // `initialized`, `$/cancelRequest` (every answer is quick), and the rest.
            _ => {}
        }
    }

    fn respond(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            HoverRequest::METHOD => self.answer(request, |s, p: HoverParams| {
                let at = p.text_document_position_params;
                let (text, checked) = s.document(&at.text_document.uri)?;
                let policy = s.settings.options.policy.as_deref();
                hover::at(&text, at.position, checked.as_deref(), policy)
            }),
            Completion::METHOD => self.answer(request, |s, p: CompletionParams| {
                let at = p.text_document_position;
                let (text, checked) = s.document(&at.text_document.uri)?;
                Some(completion::at(&text, at.position, checked.as_deref()))
            }),
            CodeActionRequest::METHOD => self.answer(request, |s, p: CodeActionParams| {
                let uri = p.text_document.uri;
                let (text, checked) = s.document(&uri)?;
                // Fixes are for the text they were found in: none until it is checked.
                let checked = checked.filter(|c| c.is_of(&text))?;
                Some(actions::at(
                    &uri,
                    &checked,
                    p.range,
                    &s.settings,
                    s.resolves_edits,
                ))
            }),
            CodeActionResolveRequest::METHOD => {
                self.answer(request, |s, mut action: CodeAction| {
                    if let Some((text, _)) =
                        actions::uri_of(&action).and_then(|uri| s.document(&uri))
                    {
                        actions::resolve(&mut action, &text, &s.settings.options);
                    }
                    Some(action)
                })
            }
            Formatting::METHOD => self.answer(request, |s, p: DocumentFormattingParams| {
                let (text, _) = s.document(&p.text_document.uri)?;
                Some(formatting::format(&text))
            }),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("unknown request `{}`", request.method),
            )),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    /// The handler's answer to `request`, `null` when it has none (an unknown document).
    fn answer<P: DeserializeOwned, R: serde::Serialize>(
        &mut self,
        request: Request,
        handler: impl FnOnce(&mut Self, P) -> Option<R>,
    ) -> Result<Value, (ErrorCode, String)> {
        let params =
            parse::<P>(request.params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
        let answer = handler(self, params);
        Ok(serde_json::to_value(answer).unwrap_or(Value::Null))
    }

    /// An open document's text and its last check.
    fn document(&self, uri: &Uri) -> Option<(Arc<str>, Option<Arc<super::diagnostics::Checked>>)> {
        let document = self.documents.get(uri)?;
        Some((document.text.clone(), self.checker.last(uri)))
    }
}

fn parse<P: DeserializeOwned>(params: Value) -> Result<P, serde_json::Error> {
    serde_json::from_value(params)
}
