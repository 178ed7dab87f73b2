//! `fix::apply_all` (what `aib check --fix` runs) over real templates with planted mistakes:
//! the planted mistakes with safe fixes are mended, the result is never worse than the input,
//! and running it again on its own output changes nothing.

use proptest::prelude::*;
use validator_core::{check, fix, Options, Report, Severity};

mod support;

/// A mistake planted in a template's text, at the `at`-th place it fits (modulo their number).
#[derive(Debug, Clone)]
enum Plant {
    /// A comma after the last member or item (`trailing-comma`, safe).
    TrailingComma(usize),
    /// A key written in lowercase (`unknown-property` with one candidate, safe).
    LowercaseKey(usize),
    /// A number written in quotes (`wrong-type`, safe).
    QuotedNumber(usize),
    /// A comment (`json-comment`, unsafe: kept by the safe fixes).
    Comment(usize),
    /// The resource type in lowercase (`resource-type`, safe).
    LowercaseType,
}

fn places(text: &str, mut fits: impl FnMut(usize) -> bool) -> Vec<usize> {
    (0..text.len()).filter(|&i| fits(i)).collect()
}

fn plant(text: &str, plant: &Plant) -> String {
    let bytes = text.as_bytes();
    let mut out = text.to_owned();
    match plant {
        Plant::TrailingComma(at) => {
            // After a value that ends a container: `1\n  }` becomes `1,\n  }`.
            let found = places(text, |i| {
                matches!(bytes[i], b'}' | b']') && {
                    let before = text[..i].trim_end();
                    before.ends_with(['"', '}', ']', 'e', 'l'])
                        || before.ends_with(|c: char| c.is_ascii_digit())
                }
            });
            if let Some(&i) = found.get(at % found.len().max(1)) {
                let end = text[..i].trim_end().len();
                out.insert(end, ',');
            }
        }
        Plant::LowercaseKey(at) => {
            let keys = [
                "\"vmSize\":",
                "\"runOutputName\":",
                "\"buildTimeoutInMinutes\":",
            ];
            let found: Vec<(usize, &str)> = keys
                .iter()
                .flat_map(|k| {
                    text.match_indices(k)
                        .map(|(i, _)| (i, *k))
                        .collect::<Vec<_>>()
                })
                .collect();
            if let Some(&(i, key)) = found.get(at % found.len().max(1)) {
                out.replace_range(i..i + key.len(), &key.to_lowercase());
            }
        }
        Plant::QuotedNumber(at) => {
            let found: Vec<usize> = text
                .match_indices("\"buildTimeoutInMinutes\": ")
                .map(|(i, k)| i + k.len())
                .filter(|&i| bytes.get(i).is_some_and(u8::is_ascii_digit))
                .collect();
            if let Some(&i) = found.get(at % found.len().max(1)) {
                let end = i + text[i..].bytes().take_while(u8::is_ascii_digit).count();
                out.insert(end, '"');
                out.insert(i, '"');
            }
        }
        Plant::Comment(at) => {
            let found = places(text, |i| bytes[i] == b'\n');
            if let Some(&i) = found.get(at % found.len().max(1)) {
                out.insert_str(i + 1, "// planted\n");
            }
        }
        Plant::LowercaseType => {
            out = out.replacen(
                "\"Microsoft.VirtualMachineImages/imageTemplates\"",
                "\"microsoft.virtualmachineimages/imagetemplates\"",
                1,
            );
        }
    }
    out
}

fn plant_strategy() -> impl Strategy<Value = Plant> {
    prop_oneof![
        any::<usize>().prop_map(Plant::TrailingComma),
        any::<usize>().prop_map(Plant::LowercaseKey),
        any::<usize>().prop_map(Plant::QuotedNumber),
        any::<usize>().prop_map(Plant::Comment),
        Just(Plant::LowercaseType),
    ]
}

fn errors(report: &Report) -> usize {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// Fixing twice is fixing once, and the result is no worse than the input.
fn assert_fixes_settle(text: &str, wanted: fn(&validator_core::Diagnostic) -> bool) -> usize {
    let options = Options::default();
    let fixed = fix::apply_all(text, &options, wanted);
    assert!(
        errors(&fixed.remaining) <= errors(&check(text, &options)),
        "fixing added errors:\n{}",
        fixed.text
    );
    assert_eq!(fixed.remaining, check(&fixed.text, &options));
    let again = fix::apply_all(&fixed.text, &options, wanted);
    assert_eq!(again.text, fixed.text, "a second run changed the text");
    assert!(
        again.applied.is_empty(),
        "a second run applied {:?}",
        again.applied
    );
    assert!(
        !fixed.remaining.diagnostics.iter().any(|d| wanted(d)
            && !fixed
                .declined
                .iter()
                .any(|x| x.code == d.code && x.pointer == d.pointer)),
        "a wanted fix was left neither applied nor declined"
    );
    fixed.applied.len()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn fixing_planted_mistakes_settles_and_never_makes_things_worse(
        index in 0usize..200,
        plants in prop::collection::vec(plant_strategy(), 1..5),
    ) {
        let templates = support::corpus_templates();
        let (_, original) = &templates[index % templates.len()];
        let text = plants.iter().fold(original.clone(), |t, p| plant(&t, p));
        assert_fixes_settle(&text, fix::safe);
        assert_fixes_settle(&text, fix::any);
        // The planted comments stay: removing one is an unsafe fix.
        let planted = text.matches("// planted").count();
        let fixed = fix::apply_all(&text, &Options::default(), fix::safe);
        prop_assert_eq!(fixed.text.matches("// planted").count(), planted);
    }
}

/// Each planted mistake with a safe fix is mended, and only its span changes: the result is
/// the template's own fixed text.
#[test]
fn planted_safe_mistakes_are_mended_in_place() {
    let original = support::corpus(support::WINDOWS);
    let own = fix::apply_all(&original, &Options::default(), fix::safe);
    for p in [
        Plant::TrailingComma(3),
        Plant::LowercaseKey(0),
        Plant::LowercaseType,
    ] {
        let text = plant(&original, &p);
        assert_ne!(text, original, "{p:?} planted nothing");
        let fixed = fix::apply_all(&text, &Options::default(), fix::safe);
        assert_eq!(fixed.text, own.text, "{p:?} was not mended in place");
        assert_eq!(
            fixed.applied.len(),
            own.applied.len() + 1,
            "{p:?}: {:?}",
            fixed.applied
        );
    }
}

/// Every corpus template, as it is: the fixes settle. Prints how many were applied.
#[test]
fn corpus_templates_fix_and_settle() {
    let mut safe = 0;
    let mut all = 0;
    let mut files = 0;
    for (file, text) in support::corpus_templates() {
        let n = assert_fixes_settle(&text, fix::safe);
        if n > 0 {
            files += 1;
            eprintln!("{file}: {n} safe fixes");
        }
        safe += n;
        all += assert_fixes_settle(&text, fix::any);
    }
    eprintln!("corpus: {safe} safe fixes in {files} files; {all} with --unsafe-fixes");
}

/// A safe fix that rewrites a value (replicationRegions → targetRegions) would take a comment
/// inside it along: it is declined, and the comment stays (found by the property test above).
#[test]
fn a_fix_that_would_drop_a_comment_is_declined() {
    let templates = support::corpus_templates();
    let (_, original) = &templates[47 % templates.len()];
    let plants = [
        Plant::Comment(43256345920651405),
        Plant::Comment(14201883345369032813),
    ];
    let text = plants.iter().fold(original.clone(), |t, p| plant(&t, p));
    assert_eq!(text.matches("// planted").count(), 2);
    let fixed = fix::apply_all(&text, &Options::default(), fix::safe);
    assert_eq!(
        fixed.text.matches("// planted").count(),
        2,
        "{}",
        fixed.text
    );
    assert!(
        fixed.declined.iter().any(|d| d.code == "AIB114"),
        "{:?}",
        fixed.declined
    );
    assert_fixes_settle(&text, fix::safe);
}
