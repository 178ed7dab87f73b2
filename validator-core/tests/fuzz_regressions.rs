//! Replays what the fuzzer found (`fuzz/regressions/`, see its README) through everything the
//! fuzz targets run on the core: check, every export, every fix, span invariants. The same code
//! as the fuzz targets (`fuzz/src/exercise.rs`), so a saved input tests what it broke.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

#[path = "../../fuzz/src/exercise.rs"]
mod exercise;

#[test]
fn fuzz_regressions_pass_through_the_core() {
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
        for text in exercise::texts_from_bytes(&bytes) {
            if let Err(panic) = catch_unwind(AssertUnwindSafe(|| exercise::exercise_core(&text))) {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{}: {message}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
