//! What a policy adds to `check`: a typical template checked without a policy and with a
//! 50-rule one (the example policy's 14 rules and 36 more of every kind), in the same run,
//! checked again (as on every keystroke) and for the first time. The aim (issue 10): at most
//! 20% more.
//!
//! Criterion times each variant in turn, so a change of the machine's speed between them (a
//! virtual machine's neighbours; seen here: the same build's "no policy" time moved from 20 to
//! 31 µs between runs) shows as a policy's cost. So the bench also measures the two *paired*:
//! short rounds that alternate with and without the policy, each round's ratio taken from
//! times a few milliseconds apart, the median over hundreds of rounds written to
//! `target/policy-paired.json` for the report.

#[path = "allocator.rs"]
mod allocator;

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};
use validator_core::policy::Policy;
use validator_core::{check, Options};

#[path = "common.rs"]
mod common;
#[path = "paired.rs"]
mod paired;

const EXAMPLE: &str = include_str!("../../examples/policy/contoso.json");

/// The example policy grown to 50 rules, every kind of the vocabulary among the new ones; the
/// example's starter, filled in, meets them all.
fn fifty_rules() -> Policy {
    let mut policy: Value = serde_json::from_str(EXAMPLE).unwrap();
    let rules = policy["rules"].as_array_mut().unwrap();
    let regions = [
        "westeurope",
        "northeurope",
        "swedencentral",
        "francecentral",
        "germanywestcentral",
    ];
    let mut i = 0;
    while rules.len() < 50 {
        let check = match i % 9 {
            0 => {
                json!({"allowed": {"pointer": "/properties/source/offer", "values": ["0001-com-ubuntu-server-jammy", "WindowsServer", "RHEL"]}})
            }
            1 => json!({"denied": {"pointer": "/properties/distribute/*/type", "values": ["VHD"]}}),
            2 => {
                json!({"required": {"pointers": ["/properties/source/sku", "/properties/customize/*/type"]}})
            }
            3 => json!({"requiredTags": ["costCenter"]}),
            4 => {
                json!({"pattern": {"pointer": "/properties/distribute/*/runOutputName", "regex": "^[a-z][a-z0-9-]{2,40}$"}})
            }
            5 => {
                json!({"range": {"pointer": "/properties/customize/*/restartTimeout", "min": 1, "max": 60}})
            }
            6 => json!({"customizeIncludes": {"type": "Shell", "name": "^cis-"}}),
            7 => json!({"distributeIncludes": {"runOutputName": "^[a-z]", "minReplicas": 1}}),
            _ => {
                json!({"allowed": {"pointer": "/properties/distribute/*/targetRegions/*/name", "values": regions}})
            }
        };
        let mut rule = json!({"id": format!("generated-{i}"), "severity": "warning", "message": "Generated rule"});
        rule.as_object_mut()
            .unwrap()
            .extend(check.as_object().unwrap().clone());
        rules.push(rule);
        i += 1;
    }
    Policy::parse(&policy.to_string()).unwrap()
}

/// The example policy's starter with its placeholders filled in, as a user of the designer
/// would: a template that meets the policy.
fn meeting_template() -> String {
    let policy: Value = serde_json::from_str(EXAMPLE).unwrap();
    let mut template = policy["starters"][0]["template"].clone();
    template["name"] = "img-ubuntu".into();
    template["tags"] = json!({"costCenter": "123456", "owner": "team@contoso.example"});
    template["properties"]["customize"][0]["sha256Checksum"] =
        "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae".into();
    serde_json::to_string_pretty(&template).unwrap()
}

fn bench_policy(c: &mut Criterion) {
    let policy = Arc::new(fifty_rules());
    assert_eq!(policy.rules().len(), 50);
    let with_policy = Options {
        policy: Some(policy),
        ..Options::default()
    };
    let example = Options {
        policy: Some(Arc::new(Policy::parse(EXAMPLE).unwrap())),
        ..Options::default()
    };
    let without = Options::default();
    let mut group = c.benchmark_group("policy");
    let inputs = [
        ("meets-policy", meeting_template()),
        (common::FILES[0].0, common::read(common::FILES[0].1)),
    ];
    for (label, text) in &inputs {
        let findings = |options: &Options| check(text, options).diagnostics.len();
        eprintln!(
            "{label}: {} findings without the policy, {} with it",
            findings(&without),
            findings(&with_policy)
        );
        let _ = check(text, &without);
        group.bench_function(format!("{label}/none"), |b| {
            b.iter(|| check(std::hint::black_box(text), &without))
        });
        group.bench_function(format!("{label}/example-14-rules"), |b| {
            b.iter(|| check(std::hint::black_box(text), &example))
        });
        group.bench_function(format!("{label}/50-rules"), |b| {
            b.iter(|| check(std::hint::black_box(text), &with_policy))
        });
        // The first check with a policy: its regexes have not seen the values yet (a check
        // again, as on every keystroke in the designer, finds their answers remembered).
        group.bench_function(format!("{label}/50-rules-first-check"), |b| {
            // By reference: dropping the policy afterwards is not part of the check.
            b.iter_batched_ref(
                || Options {
                    policy: with_policy.policy.as_deref().cloned().map(Arc::new),
                    ..Options::default()
                },
                |fresh| check(std::hint::black_box(text), fresh),
                criterion::BatchSize::SmallInput,
            )
        });
    }
    group.finish();
    let paired: Vec<Value> = inputs
        .iter()
        .map(|(label, text)| paired_ratio(label, text, &without, &with_policy))
        .collect();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/policy-paired.json");
    std::fs::write(path, serde_json::to_string_pretty(&paired).unwrap()).unwrap();
}

/// Rounds of the paired measurement, and checks of each kind per round.
const ROUNDS: usize = 401;
const CHECKS_PER_ROUND: u32 = 20;

/// The time of a check with `with` over one without, from alternating rounds.
fn paired_ratio(label: &str, text: &str, without: &Options, with: &Options) -> Value {
    let time = |options: &Options| {
        paired::per_run(CHECKS_PER_ROUND, || {
            std::hint::black_box(check(std::hint::black_box(text), options));
        })
    };
    let ratio = paired::ratio(ROUNDS, || time(without), || time(with));
    eprintln!(
        "{label}: paired ratio with 50 rules {:.3} (quartiles {:.3} to {:.3})",
        ratio.median, ratio.lower_quartile, ratio.upper_quartile
    );
    ratio.with(json!({"template": label, "rounds": ROUNDS, "checks_per_round": CHECKS_PER_ROUND}))
}

criterion_group!(benches, bench_policy);
criterion_main!(benches);
