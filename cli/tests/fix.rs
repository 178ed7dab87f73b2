//! `aib check --fix` and `--diff` on real files in a temporary folder: the safe fixes are
//! written once, the rest of the text stays byte for byte, a second run changes nothing, and
//! `--diff` writes nothing.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::aib_stdin;

fn aib(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aib"))
        .args(args)
        .output()
        .unwrap()
}

/// A folder of its own for each test, emptied first.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aib-fix-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Comments, odd indentation, a trailing comma (safe), a key in the wrong case (safe: one
/// candidate), a lowercase resource type (safe) and an `http://` script (an unsafe fix).
const MESSY: &str = r#"{
    // Built nightly by the platform team.
    "type": "microsoft.virtualmachineimages/imagetemplates",
  "apiVersion": "2022-07-01",
    "location": "westeurope",   /* EU only */
    "identity": { "type": "UserAssigned", "userAssignedIdentities": { "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {} } },
    "properties": {
        "vmprofile": {   "vmSize": "Standard_D2s_v3" },
        "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },
        "customize": [
            { "type": "Shell", "name": "setup", "scriptUri": "http://example.com/setup.sh" },
        ],
        "distribute": [ { "type": "ManagedImage", "imageId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/images/providers/Microsoft.Compute/images/ubuntu", "location": "westeurope", "runOutputName": "ubuntu" } ]
    }
}
"#;

/// What `--fix` makes of [`MESSY`]: only the three safe spans change.
const FIXED: &str = r#"{
    // Built nightly by the platform team.
    "type": "Microsoft.VirtualMachineImages/imageTemplates",
  "apiVersion": "2022-07-01",
    "location": "westeurope",   /* EU only */
    "identity": { "type": "UserAssigned", "userAssignedIdentities": { "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {} } },
    "properties": {
        "vmProfile": {   "vmSize": "Standard_D2s_v3" },
        "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },
        "customize": [
            { "type": "Shell", "name": "setup", "scriptUri": "http://example.com/setup.sh" }
        ],
        "distribute": [ { "type": "ManagedImage", "imageId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/images/providers/Microsoft.Compute/images/ubuntu", "location": "westeurope", "runOutputName": "ubuntu" } ]
    }
}
"#;

#[test]
fn fix_writes_the_safe_fixes_and_keeps_everything_else() {
    let dir = folder("safe");
    let path = write(&dir, "t.json", MESSY);
    let output = aib(&["check", "--fix", &path]);
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
    assert!(
        stderr(&output).contains("Fixed 3 problems (AIB003 ×1, AIB011 ×1, AIB030 ×1)"),
        "{}",
        stderr(&output)
    );
    // What remains is reported as `aib check` reports it, and sets the exit status: the
    // `http://` warning and the comments, errors for strict JSON readers (unsafe fixes).
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("plain HTTP"), "{report}");
    assert!(report.contains("comment in JSON"), "{report}");
    assert_eq!(output.status.code(), Some(1), "{report}");
    // A second run finds nothing to fix and leaves the file alone.
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let again = aib(&["check", "--fix", &path]);
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    assert!(
        stderr(&again).contains("Fixed 0 problems"),
        "{}",
        stderr(&again)
    );
    // No temporary file is left behind.
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
}

#[test]
fn unsafe_fixes_need_their_flag() {
    let dir = folder("unsafe");
    let path = write(&dir, "t.json", MESSY);
    let output = aib(&["check", "--fix", "--unsafe-fixes", &path]);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("https://example.com/setup.sh"), "{text}");
    // Comments are removed by an unsafe fix, too.
    assert!(!text.contains("Built nightly"), "{text}");
    assert!(
        stderr(&output)
            .contains("Fixed 6 problems (AIB002 ×2, AIB003 ×1, AIB011 ×1, AIB030 ×1, AIB085 ×1)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let again = aib(&["check", "--fix", "--unsafe-fixes", &path]);
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert!(stderr(&again).contains("Fixed 0 problems"));
}

#[test]
fn diff_shows_the_changes_and_writes_nothing() {
    let dir = folder("diff");
    let path = write(&dir, "t.json", MESSY);
    let output = aib(&["check", "--diff", &path]);
    assert_eq!(fs::read_to_string(&path).unwrap(), MESSY);
    let diff = String::from_utf8_lossy(&output.stdout);
    assert!(
        diff.starts_with(&format!("--- {path}\n+++ {path}\n")),
        "{diff}"
    );
    assert!(diff.contains("-        \"vmprofile\""), "{diff}");
    assert!(diff.contains("+        \"vmProfile\""), "{diff}");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("Would fix 3 problems"));
    // Nothing to change: no diff, exit 0.
    let clean = write(&dir, "clean.json", FIXED);
    let output = aib(&["check", "--diff", &clean]);
    assert!(output.stdout.is_empty());
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn standard_input_is_fixed_to_standard_output() {
    let output = aib_stdin(&["check", "--fix", "-"], MESSY);
    assert_eq!(String::from_utf8_lossy(&output.stdout), FIXED);
    // The report goes to standard error.
    assert!(
        stderr(&output).contains("plain HTTP"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn permissions_are_kept() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = folder("permissions");
        let path = write(&dir, "t.json", MESSY);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        aib(&["check", "--fix", &path]);
        assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}

#[test]
fn a_duplicate_key_declines_the_fix_instead_of_rewriting_the_file() {
    let dir = folder("duplicate");
    let text = "{\n  // kept\n  \"location\": \"a\",\n  \"location\": \"westeurope\",\n  \"type\": \"microsoft.virtualmachineimages/imagetemplates\"\n}\n";
    let path = write(&dir, "t.json", text);
    let output = aib(&["check", "--fix", &path]);
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert!(
        stderr(&output).contains("not fixed: change to"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn several_files_are_each_written_once() {
    let dir = folder("several");
    let a = write(&dir, "a.json", MESSY);
    let b = write(&dir, "b.json", FIXED);
    let output = aib(&["check", "--fix", &a, &b]);
    assert_eq!(fs::read_to_string(&a).unwrap(), FIXED);
    assert_eq!(fs::read_to_string(&b).unwrap(), FIXED);
    assert!(stderr(&output).contains("Fixed 3 problems"));
}
