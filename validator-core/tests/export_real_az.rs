//! The generated bash scripts, run with `az` wrapped so that each call goes to the real Azure
//! CLI (installed by `scripts/setup-azure-cli.sh` into `.tools/azure-cli`), signed in to
//! nothing: every call must fail only for want of a login (`Please run 'az login'`, exit 1),
//! never for an argument error (exit 2: unknown, missing or malformed arguments). The ready
//! commands in the script's closing comments (`#   az …`) are run too.
//!
//! ```sh
//! scripts/setup-azure-cli.sh
//! cargo test -p validator-core --test export_real_az -- --ignored --nocapture
//! ```

mod support;

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;
use validator_core::export::{self, Input, Kind, Options};

const WRAPPER: &str = r#"
az() {
  local err rc
  err=$("$AIB_REAL_AZ" "$@" 2>&1 >/dev/null)
  rc=$?
  { printf '%s\n' "$#"; printf '%s\0' "$@"; printf '%s\n' "$rc"; printf '%s\0' "$err"; } >> "$AIB_LOG"
  # Answer as a signed-in az would, so the script goes on to its next command.
  local query='' previous=''
  for a in "$@"; do
    [ "$previous" = --query ] && query=$a
    previous=$a
  done
  case "$1 $2 $3" in
    'account show '*) echo 00000000-0000-0000-0000-000000000000 ;;
    'identity show '*) if [ "$query" = id ]; then echo /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/aib-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib-identity; else echo 22222222-0000-0000-0000-000000000000; fi ;;
    'group exists '*) echo false ;;
    'image builder show') return 1 ;;
  esac
  return 0
}
"#;

struct Call {
    args: Vec<String>,
    code: i32,
    stderr: String,
}

fn parse_log(bytes: &[u8]) -> Vec<Call> {
    let mut calls = Vec::new();
    let mut rest = bytes;
    let line = |rest: &mut &[u8]| {
        let at = rest.iter().position(|b| *b == b'\n').unwrap();
        let text = String::from_utf8(rest[..at].to_vec()).unwrap();
        *rest = &rest[at + 1..];
        text
    };
    let field = |rest: &mut &[u8]| {
        let at = rest.iter().position(|b| *b == 0).unwrap();
        let text = String::from_utf8_lossy(&rest[..at]).into_owned();
        *rest = &rest[at + 1..];
        text
    };
    while !rest.is_empty() {
        let count: usize = line(&mut rest).parse().unwrap();
        let args = (0..count).map(|_| field(&mut rest)).collect();
        let code = line(&mut rest).parse().unwrap();
        let stderr = field(&mut rest);
        calls.push(Call { args, code, stderr });
    }
    calls
}

fn run(name: &str, text: &str, options: &Options, az: &PathBuf) -> (usize, Vec<String>) {
    let document: Value = validator_core::parse::parse(text).value.unwrap();
    let report = validator_core::check(text, &Default::default());
    let input = Input::from_report(&document, &report.templates[0]).unwrap();
    let script = export::render(Kind::AzCliBash, &input, options)
        .unwrap()
        .text;
    let arm = export::render(Kind::Arm, &input, options).unwrap().text;

    let dir = std::env::temp_dir().join(format!("aib-real-az-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("config")).unwrap();
    std::fs::write(dir.join("wrapper.sh"), WRAPPER).unwrap();
    // The closing comments' ready commands, run after the script with its variables.
    let later: String = script
        .lines()
        .filter_map(|l| l.strip_prefix("#   az "))
        .map(|l| format!("az {l}\n"))
        .collect();
    std::fs::write(dir.join("build-image.sh"), format!("{script}\n{later}")).unwrap();
    std::fs::write(dir.join(Kind::Arm.file_name()), arm).unwrap();
    let log = dir.join("az.log");
    let status = Command::new("bash")
        .args(["-c", "source wrapper.sh; source build-image.sh"])
        .current_dir(&dir)
        .env("AIB_REAL_AZ", az)
        .env("AIB_LOG", &log)
        .env("AZURE_CONFIG_DIR", dir.join("config"))
        .env("AZURE_CORE_COLLECT_TELEMETRY", "false")
        .env("AZURE_CORE_SURVEY_MESSAGE", "false")
        .status()
        .unwrap();
    assert!(status.success() || status.code().is_some());
    let calls = parse_log(&std::fs::read(&log).unwrap());
    let mut failures = Vec::new();
    for call in &calls {
        let wants_login = call.code == 1 && call.stderr.contains("az login");
        println!(
            "{name}: exit {} {} az {}",
            call.code,
            if wants_login {
                "login needed:"
            } else {
                "UNEXPECTED:"
            },
            call.args.join(" ")
        );
        if !wants_login {
            failures.push(format!(
                "{name}: az {} -> exit {}: {}",
                call.args.join(" "),
                call.code,
                call.stderr.trim()
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    (calls.len(), failures)
}

#[test]
#[ignore = "runs the real Azure CLI: scripts/setup-azure-cli.sh, then --ignored"]
fn real_az_rejects_no_argument_of_the_generated_scripts() {
    let az = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/azure-cli/bin/az");
    if !az.exists() {
        println!(
            "SKIPPED: {} is absent; scripts/setup-azure-cli.sh installs it",
            az.display()
        );
        return;
    }
    // The control: an argument error is told apart from a missing login.
    let bad = Command::new(&az)
        .args([
            "sig",
            "image-definition",
            "create",
            "--resource-group",
            "x",
            "--gallery-name",
            "y",
            "--features",
            "SecurityType=TrustedLaunchSupported",
            "--hyper-v-generation",
            "V3",
        ])
        .env(
            "AZURE_CONFIG_DIR",
            std::env::temp_dir().join("aib-real-az-config"),
        )
        .output()
        .unwrap();
    assert_eq!(
        bad.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    let options = Options {
        location: Some("westus2".into()),
        ..Options::default()
    };
    let mut total = 0;
    let mut failures = Vec::new();
    for (name, text) in [
        ("linux-sig", support::corpus(support::LINUX)),
        ("windows-managed", support::corpus(support::WINDOWS)),
        ("rich", support::rich()),
    ] {
        let (count, mut failed) = run(name, &text, &options, &az);
        total += count;
        failures.append(&mut failed);
    }
    println!(
        "{total} az calls, {} not for want of a login",
        failures.len()
    );
    assert!(total > 60, "{total} calls");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
