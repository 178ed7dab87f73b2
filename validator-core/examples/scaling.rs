//! A quick look at how `check` scales on the shapes of `benches/shapes.rs`, without criterion:
//! `cargo run --release -p validator-core --example scaling [max-bytes] [shape]`.
//! The numbers that count come from `cargo bench --bench scaling`.

#[path = "../benches/allocator.rs"]
mod allocator;

use std::time::Instant;

#[path = "../benches/shapes.rs"]
#[allow(dead_code)]
mod shapes;

fn main() {
    let max: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let options = validator_core::Options::default();
    let only = std::env::args().nth(2);
    for (shape, _) in shapes::SHAPES {
        if only.as_deref().is_some_and(|o| o != *shape) {
            continue;
        }
        let mut previous = None;
        let mut size = 100_000;
        while size <= max {
            let text = shapes::generate(shape, size);
            let start = Instant::now();
            let report = validator_core::check(&text, &options);
            let seconds = start.elapsed().as_secs_f64();
            let growth = previous.map_or(String::new(), |p: f64| format!("  ×{:.1}", seconds / p));
            println!(
                "{shape:>18} {:>9} bytes {:>9.3} s {:>7} diagnostics{growth}",
                text.len(),
                seconds,
                report.diagnostics.len()
            );
            previous = Some(seconds);
            size *= 10;
        }
    }
}
