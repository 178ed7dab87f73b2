//! Differential test of the lenient parser against a strict one (`serde_json`).
//!
//! The lenient parser accepts more than JSON (comments, trailing commas, `<placeholders>`), but
//! it must never change the meaning of strict JSON nor let invalid JSON pass silently:
//! - on every strictly valid document it gives the same value as `serde_json` and no
//!   error-severity diagnostic;
//! - on every strictly invalid document it reports at least one error-severity diagnostic
//!   (leniency is allowed to recover a value, not to stay quiet).
//!
//! Inputs: the `test_parsing` cases of JSONTestSuite (vendored in `tests/data/JSONTestSuite`,
//! see its README) and property-generated documents.
//!
//! How bytes reach the core: `check` and `parse` take text, and the `aib` CLI decodes files
//! before calling them with `validator_core::decode`: UTF-16 when the file starts with a UTF-16
//! BOM, otherwise UTF-8, and a file that is not valid UTF-8 is refused with an error before any
//! check. The same [`decode`] is used here, so a JSONTestSuite file that is not UTF-8 counts as
//! rejected (the user gets an error), and the reference parser sees the same text as the core. A UTF-8 BOM is
//! kept in the text the core gets, as the CLI does; RFC 8259 §8.1 lets a parser ignore it, so the
//! reference parser is given the text after it (the Azure CLI also reads templates as
//! `utf-8-sig`).

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::Value;
use validator_core::decode::decode;
use validator_core::{parse, Severity};

/// What a strict parser makes of the text the core gets: the BOM is not part of the JSON text.
fn strict(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Why the lenient parser disagrees with the strict one on `text`, if it does.
fn disagreement(text: &str, expected: &Result<Value, serde_json::Error>) -> Option<String> {
    let parsed = parse::parse(text);
    let errors: Vec<String> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    match expected {
        Ok(value) => {
            if !errors.is_empty() {
                Some(format!(
                    "valid JSON, but error diagnostics: {}",
                    errors.join("; ")
                ))
            } else if parsed.value.as_ref() != Some(value) {
                Some(format!(
                    "valid JSON, but a different value: {} instead of {}",
                    shorten(&format!("{:?}", parsed.value)),
                    shorten(&format!("{value:?}"))
                ))
            } else {
                None
            }
        }
        Err(reason) => errors.is_empty().then(|| {
            let others: Vec<String> = parsed
                .diagnostics
                .iter()
                .map(|d| format!("{:?} {}", d.severity, d.code))
                .collect();
            format!(
                "invalid JSON ({reason}), but no error diagnostic (other diagnostics: [{}])",
                others.join(", ")
            )
        }),
    }
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(160) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

fn suite_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/JSONTestSuite/test_parsing")
}

fn suite_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(suite_dir())
        .expect("the vendored JSONTestSuite")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn agrees_with_serde_json_on_json_test_suite() {
    let files = suite_files();
    // The suite has 95 y_, 188 n_ and 35 i_ cases; fewer means the data went missing.
    assert!(files.len() >= 318, "only {} files found", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let file = name(path);
        let bytes = std::fs::read(path).unwrap();
        let text = match decode(&bytes) {
            Ok(text) => text,
            Err(reason) => {
                // The CLI refuses the file with an error, which is right unless the file is
                // strictly valid JSON.
                if file.starts_with("y_") || serde_json::from_slice::<Value>(&bytes).is_ok() {
                    failures.push(format!("{file}: valid JSON, but refused: {reason}"));
                }
                continue;
            }
        };
        let expected = strict(&text);
        match (file.as_bytes()[0], &expected) {
            (b'y', Err(e)) => {
                panic!("{file}: serde_json rejects a y_ case ({e}); suite or oracle broken")
            }
            (b'n', Ok(_)) => {
                panic!("{file}: serde_json accepts an n_ case; suite or oracle broken")
            }
            _ => {}
        }
        if let Some(why) = disagreement(&text, &expected) {
            failures.push(format!("{file}: {why}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} JSONTestSuite cases disagree with serde_json:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

// Property-generated documents: strictly serialized values with the strings and numbers that
// trouble hand-written parsers.

/// Characters that need escaping or are easy to mishandle: every control character, DEL, quote
/// and backslash, `/`, bidi controls, BOM and the non-characters near the surrogates, line and
/// paragraph separators, 2-, 3- and 4-byte UTF-8 (the last become surrogate pairs in `\u`
/// escapes).
fn awkward_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => proptest::char::range('\u{0}', '\u{1f}'),
        2 => prop::sample::select(vec![
            '"', '\\', '/', '\u{7f}', '\u{a0}', '\u{202e}', '\u{2066}', '\u{2028}', '\u{2029}',
            '\u{feff}', '\u{fffd}', '\u{fffe}', '\u{ffff}', '\u{d7ff}', '\u{e000}', '\u{10000}',
            '\u{1f600}', '\u{10ffff}', 'é', '€',
        ]),
        3 => proptest::char::range(' ', '~'),
        2 => any::<char>(),
    ]
}

fn awkward_string() -> impl Strategy<Value = String> {
    prop::collection::vec(awkward_char(), 0..24).prop_map(|chars| chars.into_iter().collect())
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop::sample::select(vec![
            i64::MIN as f64,
            u64::MAX as f64,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            -0.0,
            0.1,
            1e21,
            123456789012345680000.0,
        ])
        .prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        awkward_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(8, 96, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((awkward_string(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// A value wrapped in up to 110 arrays or single-key objects: deep, but within both parsers'
/// limits (serde_json stops at 128, the lenient parser at `MAX_DEPTH`).
fn deep_value() -> impl Strategy<Value = Value> {
    (
        json_value(),
        prop::collection::vec(prop::option::of(awkward_string()), 0..110),
    )
        .prop_map(|(mut value, wrappers)| {
            for key in wrappers {
                value = match key {
                    Some(key) => Value::Object([(key, value)].into_iter().collect()),
                    None => Value::Array(vec![value]),
                };
            }
            value
        })
}

/// Writes every non-ASCII character as a `\u` escape (astral ones as surrogate pairs), in upper
/// or lower case hex: strict JSON that exercises the escape decoder.
struct AsciiOnly {
    upper: bool,
}

impl serde_json::ser::Formatter for AsciiOnly {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        for c in fragment.chars() {
            if c.is_ascii() {
                writer.write_all(&[c as u8])?;
            } else {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    if self.upper {
                        write!(writer, "\\u{unit:04X}")?;
                    } else {
                        write!(writer, "\\u{unit:04x}")?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// The strict serializations of `value`: compact, pretty, and ASCII-only with `\u` escapes.
fn serializations(value: &Value, upper: bool) -> Vec<String> {
    let mut ascii = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut ascii, AsciiOnly { upper });
    serde::Serialize::serialize(value, &mut serializer).unwrap();
    vec![
        serde_json::to_string(value).unwrap(),
        serde_json::to_string_pretty(value).unwrap(),
        String::from_utf8(ascii).unwrap(),
    ]
}

fn assert_agrees(value: &Value, upper: bool) -> Result<(), TestCaseError> {
    for text in serializations(value, upper) {
        let expected = strict(&text);
        prop_assert!(
            expected.is_ok(),
            "serde_json rejects its own output: {text}"
        );
        if let Some(why) = disagreement(&text, &expected) {
            return Err(TestCaseError::fail(format!("{why}\ntext: {text}")));
        }
    }
    Ok(())
}

/// The text of an object with these members, keys from a small set so that many repeat; a key
/// may be written with a `\u` escape for one of its letters, which is the same key.
fn object_with_repeated_keys() -> impl Strategy<Value = String> {
    prop::collection::vec((0..30u8, any::<bool>(), any::<i32>()), 0..80).prop_map(|members| {
        let written: Vec<String> = members
            .iter()
            .map(|(key, escaped, value)| {
                let key = if *escaped {
                    format!("\\u006b{key}")
                } else {
                    format!("k{key}")
                };
                format!("\"{key}\": {value}")
            })
            .collect();
        format!("{{{}}}", written.join(", "))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Objects large enough for the parser's key index (more than 16 members), with duplicates:
    /// the same keys in the same order as serde_json's map, the last value of each, and a
    /// warning for every repeat.
    #[test]
    fn agrees_with_serde_json_on_repeated_keys(text in object_with_repeated_keys()) {
        let expected = strict(&text).unwrap();
        let parsed = parse::parse(&text);
        let value = parsed.value.clone().unwrap();
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        prop_assert_eq!(keys(&value), keys(&expected));
        prop_assert_eq!(&value, &expected);
        let members = text.matches("\": ").count();
        let repeats = parsed.diagnostics.iter().filter(|d| d.code == "AIB004").count();
        prop_assert_eq!(repeats, members - keys(&expected).len());
        // Every member's span is found by its pointer, and is the last value written.
        for (key, member) in expected.as_object().unwrap() {
            let spans = parsed.index.get(&value, &format!("/{key}")).unwrap();
            prop_assert_eq!(&text[spans.value.start..spans.value.end], member.to_string());
        }
    }

    #[test]
    fn agrees_with_serde_json_on_generated_documents(value in json_value(), upper in any::<bool>()) {
        assert_agrees(&value, upper)?;
    }

    #[test]
    fn agrees_with_serde_json_on_deep_documents(value in deep_value(), upper in any::<bool>()) {
        assert_agrees(&value, upper)?;
    }

    /// Number literals beyond what a `Value` built in Rust holds: integers past `u64`, long
    /// fractions, exponents (serde_json reads these as `f64`; both must round the same way).
    #[test]
    fn agrees_with_serde_json_on_number_literals(
        literal in "-?(0|[1-9][0-9]{0,40})(\\.[0-9]{1,40})?([eE][+-]?[0-9]{1,2})?",
        pretty in any::<bool>(),
    ) {
        let text = if pretty { format!("[\n  {literal}\n]") } else { format!("[{literal}]") };
        let expected = strict(&text);
        prop_assert!(expected.is_ok(), "serde_json rejects {text}");
        if let Some(why) = disagreement(&text, &expected) {
            return Err(TestCaseError::fail(format!("{why}\ntext: {text}")));
        }
    }
}
