//! `check` (parse + schema + rules) on corpus templates. `scripts/bench.sh` runs this and the
//! ajv benchmark on the same templates and writes the ratios into BENCHMARKS.md.

#[path = "allocator.rs"]
mod allocator;

use criterion::{criterion_group, criterion_main, Criterion};
use validator_core::{check, Options};

#[path = "common.rs"]
mod common;

fn bench_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    for (label, file) in common::FILES {
        let text = common::read(file);
        // Compile the schemas outside the measurement, as ajv's are.
        let _ = check(&text, &Options::default());
        group.bench_function(*label, |b| {
            b.iter(|| check(std::hint::black_box(&text), &Options::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
