//! The severity of comments, trailing commas and raw control characters follows the program
//! that reads the file on its route (`model/reader.rs`): strict JSON for a bare resource, the
//! az CLI's lenient deployment reader for an ARM template.

use validator_core::{check, Options, Severity};

const ARM_HEAD: &str = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [ {
    "type": "Microsoft.VirtualMachineImages/imageTemplates", "apiVersion": "2022-07-01",
    "name": "t", "location": "westeurope","#;

fn arm(properties: &str) -> String {
    format!("{ARM_HEAD}\n    \"properties\": {properties}\n  }} ]\n}}")
}

fn bare(properties: &str) -> String {
    format!("{{\"location\": \"westeurope\", \"properties\": {properties}}}")
}

/// The severity of the one finding of `code`.
fn severity_of(text: &str, code: &str) -> Severity {
    let report = check(text, &Options::default());
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect();
    assert_eq!(found.len(), 1, "{text}\n{}", report.to_compact_text());
    found[0].severity
}

#[test]
fn trailing_commas_are_errors_where_az_cannot_read_the_file() {
    let with_literal =
        r#"{"buildTimeoutInMinutes": 60, "autoRun": {"state": "Disabled"}, "x": true,}"#;
    let without = r#"{"buildTimeoutInMinutes": 60,}"#;
    assert_eq!(severity_of(&bare(without), "AIB003"), Severity::Error);
    assert_eq!(severity_of(&arm(with_literal), "AIB003"), Severity::Error);
    assert_eq!(severity_of(&arm(without), "AIB003"), Severity::Warning);
}

#[test]
fn comments_are_errors_in_strict_json_and_fine_in_arm_templates() {
    let commented = "{ // the build\n \"buildTimeoutInMinutes\": 60 }";
    assert_eq!(severity_of(&bare(commented), "AIB002"), Severity::Error);
    assert_eq!(severity_of(&arm(commented), "AIB002"), Severity::Info);
}

#[test]
fn raw_control_characters_are_errors_in_strict_json_and_warnings_in_arm_templates() {
    let tab = "{ \"buildTimeoutInMinutes\": 60, \"x\": \"a\tb\" }";
    assert_eq!(severity_of(&bare(tab), "AIB007"), Severity::Error);
    assert_eq!(severity_of(&arm(tab), "AIB007"), Severity::Warning);
}

#[test]
fn a_misspelt_type_in_an_arm_template_is_checked_as_an_image_template() {
    let text = arm(r#"{"source": {"type": "PlatformImage"}, "distribute": []}"#)
        .replace("imageTemplates\"", "imageTemplate\"");
    let report = check(&text, &Options::default());
    assert_eq!(report.templates.len(), 1, "{}", report.to_compact_text());
    let typo = report
        .diagnostics
        .iter()
        .find(|d| d.code == "AIB011")
        .expect("the type is reported");
    assert_eq!(typo.severity, Severity::Error);
    assert_eq!(typo.pointer, "/resources/0/type");
    assert!(typo.message.contains("did you mean"), "{}", typo.message);
    assert!(typo.fix.is_some());
    assert!(
        report.diagnostics.iter().all(|d| d.code != "AIB010"),
        "no `no image template found`"
    );
    // The template inside is checked: its source lacks publisher, offer, sku and version.
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.pointer.starts_with("/resources/0/properties/source")));
}

#[test]
fn a_misspelt_type_in_a_bare_file_is_an_error() {
    let text = r#"{"type": "Microsoft.VirtualMachineImages/imageTemplate", "location": "westeurope", "properties": {}}"#;
    assert_eq!(severity_of(text, "AIB011"), Severity::Error);
}
