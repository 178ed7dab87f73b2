//! Text output of many diagnostics on a large file: its cost must grow with the output, not
//! with the output times the file. Each size has one diagnostic per 50 bytes (20,000 on 1 MB),
//! on a file of short lines and on a file that is one line. The diagnostics are made here, not
//! by `check`, so that only rendering is measured.
//!
//! As in validator-core's scaling bench, each growth factor is also measured paired (rounds that
//! alternate the two sizes; `validator-core/benches/paired.rs`), written to
//! `target/text-output-paired.json` for the report.

#[path = "../../validator-core/benches/allocator.rs"]
mod allocator;
#[path = "../../validator-core/benches/paired.rs"]
mod paired;

use aib::output::{render, Checked, Format};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use validator_core::rules::syntax::TRAILING_COMMA;
use validator_core::{Diagnostic, Position, Span};

/// 50 bytes: one customizer-like entry.
const ENTRY: &str = "{\"type\": \"Shell\", \"name\": \"step\", \"inline\": []},";

fn file(bytes: usize, one_line: bool) -> Checked {
    let entries = bytes / (ENTRY.len() + 1);
    let mut text = String::with_capacity(bytes + 2);
    let mut diagnostics = Vec::with_capacity(entries);
    text.push('[');
    for i in 0..entries {
        if !one_line {
            text.push('\n');
        }
        let start = text.len();
        text.push_str(ENTRY);
        // Line and column computed here: `LineIndex::position` per entry is itself quadratic
        // on one line.
        let (line, column) = if one_line { (1, start + 1) } else { (i + 2, 1) };
        let mut d = Diagnostic::new(&TRAILING_COMMA, format!("/{i}"), "a trailing comma")
            .with_span(Span::new(start, start + ENTRY.len()));
        d.start = Some(Position::new(line, column));
        d.end = Some(Position::new(line, column + ENTRY.len()));
        diagnostics.push(d);
    }
    text.push(']');
    let mut checked = Checked::new("t.json", String::new(), &Default::default());
    checked.text = text;
    checked.report.diagnostics = diagnostics;
    checked
}

fn bench_text_output(c: &mut Criterion) {
    let mut group = c.benchmark_group("text_output");
    group.sample_size(10);
    for one_line in [false, true] {
        for bytes in [10_000, 100_000, 1_000_000] {
            let checked = [file(bytes, one_line)];
            let shape = if one_line { "one_line" } else { "lines" };
            group.throughput(Throughput::Bytes(bytes as u64));
            group.bench_with_input(BenchmarkId::new(shape, bytes), &checked, |b, checked| {
                b.iter(|| render(Format::Text, std::hint::black_box(checked), false))
            });
        }
    }
    group.finish();
    let mut measured = Vec::new();
    for one_line in [false, true] {
        for (small, large) in [(10_000, 100_000), (100_000, 1_000_000)] {
            measured.push(paired_growth(one_line, small, large));
        }
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../target/text-output-paired.json"
    );
    std::fs::write(path, serde_json::to_string_pretty(&measured).unwrap()).unwrap();
}

/// The growth factor of rendering from `small` to `large` bytes (ten times as many findings),
/// from 21 rounds that alternate ten renderings of the small file with one of the large.
fn paired_growth(one_line: bool, small: usize, large: usize) -> serde_json::Value {
    let small_file = [file(small, one_line)];
    let large_file = [file(large, one_line)];
    let per_render = |checked: &[Checked], times: u32| {
        paired::per_run(times, || {
            std::hint::black_box(render(Format::Text, std::hint::black_box(checked), false));
        })
    };
    let ratio = paired::ratio(
        21,
        || per_render(&small_file, 10),
        || per_render(&large_file, 1),
    );
    let shape = if one_line { "one_line" } else { "lines" };
    eprintln!(
        "text output {shape} {small} -> {large}: paired growth {:.1}x (quartiles {:.1} to {:.1})",
        ratio.median, ratio.lower_quartile, ratio.upper_quartile
    );
    ratio.with(serde_json::json!({"shape": shape, "from": small, "to": large, "rounds": 21}))
}

criterion_group!(benches, bench_text_output);
criterion_main!(benches);
