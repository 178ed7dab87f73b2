//! How `check` grows with its input, on the shapes that were once quadratic
//! (`benches/shapes.rs`), at 100 KB, 1 MB and 10 MB. `scripts/bench.sh` turns the means into
//! the growth factor per 10× of input in BENCHMARKS.md; the target is at most about 12×, and a
//! 10 MB template of any shape checked in under 2 s.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use validator_core::{check, Options};

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
}

criterion_group!(benches, bench_scaling);
criterion_main!(benches);
