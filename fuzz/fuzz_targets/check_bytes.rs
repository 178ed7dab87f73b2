//! Arbitrary bytes, as every text they can reach the core as, through everything the core does.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for text in aib_fuzz::exercise_cli::texts_from_bytes(data) {
        aib_fuzz::run_all(&text);
    }
});
