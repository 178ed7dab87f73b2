//! Code actions: every fix the core offers for a finding under the cursor becomes a quick fix,
//! and a kind of finding that occurs more than once with a fix gets "fix all" too.
//!
//! "Fix all" checks the text again after each fix, which on a large template takes a while:
//! for a client that can resolve an action's edit later (`codeAction/resolve`) it is computed
//! only when chosen, so that offering it costs nothing.

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Range, Uri, WorkspaceEdit};
use validator_core::{edit, fix, rules, Diagnostic, Options};

use super::diagnostics::{self, Checked, Settings};
use super::position;

/// The actions for the findings of `checked` whose range meets `range`. `checked` must be the
/// check of the document's current text: a fix's spans belong to the text it was found in.
pub fn at(
    uri: &Uri,
    checked: &Checked,
    range: Range,
    settings: &Settings,
    resolve_later: bool,
) -> Vec<CodeActionOrCommand> {
    let findings = checked.findings();
    let published = diagnostics::to_lsp(uri, checked, settings);
    let mut actions = Vec::new();
    let mut kinds_offered = Vec::new();
    for (finding, shown) in findings.iter().zip(&published) {
        let Some(fix) = &finding.fix else { continue };
        if !meets(shown.range, range) {
            continue;
        }
        let Ok(fixed) = edit::apply_fix(&checked.text, fix) else {
            continue;
        };
        actions.push(quick_fix(
            uri,
            &checked.text,
            fix.description.to_string(),
            &fixed,
            shown.clone(),
        ));
        let same_kind = findings
            .iter()
            .filter(|d| d.code == finding.code && d.fix.is_some())
            .count();
        if same_kind > 1 && !kinds_offered.contains(&finding.code) {
            kinds_offered.push(finding.code);
            let of_kind = findings
                .iter()
                .zip(&published)
                .filter(|(d, _)| d.code == finding.code)
                .map(|(_, shown)| shown.clone())
                .collect();
            let mut all = CodeAction {
                title: format!(
                    "Fix all {} ({}) in this file",
                    finding.code,
                    rule_name(finding)
                ),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(of_kind),
                is_preferred: Some(false),
                data: Some(serde_json::json!({ "uri": uri, "fixAll": finding.code })),
                ..CodeAction::default()
            };
            if !resolve_later {
                resolve(&mut all, &checked.text, &settings.options);
            }
            if all.edit.is_some() || resolve_later {
                actions.push(CodeActionOrCommand::CodeAction(all));
            }
        }
    }
    actions
}

fn rule_name(finding: &Diagnostic) -> &str {
    rules::find(finding.code).map_or(finding.rule, |r| r.name)
}

/// Whether two ranges share a position (a cursor is an empty range at the finding's edge).
fn meets(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn quick_fix(
    uri: &Uri,
    text: &str,
    title: String,
    fixed: &str,
    diagnostic: lsp_types::Diagnostic,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(workspace_edit(uri, text, fixed)),
        is_preferred: Some(true),
        ..CodeAction::default()
    })
}

/// The edit that turns `text`, the document at `uri`, into `fixed`.
fn workspace_edit(uri: &Uri, text: &str, fixed: &str) -> WorkspaceEdit {
    // `Uri` caches its parts in cells, hence the lint; its hash and equality read only its
    // text, which never changes.
    #[allow(clippy::mutable_key_type)]
    let changes = HashMap::from([(uri.clone(), vec![position::text_edit(text, fixed)])]);
    WorkspaceEdit::new(changes)
}

/// The document a "fix all" action is for, from its `data`.
pub fn uri_of(action: &CodeAction) -> Option<Uri> {
    serde_json::from_value(action.data.as_ref()?.get("uri")?.clone()).ok()
}

/// Gives a "fix all" action its edit, made on `text` (the document as it is now: the client
/// applies the edit to it). An action that is not one, or has nothing left to fix, stays
/// without.
pub fn resolve(action: &mut CodeAction, text: &str, options: &Options) {
    let Some(code) = action.data.as_ref().and_then(|d| d.get("fixAll")?.as_str()) else {
        return;
    };
    let Some(uri) = uri_of(action) else { return };
    if let Some(fixed) = fix_all(text, options, code) {
        action.edit = Some(workspace_edit(&uri, text, &fixed));
    }
}

/// `text` with every fix of the findings of rule `code` applied, or `None` if none applies:
/// the core's fix-everything ([`fix::apply_all`], what `aib check --fix` runs), which applies
/// them in place round after round, checking again between rounds, and never leaves the text
/// worse.
pub fn fix_all(text: &str, options: &Options, code: &str) -> Option<String> {
    let fixed = fix::apply_all(text, options, |d| d.code == code);
    fixed.changed(text).then_some(fixed.text)
}
