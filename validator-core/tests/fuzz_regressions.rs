//! Replays what the fuzzer found (`fuzz/regressions/`, see its README) through everything the
//! fuzz targets run on the core: check, every export, every fix, span invariants. The same code
//! as the fuzz targets (`fuzz/src/exercise.rs`), so a saved input tests what it broke.

#[path = "../../fuzz/src/exercise.rs"]
mod exercise;
#[path = "../../fuzz/src/replay.rs"]
mod replay;

#[test]
fn fuzz_regressions_pass_through_the_core() {
    let failures = replay::replay(
        exercise::texts_from_bytes,
        &[("the core", |text| drop(exercise::exercise_core(text)))],
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
