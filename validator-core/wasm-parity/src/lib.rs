//! The corpus and the native reports of it, embedded (see `build.rs`), and the comparison the
//! parity test runs natively and in WebAssembly.

/// One corpus file and the snapshot of its native report.
pub struct Case {
    pub file: &'static str,
    pub text: &'static str,
    pub snapshot: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/cases.rs"));

/// The report body of an insta snapshot (after its `---` header).
fn snapshot_body(snapshot: &str) -> &str {
    snapshot
        .splitn(3, "---\n")
        .nth(2)
        .unwrap_or(snapshot)
        .trim_end()
}

/// The files whose report here differs from the native snapshot.
pub fn mismatches() -> Vec<String> {
    CASES
        .iter()
        .filter_map(|case| {
            let report = validator_core::check(case.text, &validator_core::Options::default())
                .to_compact_text();
            let expected = snapshot_body(case.snapshot);
            (report.trim_end() != expected)
                .then(|| format!("{}:\n--- native\n{expected}\n--- here\n{report}", case.file))
        })
        .collect()
}
