//! `aib lsp` from a keystroke to its diagnostics: one `didChange` of one character, through the
//! in-memory connection to the real server (debounce 0), until the `publishDiagnostics` of
//! that version arrives. On the typical template of the check benchmark (`linux-sig`, the
//! gallery quickstart) and on the largest real template of the corpus, a 1 MB compiled ARM
//! template (`avm-ptn-image-builder-arm`). Also hover and completion on the 1 MB template, which
//! the message loop answers itself: they must stay far below a keystroke's check.

#[path = "../../validator-core/benches/allocator.rs"]
mod allocator;

#[path = "../tests/lsp_support/mod.rs"]
mod lsp_support;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lsp_support::{corpus_file, Client};
use lsp_types::request::{Completion, HoverRequest};
use lsp_types::{
    CompletionParams, HoverParams, Position, Range, TextDocumentIdentifier,
    TextDocumentPositionParams,
};

/// (label, corpus file); the labels are those of `validator-core/benches/common.rs`, whose
/// vscode-json peer validates the same texts.
const FILES: &[(&str, &str)] = &[
    ("linux-sig", lsp_support::QUICKSTART),
    (
        "avm-ptn-image-builder-arm",
        "Azure__bicep-registry-modules/avm__ptn__virtual-machine-images__azure-image-builder__main.json",
    ),
];

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("lsp_keystroke");
    group.sample_size(20);
    for (label, file) in FILES {
        let text = corpus_file(file);
        let mut client = Client::start(Duration::ZERO, None);
        let uri = lsp_support::uri("bench.json");
        client.open(&uri, 0, &text);
        client.diagnostics(&uri);
        let mut version = 0;
        // A space typed at the start of the second line, then deleted: the text alternates
        // between two states with the same findings.
        let start = Position::new(1, 0);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(BenchmarkId::from_parameter(label), |b| {
            b.iter(|| {
                version += 1;
                if version % 2 == 1 {
                    client.change(&uri, version, Range::new(start, start), " ");
                } else {
                    client.change(&uri, version, Range::new(start, Position::new(1, 1)), "");
                }
                let published = client.diagnostics(&uri);
                assert_eq!(published.version, Some(version));
                published.diagnostics.len()
            })
        });
        client.shutdown();
    }
    group.finish();
}

/// Hover and completion at the last `"type"` of the 1 MB template: the loop lexes the text
/// before the caret, the most there is to read.
fn loop_requests(c: &mut Criterion) {
    let (label, file) = FILES[1];
    let text = corpus_file(file);
    let mut client = Client::start(Duration::ZERO, None);
    let uri = lsp_support::uri("bench.json");
    client.open(&uri, 0, &text);
    client.diagnostics(&uri);
    // Inside the name, after its opening quote.
    let inside = text.rfind("\"type\"").unwrap() + 1;
    let caret = aib::lsp::position::position(&text, inside);
    let place = TextDocumentPositionParams::new(TextDocumentIdentifier::new(uri.clone()), caret);
    let mut group = c.benchmark_group("lsp_request");
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("hover", label), |b| {
        b.iter(|| {
            client.request::<HoverRequest>(HoverParams {
                text_document_position_params: place.clone(),
                work_done_progress_params: Default::default(),
            })
        })
    });
    group.bench_function(BenchmarkId::new("completion", label), |b| {
        b.iter(|| {
            client.request::<Completion>(CompletionParams {
                text_document_position: place.clone(),
                work_done_progress_params: Default::default(),
                partial_result_params: Default::default(),
                context: None,
            })
        })
    });
    group.finish();
    client.shutdown();
}

criterion_group!(benches, keystroke, loop_requests);
criterion_main!(benches);
