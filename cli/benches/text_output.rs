//! Text output of many diagnostics on a large file: its cost must grow with the output, not
//! with the output times the file. Each size has one diagnostic per 50 bytes (20,000 on 1 MB),
//! on a file of short lines and on a file that is one line. The diagnostics are made here, not
//! by `check`, so that only rendering is measured.

#[path = "../../validator-core/benches/allocator.rs"]
mod allocator;

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
        d.start = Some(Position { line, column });
        d.end = Some(Position {
            line,
            column: column + ENTRY.len(),
        });
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
}

criterion_group!(benches, bench_text_output);
criterion_main!(benches);
