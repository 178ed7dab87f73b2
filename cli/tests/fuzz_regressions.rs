//! Replays what the fuzzer found (`fuzz/regressions/`, see its README) through every output
//! format of `aib check`, plain and in colour, with the fuzz targets' own assertions
//! (`fuzz/src/exercise_cli.rs`): no panic, JSON and SARIF that parse, and text output without a
//! raw control or bidi character.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

#[path = "../../fuzz/src/exercise_cli.rs"]
mod exercise_cli;

/// A named check of one text.
type Run = (&'static str, fn(&str));

fn panic_message(panic: Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn fuzz_regressions_pass_through_every_output_format() {
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
        for text in exercise_cli::texts_from_bytes(&bytes) {
            let runs: [Run; 2] = [
                ("every format", exercise_cli::exercise_cli),
                ("terminal safety", exercise_cli::assert_terminal_safe),
            ];
            for (what, run) in runs {
                if let Err(panic) = catch_unwind(AssertUnwindSafe(|| run(&text))) {
                    failures.push(format!(
                        "{} ({what}): {}",
                        path.display(),
                        panic_message(panic)
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
