//! `upgrade` on every template of the corpus, from its own version to the newest: the result
//! parses, names the newest version, has no error that the original did not have (but for the
//! ones listed here, each reported by the upgrade as not carried over), and upgrading it again
//! changes nothing.

use std::collections::HashSet;

use validator_core::{check, upgrade, ApiVersion, Options, Severity};

mod support;

/// New errors the newest version has for a reason no rewrite can mend: (code, where, why).
/// The upgrade reports each as not carried over.
const EXPECTED: &[(&str, &str, &str)] = &[(
    "AIB033",
    "/identity",
    "`identity` is required from 2020-02-14 (`ImageTemplate.required` in its spec): which \
     managed identity builds the image is the user's to choose",
)];

#[test]
fn every_corpus_template_upgrades_to_the_newest_version_without_new_errors() {
    let mut upgraded = 0;
    let mut rewrites = 0;
    let mut unexpected = Vec::new();
    let mut escalated = 0;
    for (file, text) in support::corpus_templates() {
        let before = check(&text, &Options::default());
        let up = upgrade::upgrade(&text, ApiVersion::NEWEST);
        // The result parses as well as the original did.
        assert!(
            up.report.syntax_errors().count() <= before.syntax_errors().count(),
            "{file}: the upgrade broke the syntax:\n{}",
            up.text
        );
        assert_eq!(up.report, check(&up.text, &Options::default()));
        if up.from.iter().any(|v| *v < ApiVersion::NEWEST) && up.text != text {
            upgraded += 1;
        }
        rewrites += up.changes.len();
        // Every template that names a version the text can change now names the newest.
        if !up.changes.is_empty() {
            for t in &up.report.templates {
                assert_eq!(t.api_version, ApiVersion::NEWEST.as_str(), "{file}");
            }
        }
        // Errors, compared at their places after the renames.
        let moved = |p: &str| {
            up.moved
                .iter()
                .find_map(|(old, new)| {
                    validator_core::pointer::relative_to(p, old).map(|rest| format!("{new}{rest}"))
                })
                .unwrap_or_else(|| p.to_owned())
        };
        let had: HashSet<(&str, String)> = before
            .diagnostics
            .iter()
            .map(|d| (d.code, moved(&d.pointer)))
            .collect();
        for d in up
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            // A finding the original had, perhaps as a warning, is reported by the upgrade
            // when it grew to an error, but it is not new.
            if had.contains(&(d.code, d.pointer.clone())) {
                escalated += usize::from(up.diagnostics.contains(d));
                continue;
            }
            assert!(
                up.diagnostics.contains(d),
                "{file}: a new error the upgrade did not report: {} {} {}",
                d.code,
                d.pointer,
                d.message
            );
            if !EXPECTED
                .iter()
                .any(|(code, at, _)| *code == d.code && d.pointer.ends_with(at))
            {
                unexpected.push(format!("{file}: {} {} {}", d.code, d.pointer, d.message));
            }
        }
        // Upgrading again changes nothing.
        let again = upgrade::upgrade(&up.text, ApiVersion::NEWEST);
        assert_eq!(
            again.text, up.text,
            "{file}: a second upgrade changed the text"
        );
    }
    eprintln!(
        "upgraded {upgraded} corpus templates to {} with {rewrites} rewrites; {escalated} \
         findings grew from warnings to errors",
        ApiVersion::NEWEST
    );
    assert!(
        unexpected.is_empty(),
        "new errors:\n{}",
        unexpected.join("\n")
    );
}
