//! How `check` grows with its input, on the shapes that were once quadratic
//! (`benches/shapes.rs`), at 100 KB, 1 MB and 10 MB. `scripts/bench.sh` turns the means into
//! the growth factor per 10× of input in BENCHMARKS.md; the target is at most about 12×, and a
//! 10 MB template of any shape checked in under 2 s.
//!
//! Criterion times the sizes one after another, minutes apart, and this machine's speed drifts
//! over minutes (its last-level cache is shared with other virtual machines): the same build
//! gave 1 MB → 10 MB factors 2× apart in two runs. So the growth factors come from a *paired*
//! measurement as well: rounds that alternate a block of checks at one size with a block at ten
//! times the size, the median over the rounds of the per-check ratio, written to
//! `target/scaling-paired.json` for the report.
//!
//! The peer is `serde_json::from_str` on the same texts, measured the same way, where the text
//! is strict JSON: it builds the same value (the same `IndexMap` per object) and reports nothing,
//! so its growth shows what the machine's caches make of the value alone.

#[path = "allocator.rs"]
mod allocator;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use validator_core::{check, Options};

#[path = "paired.rs"]
mod paired;
#[path = "shapes.rs"]
mod shapes;

/// The sizes measured, in bytes.
const SIZES: [usize; 3] = [100_000, 1_000_000, 10_000_000];

fn bench_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    // Compile the schemas outside the measurement.
    let _ = check(
        &shapes::generate("trailing-commas", 1000),
        &Options::default(),
    );
    for (shape, _) in shapes::SHAPES {
        for size in SIZES {
            let text = shapes::generate(shape, size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(*shape, size), &text, |b, text| {
                b.iter(|| check(std::hint::black_box(text), &Options::default()))
            });
        }
    }
    group.finish();
    let paired: Vec<serde_json::Value> = shapes::SHAPES
        .iter()
        .flat_map(|(shape, _)| {
            SIZES
                .windows(2)
                .map(move |pair| paired_growth(shape, pair[0], pair[1]))
        })
        .collect();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/scaling-paired.json");
    std::fs::write(path, serde_json::to_string_pretty(&paired).unwrap()).unwrap();
}

/// Checks per block at the smaller size and at the larger one (the second check of a large
/// block finds the memory as the first left it, as criterion's repeated checks do).
const SMALL_BLOCK: u32 = 20;
const LARGE_BLOCK: u32 = 2;

/// The growth factor from `small` bytes to `large` bytes, per 10× of input, from rounds that
/// alternate a block of checks at each size.
fn paired_growth(shape: &str, small: usize, large: usize) -> serde_json::Value {
    let small_text = shapes::generate(shape, small);
    let large_text = shapes::generate(shape, large);
    let options = Options::default();
    let per_check = |text: &str, checks: u32| {
        paired::per_run(checks, || {
            std::hint::black_box(check(std::hint::black_box(text), &options));
        })
    };
    let per_parse = |text: &str, parses: u32| {
        paired::per_run(parses, || {
            std::hint::black_box(shapes::peer_parse(std::hint::black_box(text)));
        })
    };
    // Fewer rounds at the larger sizes, so that the measurement takes seconds, not minutes.
    let rounds = if large > 1_000_000 { 9 } else { 21 };
    // Per 10× of input: the generated texts are only about the sizes asked for.
    let per_ten = 10.0 / (large_text.len() as f64 / small_text.len() as f64);
    let growth = |per_unit: &dyn Fn(&str, u32) -> f64| {
        paired::ratio(
            rounds,
            || per_unit(&small_text, SMALL_BLOCK) / per_ten,
            || per_unit(&large_text, LARGE_BLOCK),
        )
    };
    let ours = growth(&per_check);
    eprintln!(
        "{shape} {small} -> {large}: paired growth {:.1}x (quartiles {:.1} to {:.1})",
        ours.median, ours.lower_quartile, ours.upper_quartile
    );
    let mut fields = ours.with(serde_json::json!({
        "shape": shape, "from": small, "to": large, "rounds": rounds
    }));
    if shapes::peer_parse(&small_text).is_some() && shapes::peer_parse(&large_text).is_some() {
        let peer = growth(&per_parse);
        eprintln!("  serde_json::from_str: {:.1}x", peer.median);
        fields["peer"] = peer.with(serde_json::json!({"name": "serde_json::from_str"}));
    }
    fields
}

criterion_group!(benches, bench_scaling);
criterion_main!(benches);
