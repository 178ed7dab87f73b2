//! Replays what the fuzzer found (`fuzz/regressions/`, see its README) through every output
//! format of `aib check`, plain and in colour, with the fuzz targets' own assertions
//! (`fuzz/src/exercise_cli.rs`): no panic, JSON and SARIF that parse, and text output without a
//! raw control or bidi character.

#[path = "../../fuzz/src/exercise_cli.rs"]
mod exercise_cli;
#[path = "../../fuzz/src/replay.rs"]
mod replay;

#[test]
fn fuzz_regressions_pass_through_every_output_format() {
    let failures = replay::replay(
        exercise_cli::texts_from_bytes,
        &[
            ("every format", exercise_cli::exercise_cli),
            ("terminal safety", exercise_cli::assert_terminal_safe),
        ],
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
