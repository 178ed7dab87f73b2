//! Properties that hold for any input: `check` never panics, every diagnostic points into the
//! document (or at the parent of a missing key), and two runs give the same report.

use proptest::prelude::*;
use validator_core::{check, parse, pointer, Options, Report};

mod support;

fn corpus_texts() -> Vec<String> {
    support::corpus_templates()
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// Every diagnostic's pointer resolves in the parsed document, or its parent does (a missing
/// key is reported at the object that lacks it).
fn assert_pointers_resolve(text: &str, report: &Report) {
    let Some(value) = parse::parse(text).value else {
        return;
    };
    for d in &report.diagnostics {
        let resolves = value.pointer(&d.pointer).is_some()
            || pointer::parent(&d.pointer)
                .is_some_and(|p| value.pointer(p).is_some_and(|v| v.is_object()));
        assert!(
            resolves,
            "{} pointer `{}` does not resolve: {}",
            d.code, d.pointer, d.message
        );
    }
}

fn check_everything(text: &str) {
    let first = check(text, &Options::default());
    assert_pointers_resolve(text, &first);
    let second = check(text, &Options::default());
    assert_eq!(first, second, "two runs differ");
}

/// Text edits a user makes while typing: delete a range, insert characters, duplicate a range.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    Duplicate(usize, usize),
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = text.to_owned();
    let clamp = |s: &str, i: usize| {
        let mut i = i % (s.len() + 1);
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    for edit in edits {
        match edit {
            Edit::Delete(a, len) => {
                let start = clamp(&out, *a);
                let end = clamp(&out, start + len % 64);
                out.replace_range(start..end.max(start), "");
            }
            Edit::Insert(at, s) => {
                let at = clamp(&out, *at);
                out.insert_str(at, s);
            }
            Edit::Duplicate(a, len) => {
                let start = clamp(&out, *a);
                let end = clamp(&out, start + len % 200).max(start);
                let piece = out[start..end].to_owned();
                out.insert_str(end, &piece);
            }
        }
    }
    out
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, l)| Edit::Delete(a, l)),
        (
            any::<usize>(),
            r#"[{}\[\]",:<>/\\*a-z0-9 \n\t\[\]é€😀-]{1,8}"#
        )
            .prop_map(|(a, s)| Edit::Insert(a, s)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, l)| Edit::Duplicate(a, l)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn edited_corpus_templates_never_break_the_checker(
        index in 0usize..79,
        edits in prop::collection::vec(edit_strategy(), 1..6),
    ) {
        let texts = corpus_texts();
        let text = apply(&texts[index % texts.len()], &edits);
        check_everything(&text);
    }

    #[test]
    fn arbitrary_text_never_breaks_the_checker(text in r#"[{}\[\]",:<>/\\*a-zA-Z0-9 .\n\t$'-]{0,200}"#) {
        check_everything(&text);
    }

    #[test]
    fn arbitrary_json_values_never_break_the_checker(value in json_value()) {
        let text = serde_json::to_string(&serde_json::json!({
            "type": "Microsoft.VirtualMachineImages/imageTemplates",
            "apiVersion": "2024-02-01",
            "location": "westeurope",
            "properties": { "customize": [value.clone()], "distribute": [value.clone()], "source": value },
        })).unwrap();
        check_everything(&text);
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        prop_oneof![
            Just("Shell".to_owned()),
            Just("PowerShell".to_owned()),
            Just("SharedImage".to_owned()),
            Just("[parameters('x')]".to_owned()),
            Just("<placeholder>".to_owned()),
            "[a-zA-Z/:.<> -]{0,20}",
        ]
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map(
                prop_oneof![
                    Just("type".to_owned()),
                    Just("name".to_owned()),
                    Just("inline".to_owned()),
                    Just("scriptUri".to_owned()),
                    Just("runOutputName".to_owned()),
                    "[a-zA-Z]{1,12}",
                ],
                inner,
                0..5
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn very_deep_nesting_is_reported_not_a_crash() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let text = open.repeat(100_000) + "1" + &close.repeat(100_000);
        let report = check(&text, &Options::default());
        assert!(report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("nesting deeper")));
        // Unclosed, too.
        let report = check(&open.repeat(100_000), &Options::default());
        assert!(report.has_errors());
    }
}

#[test]
fn ten_megabyte_strings_are_checked() {
    let big = "x".repeat(10 * 1024 * 1024);
    let text = serde_json::json!({
        "type": "Microsoft.VirtualMachineImages/imageTemplates",
        "apiVersion": "2024-02-01",
        "location": big.clone(),
        "properties": {
            "customize": [{ "type": "Shell", "name": big.clone(), "inline": [big.clone()] }],
            "distribute": [{ "type": "VHD", "runOutputName": big }],
        },
    })
    .to_string();
    check_everything(&text);
    // Unterminated, too.
    check_everything(&format!(
        "{{\"location\": \"{}",
        "y".repeat(10 * 1024 * 1024)
    ));
}
