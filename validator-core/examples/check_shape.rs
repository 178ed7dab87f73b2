//! Checks one template of a benchmark shape (`benches/shapes.rs`) a given number of times, to
//! count instructions, cache misses or allocations of a check under valgrind:
//! `valgrind --tool=cachegrind cargo run --release -p validator-core --example check_shape --
//! placeholders 1000000 2`. The difference between 2 checks and 1 is one warm check, as
//! criterion measures it (generating the text and compiling the schemas happen once).
//!
//! With `serde_json` after the count, it parses the text with the scaling bench's peer instead
//! (`shapes::peer_parse`): `scripts/bench_instructions.py` counts both.

#[path = "../benches/allocator.rs"]
mod allocator;

#[path = "../benches/shapes.rs"]
#[allow(dead_code)]
mod shapes;

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(shape), Some(bytes)) = (args.next(), args.next().and_then(|b| b.parse().ok())) else {
        eprintln!("usage: check_shape <shape> <bytes> [checks] [check|serde_json]");
        std::process::exit(2);
    };
    let checks: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let peer = args.next().is_some_and(|what| what == "serde_json");
    let text = shapes::generate(&shape, bytes);
    let options = validator_core::Options::default();
    // Compile the schemas before the checks.
    let _ = validator_core::check(&shapes::generate("trailing-commas", 1000), &options);
    let mut fastest = f64::MAX;
    for _ in 0..checks {
        let start = Instant::now();
        if peer {
            std::hint::black_box(shapes::peer_parse(std::hint::black_box(&text)));
        } else {
            std::hint::black_box(validator_core::check(std::hint::black_box(&text), &options));
        }
        fastest = fastest.min(start.elapsed().as_secs_f64());
    }
    eprintln!(
        "{shape}, {} bytes: fastest of {checks} checks {:.3} ms",
        text.len(),
        fastest * 1000.0
    );
}
