//! Completion: the core's options at the caret (property names valid there for the template's
//! API version, enum and catalogue values, a snippet per kind of customizer, source, validator
//! or distributor with its required fields), as LSP snippets.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, InsertTextFormat,
    MarkupContent, MarkupKind, Position, Range, TextEdit,
};
use serde_json::Value;
use validator_core::complete::{self, context};
use validator_core::{pointer, ApiVersion};

use super::diagnostics::Checked;
use super::position;

/// The completions at `at` in `text`; `checked` (the last check, of this text or an older
/// one) tells the template's API version and the kinds of its steps.
pub fn at(text: &str, at: Position, checked: Option<&Checked>) -> Vec<CompletionItem> {
    let caret = position::offset(text, at);
    let Some(mut context) = context::at(&text[..caret]) else {
        return Vec::new();
    };
    let (base, version, template) = match checked.and_then(Checked::template) {
        Some((base, version, template)) => (base, version, Some(template)),
        None => ("", ApiVersion::NEWEST, None::<&Value>),
    };
    // Paths are the file's; the schema speaks of the template, so places outside it (an ARM
    // template's parameters) get nothing.
    let base = pointer::tokens(base);
    if !context.path.starts_with(&base) {
        return Vec::new();
    }
    context.path.drain(..base.len());
    let options = complete::options(version, template, &context);
    let start = caret - context.typed.len();
    let (end, has_value) = rest_of_token(text, caret, &context.typed);
    let range = position::range(text, start, end);
    options
        .into_iter()
        .map(|option| item(option, range, has_value))
        .collect()
}

/// Where the replaced text ends, and whether a colon follows it (a name being renamed keeps
/// its value). Inside a string, the rest of it up to its closing quote is replaced as well: an
/// editor closes the quote as the user opens it.
fn rest_of_token(text: &str, caret: usize, typed: &str) -> (usize, bool) {
    if !typed.starts_with('"') {
        return (caret, false);
    }
    let rest = &text[caret..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => {
                let end = caret + i + 1;
                return (end, text[end..].trim_start().starts_with(':'));
            }
            _ => escaped = false,
        }
    }
    (caret, false)
}

fn item(option: complete::Completion, range: Range, has_value: bool) -> CompletionItem {
    let template = match (&option.name_only, has_value) {
        (Some(name), true) => name,
        _ => &option.apply,
    };
    let kind = match option.kind {
        "property" => CompletionItemKind::PROPERTY,
        "enum" => CompletionItemKind::ENUM_MEMBER,
        _ => CompletionItemKind::SNIPPET,
    };
    CompletionItem {
        filter_text: Some(option.label.clone()),
        kind: Some(kind),
        detail: Some(option.detail),
        documentation: (!option.info.is_empty()).then_some(Documentation::MarkupContent(
            MarkupContent {
                kind: MarkupKind::Markdown,
                value: option.info,
            },
        )),
        insert_text_format: Some(InsertTextFormat::SNIPPET),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
            range,
            lsp_snippet(template),
        ))),
        label: option.label,
        ..CompletionItem::default()
    }
}

/// A CodeMirror snippet template (`${}` a stop, `${text}` a placeholder) in LSP's syntax
/// (`$1`, `${2:text}`), numbering the stops in order and escaping the literal text.
pub fn lsp_snippet(template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 8);
    let mut stop = 0;
    let mut rest = template;
    while let Some(open) = rest.find("${") {
        push_literal(&mut out, &rest[..open], false);
        let inner_start = open + 2;
        let Some(close) = rest[inner_start..].find('}') else {
            rest = &rest[open..];
            break;
        };
        let placeholder = &rest[inner_start..inner_start + close];
        stop += 1;
        if placeholder.is_empty() {
            out.push_str(&format!("${stop}"));
        } else {
            out.push_str(&format!("${{{stop}:"));
            push_literal(&mut out, placeholder, true);
            out.push('}');
        }
        rest = &rest[inner_start + close + 1..];
    }
    push_literal(&mut out, rest, false);
    out
}

/// Literal text, escaped: `$` and `\` anywhere, `}` inside a placeholder (where it would end
/// it; outside, some clients would keep the backslash).
fn push_literal(out: &mut String, text: &str, in_placeholder: bool) {
    for c in text.chars() {
        if matches!(c, '$' | '\\') || in_placeholder && c == '}' {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_number_their_stops_and_escape_the_rest() {
        assert_eq!(lsp_snippet("\"a\": \"${}\""), "\"a\": \"$1\"");
        assert_eq!(
            lsp_snippet("{\n\t\"b\": ${false},\n\t\"c\": [${}]\n}"),
            "{\n\t\"b\": ${1:false},\n\t\"c\": [$2]\n}"
        );
        assert_eq!(lsp_snippet("a$b\\"), "a\\$b\\\\");
    }

    #[test]
    fn the_rest_of_a_string_goes_with_it() {
        let text = "{\"bu\": 1, \"x\"";
        assert_eq!(rest_of_token(text, 3, "\"b"), (5, true));
        assert_eq!(rest_of_token(text, 12, "\"x"), (13, false));
        assert_eq!(rest_of_token(text, 3, "tr"), (3, false));
    }
}
