//! `aib check --policy` and `aib explain POL-<id> --policy` with the example policy.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn aib(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aib"))
        .args(args)
        .output()
        .unwrap()
}

fn repo(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

fn policy() -> String {
    repo("examples/policy/contoso.json")
}

const LINUX_SIG: &str = "../shared/corpus/Azure__azvmimagebuilder/quickquickstarts__1_Creating_a_Custom_Linux_Shared_Image_Gallery_Image__helloImageTemplateforSIG.json";

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A template in a temporary file, for the test's lifetime.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("aib-policy-{}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn check_with_a_policy_reports_pol_findings_and_exits_one() {
    let output = aib(&["check", "--policy", &policy(), &repo(LINUX_SIG)]);
    assert_eq!(output.status.code(), Some(1));
    let out = text(&output.stdout);
    assert!(out.contains("error[POL-tags]: Every template carries cost and ownership tags (the tag `costCenter` is missing)"), "{out}");
    assert!(out.contains("see https://wiki.contoso.example/platform/tagging"));
    // Without the policy, none.
    let plain = text(&aib(&["check", &repo(LINUX_SIG)]).stdout);
    assert!(!plain.contains("POL-"));
}

#[test]
fn json_output_carries_the_policy_and_its_rules() {
    let output = aib(&[
        "check",
        "--format",
        "json",
        "--policy",
        &policy(),
        &repo(LINUX_SIG),
    ]);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["policy"]["name"], "Contoso platform images");
    assert_eq!(json["policy"]["version"], "2026.12");
    let region = &json["policy"]["rules"][0];
    assert_eq!(region["code"], "POL-region");
    assert_eq!(
        region["link"],
        "https://wiki.contoso.example/platform/images#regions"
    );
    let findings = json["files"][0]["diagnostics"].as_array().unwrap();
    let size = findings
        .iter()
        .find(|d| d["code"] == "POL-vm-size")
        .unwrap();
    assert_eq!(size["rule"], "vm-size");
    assert_eq!(size["pointer"], "/properties/vmProfile/vmSize");
    assert!(size["line"].as_u64().unwrap() > 1);
    assert_eq!(size["fix"]["edits"][0]["value"], "Standard_D2s_v5");
    // Without a policy the output has no `policy` field.
    let plain: Value =
        serde_json::from_slice(&aib(&["check", "--format", "json", &repo(LINUX_SIG)]).stdout)
            .unwrap();
    assert!(plain.get("policy").is_none());
}

#[test]
fn sarif_results_point_at_the_policy_rules() {
    let output = aib(&[
        "check",
        "--format",
        "sarif",
        "--policy",
        &policy(),
        &repo(LINUX_SIG),
    ]);
    let sarif: Value = serde_json::from_slice(&output.stdout).unwrap();
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    let hardening = results
        .iter()
        .find(|r| r["ruleId"] == "POL-hardening")
        .unwrap();
    let rule = &rules[hardening["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "POL-hardening");
    assert_eq!(rule["name"], "hardening");
    assert_eq!(rule["defaultConfiguration"]["level"], "error");
    assert_eq!(rule["properties"]["tags"][0], "policy");
    let gallery = rules
        .iter()
        .find(|r| r["id"] == "POL-company-gallery")
        .unwrap();
    assert_eq!(
        gallery["helpUri"],
        "https://wiki.contoso.example/platform/gallery"
    );
    assert_eq!(hardening["level"], "error");
}

#[test]
fn explain_prints_a_policy_rule() {
    let output = aib(&["explain", "POL-build-time", "--policy", &policy()]);
    assert_eq!(output.status.code(), Some(0));
    let out = text(&output.stdout);
    assert!(out.starts_with("# POL-build-time build-time\n\nSeverity: error · Policy: Contoso platform images 2026.12"), "{out}");
    assert!(out.contains("Builds stay under 120 minutes"));
    assert!(out.contains("\"max\": 120"));
    // Built-in rules still explain with a policy given.
    let builtin = aib(&["explain", "AIB030", "--policy", &policy()]);
    assert!(text(&builtin.stdout).starts_with("# AIB030"));
    // A policy code without its policy is a usage error that says what to add.
    let without = aib(&["explain", "POL-build-time"]);
    assert_eq!(without.status.code(), Some(2));
    assert!(text(&without.stderr).contains("--policy"));
}

#[test]
fn a_bad_policy_is_reported_with_line_and_column_and_exits_two() {
    let bad = TempFile::new(
        "bad.json",
        "{\n  \"name\": \"p\",\n  \"version\": \"1\",\n  \"rules\": [\n    {\"id\": \"t\", \"message\": \"m\", \"range\": {\"pointer\": \"/x\"}}\n  ]\n}\n",
    );
    let output = aib(&["check", "--policy", bad.path(), &repo(LINUX_SIG)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "nothing checked");
    let err = text(&output.stderr);
    assert!(
        err.contains("error[POLICY]: a range has `min`, `max` or both"),
        "{err}"
    );
    assert!(err.contains(":5:42"), "{err}");
    assert!(err.contains("not usable; nothing was checked"));
    let missing = aib(&["check", "--policy", "no-such-policy.json", &repo(LINUX_SIG)]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("aib: policy no-such-policy.json: no such file"));
}

#[test]
fn a_template_meeting_the_policy_passes_it() {
    let policy_text = std::fs::read_to_string(policy()).unwrap();
    let parsed: Value = serde_json::from_str(&policy_text).unwrap();
    let mut starter = parsed["starters"][0]["template"].clone();
    // Fill the starter's placeholders as a user would.
    starter["name"] = "img-ubuntu".into();
    starter["tags"] = serde_json::json!({"costCenter": "123456", "owner": "team@contoso.example"});
    starter["properties"]["customize"][0]["sha256Checksum"] =
        "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae".into();
    let file = TempFile::new(
        "good.json",
        &serde_json::to_string_pretty(&starter).unwrap(),
    );
    let output = aib(&[
        "check",
        "--format",
        "json",
        "--policy",
        &policy(),
        file.path(),
    ]);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .filter(|c| c.starts_with("POL-"))
        .collect();
    assert_eq!(codes, Vec::<&str>::new());
}

#[test]
fn export_with_a_policy_names_it_and_its_verdict_in_the_header() {
    let output = aib(&[
        "export",
        "bicep",
        "--policy",
        &policy(),
        "--allow-errors",
        &repo(LINUX_SIG),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    let header: Vec<&str> = out.lines().take(3).collect();
    assert!(
        header.iter().any(|l| l.starts_with(
            "// Checked with the policy \"Contoso platform images\" version 2026.12: "
        ) && l.ends_with("errors left.")),
        "{out}"
    );
    // A policy with errors stops the export, as it stops a check.
    let broken = TempFile::new("broken.json", r#"{"name": "p", "rules": []}"#);
    let output = aib(&[
        "export",
        "bicep",
        "--policy",
        broken.path(),
        &repo(LINUX_SIG),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}

/// The designer's `dist/policy.json` says "no policy" until a team replaces it; pipelines
/// pointed at the same file check the built-in rules only.
#[test]
fn the_no_policy_placeholder_checks_the_built_in_rules_only() {
    let placeholder = repo("static/policy.json");
    let with = aib(&[
        "check",
        "--format",
        "json",
        "--policy",
        &placeholder,
        &repo(LINUX_SIG),
    ]);
    let without = aib(&["check", "--format", "json", &repo(LINUX_SIG)]);
    assert_eq!(with.status.code(), without.status.code());
    assert_eq!(text(&with.stdout), text(&without.stdout));
    assert!(!text(&with.stdout).contains("POL-"));
}

/// The reader the commands and the language server share.
#[test]
fn a_policy_file_is_read_or_says_there_is_none_or_why_not() {
    let good = TempFile::new(
        "reader-good.json",
        include_str!("../../examples/policy/contoso.json"),
    );
    let policy = aib::input::read_policy(good.path()).unwrap().unwrap();
    assert_eq!(policy.name(), "Contoso platform images");

    let none = TempFile::new("reader-none.json", "// no policy yet\nnull\n");
    assert!(aib::input::read_policy(none.path()).unwrap().is_none());

    let broken = TempFile::new("reader-broken.json", "{\n  \"name\": 1\n}");
    match aib::input::read_policy(broken.path()) {
        Err(aib::input::PolicyError::Invalid { text, report }) => {
            assert!(text.contains("\"name\": 1"));
            assert!(!report.diagnostics.is_empty());
        }
        other => panic!("expected the policy's errors, got {other:?}"),
    }

    let missing = format!("{}.missing", broken.path());
    assert!(matches!(
        aib::input::read_policy(&missing),
        Err(aib::input::PolicyError::Unreadable(_))
    ));
}
