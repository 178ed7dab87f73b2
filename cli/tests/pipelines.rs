//! The pre-commit hooks (`.pre-commit-hooks.yaml`) and the pipeline examples (`docs/ci.md`)
//! run commands that exist: each hook's `entry` names a subcommand and flags `aib` has, and
//! runs as pre-commit runs it (the entry, then the file names); each `aib check` line of the
//! docs uses only flags `aib check --help` lists.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output};

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel)
}

fn aib(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aib"))
        .args(args)
        .output()
        .unwrap()
}

/// The hooks of `.pre-commit-hooks.yaml`, each a map of its top-level fields: a reader of the
/// block-style list this file is written in (`- id: ...` then `  key: value` lines).
fn hooks() -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(repo(".pre-commit-hooks.yaml")).unwrap();
    let mut hooks: Vec<BTreeMap<String, String>> = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (starts, field) = match line.strip_prefix("- ") {
            Some(rest) => (true, rest),
            None => (
                false,
                line.strip_prefix("  ")
                    .unwrap_or_else(|| panic!("not a hook field: {line}")),
            ),
        };
        if starts {
            hooks.push(BTreeMap::new());
        }
        let (key, value) = field
            .split_once(": ")
            .unwrap_or_else(|| panic!("not `key: value`: {line}"));
        hooks
            .last_mut()
            .expect("a field before the first hook")
            .insert(key.to_owned(), value.trim().to_owned());
    }
    hooks
}

/// The long flags `aib <subcommand> --help` lists.
fn flags_of(subcommand: &str) -> Vec<String> {
    let help = String::from_utf8(aib(&[subcommand, "--help"]).stdout).unwrap();
    help.split_whitespace()
        .filter(|w| w.starts_with("--"))
        .map(|w| w.trim_end_matches(',').to_owned())
        .collect()
}

const BROKEN: &str = "{\n  // kept\n  \"type\": \"microsoft.virtualmachineimages/imagetemplates\",\n  \"apiVersion\": \"2024-02-01\",\n  \"location\": \"westeurope\"\n}\n";

#[test]
fn every_hook_runs_a_command_aib_has() {
    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|h| h["id"].as_str()).collect();
    assert_eq!(ids, ["aib-check", "aib-fix"]);
    for hook in &hooks {
        for field in ["id", "name", "entry", "language", "types"] {
            assert!(hook.contains_key(field), "{} has no `{field}`", hook["id"]);
        }
        assert_eq!(hook["language"], "system", "{}", hook["id"]);
        assert_eq!(hook["types"], "[json]", "{}", hook["id"]);
        let words: Vec<&str> = hook["entry"].split_whitespace().collect();
        assert_eq!(words[0], "aib", "{}", hook["id"]);
        let known = flags_of(words[1]);
        assert!(!known.is_empty(), "`aib {}` is no subcommand", words[1]);
        for flag in &words[2..] {
            assert!(
                known.contains(&flag.to_string()),
                "aib {} has no {flag}",
                words[1]
            );
        }
    }
}

#[test]
fn hooks_run_as_pre_commit_runs_them() {
    let dir = std::env::temp_dir().join(format!("aib-hooks-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for hook in hooks() {
        let path = dir.join(format!("{}.json", hook["id"]));
        std::fs::write(&path, BROKEN).unwrap();
        // pre-commit runs the entry with the file names after it.
        let words: Vec<&str> = hook["entry"].split_whitespace().collect();
        let output = Command::new(env!("CARGO_BIN_EXE_aib"))
            .args(&words[1..])
            .arg(&path)
            .output()
            .unwrap();
        let after = std::fs::read_to_string(&path).unwrap();
        // Both fail the commit: errors remain (no identity, no source), and `aib-fix` changed
        // the file, which pre-commit also counts as a failure.
        assert_eq!(output.status.code(), Some(1), "{}", hook["id"]);
        match hook["id"].as_str() {
            "aib-check" => assert_eq!(after, BROKEN),
            "aib-fix" => assert_eq!(
                after,
                BROKEN.replace(
                    "microsoft.virtualmachineimages/imagetemplates",
                    "Microsoft.VirtualMachineImages/imageTemplates"
                )
            ),
            other => panic!("no expectation for {other}"),
        }
    }
}

#[test]
fn the_pipeline_examples_use_flags_aib_check_has() {
    let docs = std::fs::read_to_string(repo("docs/ci.md")).unwrap();
    let known = flags_of("check");
    let mut lines = 0;
    for line in docs.lines() {
        let Some(at) = line.find("aib check ") else {
            continue;
        };
        lines += 1;
        for word in line[at..].split_whitespace() {
            let word = word.trim_matches(|c| c == '`' || c == ',' || c == ')' || c == '(');
            if word.starts_with("--") {
                assert!(
                    known.contains(&word.to_owned()),
                    "docs/ci.md: no {word}: {line}"
                );
            }
        }
    }
    assert!(lines >= 4, "docs/ci.md shows `aib check` in each pipeline");
    // What the pipelines upload: a SARIF 2.1.0 log, on standard output, whatever the exit.
    let path = std::env::temp_dir().join(format!("aib-sarif-{}.json", std::process::id()));
    std::fs::write(&path, BROKEN).unwrap();
    let sarif = aib(&["check", "--format", "sarif", path.to_str().unwrap()]);
    assert_eq!(sarif.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(docs.contains("upload-sarif"));
    assert!(docs.contains("ArtifactName: CodeAnalysisLogs"));
}
