//! Embeds the corpus and the native snapshots of its reports, so the test can run inside a
//! WebAssembly runtime that has no file system.

use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    let here = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let corpus = here.join("../../../shared/corpus");
    let snapshots = here.join("../tests/snapshots");
    println!(
        "cargo:rerun-if-changed={}",
        corpus.join("MANIFEST.tsv").display()
    );
    println!("cargo:rerun-if-changed={}", snapshots.display());
    let manifest = std::fs::read_to_string(corpus.join("MANIFEST.tsv"))
        .expect("shared/corpus beside the checkout");
    let mut out = String::from("pub static CASES: &[Case] = &[\n");
    for file in manifest
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .filter(|f| !f.is_empty())
    {
        let snapshot = snapshots.join(format!(
            "corpus__{}.snap",
            file.replace(['/', ' ', '@'], "_")
        ));
        let text = corpus.join(file).canonicalize().unwrap();
        let snapshot = snapshot
            .canonicalize()
            .unwrap_or_else(|_| panic!("no native snapshot for {file}: run the corpus test first"));
        writeln!(out, "    Case {{ file: {file:?}, text: include_str!({:?}), snapshot: include_str!({:?}) }},", text, snapshot).unwrap();
    }
    out.push_str("];\n");
    std::fs::write(
        PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("cases.rs"),
        out,
    )
    .unwrap();
}
