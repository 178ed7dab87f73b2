//! The `aib` binary as a pipeline uses it: outputs, exit codes and messages for bad input.

mod support;

use std::path::PathBuf;
use std::process::{Command, Output};

use support::aib_stdin;

fn aib(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aib"))
        .args(args)
        .output()
        .unwrap()
}

fn fixture(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../validator-core/tests/fixtures")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

fn corpus(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Snapshots must not depend on where the checkout is.
fn relative(text: &str) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .to_string_lossy()
        .into_owned();
    text.replace(&root, "<repo>")
}

const TYPO: &str =
    "Azure__azvmimagebuilder/solutions__4_Using_ENV_Variables__devOpsEnvTemplate.json";

#[test]
fn text_output_shows_location_code_source_line_and_help() {
    let output = aib(&[
        "check",
        &fixture("schema/unknown-property/invalid-2024.json"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(relative(&stdout(&output)));
}

#[test]
fn warnings_alone_exit_zero_and_errors_exit_one() {
    assert_eq!(
        aib(&["check", &fixture("build-vm/os-disk-size/invalid.json")])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        aib(&[
            "check",
            &fixture("schema/wrong-type/invalid-quoted-number.json")
        ])
        .status
        .code(),
        Some(1)
    );
    assert_eq!(
        aib(&[
            "check",
            &fixture("schema/wrong-type/valid-expressions.json")
        ])
        .status
        .code(),
        Some(0)
    );
}

#[test]
fn sarif_results_carry_rule_level_message_and_region() {
    let output = aib(&[
        "check",
        "--format",
        "sarif",
        &fixture("syntax/trailing-comma/invalid.json"),
    ]);
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let run = &log["runs"][0];
    let result = &run["results"][0];
    let rule_index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(result["ruleId"], "AIB003");
    assert_eq!(run["tool"]["driver"]["rules"][rule_index]["id"], "AIB003");
    assert_eq!(result["level"], "error");
    let text = result["message"]["text"].as_str().unwrap();
    assert!(text.starts_with("trailing comma\nHelp: "), "{text}");
    let location = &result["locations"][0];
    let region = &location["physicalLocation"]["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endColumn"]
        ),
        (
            &serde_json::json!(19),
            &serde_json::json!(25),
            &serde_json::json!(26)
        )
    );
    assert!(location["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .ends_with("syntax/trailing-comma/invalid.json"));
    assert_eq!(
        location["logicalLocations"][0]["fullyQualifiedName"],
        "/properties/vmProfile"
    );
}

#[test]
fn json_output_has_the_fixed_field_names() {
    let output = aib(&[
        "check",
        "--format",
        "json",
        &corpus(TYPO),
        &fixture("syntax/trailing-comma/invalid.json"),
    ]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &report["files"][0]["diagnostics"][0];
    for field in [
        "code", "rule", "severity", "pointer", "line", "column", "message", "help",
    ] {
        assert!(first.get(field).is_some(), "missing `{field}` in {first}");
    }
    assert_eq!(report["files"].as_array().unwrap().len(), 2);
    let summary = &report["summary"];
    let total: u64 = ["errors", "warnings", "infos"]
        .iter()
        .map(|k| summary[k].as_u64().unwrap())
        .sum();
    let listed: usize = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["diagnostics"].as_array().unwrap().len())
        .sum();
    assert_eq!(total as usize, listed);
    insta::assert_snapshot!(relative(&stdout(&output)));
}

#[test]
fn sarif_output_is_sarif_2_1_0() {
    let output = aib(&["check", "--format", "sarif", &corpus(TYPO)]);
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    let result = results
        .iter()
        .find(|r| r["ruleId"] == "AIB030")
        .expect("the typo is reported");
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(run["tool"]["driver"]["rules"][index]["id"], "AIB030");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 72);
    assert_eq!(region["startColumn"], 25);
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let output = aib_stdin(
        &["check", "--format", "json", "-"],
        r#"{"location": "westeurope", "properties": {}"#,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("the text ends before this object is closed"));
}

#[test]
fn unreadable_files_and_bad_usage_exit_two_with_a_message() {
    let missing = aib(&["check", "/no/such/template.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr).trim(),
        "aib: /no/such/template.json: no such file"
    );
    let directory = aib(&["check", env!("CARGO_MANIFEST_DIR")]);
    assert_eq!(directory.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&directory.stderr).contains("directory"));
    let bad_version = aib(&["check", "--api-version", "2021-01-01", "x.json"]);
    assert_eq!(bad_version.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_version.stderr).contains("unknown API version"));
    assert_eq!(aib(&["check"]).status.code(), Some(2));
    assert_eq!(aib(&["explain", "AIB999"]).status.code(), Some(2));
}

#[test]
fn options_override_the_file() {
    let body = fixture("envelope/api-version/invalid-full-object-body-info.json");
    let plain = stdout(&aib(&["check", &body]));
    assert!(plain.contains("no `apiVersion`"));
    let given = stdout(&aib(&[
        "check",
        "--api-version",
        "2023-07-01",
        "--format",
        "json",
        &body,
    ]));
    let report: serde_json::Value = serde_json::from_str(&given).unwrap();
    assert_eq!(
        report["files"][0]["templates"][0]["api_version"],
        "2023-07-01"
    );
    let codes: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(
        !codes.contains(&"AIB012"),
        "the given API version silences the missing-apiVersion note: {codes:?}"
    );
}

#[test]
fn rules_and_explain_print_the_registry() {
    let rules = stdout(&aib(&["rules"]));
    assert_eq!(rules.lines().count(), validator_core::rules::RULES.len());
    assert!(rules
        .lines()
        .any(|l| l.starts_with("AIB030  unknown-property")));
    let by_code = stdout(&aib(&["explain", "aib030"]));
    let by_name = stdout(&aib(&["explain", "unknown-property"]));
    assert_eq!(by_code, by_name);
    assert!(by_code.starts_with("# AIB030 unknown-property"));
    assert!(by_code.contains("## Why it matters"));
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const LINUX_SIG: &str = "Azure__azvmimagebuilder/quickquickstarts__1_Creating_a_Custom_Linux_Shared_Image_Gallery_Image__helloImageTemplateforSIG.json";

#[test]
fn export_prints_each_kind_on_stdout_and_notes_on_stderr() {
    let path = corpus(LINUX_SIG);
    let json = aib(&["export", "json", &path]);
    // The quickstart's placeholders are errors: written, and exit 1.
    assert_eq!(json.status.code(), Some(1));
    let body: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(body.get("type").is_none() && body["properties"]["source"].is_object());
    assert!(stderr(&json).contains("note: the template still holds placeholders"));

    let bash = stdout(&aib(&["export", "az", "--location", "westus2", &path]));
    assert!(bash.starts_with("#!/usr/bin/env bash\n"));
    assert!(bash.contains("location='westus2'"));
    let powershell = stdout(&aib(&["export", "az", "--shell", "powershell", &path]));
    assert!(powershell.contains("$resourceGroup = 'aib-rg'"));
    let arm = stdout(&aib(&["export", "arm", "--name", "golden", &path]));
    assert!(arm.contains("\"defaultValue\": \"golden\""));
    let bicep = stdout(&aib(&["export", "bicep", &path]));
    assert!(bicep.contains(
        "resource imageTemplate 'Microsoft.VirtualMachineImages/imageTemplates@2022-02-14' = {"
    ));
    let cmdlets = stdout(&aib(&["export", "powershell", &path]));
    assert!(cmdlets.contains("New-AzImageBuilderTemplate @template"));
}

#[test]
fn export_picks_a_template_by_pointer_or_position() {
    let arm = r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "resources": [
          {"type": "Microsoft.VirtualMachineImages/imageTemplates", "apiVersion": "2022-07-01", "name": "first", "location": "westus2", "properties": {}},
          {"type": "Microsoft.VirtualMachineImages/imageTemplates", "apiVersion": "2024-02-01", "name": "second", "location": "eastus", "properties": {}}
        ]}"#;
    let first = aib_stdin(&["export", "bicep", "-"], arm);
    assert!(stdout(&first).contains("@2022-07-01"));
    let by_index = aib_stdin(&["export", "bicep", "--template", "1", "-"], arm);
    assert!(stdout(&by_index).contains("@2024-02-01"));
    let by_pointer = aib_stdin(&["export", "bicep", "--template", "/resources/1", "-"], arm);
    assert_eq!(stdout(&by_pointer), stdout(&by_index));
    let missing = aib_stdin(&["export", "bicep", "--template", "7", "-"], arm);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("0: `/resources/0`, 1: `/resources/1`"));
}

#[test]
fn export_of_a_template_with_errors_writes_it_then_exits_one_and_says_why() {
    let path = fixture("schema/unknown-property/invalid-2024.json");
    let output = aib(&["export", "json", &path]);
    assert_eq!(output.status.code(), Some(1));
    assert!(serde_json::from_str::<serde_json::Value>(&stdout(&output)).is_ok());
    let said = stderr(&output);
    assert!(said.contains("1 error;"), "{said}");
    // Each error with its line and column, as `aib check` places it.
    assert!(
        said.contains("invalid-2024.json:41:9: `scriptURI` is not a property"),
        "{said}"
    );

    // Truncated JSON: the lenient parser still finds a template, so the Bicep is written.
    let truncated = aib_stdin(&["export", "bicep", "-"], "{\"a\":");
    assert_eq!(truncated.status.code(), Some(1));
    assert!(stdout(&truncated).contains("resource imageTemplate"));
    assert!(
        stderr(&truncated).contains("<stdin>:1:6: "),
        "{}",
        stderr(&truncated)
    );

    // Those who want the export whatever the template says.
    let allowed = aib(&["export", "json", "--allow-errors", &path]);
    assert_eq!(allowed.status.code(), Some(0));
    assert!(stderr(&allowed).contains("1 error;"));
    assert_eq!(stdout(&allowed), stdout(&output));

    let not_json = aib_stdin(&["export", "json", "-"], "[1, 2]");
    assert_eq!(not_json.status.code(), Some(2));
}

#[test]
fn export_refuses_a_nul_a_script_cannot_pass_and_says_where() {
    let template = r#"{"type": "Microsoft.VirtualMachineImages/imageTemplates", "apiVersion": "2024-02-01",
        "name": "nul\u0000name", "location": "westus2", "properties": {}}"#;
    let bash = aib_stdin(&["export", "az", "--allow-errors", "-"], template);
    assert_eq!(bash.status.code(), Some(1));
    assert!(stdout(&bash).is_empty());
    assert!(
        stderr(&bash).contains("`/name` holds a NUL"),
        "{}",
        stderr(&bash)
    );
    let json = aib_stdin(&["export", "json", "--allow-errors", "-"], template);
    assert_eq!(json.status.code(), Some(0));
}
