//! Structure-aware mutants (see `check_structured`) through `aib check`'s text output, plain and
//! in colour, which must show no raw control or bidi character (issue 7, terminal injection).
#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target};

fuzz_target!(|data: &[u8]| {
    aib_fuzz::exercise_cli::assert_terminal_safe(&aib_fuzz::mutate(data));
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    aib_fuzz::mutate_input(data, size, max_size, seed)
});
