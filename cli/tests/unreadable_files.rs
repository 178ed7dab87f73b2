//! A file that cannot be read, or is too large to check, is reported with the others: the
//! reports of readable files are never lost, and the exit status is the worst one (2).

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn aib(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aib"))
        .args(args)
        .output()
        .unwrap()
}

fn good() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../validator-core/tests/fixtures/syntax/trailing-comma/invalid.json")
        .to_string_lossy()
        .into_owned()
}

const MISSING: &str = "/nonexistent/template.json";

#[test]
fn json_reports_the_readable_file_and_the_unreadable_one() {
    let output = aib(&["check", "--format", "json", &good(), MISSING]);
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["path"], good().as_str());
    assert!(!files[0]["diagnostics"].as_array().unwrap().is_empty());
    assert_eq!(
        files[1],
        serde_json::json!({ "path": MISSING, "error": "no such file" })
    );
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("aib: /nonexistent/template.json: no such file"));
}

#[test]
fn sarif_reports_the_unreadable_file_as_a_failed_execution() {
    let output = aib(&["check", "--format", "sarif", &good(), MISSING]);
    assert_eq!(output.status.code(), Some(2));
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let run = &log["runs"][0];
    assert!(!run["results"].as_array().unwrap().is_empty());
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(notification["message"]["text"], "no such file");
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        MISSING
    );
    let readable = aib(&["check", "--format", "sarif", &good()]);
    let log: serde_json::Value = serde_json::from_slice(&readable.stdout).unwrap();
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
}

#[test]
fn text_reports_the_readable_file_on_stdout_and_the_error_on_stderr() {
    let output = aib(&["check", MISSING, &good()]);
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("warning[AIB003]"), "{stdout}");
    let totals = stdout.lines().last().unwrap();
    assert!(
        totals.starts_with("2 files: 0 errors, 1 warning")
            && totals.ends_with("; 1 could not be read"),
        "{totals}"
    );
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "aib: /nonexistent/template.json: no such file\n"
    );
}

#[test]
fn a_file_over_the_size_limit_is_reported_without_being_read() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sixty-megabytes.json");
    // Sparse: no disk space and no time to write, but 60.2 MB by its metadata.
    File::create(&path).unwrap().set_len(60_200_000).unwrap();
    let path = path.to_string_lossy().into_owned();
    let output = aib(&["check", "--format", "json", &path, &good()]);
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let message = "too large (57.4 MiB); aib checks files up to 32 MiB";
    assert_eq!(report["files"][0]["error"], message);
    assert_eq!(report["files"][1]["path"], good().as_str());
    assert!(String::from_utf8_lossy(&output.stderr).contains(message));
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn standard_input_over_the_size_limit_is_cut_off_and_reported() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aib"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..40 {
            // aib stops reading at the limit and exits, which breaks the pipe.
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "aib: -: more than 32 MiB; aib checks files up to 32 MiB\n"
    );
}
