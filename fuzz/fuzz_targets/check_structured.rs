//! Real templates (the seeds) with structure-aware edits: hostile strings, broken tokens,
//! deleted and duplicated members, trailing commas, comments, renamed keys, repetition, nesting.
#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target};

fuzz_target!(|data: &[u8]| {
    let text = aib_fuzz::mutate(data);
    // `AIB_FUZZ_DUMP=<file> cargo fuzz run check_structured <input>` writes the mutated text, to
    // keep a finding as a self-contained regression file.
    if let Some(path) = std::env::var_os("AIB_FUZZ_DUMP") {
        std::fs::write(path, &text).expect("AIB_FUZZ_DUMP is writable");
    }
    aib_fuzz::run_all(&text);
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    aib_fuzz::mutate_input(data, size, max_size, seed)
});
