//! The same corpus gives the same report natively and in WebAssembly: both are compared with
//! the native snapshots of `validator-core/tests/corpus.rs`.

fn assert_parity() {
    assert_eq!(wasm_parity::CASES.len(), 79);
    let mismatches = wasm_parity::mismatches();
    assert!(
        mismatches.is_empty(),
        "{} reports differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn native_reports_match_the_snapshots() {
    assert_parity();
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn wasm_reports_match_the_native_snapshots() {
    assert_parity();
}
