//! Replays the saved fuzz findings (`fuzz/regressions/`, see its README) in the normal tests.
//! Not part of the fuzz crate: `validator-core/tests/fuzz_regressions.rs` and
//! `cli/tests/fuzz_regressions.rs` include it with `#[path]`, beside the exercise code of the
//! fuzz targets they replay through, so both walk the same files in the same way.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

/// A named check of one text; a panic is a failure.
pub type Run = (&'static str, fn(&str));

/// Runs every check on every text that each saved input can reach the code as
/// (`texts_from_bytes`), and returns one line per panic: the file, the check and the message.
pub fn replay(texts_from_bytes: fn(&[u8]) -> Vec<String>, runs: &[Run]) -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fuzz/regressions")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression files in {}",
        dir.display()
    );
    let mut failures = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        for text in texts_from_bytes(&bytes) {
            for (what, run) in runs {
                if let Err(panic) = catch_unwind(AssertUnwindSafe(|| run(&text))) {
                    let message = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    failures.push(format!("{} ({what}): {message}", path.display()));
                }
            }
        }
    }
    failures
}
