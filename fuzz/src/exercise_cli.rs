//! What `aib check` prints for one text, in every format, plain and in colour. Shared by the fuzz
//! targets and `cli/tests/fuzz_regressions.rs` (which includes this file).
//!
//! Besides "never panics", it asserts the output guarantees of issue 7: JSON and SARIF output is
//! valid JSON, and ([`assert_terminal_safe`], its own fuzz target so that this known defect does
//! not drown the others until it is fixed) text output carries no control or bidi character: a
//! template must not be able to retitle the terminal, clear it, or reorder what the user reads.
//! Colour output may only add its own SGR sequences (`ESC [ … m`).

use aib::output::{render, Checked, Format};
use clap::ValueEnum;

/// Characters that must never reach a terminal raw: C0 controls but line feed and tab, DEL, C1
/// controls, and the bidi controls (Trojan Source).
fn is_unsafe_for_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` without the SGR sequences that colour output adds.
fn without_styles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[end..].starts_with('m') {
            rest = &after[end + 1..];
        } else {
            // Not a style: keep the ESC so that the check below reports it.
            out.push('\u{1b}');
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// The texts `bytes` can reach `aib`'s renderers as: what `aib` decodes from a file
/// (`aib::input::decode`: UTF-8, or UTF-16 behind a BOM), and the lossy UTF-8 decoding when that
/// differs or `aib` refuses the bytes (what a browser's file reader gives).
pub fn texts_from_bytes(bytes: &[u8]) -> Vec<String> {
    let lossy = String::from_utf8_lossy(bytes).into_owned();
    match aib::input::decode(bytes) {
        Ok(text) if text == lossy => vec![text],
        Ok(text) => vec![lossy, text],
        Err(_) => vec![lossy],
    }
}

/// Every format, plain and in colour: no panic, and JSON and SARIF output that parses.
pub fn exercise_cli(text: &str) {
    let options = validator_core::Options::default();
    let checked = [
        Checked::new("template.json", text.to_owned(), &options),
        // Two files add the totals line.
        Checked::new("other.json", text.to_owned(), &options),
    ];
    for &format in Format::value_variants() {
        for color in [false, true] {
            let out = render(format, &checked, color);
            if format != Format::Text {
                if let Err(e) = serde_json::from_str::<serde_json::Value>(&out) {
                    panic!("{format:?} output is not JSON: {e}");
                }
            }
        }
    }
}

/// Text output, plain and in colour, shows no raw control or bidi character from the template
/// or from a file name.
pub fn assert_terminal_safe(text: &str) {
    let checked = [Checked::new(
        "dir/\u{1b}]0;t\u{7}é\u{202e}.json",
        text.to_owned(),
        &validator_core::Options::default(),
    )];
    for color in [false, true] {
        let out = render(Format::Text, &checked, color);
        let shown = if color { without_styles(&out) } else { out };
        if let Some(c) = shown.chars().find(|&c| is_unsafe_for_terminal(c)) {
            panic!(
                "text output (color: {color}) holds the raw character U+{:04X}",
                c as u32
            );
        }
    }
}
