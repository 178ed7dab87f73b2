//! Text output shows control and bidirectional characters from the input escaped, so that a
//! template cannot clear the screen, retitle the window, or hide and forge diagnostics.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};

use aib::output::{render, Checked, Format};
use proptest::prelude::*;
use support::{is_dangerous, mutated_template, nasty_string, strip_sgr, templates_holding};

/// Plain output holds no dangerous character but newlines; color output holds none but
/// newlines and the renderer's styles, and says the same as plain output.
fn assert_clean(path: &str, text: &str) {
    let checked = [Checked::new(path, text.to_owned(), &Default::default())];
    let plain = render(Format::Text, &checked, false);
    if let Some(c) = plain.chars().find(|&c| c != '\n' && is_dangerous(c)) {
        panic!("raw {c:?} in plain output:\n{plain}");
    }
    let color = strip_sgr(&render(Format::Text, &checked, true));
    if let Some(c) = color.chars().find(|&c| c != '\n' && is_dangerous(c)) {
        panic!("raw {c:?} in color output:\n{color}");
    }
    assert_eq!(color, plain);
}

#[test]
fn the_reported_escape_sequences_are_shown_escaped() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aib"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("{\"location\":\"\u{1b}]0;pwned\u{7}\u{1b}[2J\"}".as_bytes())
        .unwrap();
    let output = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    assert!(!output.contains('\u{1b}') && !output.contains('\u{7}'));
    assert!(output.contains(r#"1 | {"location":"\u{1b}]0;pwned\u{7}\u{1b}[2J"}"#));
}

#[test]
fn file_names_messages_and_pointers_are_escaped() {
    let template = r#"{"location": "westus\u202e", "properties": {"\u001b[2J": 1}}"#;
    let out = render(
        Format::Text,
        &[Checked::new(
            "evil\r\u{1b}[1A.json",
            template.to_owned(),
            &Default::default(),
        )],
        false,
    );
    assert!(out.contains(r"evil\r\u{1b}[1A.json: "), "{out}");
    assert!(out.contains(r"/properties/\u{1b}[2J"), "{out}");
    assert_clean("evil\r\u{1b}[1A.json", template);
}

#[test]
fn a_caret_far_along_a_one_line_template_shows_the_right_place() {
    // A valid template on one line, then an unknown property at column 250,000.
    let mut text = String::from(r#"{"location": "westus", "tags": {"pad": ""#);
    text.push_str(&"x".repeat(250_000 - text.len() - 1));
    text.push_str(r#""}, "bogusProperty": 1}"#);
    let column = text.find("\"bogusProperty\"").unwrap() + 1;
    assert!(column >= 250_000);
    let out = render(
        Format::Text,
        &[Checked::new("t.json", text, &Default::default())],
        false,
    );
    let header = format!(" --> t.json:1:{column}");
    let at = out
        .find(&header)
        .unwrap_or_else(|| panic!("{header} in {out}"));
    let block: Vec<&str> = out[at..].lines().take(4).collect();
    let source = block[2];
    let caret = block[3];
    assert!(source.contains("\"bogusProperty\": 1}"), "{source}");
    assert!(source.chars().count() < 400, "a window, not the whole line");
    // The caret sits under the key.
    let key = source.find("\"bogusProperty\"").unwrap();
    let under = caret.find('^').unwrap();
    assert_eq!(
        source[..key].chars().count(),
        caret[..under].chars().count(),
        "{source}\n{caret}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_raw_control_or_bidi_character_reaches_the_terminal(
        path in nasty_string(8),
        s in nasty_string(24),
    ) {
        for template in templates_holding(&s) {
            assert_clean(&path, &template);
        }
    }

    #[test]
    fn mutated_corpus_templates_print_no_raw_control(text in mutated_template()) {
        assert_clean("t.json", &text);
    }
}
