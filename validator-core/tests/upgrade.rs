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

/// Up to the newest version and back gives the original template (but for a removed duplicate):
/// the same value, and the same text but for whitespace (a rewritten value is indented as the document's unit says, which
/// the original may not follow); comments stay.
#[test]
fn up_and_back_down_gives_the_original_template() {
    let squeeze = |t: &str| t.split_whitespace().collect::<String>();
    let mut round_trips = 0;
    let mut byte_for_byte = 0;
    for (file, text) in support::corpus_templates() {
        let up = upgrade::upgrade(&text, ApiVersion::NEWEST);
        let [from] = up.from[..] else { continue };
        // A removed duplicate (`replicationRegions` beside the same `targetRegions`) does not
        // come back.
        if up.changes.is_empty() || up.changes.iter().any(|c| c.description.contains("removed")) {
            continue;
        }
        let down = upgrade::upgrade(&up.text, from);
        assert_eq!(
            validator_core::parse::parse(&down.text).value,
            validator_core::parse::parse(&text).value,
            "{file}: up to {} and back to {from}",
            ApiVersion::NEWEST
        );
        assert_eq!(squeeze(&down.text), squeeze(&text), "{file}");
        round_trips += 1;
        byte_for_byte += usize::from(down.text == text);
    }
    eprintln!("{round_trips} corpus templates went up and back, {byte_for_byte} byte for byte");
    assert!(round_trips > 40);
}

/// Down to 2020-02-14, a template using what later versions added keeps each of those
/// properties and reports each as not carried over; `targetRegions` with one replica each goes
/// back to `replicationRegions`.
#[test]
fn a_downgrade_reports_every_property_the_old_version_lacks() {
    let rich = support::rich();
    let down = upgrade::upgrade(&rich, ApiVersion::V2020_02_14);
    let reported: Vec<&str> = down
        .diagnostics
        .iter()
        .filter(|d| d.code == validator_core::rules::schema::NOT_IN_API_VERSION.code)
        .map(|d| d.pointer.as_str())
        .collect();
    for lacking in [
        "/properties/autoRun",
        "/properties/managedResourceTags",
        "/properties/errorHandling",
        "/properties/stagingResourceGroup",
        "/properties/vmProfile/userAssignedIdentities",
        "/properties/vmProfile/vnetConfig/containerInstanceSubnetId",
        "/properties/distribute/0/versioning",
    ] {
        assert!(
            reported.contains(&lacking),
            "{lacking} not reported: {reported:?}"
        );
        let value = validator_core::parse::parse(&down.text).value.unwrap();
        assert!(value.pointer(lacking).is_some(), "{lacking} was dropped");
    }
    assert!(
        down.text.contains(r#""replicationRegions":["westeurope"]"#),
        "{}",
        down.text
    );
    assert!(!down.text.contains("targetRegions"));
}
