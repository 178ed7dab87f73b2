//! `aib check` never panics, whatever the text and whatever the output format.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};

use aib::output::{render, Checked, Format};
use proptest::prelude::*;
use support::{mutated_template, nasty_string};

fn render_all(path: &str, text: String) {
    let checked = [Checked::new(path, text, &Default::default())];
    for (format, color) in [
        (Format::Text, false),
        (Format::Text, true),
        (Format::Json, false),
        (Format::Sarif, false),
    ] {
        let out = render(format, &checked, color);
        if format != Format::Text {
            serde_json::from_str::<serde_json::Value>(&out).expect("JSON and SARIF parse");
        }
    }
}

/// The reported crash (exit 134): a syntax error next to a multi-byte character, and the
/// characters that cause it when pasted from a word processor.
#[test]
fn a_syntax_error_next_to_a_multibyte_character_is_reported_not_a_crash() {
    for input in [
        "[1 é]",
        "{\"location\":\u{a0}\"westus\"}",
        "{“location”: “westus”}",
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_aib"))
            .args(["check", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{input:?}: {output:?}");
        assert!(String::from_utf8(output.stdout)
            .unwrap()
            .contains("error[AIB001]"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_renders_in_every_format(path in nasty_string(8), text in nasty_string(64)) {
        render_all(&path, text);
    }

    #[test]
    fn mutated_corpus_templates_render_in_every_format(text in mutated_template()) {
        render_all("t.json", text);
    }
}
