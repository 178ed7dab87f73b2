//! `aib lsp` from a real editor: Neovim's built-in LSP client (`cli/tests/nvim/quick_fix.lua`)
//! opens a corpus template with a planted mistake, checks where the diagnostic lands after
//! non-ASCII text, applies the quick fix, and the buffer is compared here.
//!
//! Neovim is a test dependency (`scripts/setup.sh --for-tests` installs Debian's); without it
//! this test fails and says so rather than passing unseen.

use std::path::PathBuf;
use std::process::Command;

mod lsp_support;

#[test]
fn neovim_shows_the_finding_and_applies_the_quick_fix() {
    let has_nvim = Command::new("nvim").arg("--version").output().is_ok();
    assert!(
        has_nvim,
        "`nvim` is not installed: run `scripts/setup.sh --for-tests` (Debian's `neovim`)"
    );
    let original = lsp_support::corpus_file(lsp_support::QUICKSTART);
    let planted = original.replace(
        "        \"buildTimeoutInMinutes\"",
        "        \"é😀\": 1, \"buildTimeoutInMinute\"",
    );
    assert_ne!(planted, original);
    let dir = std::env::temp_dir().join(format!("aib-nvim-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let template = dir.join("template.json");
    let result = dir.join("result.txt");
    std::fs::write(&template, &planted).unwrap();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/nvim/quick_fix.lua");
    let output = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("AIB_BIN", env!("CARGO_BIN_EXE_aib"))
        .env("AIB_TEMPLATE", &template)
        .env("AIB_RESULT", &result)
        .output()
        .unwrap();
    let written = std::fs::read_to_string(&result).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        output.status.success(),
        "nvim failed ({}): {written}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = planted.replace("\"buildTimeoutInMinute\"", "\"buildTimeoutInMinutes\"");
    assert_eq!(written, expected);
}
