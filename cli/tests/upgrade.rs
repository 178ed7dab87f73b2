//! `aib upgrade`: prints, writes or diffs the upgraded template, lists the changes, and exits 1
//! when something could not be carried over.

use std::fs;
use std::process::{Command, Output};

fn aib(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aib"))
        .args(args)
        .output()
        .unwrap()
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("aib-upgrade-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("t.json");
    fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

const OLD: &str = r#"{
  // The gallery image, nightly.
  "type": "Microsoft.VirtualMachineImages/imageTemplates",
  "apiVersion": "2020-02-14",
  "location": "westeurope",
  "identity": { "type": "UserAssigned", "userAssignedIdentities": { "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {} } },
  "properties": {
    "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },
    "distribute": [
      {
        "type": "SharedImage",
        "galleryImageId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/g/providers/Microsoft.Compute/galleries/gal/images/ubuntu",
        "runOutputName": "ubuntu",
        "replicationRegions": ["westeurope", "northeurope"]
      }
    ]
  }
}
"#;

#[test]
fn upgrade_prints_the_result_and_lists_the_changes() {
    let path = temp("print", OLD);
    let output = aib(&["upgrade", &path]);
    let text = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(text.contains("\"apiVersion\": \"2025-10-01\""), "{text}");
    assert!(text.contains("\"targetRegions\": ["), "{text}");
    assert!(!text.contains("replicationRegions"), "{text}");
    assert!(
        text.starts_with("{\n  // The gallery image, nightly.\n"),
        "{text}"
    );
    assert!(
        stderr.contains("`replicationRegions` → `targetRegions`"),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    // The file is untouched.
    assert_eq!(fs::read_to_string(&path).unwrap(), OLD);
}

#[test]
fn write_replaces_the_file_and_diff_writes_nothing() {
    let path = temp("write", OLD);
    let diff = aib(&["upgrade", "--to", "2022-07-01", "--diff", &path]);
    let shown = String::from_utf8(diff.stdout).unwrap();
    assert!(
        shown.contains("-  \"apiVersion\": \"2020-02-14\","),
        "{shown}"
    );
    assert!(
        shown.contains("+  \"apiVersion\": \"2022-07-01\","),
        "{shown}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), OLD);
    let output = aib(&["upgrade", "--to", "2022-07-01", "--write", &path]);
    assert!(output.stdout.is_empty());
    let written = fs::read_to_string(&path).unwrap();
    assert!(
        written.contains("\"apiVersion\": \"2022-07-01\""),
        "{written}"
    );
    // Upgrading again changes nothing.
    let again = aib(&["upgrade", "--to", "2022-07-01", "--write", &path]);
    assert_eq!(fs::read_to_string(&path).unwrap(), written);
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing to change"));
}

#[test]
fn what_cannot_be_carried_over_is_reported_and_exits_one() {
    let new = OLD.replace("2020-02-14", "2024-02-01").replace(
        "\"properties\": {",
        "\"properties\": {\n    \"autoRun\": { \"state\": \"Enabled\" },",
    );
    let path = temp("down", &new);
    let output = aib(&["upgrade", "--to", "2022-07-01", &path]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("could not carry over"), "{stderr}");
    assert!(stderr.contains("autoRun"), "{stderr}");
    // Kept, not dropped.
    assert!(String::from_utf8_lossy(&output.stdout).contains("autoRun"));
}

#[test]
fn an_unknown_version_is_a_usage_error() {
    let output = aib(&["upgrade", "--to", "2021-01-01", "x.json"]);
    assert_eq!(output.status.code(), Some(2));
}
