//! Format document: the core's formatter, which changes only the whitespace between tokens
//! (comments, key order and even broken text stay), sent as the one edit that differs.

use lsp_types::TextEdit;

use super::position;

pub fn format(text: &str) -> Vec<TextEdit> {
    let formatted = validator_core::format::format(text);
    if formatted == text {
        return Vec::new();
    }
    vec![position::text_edit(text, &formatted)]
}
