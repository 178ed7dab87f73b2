//! `aib lsp` through the protocol: the real server on an in-memory connection
//! (`lsp_server::Connection::memory`), every request it answers, and what it publishes.

mod lsp_support;

use std::time::Duration;

use lsp_server::ErrorCode;
use lsp_support::{corpus_file, position_of, range, uri, Client, QUICKSTART};
use lsp_types::request::{CodeActionRequest, Completion, Formatting, HoverRequest};
use lsp_types::{
    CodeActionContext, CodeActionOrCommand, CodeActionParams, CompletionParams, CompletionResponse,
    CompletionTextEdit, DiagnosticSeverity, DocumentFormattingParams, FormattingOptions,
    HoverContents, HoverParams, NumberOrString, Position, PositionEncodingKind, Range,
    TextDocumentIdentifier, TextDocumentPositionParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextEdit, Uri, WorkspaceEdit,
};

const NO_WAIT: Duration = Duration::ZERO;

/// The quickstart with mistakes planted: two misspelt properties (AIB030, renamed by a fix),
/// two `http:` downloads (AIB085, fixed to `https:`).
fn planted() -> String {
    corpus_file(QUICKSTART)
        .replace("\"buildTimeoutInMinutes\"", "\"buildTimeoutInMinute\"")
        .replace("\"vmSize\"", "\"vmsize\"")
        .replace("\"scriptUri\": \"https:", "\"scriptUri\": \"http:")
}

fn code(d: &lsp_types::Diagnostic) -> &str {
    match &d.code {
        Some(NumberOrString::String(code)) => code,
        _ => "",
    }
}

/// `text` with the edits of `edit` for `uri` applied.
fn apply(text: &str, uri: &Uri, edit: &WorkspaceEdit) -> String {
    let mut edits: Vec<TextEdit> = edit.changes.as_ref().unwrap()[uri].clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    let mut out = text.to_owned();
    for e in edits {
        let replaced = aib::lsp::position::byte_range(&out, e.range);
        out.replace_range(replaced, &e.new_text);
    }
    out
}

fn code_actions(client: &mut Client, uri: &Uri, at: Range) -> Vec<lsp_types::CodeAction> {
    let params = CodeActionParams {
        text_document: TextDocumentIdentifier::new(uri.clone()),
        range: at,
        context: CodeActionContext::default(),
        work_done_progress_params: Default::default(),
        partial_result_params: Default::default(),
    };
    client
        .request::<CodeActionRequest>(params)
        .unwrap_or_default()
        .into_iter()
        .map(|a| match a {
            CodeActionOrCommand::CodeAction(a) => a,
            CodeActionOrCommand::Command(c) => panic!("a bare command {c:?}"),
        })
        .collect()
}

fn at(uri: &Uri, position: Position) -> TextDocumentPositionParams {
    TextDocumentPositionParams::new(TextDocumentIdentifier::new(uri.clone()), position)
}

fn hover(client: &mut Client, uri: &Uri, position: Position) -> Option<String> {
    let params = HoverParams {
        text_document_position_params: at(uri, position),
        work_done_progress_params: Default::default(),
    };
    let hover = client.request::<HoverRequest>(params)?;
    match hover.contents {
        HoverContents::Markup(markup) => Some(markup.value),
        other => panic!("plain hover {other:?}"),
    }
}

fn completions(
    client: &mut Client,
    uri: &Uri,
    position: Position,
) -> Vec<lsp_types::CompletionItem> {
    let params = CompletionParams {
        text_document_position: at(uri, position),
        work_done_progress_params: Default::default(),
        partial_result_params: Default::default(),
        context: None,
    };
    match client.request::<Completion>(params) {
        Some(CompletionResponse::Array(items)) => items,
        Some(CompletionResponse::List(list)) => list.items,
        None => Vec::new(),
    }
}

fn new_text(item: &lsp_types::CompletionItem) -> &str {
    match &item.text_edit {
        Some(CompletionTextEdit::Edit(edit)) => &edit.new_text,
        other => panic!("no edit {other:?}"),
    }
}

#[test]
fn initialize_tells_what_the_server_does() {
    let client = Client::start(NO_WAIT, None);
    let capabilities = &client.initialized.capabilities;
    assert_eq!(
        capabilities.position_encoding,
        Some(PositionEncodingKind::UTF16)
    );
    assert_eq!(
        capabilities.text_document_sync,
        Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL
        ))
    );
    assert!(capabilities.hover_provider.is_some());
    assert!(capabilities.completion_provider.is_some());
    assert!(capabilities.code_action_provider.is_some());
    assert!(capabilities.document_formatting_provider.is_some());
    assert_eq!(client.initialized.server_info.as_ref().unwrap().name, "aib");
    client.shutdown();
}

#[test]
fn diagnostics_have_utf16_ranges_code_link_severity_and_related_places() {
    let mut client = Client::start(NO_WAIT, None);
    let uri = uri("planted.json");
    // Non-ASCII text before the mistake on its line: `é` is one UTF-16 unit (two bytes),
    // `😀` two units (four bytes).
    let text = planted().replace(
        "        \"buildTimeoutInMinute\"",
        "        \"é😀\": 1, \"buildTimeoutInMinute\"",
    );
    client.open(&uri, 1, &text);
    let published = client.diagnostics(&uri);
    assert_eq!(published.version, Some(1));
    let misspelt = published
        .diagnostics
        .iter()
        .find(|d| d.message.contains("`buildTimeoutInMinute`"))
        .expect("the misspelt property");
    let line = text[..text.find("\"buildTimeoutInMinute\"").unwrap()]
        .matches('\n')
        .count() as u32;
    // 8 spaces, then `"é😀": 1, ` is 10 units (13 bytes, 9 characters).
    assert_eq!(misspelt.range, range(line, 18, 40));
    assert_eq!(code(misspelt), "AIB030");
    // An error from API version 2024-02-01, when the service began to reject unknown fields.
    assert_eq!(misspelt.severity, Some(DiagnosticSeverity::WARNING));
    assert_eq!(misspelt.source.as_deref(), Some("aib"));
    assert_eq!(
        misspelt.code_description.as_ref().unwrap().href.as_str(),
        "http://127.0.0.1:8080/#/rules/AIB030"
    );
    assert!(
        misspelt.message.contains("\nhelp: "),
        "{}",
        misspelt.message
    );
    // The gen2 source names the gallery it is distributed to.
    let gen2 = published
        .diagnostics
        .iter()
        .find(|d| code(d) == "AIB055")
        .expect("a gen2 source");
    assert_eq!(gen2.severity, Some(DiagnosticSeverity::INFORMATION));
    let related = &gen2.related_information.as_ref().unwrap()[0];
    assert_eq!(related.location.uri, uri);
    assert_eq!(
        related.location.range.start,
        position_of(&text, "{   \n                \"type\": \"SharedImage\"")
    );
    client.shutdown();
}

#[test]
fn rule_links_follow_the_clients_rule_docs() {
    let options = serde_json::json!({"ruleDocs": "https://designer.example.org/#/rules/"});
    let mut client = Client::start(NO_WAIT, Some(options));
    let uri = uri("planted.json");
    client.open(&uri, 1, &planted());
    let published = client.diagnostics(&uri);
    let link = published.diagnostics[0].code_description.as_ref().unwrap();
    assert!(
        link.href
            .as_str()
            .starts_with("https://designer.example.org/#/rules/AIB"),
        "{link:?}"
    );
    client.shutdown();
}

#[test]
fn incremental_changes_are_checked_again() {
    let mut client = Client::start(NO_WAIT, None);
    let uri = uri("planted.json");
    let text = planted();
    client.open(&uri, 1, &text);
    let first = client.diagnostics(&uri);
    assert_eq!(
        first
            .diagnostics
            .iter()
            .filter(|d| code(d) == "AIB030")
            .count(),
        2
    );
    // Type the missing `s`.
    let end = position_of(&text, "\"buildTimeoutInMinute\"");
    let after = Position::new(end.line, end.character + 21);
    client.change(&uri, 2, Range::new(after, after), "s");
    let second = client.diagnostics(&uri);
    assert_eq!(second.version, Some(2));
    assert_eq!(
        second
            .diagnostics
            .iter()
            .filter(|d| code(d) == "AIB030")
            .count(),
        1
    );
    client.shutdown();
}

#[test]
fn superseded_checks_are_dropped() {
    let mut client = Client::start(Duration::from_millis(300), None);
    let uri = uri("planted.json");
    let text = planted();
    client.open(&uri, 1, &text);
    // Five keystrokes, faster than the debounce: only the last text is checked.
    let start = position_of(&text, "80,");
    for version in 2..=6 {
        let column = start.character + 2 + (version - 2);
        let place = Position::new(start.line, column);
        client.change(&uri, version as i32, Range::new(place, place), "0");
    }
    let published = client.diagnostics(&uri);
    assert_eq!(published.version, Some(6));
    assert!(
        client.quiet_for(Duration::from_millis(800)),
        "a superseded check was published"
    );
    client.shutdown();
}

#[test]
fn every_fix_is_a_quick_fix_and_a_kind_found_twice_can_be_fixed_at_once() {
    let mut client = Client::start(NO_WAIT, None);
    let uri = uri("planted.json");
    let text = planted();
    client.open(&uri, 1, &text);
    let published = client.diagnostics(&uri);
    let misspelt = published
        .diagnostics
        .iter()
        .find(|d| d.message.contains("`buildTimeoutInMinute`"))
        .unwrap();
    let actions = code_actions(&mut client, &uri, misspelt.range);
    let titles: Vec<&str> = actions.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "rename `buildTimeoutInMinute` to `buildTimeoutInMinutes`",
            "Fix all AIB030 (unknown-property) in this file"
        ]
    );
    let quick_fix = &actions[0];
    assert_eq!(quick_fix.is_preferred, Some(true));
    assert_eq!(
        quick_fix.diagnostics.as_ref().unwrap()[0].range,
        misspelt.range
    );
    let fixed = apply(&text, &uri, quick_fix.edit.as_ref().unwrap());
    assert_eq!(
        fixed,
        text.replace("\"buildTimeoutInMinute\"", "\"buildTimeoutInMinutes\"")
    );
    // The edit is the one changed character, not the whole document.
    let edits = &quick_fix.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri];
    assert_eq!(edits[0].new_text, "s");

    let fix_all = apply(&text, &uri, actions[1].edit.as_ref().unwrap());
    assert_eq!(
        fix_all,
        text.replace("\"buildTimeoutInMinute\"", "\"buildTimeoutInMinutes\"")
            .replace("\"vmsize\"", "\"vmSize\"")
    );
    assert_eq!(actions[1].diagnostics.as_ref().unwrap().len(), 2);

    // The `http:` downloads: one fix each, and all at once.
    let http = position_of(&text, "http:");
    let actions = code_actions(&mut client, &uri, Range::new(http, http));
    let fix_all = actions
        .iter()
        .find(|a| a.title.starts_with("Fix all AIB085"))
        .expect("fix all AIB085");
    let fixed = apply(&text, &uri, fix_all.edit.as_ref().unwrap());
    assert!(!fixed.contains("http:"));
    assert_eq!(
        fixed.matches("https:").count(),
        text.matches("https:").count() + 2
    );

    // A place without a finding has no actions.
    assert!(code_actions(&mut client, &uri, range(0, 0, 0)).is_empty());
    client.shutdown();
}

#[test]
fn a_client_that_resolves_edits_gets_fix_all_when_it_chooses_it() {
    let capabilities: lsp_types::ClientCapabilities = serde_json::from_value(serde_json::json!({
        "textDocument": {"codeAction": {"resolveSupport": {"properties": ["edit"]}}}
    }))
    .unwrap();
    let params = lsp_types::InitializeParams {
        capabilities,
        ..Default::default()
    };
    let mut client = Client::start_with(NO_WAIT, params);
    let uri = uri("planted.json");
    let text = planted();
    client.open(&uri, 1, &text);
    client.diagnostics(&uri);
    let at = position_of(&text, "\"vmsize\"");
    let actions = code_actions(&mut client, &uri, Range::new(at, at));
    assert!(
        actions[0].edit.is_some(),
        "a quick fix has its edit at once"
    );
    let fix_all = actions[1].clone();
    assert!(fix_all.title.starts_with("Fix all AIB030"));
    assert!(fix_all.edit.is_none(), "fix all waits to be chosen");
    let resolved = client.request::<lsp_types::request::CodeActionResolveRequest>(fix_all);
    let fixed = apply(&text, &uri, resolved.edit.as_ref().unwrap());
    assert!(!fixed.contains("\"vmsize\"") && !fixed.contains("\"buildTimeoutInMinute\""));
    client.shutdown();
}

#[test]
fn initialization_options_give_a_policy_and_an_api_version() {
    let policy = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/policy/contoso.json");
    let options = serde_json::json!({
        "policy": policy.to_str().unwrap(),
        "apiVersion": "2024-02-01",
        "os": "linux",
    });
    let mut client = Client::start(NO_WAIT, Some(options));
    let uri = uri("planted.json");
    let text = planted();
    client.open(&uri, 1, &text);
    let published = client.diagnostics(&uri);
    let tags = published
        .diagnostics
        .iter()
        .find(|d| code(d) == "POL-tags")
        .expect("the policy's tags rule");
    assert_eq!(
        tags.code_description.as_ref().unwrap().href.as_str(),
        "https://wiki.contoso.example/platform/tagging"
    );
    // Checked as 2024-02-01, where the service rejects unknown properties.
    let misspelt = published
        .diagnostics
        .iter()
        .find(|d| code(d) == "AIB030")
        .unwrap();
    assert_eq!(misspelt.severity, Some(DiagnosticSeverity::ERROR));
    let hover_text = hover(&mut client, &uri, tags.range.start).unwrap();
    assert!(hover_text.contains("POL-tags"), "{hover_text}");
    assert!(
        hover_text.contains("Contoso platform images"),
        "{hover_text}"
    );
    client.shutdown();
}

#[test]
fn a_bad_option_is_reported_and_the_rest_hold() {
    let options = serde_json::json!({
        "policy": "/nonexistent/policy.json",
        "apiVersion": "1999-01-01",
        "os": "beos",
    });
    let mut client = Client::start(NO_WAIT, Some(options));
    let uri = uri("planted.json");
    client.open(&uri, 1, &planted());
    assert!(!client.diagnostics(&uri).diagnostics.is_empty());
    assert_eq!(client.shown.len(), 3, "{:?}", client.shown);
    assert!(client.shown[0].contains("1999-01-01"), "{:?}", client.shown);
    assert!(client.shown[1].contains("beos"), "{:?}", client.shown);
    assert!(
        client.shown[2].contains("/nonexistent/policy.json"),
        "{:?}",
        client.shown
    );
    client.shutdown();
}

#[test]
fn requests_are_answered_while_a_large_document_is_checked() {
    let mut client = Client::start(NO_WAIT, None);
    let small = uri("planted.json");
    let text = planted();
    client.open(&small, 1, &text);
    client.diagnostics(&small);
    // The largest template of the corpus (1 MB): its check takes far longer than a hover.
    let large = uri("large.json");
    client.open(
        &large,
        1,
        &corpus_file("Azure__bicep-registry-modules/avm__ptn__virtual-machine-images__azure-image-builder__main.json"),
    );
    let vm_profile = position_of(&text, "\"vmProfile\"");
    assert!(hover(&mut client, &small, vm_profile).is_some());
    assert!(
        !client.has_queued_diagnostics(&large),
        "the hover waited for the large document's check"
    );
    // A clean template: its check publishes an empty list.
    assert_eq!(client.diagnostics(&large).version, Some(1));
    client.shutdown();
}

#[test]
fn code_actions_wait_for_the_check_of_the_current_text() {
    let mut client = Client::start(Duration::from_secs(30), None);
    let uri = uri("planted.json");
    let text = planted();
    client.open(&uri, 1, &text);
    let at = position_of(&text, "\"buildTimeoutInMinute\"");
    // Not checked yet (the debounce is long): a fix would be for another text.
    assert!(code_actions(&mut client, &uri, Range::new(at, at)).is_empty());
}

#[test]
fn hover_shows_a_propertys_help_and_versions_and_a_findings_rule() {
    let mut client = Client::start(NO_WAIT, None);
    let uri = uri("planted.json");
    let text = planted();
    client.open(&uri, 1, &text);
    client.diagnostics(&uri);
    let vm_profile = position_of(&text, "\"vmProfile\"");
    let hover_text = hover(
        &mut client,
        &uri,
        Position::new(vm_profile.line, vm_profile.character + 3),
    )
    .expect("a hover on vmProfile");
    assert!(hover_text.starts_with("**vmProfile**"), "{hover_text}");
    assert!(
        hover_text.contains("In API versions 2019-05-01-preview, 2020-02-14"),
        "{hover_text}"
    );
    assert!(!hover_text.contains("2019-02-01-preview"), "{hover_text}");
    assert!(
        hover_text.contains("checked against 2022-02-14"),
        "{hover_text}"
    );

    // Over a finding: its rule's documentation, as `aib explain` prints it; the misspelt
    // name has no help of its own.
    let misspelt = position_of(&text, "\"buildTimeoutInMinute\"");
    let hover_text = hover(
        &mut client,
        &uri,
        Position::new(misspelt.line, misspelt.character + 2),
    )
    .expect("a hover on the finding");
    assert!(
        hover_text.starts_with("# AIB030 unknown-property"),
        "{hover_text}"
    );

    // A step's property: the kind is read from the template.
    let inline = position_of(&text, "\"inline\"");
    let hover_text = hover(
        &mut client,
        &uri,
        Position::new(inline.line, inline.character + 1),
    )
    .unwrap();
    assert!(hover_text.starts_with("**inline**"), "{hover_text}");

    // A value, whitespace, a document never opened: nothing, and no error.
    assert_eq!(
        hover(&mut client, &uri, position_of(&text, "Standard_D2s_v3")),
        None
    );
    assert_eq!(hover(&mut client, &uri, Position::new(9999, 9999)), None);
    assert_eq!(
        hover(
            &mut client,
            &lsp_support::uri("other.json"),
            Position::new(0, 0)
        ),
        None
    );
    client.shutdown();
}

#[test]
fn completion_offers_names_enum_values_and_step_snippets() {
    let mut client = Client::start(NO_WAIT, None);
    let uri = uri("new.json");
    let text = "{\n  \"type\": \"Microsoft.VirtualMachineImages/imageTemplates\",\n  \"apiVersion\": \"2022-02-14\",\n  \"properties\": {\n    \"bu\"\n  }\n}\n";
    client.open(&uri, 1, text);
    client.diagnostics(&uri);
    // After `"bu`, before the closing quote the editor added.
    let caret = position_of(text, "bu\"");
    let caret = Position::new(caret.line, caret.character + 2);
    let items = completions(&mut client, &uri, caret);
    let timeout = items
        .iter()
        .find(|i| i.label == "\"buildTimeoutInMinutes\"")
        .expect("buildTimeoutInMinutes");
    assert_eq!(new_text(timeout), "\"buildTimeoutInMinutes\": $1");
    let Some(CompletionTextEdit::Edit(edit)) = &timeout.text_edit else {
        unreachable!()
    };
    // From the opening quote to past the closing one.
    assert_eq!(edit.range, range(4, 4, 8));
    // Not in 2022-02-14: `autoRun` came in 2024-02-01.
    assert!(!items.iter().any(|i| i.label == "\"autoRun\""));

    // Enum values of a step's `type`, and a snippet per kind of step.
    let text = "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"properties\": {\"customize\": [{\"type\": \"";
    client.change(&uri, 2, range(0, 0, 999), "");
    client.change(&uri, 3, range(0, 0, 0), text);
    let end = aib::lsp::position::position(text, text.len());
    let kinds: Vec<String> = completions(&mut client, &uri, end)
        .into_iter()
        .map(|i| i.label)
        .collect();
    assert!(kinds.contains(&"\"PowerShell\"".to_owned()), "{kinds:?}");
    let text = "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"properties\": {\"customize\": [";
    client.open(&uri, 4, text);
    let end = aib::lsp::position::position(text, text.len());
    let items = completions(&mut client, &uri, end);
    let shell = items
        .iter()
        .find(|i| i.label == "{ \"type\": \"Shell\" }")
        .expect("a Shell step");
    assert_eq!(
        shell.insert_text_format,
        Some(lsp_types::InsertTextFormat::SNIPPET)
    );
    assert!(
        new_text(shell).contains("\"name\": \"$1\""),
        "{}",
        new_text(shell)
    );
    client.shutdown();
}

#[test]
fn formatting_keeps_comments_and_key_order() {
    let mut client = Client::start(NO_WAIT, None);
    let uri = uri("messy.json");
    let text = "{\"z\": 1, // last first\n\"a\": [1,2]}";
    client.open(&uri, 1, text);
    let params = DocumentFormattingParams {
        text_document: TextDocumentIdentifier::new(uri.clone()),
        options: FormattingOptions {
            tab_size: 2,
            insert_spaces: true,
            ..FormattingOptions::default()
        },
        work_done_progress_params: Default::default(),
    };
    let edits = client.request::<Formatting>(params.clone()).unwrap();
    let edit = WorkspaceEdit::new([(uri.clone(), edits)].into_iter().collect());
    let formatted = apply(text, &uri, &edit);
    assert_eq!(
        formatted,
        "{\n  \"z\": 1, // last first\n  \"a\": [\n    1,\n    2\n  ]\n}\n"
    );
    // Formatted already: nothing to change.
    client.open(&uri, 2, &formatted);
    assert_eq!(client.request::<Formatting>(params).unwrap(), Vec::new());
    client.shutdown();
}

#[test]
fn other_json_gets_no_diagnostics() {
    let mut client = Client::start(NO_WAIT, None);
    let uri = uri("package.json");
    client.open(
        &uri,
        1,
        "{\"name\": \"x\", \"version\": \"1.0.0\", // no template\n}",
    );
    assert_eq!(client.diagnostics(&uri).diagnostics, Vec::new());
    // Broken beyond recognition, but naming Image Builder: checked.
    let broken = lsp_support::uri("broken.json");
    client.open(
        &broken,
        1,
        "[\"Microsoft.VirtualMachineImages/imageTemplates\"",
    );
    assert!(!client.diagnostics(&broken).diagnostics.is_empty());
    client.shutdown();
}

#[test]
fn a_text_past_the_size_limit_gets_one_clear_finding() {
    let mut client = Client::start(NO_WAIT, None);
    let uri = uri("huge.json");
    let mut text = String::from(
        "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"tags\": {\"x\": \"",
    );
    text.push_str(&"a".repeat(validator_core::MAX_INPUT_BYTES));
    text.push_str("\"}}");
    client.open(&uri, 1, &text);
    let published = client.diagnostics(&uri);
    assert_eq!(published.diagnostics.len(), 1);
    assert_eq!(code(&published.diagnostics[0]), "AIB006");
    assert!(published.diagnostics[0]
        .message
        .contains("nothing was checked"));
    client.shutdown();
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let mut client = Client::start(NO_WAIT, None);
    let uri = uri("planted.json");
    client.open(&uri, 1, &planted());
    assert!(!client.diagnostics(&uri).diagnostics.is_empty());
    client.notify::<lsp_types::notification::DidCloseTextDocument>(
        lsp_types::DidCloseTextDocumentParams {
            text_document: TextDocumentIdentifier::new(uri.clone()),
        },
    );
    let cleared = client.diagnostics(&uri);
    assert_eq!(cleared.diagnostics, Vec::new());
    assert_eq!(cleared.version, None);
    client.shutdown();
}

#[test]
fn bad_requests_get_errors_and_the_server_carries_on() {
    let mut client = Client::start(NO_WAIT, None);
    let unknown = client.request_or_error("textDocument/rename", serde_json::json!({}));
    assert_eq!(unknown.unwrap_err().code, ErrorCode::MethodNotFound as i32);
    let bad = client.request_or_error("textDocument/hover", serde_json::json!({"nonsense": 1}));
    assert_eq!(bad.unwrap_err().code, ErrorCode::InvalidParams as i32);
    // Changes to a document never opened, and notifications with bad parameters: ignored.
    client.change(&uri("never.json"), 2, range(0, 0, 1), "x");
    client.notify_raw(
        "textDocument/didOpen",
        serde_json::json!({"textDocument": 3}),
    );
    let uri = uri("planted.json");
    client.open(&uri, 1, &planted());
    // Positions past the end of the text, and ranges backwards.
    client.change(
        &uri,
        2,
        Range::new(Position::new(500, 3), Position::new(2, 0)),
        "",
    );
    // Version 1 may be superseded before its check is published.
    let mut published = client.diagnostics(&uri);
    if published.version == Some(1) {
        published = client.diagnostics(&uri);
    }
    assert_eq!(published.version, Some(2));
    assert!(completions(&mut client, &uri, Position::new(9999, 0)).is_empty());
    client.shutdown();
}
