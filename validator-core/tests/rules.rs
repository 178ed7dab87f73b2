//! The registry keeps itself honest: every rule's documented examples behave as documented,
//! codes and names follow the conventions, every rule file is registered and has fixtures, and
//! `docs/rules.md` is up to date.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use validator_core::rules::{RuleMeta, RULES};
use validator_core::{check, Severity};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn of_rule<'r>(
    report: &'r validator_core::Report,
    rule: &RuleMeta,
) -> Vec<&'r validator_core::Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.code == rule.code)
        .collect()
}

#[test]
fn every_rule_documents_an_invalid_and_a_valid_example() {
    for rule in RULES.iter() {
        let examples = rule.examples();
        assert!(
            examples.iter().any(|e| e.invalid),
            "{} has no ```json,invalid example",
            rule.code
        );
        assert!(
            examples.iter().any(|e| !e.invalid),
            "{} has no ```json,valid example",
            rule.code
        );
    }
}

#[test]
fn invalid_examples_give_exactly_one_diagnostic_of_their_rule_and_valid_ones_none() {
    let mut failures = Vec::new();
    for rule in RULES.iter() {
        for example in rule.examples() {
            let report = check(&example.text, &example.options);
            let found = of_rule(&report, rule);
            let expected = usize::from(example.invalid);
            if found.len() != expected {
                failures.push(format!(
                    "{} {}: {} example gave {} diagnostics of its rule (expected {expected}): {:#?}",
                    rule.code,
                    rule.name,
                    if example.invalid { "invalid" } else { "valid" },
                    found.len(),
                    found.iter().map(|d| &d.message).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn codes_are_unique_sorted_and_well_formed() {
    let mut seen = HashSet::new();
    let mut names = HashSet::new();
    for pair in RULES.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} before {}",
            pair[0].code,
            pair[1].code
        );
    }
    for rule in RULES.iter() {
        assert!(seen.insert(rule.code), "duplicate code {}", rule.code);
        assert!(names.insert(rule.name), "duplicate name {}", rule.name);
        assert!(
            rule.code.len() == 6
                && rule.code.starts_with("AIB")
                && rule.code[3..].bytes().all(|b| b.is_ascii_digit()),
            "bad code {}",
            rule.code
        );
        assert!(
            !rule.name.is_empty()
                && rule
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "name {} is not kebab-case",
            rule.name
        );
        let docs = rule.documentation();
        for section in [
            "## What it checks",
            "## Why it matters",
            "## Example",
            "## References",
        ] {
            assert!(docs.contains(section), "{} lacks `{section}`", rule.code);
        }
    }
}

/// Every `src/rules/<group>/<file>.rs` declares a rule named after the file, and it is
/// registered.
#[test]
fn every_rule_file_is_registered() {
    let rules_dir = crate_dir().join("src/rules");
    let mut files = 0;
    for group in std::fs::read_dir(&rules_dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
    {
        for file in std::fs::read_dir(group.path()).unwrap().flatten() {
            let path = file.path();
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            if stem == "mod" || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            files += 1;
            let name = stem.replace('_', "-");
            assert!(
                RULES.iter().any(|r| r.name == name),
                "{} declares no registered rule named `{name}`",
                path.display()
            );
        }
    }
    assert_eq!(files, RULES.len(), "one file per rule");
}

/// Every diagnostic message of every example follows the style: one line, no final period,
/// names values in backticks rather than quotes.
#[test]
fn messages_follow_the_style() {
    for rule in RULES.iter() {
        for example in rule.examples() {
            for d in check(&example.text, &example.options).diagnostics {
                assert!(
                    !d.message.contains('\n'),
                    "{}: multi-line message {:?}",
                    d.code,
                    d.message
                );
                assert!(
                    !d.message.ends_with('.'),
                    "{}: message ends with a period: {:?}",
                    d.code,
                    d.message
                );
                assert!(
                    !d.message.contains('"') || d.message.contains('`'),
                    "{}: quote values with backticks: {:?}",
                    d.code,
                    d.message
                );
            }
        }
    }
}

/// Every rule has a fixture folder with at least one valid and one invalid template.
#[test]
fn every_rule_has_fixtures() {
    let root = crate_dir().join("tests/fixtures");
    let mut missing = Vec::new();
    for rule in RULES.iter() {
        let dir = root.join(rule.group.as_str()).join(rule.name);
        let has = |prefix: &str| {
            std::fs::read_dir(&dir)
                .map(|entries| {
                    entries
                        .flatten()
                        .any(|e| e.file_name().to_string_lossy().starts_with(prefix))
                })
                .unwrap_or(false)
        };
        if !has("invalid") || !has("valid") {
            missing.push(format!("{} ({})", dir.display(), rule.code));
        }
    }
    assert!(
        missing.is_empty(),
        "fixtures missing:\n{}",
        missing.join("\n")
    );
}

/// `docs/rules.md` is generated from the registry; `UPDATE_DOCS=1 cargo test` rewrites it. The
/// hand-written part after the marker (rules not implemented, and why) is kept.
#[test]
fn rules_reference_is_up_to_date() {
    const MARKER: &str = "<!-- hand-written below this line -->";
    let path = crate_dir().join("../docs/rules.md");
    let existing = std::fs::read_to_string(&path).unwrap_or_default();
    let kept = existing
        .find(MARKER)
        .map_or(format!("{MARKER}\n"), |i| existing[i..].to_owned());
    let mut generated = String::from("# Rules\n\nGenerated from the rule registry by `cargo test -p validator-core --test rules` with `UPDATE_DOCS=1`; do not edit above the marker.\n\n| code | name | severity | group | what it checks |\n|---|---|---|---|---|\n");
    for rule in RULES.iter() {
        generated.push_str(&format!(
            "| [{}](#{}) | `{}` | {} | {} | {} |\n",
            rule.code,
            rule.code.to_lowercase(),
            rule.name,
            rule.severity.as_str(),
            rule.group.as_str(),
            rule.summary().replace('|', "\\|")
        ));
    }
    for rule in RULES.iter() {
        let docs = rule.documentation().replace("## ", "#### ");
        generated.push_str(&format!(
            "\n## {}\n\n`{}` · {} · {}\n\n{}\n",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            rule.group.as_str(),
            docs.trim_end()
        ));
    }
    generated.push('\n');
    generated.push_str(&kept);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    } else {
        assert!(
            existing == generated,
            "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test -p validator-core --test rules`"
        );
    }
}

#[test]
fn severities_in_examples_match_the_rules_default_or_a_documented_variant() {
    // A rule may report some findings at another severity, but its invalid example shows its
    // default severity, so `aib rules` does not mislead.
    for rule in RULES.iter() {
        for example in rule.examples().into_iter().filter(|e| e.invalid) {
            let report = check(&example.text, &example.options);
            for d in of_rule(&report, rule) {
                assert_eq!(
                    d.severity, rule.severity,
                    "{}: invalid example reports {:?}",
                    rule.code, d.severity
                );
            }
        }
    }
    let _ = Severity::Error;
    let _ = Path::new("");
}

/// A rule whose examples offer a fix says in `## Fix` whether `aib check --fix` applies it
/// unattended (**Safe**) or only with `--unsafe-fixes` (**Unsafe**), and says it truly: the
/// applicability of every fix its invalid examples give is named there.
#[test]
fn fixes_document_their_applicability() {
    for rule in RULES.iter() {
        let docs = rule.documentation();
        let section = docs
            .split("## Fix\n")
            .nth(1)
            .map(|rest| rest.split("\n## ").next().unwrap_or(rest));
        for example in rule.examples().into_iter().filter(|e| e.invalid) {
            for d in of_rule(&check(&example.text, &example.options), rule) {
                let Some(fix) = &d.fix else { continue };
                let section = section.unwrap_or_else(|| {
                    panic!("{} offers a fix but its docs have no `## Fix`", rule.code)
                });
                let word = if fix.is_safe() {
                    "**Safe**"
                } else {
                    "**Unsafe**"
                };
                assert!(
                    section.contains(word),
                    "{}: the fix `{}` is {word} but `## Fix` does not say so",
                    rule.code,
                    fix.description
                );
            }
        }
    }
}
