//! Inputs and checks shared by the property tests of text output.

#![allow(dead_code)] // Each test file uses a part.

use std::path::PathBuf;
use std::sync::OnceLock;

use proptest::prelude::*;

/// The corpus of real templates (`/work/shared/corpus`, next to the checkout), read once.
pub fn corpus() -> &'static [String] {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
        let mut files = Vec::new();
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("the corpus is next to the checkout") {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "json") {
                    files.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        files.sort();
        assert!(files.len() > 10, "corpus missing");
        files
    })
}

/// Characters a terminal obeys or that reorder text: what output must never pass through.
pub fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Characters that broke or fooled text output, mixed with any others.
pub fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        2 => prop::sample::select(vec![
            '\u{1b}', '\u{7}', '\r', '\n', '\t', '\0', '\u{7f}', '\u{9b}', '\u{202E}', '\u{2066}',
            '\u{200D}', '\u{a0}', '“', '”', 'é', '€', '😀', '中', '"', '{', '}', '[', ']', ',', ':',
            '\\',
        ]),
    ]
}

pub fn nasty_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(nasty_char(), 0..max).prop_map(|cs| cs.into_iter().collect())
}

/// A corpus template with `insert` put at a position, or a range replaced by it: inputs near
/// real ones, with errors in real places.
pub fn mutated_template() -> impl Strategy<Value = String> {
    (
        0..corpus().len(),
        any::<prop::sample::Index>(),
        0usize..8,
        nasty_string(12),
    )
        .prop_map(|(which, at, cut, insert)| {
            let text = &corpus()[which];
            let mut at = at.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}{}{}", &text[..at], insert, &text[end..])
        })
}

/// Templates whose values, keys and lines hold `s`: raw (invalid JSON, shown in the source
/// line) and JSON-escaped (valid, quoted in messages).
pub fn templates_holding(s: &str) -> Vec<String> {
    let quoted = serde_json::to_string(s).unwrap();
    vec![
        s.to_owned(),
        format!("{{\"location\": \"{s}\", \"properties\": {{\"{s}\": 1}}}}"),
        format!("{{\"location\": {quoted}, \"properties\": {{{quoted}: {quoted}}}}}"),
        format!(
            "{{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"location\": {quoted}, \
             \"identity\": {{\"type\": {quoted}}}, \"properties\": {{\"source\": {{\"type\": {quoted}}}, \
             \"customize\": [{{\"type\": \"Shell\", \"name\": {quoted}, \"inline\": [{quoted}]}}]}}}}"
        ),
    ]
}

/// Color output without the SGR sequences (`ESC [ ... m`) the renderer itself writes.
pub fn strip_sgr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        match after.find(|c: char| !(c.is_ascii_digit() || c == ';')) {
            Some(n) if after[n..].starts_with('m') => rest = &after[n + 1..],
            // Not a style: keep it, so that the caller sees the raw ESC.
            _ => {
                out.push_str(&rest[at..at + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
