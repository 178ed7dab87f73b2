//! Every real public template in `../shared/corpus` (read in place, never copied) is checked:
//! its report is snapshotted, and the test asserts what a careful reader of each file expects,
//! from the corpus manifest's notes: invalid JSON, leftover `<placeholders>` and the documented
//! oddities are found, and no file gets an error that a real deployment would not hit.

use std::collections::{BTreeMap, BTreeSet};

use validator_core::{check, rules, Options, Report, Severity};

mod support;
use support::corpus_dir;

struct Entry {
    file: String,
    shape: String,
    notes: String,
}

fn manifest() -> Vec<Entry> {
    support::manifest_rows()
        .into_iter()
        .map(|cols| Entry {
            file: cols[0].clone(),
            shape: cols[5].clone(),
            notes: cols[8].clone(),
        })
        .collect()
}

fn code(name: &str) -> &'static str {
    rules::find(name)
        .unwrap_or_else(|| panic!("no rule named {name}"))
        .code
}

/// Errors the manifest does not announce but which a real deployment does hit, each checked by
/// hand against the reference: (file, rule, why).
const REAL_ERRORS: &[(&str, &str, &str)] = &[
    (
        "Azure__azvmimagebuilder/quickquickstarts__4_Creating_a_Custom_Linux_Image_to_VHD__helloImageTemplateVHD.json",
        "missing-required-property",
        "2020-02-14 requires `identity`: `Validation failed: 'ImageTemplate': Missing field 'identity'`",
    ),
    (
        "Azure__avdaccelerator/workload__workshop__Azure Image Builder__armTemplateWin.json",
        "missing-required-property",
        "its api-version parameter defaults to 2020-02-14, which requires `identity`",
    ),
    (
        "gbeaud__avd-automated-pipeline/avd-azure-image-builder__Old version__aib-basic-template.json",
        "missing-required-property",
        "a documentation skeleton: `source` is `{}` without a `type`",
    ),
    (
        "gbeaud__avd-automated-pipeline/avd-azure-image-builder__Old version__aib-basic-template.json",
        "wrong-type",
        "a documentation skeleton: `customize` and `distribute` are `{}` where arrays are required",
    ),
    (
        "gbeaud__avd-automated-pipeline/avd-azure-image-builder__Backup files__helloImageTemplateWin2.json",
        "identity-resource-id",
        "`userAssignedIdentities` has an empty key: no identity is named",
    ),
    (
        "gbeaud__avd-automated-pipeline/avd-azure-image-builder__Old version__aib-basic-template.json",
        "unsupported-region",
        "`location` is `westeu`, which is no Azure region",
    ),
];

/// The error codes a file may get: those its manifest notes announce, plus the hand-checked
/// real errors above.
fn allowed_errors(entry: &Entry) -> BTreeSet<&'static str> {
    let mut allowed = BTreeSet::new();
    let notes = entry.notes.as_str();
    if notes.contains("invalid JSON") {
        allowed.insert(code("unquoted-placeholder"));
        allowed.insert(code("invalid-json"));
    }
    if notes.contains("placeholders:") {
        allowed.insert(code("placeholder-left"));
    }
    // Every ARM route rejects the quickstarts' `Microsoft.VirtualMachineImages`; only
    // `az resource create --resource-type ...` ignores a bare file's `type`.
    if notes.contains("type is \"Microsoft.VirtualMachineImages\"") {
        allowed.insert(code("resource-type"));
    }
    // A bare resource is read with strict JSON (`az resource create --properties @file`).
    if notes.contains("ODD: not strict JSON") && entry.shape == "resource" {
        allowed.insert(code("trailing-comma"));
        allowed.insert(code("json-comment"));
    }
    for (file, rule, _) in REAL_ERRORS {
        if *file == entry.file {
            allowed.insert(code(rule));
        }
    }
    allowed
}

fn codes(report: &Report) -> BTreeSet<&'static str> {
    report.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn corpus_reports_match_what_a_careful_reader_expects() {
    let entries = manifest();
    assert_eq!(entries.len(), 79, "the corpus has 79 templates");
    let mut failures = Vec::new();
    let mut clean = 0;
    let mut errors_by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in &entries {
        let text = std::fs::read_to_string(corpus_dir().join(&entry.file)).unwrap();
        let report = check(&text, &Options::default());
        let found = codes(&report);
        let notes = entry.notes.as_str();
        let mut expect = |ok: bool, what: &str| {
            if !ok {
                failures.push(format!(
                    "{}: {what}\n{}",
                    entry.file,
                    report.to_compact_text()
                ));
            }
        };
        expect(!report.templates.is_empty(), "no image template found");
        if notes.contains("invalid JSON") {
            expect(
                found.contains(code("unquoted-placeholder")),
                "invalid JSON from an unquoted placeholder not reported",
            );
        }
        if notes.contains("placeholders:") && entry.shape == "resource" {
            expect(
                found.contains(code("placeholder-left")),
                "leftover placeholders not reported",
            );
        }
        if notes.contains("ODD: type is") {
            expect(
                found.contains(code("resource-type")),
                "wrong resource type not reported",
            );
        }
        if notes.contains("ODD: not strict JSON") {
            expect(
                found.contains(code("trailing-comma")) || found.contains(code("json-comment")),
                "comments or trailing commas not reported",
            );
        }
        if notes.contains("aritfactTags") {
            let typo = report
                .diagnostics
                .iter()
                .find(|d| d.pointer.ends_with("/aritfactTags"));
            expect(
                typo.is_some_and(|d| d.code == code("unknown-property") && d.fix.is_some()),
                "typo `aritfactTags` not reported with a rename fix",
            );
        }
        if notes.contains("osDiskType") {
            expect(
                report
                    .diagnostics
                    .iter()
                    .any(|d| d.pointer.ends_with("/vmProfile/osDiskType")),
                "`vmProfile.osDiskType` not reported",
            );
        }
        if notes.contains("read-only fields") {
            expect(
                found.contains(code("read-only-property")),
                "read-only fields not reported",
            );
        }
        let allowed = allowed_errors(entry);
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            *errors_by_code.entry(d.code).or_default() += 1;
            expect(
                allowed.contains(d.code),
                &format!(
                    "unexpected error {} at {}: {}",
                    d.code, d.pointer, d.message
                ),
            );
        }
        if report
            .diagnostics
            .iter()
            .all(|d| d.severity != Severity::Error)
        {
            clean += 1;
        }
        let name = entry.file.replace(['/', ' ', '@'], "_");
        insta::assert_snapshot!(name, report.to_compact_text());
    }
    println!(
        "corpus: {clean} of {} files without errors; errors by code: {errors_by_code:?}",
        entries.len()
    );
    assert!(
        failures.is_empty(),
        "{} corpus expectations failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn corpus_reports_are_deterministic() {
    for entry in manifest().iter().take(20) {
        let text = std::fs::read_to_string(corpus_dir().join(&entry.file)).unwrap();
        assert_eq!(
            check(&text, &Options::default()),
            check(&text, &Options::default()),
            "{}",
            entry.file
        );
    }
}
