//! Everything one text can make the core do: `check` under two sets of options, every export of
//! every template found (with default and with hostile export options), and every offered fix.
//!
//! Shared by the fuzz targets and by the regression tests that replay what the fuzzer found
//! (`validator-core/tests/fuzz_regressions.rs` includes this file), so that a regression input is
//! run through exactly what the fuzzer ran. It depends on `validator_core` alone.

use validator_core::export::{self, Input, Kind};
use validator_core::{edit, parse, ApiVersion, Options, Os, Report};

/// Export options a user could type that are awkward for every target's quoting: shell and
/// PowerShell metacharacters, quotes, a NUL, an escape sequence, bidi control, a line break.
fn hostile_export_options() -> export::Options {
    export::Options {
        resource_group: Some("rg'\"$(id)`;\n\u{202e}".to_owned()),
        template_name: Some("name${IFS}&&$x\u{1b}[2J".to_owned()),
        location: Some("west\u{0}us".to_owned()),
        identity_name: Some("é\u{a0}“id”\r".to_owned()),
        policy: Some(export::PolicyNote {
            name: "Con\ntoso\u{1b}]0;x\u{7}".to_owned(),
            version: "1\u{202e}\r\n# not a comment".to_owned(),
            errors: 2,
        }),
    }
}

/// Runs the core on `text` and checks the invariants every caller relies on; returns the report
/// under default options, for the renderers.
pub fn exercise_core(text: &str) -> Report {
    let pinned = Options {
        api_version: ApiVersion::ALL.first().copied(),
        os: Some(Os::Windows),
        ..Options::default()
    };
    let report = validator_core::check(text, &Options::default());
    let pinned_report = validator_core::check(text, &pinned);
    for report in [&report, &pinned_report] {
        assert_spans_in_text(text, report);
    }

    if let Some(document) = parse::parse(text).value {
        let hostile = hostile_export_options();
        // Four templates are enough to reach every code path; a mutant with thousands would
        // only make each execution slower.
        for info in report.templates.iter().take(4) {
            let Some(input) = Input::from_report(&document, info) else {
                continue;
            };
            for kind in Kind::ALL {
                for options in [&export::Options::default(), &hostile] {
                    // A refusal must say which value it cannot carry.
                    if let Err(refusal) = export::render(kind, &input, options) {
                        assert!(!refusal.message.is_empty(), "a refusal without a reason");
                    }
                }
            }
        }
    }

    // The app applies fixes with one click; a fix may be refused, never panic.
    for fix in report
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .take(8)
    {
        let _ = edit::apply_fix(text, fix);
    }
    exercise_editor(text, &report);
    report
}

/// What the JSON editor does with any text: Format keeps the value of valid JSON; completion
/// at any caret and a form edit's text change never panic, and a text change gives the text
/// the value-level edit's value.
fn exercise_editor(text: &str, report: &Report) {
    let formatted = validator_core::format::format(text);
    if report.syntax_errors().next().is_none() {
        assert_eq!(
            parse::parse(&formatted).value,
            parse::parse(text).value,
            "Format changed the value"
        );
    }
    let carets = (0..=text.len()).filter(|&i| text.is_char_boundary(i));
    for caret in carets.step_by((text.len() / 16).max(1)) {
        if let Some(context) = validator_core::complete::context::at(&text[..caret]) {
            let _ = validator_core::complete::options(ApiVersion::NEWEST, None, &context);
        }
    }
    let Some(document) = parse::parse(text).value else {
        return;
    };
    let pointers = leaf_pointers(&document, String::new(), 6);
    for pointer in pointers.iter().take(4) {
        let changes = [
            edit::Change::Set {
                pointer: pointer.clone(),
                value: serde_json::json!({"a": [1, "\u{1b}é"]}),
            },
            edit::Change::Remove {
                pointer: pointer.clone(),
            },
        ];
        for change in changes {
            let Ok(new_text) = edit::text::apply(text, &change) else {
                continue;
            };
            let mut expected = document.clone();
            if change.apply(&mut expected).is_ok() {
                assert_eq!(
                    parse::parse(&new_text).value,
                    Some(expected),
                    "a text edit gave another value than the value edit"
                );
            }
        }
    }
}

/// Up to `most` pointers of the document's values, depth first.
fn leaf_pointers(value: &serde_json::Value, at: String, most: usize) -> Vec<String> {
    let mut out = Vec::new();
    let children: Vec<(String, &serde_json::Value)> = match value {
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, v)| (validator_core::pointer::join(&at, k), v))
            .collect(),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (validator_core::pointer::join_index(&at, i), v))
            .collect(),
        _ => Vec::new(),
    };
    for (pointer, child) in children {
        if out.len() >= most {
            break;
        }
        out.push(pointer.clone());
        out.extend(leaf_pointers(child, pointer, most - out.len()));
    }
    out.truncate(most);
    out
}

/// Every span the core reports (diagnostics, related places, text edits of fixes) lies inside
/// the text and on character boundaries: renderers and editors slice the text with them.
fn assert_spans_in_text(text: &str, report: &Report) {
    let check = |what: &str, code: &str, span: validator_core::Span| {
        assert!(
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end),
            "{code}: {what} span {}..{} is not a char range of the {}-byte text",
            span.start,
            span.end,
            text.len()
        );
    };
    for d in &report.diagnostics {
        if let Some(span) = d.span {
            check("diagnostic", d.code, span);
        }
        for related in &d.related {
            if let Some(span) = related.span {
                check("related", d.code, span);
            }
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            if let validator_core::Edit::Text { span, .. } = e {
                check("fix edit", d.code, *span);
            }
        }
    }
}

/// The texts a byte string can reach the core as: the bytes themselves when they are UTF-8 (what
/// `aib` reads; the lossy decoding is then the identical text), their lossy UTF-8 decoding when
/// they are not (what a browser's file reader gives), and UTF-16 behind a byte order mark
/// (`validator_core::decode`, which `aib` uses).
pub fn texts_from_bytes(data: &[u8]) -> Vec<String> {
    let lossy = String::from_utf8_lossy(data).into_owned();
    let mut texts = vec![lossy];
    // UTF-16 behind a byte order mark, decoded as `aib` does.
    let decoded = match data {
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => validator_core::decode::decode(data).ok(),
        _ => None,
    };
    texts.extend(decoded);
    texts
}
