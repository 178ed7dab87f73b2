//! What the checker promises for hostile sizes: a text past the size limit is refused unread
//! with one clear finding, and long values are quoted cut short in messages.

use validator_core::{check, diagnostic, Options, MAX_INPUT_BYTES};

#[test]
fn a_text_past_the_limit_is_refused_unread_with_one_error() {
    // One byte over the real limit, of a shape that would otherwise give millions of findings.
    let text = "[1,".repeat(MAX_INPUT_BYTES / 3 + 1);
    assert!(text.len() > MAX_INPUT_BYTES);
    let report = check(&text, &Options::default());
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!((d.code, d.rule), ("AIB006", "input-too-large"));
    assert!(d.message.contains("16 MiB"), "{}", d.message);
    assert_eq!(d.start.map(|p| (p.line, p.column)), Some((1, 1)));
    assert!(report.has_errors());
}

#[test]
fn a_text_at_the_limit_is_read() {
    let text = r#"{"location": "westeurope"}"#;
    let options = Options {
        max_input_bytes: Some(text.len()),
        ..Options::default()
    };
    let report = check(text, &options);
    assert!(report.diagnostics.iter().all(|d| d.code != "AIB006"));
}

#[test]
fn long_values_are_cut_in_messages() {
    let long = "x".repeat(200_000);
    let text = format!(r#"{{"location": "{long}", "properties": {{}}}}"#);
    let report = check(&text, &Options::default());
    let longest = report
        .diagnostics
        .iter()
        .flat_map(|d| [d.message.len(), d.help.as_deref().map_or(0, str::len)])
        .max()
        .unwrap();
    assert!(longest < 600, "a message of {longest} bytes");
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("xxx…xxx")),
        "the value is named, cut around an ellipsis"
    );
}

#[test]
fn short_quotes_are_kept_and_long_ones_keep_their_start_and_end() {
    assert_eq!(
        diagnostic::shorten_quotes("value `abc` is `d`"),
        "value `abc` is `d`"
    );
    let long = format!("start{}end", "é".repeat(600));
    let message = format!("value `{long}` is bad; `x`");
    let cut = diagnostic::shorten_quotes(&message);
    assert!(cut.starts_with("value `startéé"), "{cut}");
    assert!(cut.ends_with("ééend` is bad; `x`"), "{cut}");
    assert!(cut.contains('…'));
    assert!(cut.chars().count() < 240, "{cut}");
    // An unclosed backtick is not a quote.
    let open = format!("odd ` {}", "y".repeat(600));
    assert_eq!(diagnostic::shorten_quotes(&open), open);
}

#[test]
fn sizes_read_as_people_say_them() {
    assert_eq!(diagnostic::size(512), "512 bytes");
    assert_eq!(diagnostic::size(MAX_INPUT_BYTES), "16 MiB");
    assert_eq!(diagnostic::size(63_124_234), "60.2 MiB");
}
