//! The severities that `model/reader.rs` gives comments, trailing commas and raw control
//! characters in ARM templates, held against the real Azure CLI (installed by
//! `scripts/setup-azure-cli.sh` into `.tools/azure-cli`), signed in to nothing:
//! `az deployment group create --template-file` reads the file before it asks for a login, so
//! a file it cannot read fails with "Failed to parse", and one it can read fails for want of a
//! login. The checker must report an error exactly for the files az cannot read.
//!
//! ```sh
//! scripts/setup-azure-cli.sh
//! cargo test -p validator-core --test az_reads_templates -- --ignored --nocapture
//! ```

use std::path::PathBuf;
use std::process::Command;

use validator_core::{check, Options, Severity};

/// An ARM template with one image template whose `properties` are given.
fn arm(properties: &str) -> String {
    format!(
        r#"{{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [ {{
    "type": "Microsoft.VirtualMachineImages/imageTemplates", "apiVersion": "2022-07-01",
    "name": "t", "location": "westeurope",
    "properties": {properties}
  }} ]
}}
"#
    )
}

/// (what the file shows, its text).
fn cases() -> Vec<(&'static str, String)> {
    vec![
        ("strict JSON", arm(r#"{"buildTimeoutInMinutes": 60}"#)),
        ("trailing comma", arm(r#"{"buildTimeoutInMinutes": 60,}"#)),
        (
            "trailing comma and `true`",
            arm(r#"{"buildTimeoutInMinutes": 60, "x": true,}"#),
        ),
        (
            "trailing comma and `null`",
            arm(r#"{"buildTimeoutInMinutes": null, "customize": [],}"#),
        ),
        (
            "line and block comments",
            arm("{ // build\n \"buildTimeoutInMinutes\": /* minutes */ 60 }"),
        ),
        (
            "comments and `false`",
            arm("{ // build\n \"x\": false }"),
        ),
        (
            "a raw tab in a string",
            arm("{\"customize\": [{\"type\": \"Shell\", \"name\": \"a\", \"inline\": [\"echo\ta\"]}]}"),
        ),
    ]
}

#[test]
#[ignore = "needs the real Azure CLI: scripts/setup-azure-cli.sh"]
fn the_checker_reports_an_error_exactly_where_az_cannot_read_the_template() {
    let az = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/azure-cli/bin/az");
    assert!(az.exists(), "run scripts/setup-azure-cli.sh first");
    let dir = std::env::temp_dir().join(format!("aib-az-reads-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut disagreements = Vec::new();
    for (what, text) in cases() {
        let path = dir.join("template.json");
        std::fs::write(&path, &text).unwrap();
        let output = Command::new(&az)
            .args(["deployment", "group", "create", "--resource-group", "rg"])
            .arg("--template-file")
            .arg(&path)
            .env("AZURE_CONFIG_DIR", dir.join("config"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let az_reads = if stderr.contains("Failed to parse") {
            false
        } else if stderr.contains("az login") {
            true
        } else {
            panic!("{what}: az said neither: {stderr}");
        };
        let report = check(&text, &Options::default());
        let syntax_errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && d.code < "AIB010")
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        println!("{what}: az reads it: {az_reads}; checker errors: {syntax_errors:?}");
        if az_reads != syntax_errors.is_empty() {
            disagreements.push(format!(
                "{what}: az reads it: {az_reads}, checker errors: {syntax_errors:?}"
            ));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}
