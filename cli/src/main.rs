//! `aib`: the validator core for terminals and pipelines.
//!
//! Exit codes: 0 when no file has an error (warnings allowed), 1 when any has, 2 for bad usage
//! or an unreadable file (the other files are still reported).

// `export` stays in the binary; it reaches `input` through this crate's root.
mod export;

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use aib::input;
use aib::output::escape::escape;
use aib::output::{self, Checked, Format};
use clap::{Parser, Subcommand, ValueEnum};
use validator_core::policy::Policy;
use validator_core::{ApiVersion, Options, Os};

/// mimalloc rather than the system's: on large templates glibc's malloc gave freed memory back to
/// the kernel between checks and scattered the next check's allocations (10 MB of placeholders:
/// 854 ms a check with glibc, 559 ms with mimalloc, measured with `examples/check_shape`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "aib",
    version,
    about = "Checks Azure Image Builder templates before a 40-minute build finds the mistake"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check templates: bare resources, `az resource create --is-full-object` bodies or ARM templates.
    Check {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Check against this API version instead of the file's `apiVersion`.
        #[arg(long, value_parser = parse_api_version)]
        api_version: Option<ApiVersion>,
        /// The image's OS, when the source does not tell (managed or gallery images).
        #[arg(long, value_enum)]
        os: Option<OsArg>,
        /// Also check an organisation's own rules, from a policy file (docs/policy.md); its
        /// findings have the codes `POL-<id>`.
        #[arg(long, value_name = "FILE")]
        policy: Option<String>,
        /// Apply every safe fix in place, writing each changed file once, then report what
        /// remains; with `-` the fixed text goes to standard output and the report to standard
        /// error.
        #[arg(long)]
        fix: bool,
        /// Print what `--fix` would change as a unified diff and write nothing; exit 1 when
        /// anything would change.
        #[arg(long)]
        diff: bool,
        /// With `--fix` or `--diff`, apply the unsafe fixes too: those that change what the
        /// template does (each rule's docs say which its fixes are).
        #[arg(long)]
        unsafe_fixes: bool,
        /// Files to check; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// Print a rule's documentation: `aib explain AIB030` or `aib explain unknown-property`;
    /// a policy's rule with `aib explain POL-<id> --policy policy.json`.
    Explain {
        /// Rule code or name.
        rule: String,
        /// The policy file defining `POL-` rules.
        #[arg(long, value_name = "FILE")]
        policy: Option<String>,
    },
    /// Move a template to another API version, rewriting what that version writes otherwise
    /// (`replicationRegions` → `targetRegions`, renamed properties); prints the result, lists
    /// the changes on standard error and reports what could not be carried over (exit 1).
    Upgrade {
        /// The API version to move to; the newest by default.
        #[arg(long, value_parser = parse_api_version)]
        to: Option<ApiVersion>,
        /// Write the result back to the file instead of printing it.
        #[arg(long, conflicts_with = "diff")]
        write: bool,
        /// Print the changes as a unified diff instead of the result; write nothing.
        #[arg(long)]
        diff: bool,
        /// The template; `-` reads standard input.
        path: String,
    },
    /// List every rule.
    Rules,
    /// Print a template as the JSON body, an ARM or Bicep template, or an Azure CLI or Azure
    /// PowerShell script that deploys and builds it: `aib export az --shell bash t.json`.
    Export(export::ExportArgs),
    /// Serve the Language Server Protocol on standard input and output, for editors: findings
    /// as you type, quick fixes, hover help, completion and formatting (README.md, "Use aib
    /// in an editor").
    Lsp,
}

#[derive(Clone, Copy, ValueEnum)]
enum OsArg {
    Linux,
    Windows,
}

impl OsArg {
    fn os(self) -> Os {
        match self {
            OsArg::Linux => Os::Linux,
            OsArg::Windows => Os::Windows,
        }
    }
}

fn parse_api_version(text: &str) -> Result<ApiVersion, String> {
    ApiVersion::parse(text).ok_or_else(|| {
        let known: Vec<&str> = ApiVersion::ALL.iter().map(|v| v.as_str()).collect();
        format!("unknown API version; known: {}", known.join(", "))
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            format,
            api_version,
            os,
            policy,
            fix,
            diff,
            unsafe_fixes,
            paths,
        } => {
            let policy = match load_policy(policy.as_deref()) {
                Ok(policy) => policy,
                Err(status) => return status,
            };
            let options = Options {
                api_version,
                os: os.map(OsArg::os),
                policy,
                ..Options::default()
            };
            if diff {
                fix_diff(&paths, &options, unsafe_fixes)
            } else if fix {
                fix_in_place(&paths, &options, format, unsafe_fixes)
            } else {
                check(&paths, &options, format)
            }
        }
        Command::Explain { rule, policy } => {
            let policy = match load_policy(policy.as_deref()) {
                Ok(policy) => policy,
                Err(status) => return status,
            };
            explain(&rule, policy.as_deref())
        }
        Command::Upgrade {
            to,
            write,
            diff,
            path,
        } => upgrade(&path, to.unwrap_or(ApiVersion::NEWEST), write, diff),
        Command::Rules => {
            print_stdout(&output::rules_table());
            ExitCode::SUCCESS
        }
        Command::Export(args) => export::run(args),
        Command::Lsp => match aib::lsp::serve_stdio(aib::lsp::Config::default()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(why) => {
                eprintln!("aib lsp: {}", escape(&why));
                ExitCode::from(2)
            }
        },
    }
}

fn check(paths: &[String], options: &Options, format: Format) -> ExitCode {
    // Every file is reported, readable or not, so that one bad path does not lose the others.
    let checked: Vec<Checked> = paths
        .iter()
        .map(|path| match input::read(path) {
            Ok(text) => Checked::new(path.clone(), text, options),
            Err(message) => Checked::unreadable(path.clone(), message),
        })
        .collect();
    eprint!("{}", output::read_errors(&checked));
    let color = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let policy = options.policy.as_deref();
    print_stdout(&output::render_with_policy(format, &checked, color, policy));
    ExitCode::from(output::exit_status(&checked))
}

fn wanted(unsafe_fixes: bool) -> fn(&validator_core::Diagnostic) -> bool {
    if unsafe_fixes {
        validator_core::fix::any
    } else {
        validator_core::fix::safe
    }
}

/// Says which wanted fixes were not applied, and why.
fn report_declined(path: &str, fixed: &validator_core::fix::Fixed) {
    for d in &fixed.declined {
        eprintln!(
            "aib: {}: not fixed: {} ({} at {}): it cannot be made in place, or it would add errors",
            escape(path),
            escape(&d.description),
            d.code,
            escape(if d.pointer.is_empty() {
                "/"
            } else {
                &d.pointer
            })
        );
    }
}

/// `aib check --fix`: every file fixed and written once, then the remaining findings reported
/// as `aib check` reports them.
fn fix_in_place(
    paths: &[String],
    options: &Options,
    format: Format,
    unsafe_fixes: bool,
) -> ExitCode {
    let mut checked = Vec::new();
    let mut counts = Vec::new();
    let mut failed = false;
    let to_stdout = paths.iter().any(|p| p == "-");
    for path in paths {
        let text = match input::read(path) {
            Ok(text) => text,
            Err(message) => {
                checked.push(Checked::unreadable(path.clone(), message));
                continue;
            }
        };
        let fixed = validator_core::fix::apply_all(&text, options, wanted(unsafe_fixes));
        report_declined(path, &fixed);
        if path == "-" {
            print_stdout(&fixed.text);
        } else if fixed.text != text {
            let written = if input::is_utf16(path) {
                Err("written in UTF-16; save it as UTF-8 to fix it".to_owned())
            } else {
                aib::fix::write_atomically(path, &fixed.text)
            };
            if let Err(message) = written {
                eprintln!("aib: {}: not fixed: {}", escape(path), escape(&message));
                failed = true;
                checked.push(Checked::new(path.clone(), text, options));
                continue;
            }
        }
        aib::fix::add_counts(&mut counts, &fixed.counts());
        checked.push(Checked::with_report(
            path.clone(),
            fixed.text,
            fixed.remaining,
        ));
    }
    eprintln!("{}", aib::fix::summary("Fixed", &counts));
    eprint!("{}", output::read_errors(&checked));
    let policy = options.policy.as_deref();
    if to_stdout {
        // Standard output holds the fixed text: the report goes to standard error.
        let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
        eprint!(
            "{}",
            output::render_with_policy(format, &checked, color, policy)
        );
    } else {
        let color = std::io::IsTerminal::is_terminal(&std::io::stdout());
        print_stdout(&output::render_with_policy(format, &checked, color, policy));
    }
    let status = output::exit_status(&checked);
    ExitCode::from(if failed { status.max(2) } else { status })
}

/// `aib check --diff`: what `--fix` would change, as a unified diff; nothing is written. Exit 1
/// when anything would change, 2 when a file cannot be read, otherwise 0.
fn fix_diff(paths: &[String], options: &Options, unsafe_fixes: bool) -> ExitCode {
    let mut counts = Vec::new();
    let mut changes = false;
    let mut unreadable = Vec::new();
    for path in paths {
        let text = match input::read(path) {
            Ok(text) => text,
            Err(message) => {
                unreadable.push(Checked::unreadable(path.clone(), message));
                continue;
            }
        };
        let fixed = validator_core::fix::apply_all(&text, options, wanted(unsafe_fixes));
        report_declined(path, &fixed);
        if fixed.text != text {
            changes = true;
            print_stdout(&aib::fix::unified_diff(path, &text, &fixed.text));
        }
        aib::fix::add_counts(&mut counts, &fixed.counts());
    }
    eprintln!("{}", aib::fix::summary("Would fix", &counts));
    eprint!("{}", output::read_errors(&unreadable));
    ExitCode::from(if !unreadable.is_empty() {
        2
    } else {
        u8::from(changes)
    })
}

/// `aib upgrade`: exit 0 when everything was carried over, 1 when something was not, 2 when
/// the file cannot be read or written.
fn upgrade(path: &str, to: ApiVersion, write: bool, diff: bool) -> ExitCode {
    let text = match input::read(path) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("aib: {}: {}", escape(path), escape(&message));
            return ExitCode::from(2);
        }
    };
    let upgraded = validator_core::upgrade::upgrade(&text, to);
    for change in &upgraded.changes {
        let at = if change.pointer.is_empty() {
            "/"
        } else {
            &change.pointer
        };
        eprintln!(
            "{}: {}: {}",
            escape(path),
            escape(at),
            escape(&change.description)
        );
    }
    if upgraded.changes.is_empty() {
        eprintln!("{}: nothing to change for API version {to}", escape(path));
    }
    if diff {
        print_stdout(&aib::fix::unified_diff(path, &text, &upgraded.text));
    } else if write && path != "-" {
        if upgraded.text != text {
            let written = if input::is_utf16(path) {
                Err("written in UTF-16; save it as UTF-8 to upgrade it in place".to_owned())
            } else {
                aib::fix::write_atomically(path, &upgraded.text)
            };
            if let Err(message) = written {
                eprintln!("aib: {}: not upgraded: {}", escape(path), escape(&message));
                return ExitCode::from(2);
            }
        }
    } else {
        print_stdout(&upgraded.text);
    }
    if upgraded.diagnostics.is_empty() {
        return ExitCode::SUCCESS;
    }
    let report = validator_core::Report {
        summary: validator_core::Report::summarize(&upgraded.diagnostics),
        templates: upgraded.report.templates.clone(),
        diagnostics: upgraded.diagnostics.clone(),
    };
    eprintln!(
        "{}: could not carry over {} finding(s) to API version {to}:",
        escape(path),
        report.diagnostics.len()
    );
    let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let checked = [Checked::with_report(path, upgraded.text, report)];
    eprint!("{}", output::render(Format::Text, &checked, color));
    ExitCode::from(1)
}

/// Reads and compiles the policy at `path`, if one is given; on failure prints why (a policy's
/// errors as a report on standard error, placed in the policy file) and gives exit status 2.
/// A policy file of `null` (the designer's `dist/policy.json` until a team puts its own there)
/// says there is none: `Ok(None)`.
fn load_policy(path: Option<&str>) -> Result<Option<Arc<Policy>>, ExitCode> {
    let Some(path) = path else {
        return Ok(None);
    };
    input::read_policy(path).map_err(|error| {
        match error {
            input::PolicyError::Unreadable(message) => {
                eprintln!("aib: policy {}: {}", escape(path), escape(&message));
            }
            input::PolicyError::Invalid { text, report } => {
                let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
                let checked = [Checked::with_report(path, text, report)];
                eprint!("{}", output::render(Format::Text, &checked, color));
                eprintln!(
                    "aib: policy {}: not usable; nothing was checked",
                    escape(path)
                );
            }
        }
        ExitCode::from(2)
    })
}

fn explain(rule: &str, policy: Option<&Policy>) -> ExitCode {
    let is_policy_code = validator_core::policy::is_policy_code(rule);
    match validator_core::policy::find_rule(rule, policy) {
        Some(named) => {
            print_stdout(&output::explain_named(named));
            ExitCode::SUCCESS
        }
        None if is_policy_code && policy.is_none() => {
            eprintln!(
                "aib: `{}` is a policy's rule: give its policy with `--policy <FILE>`",
                escape(rule)
            );
            ExitCode::from(2)
        }
        None => {
            eprintln!(
                "aib: no rule `{}`; `aib rules` lists them all",
                escape(rule)
            );
            ExitCode::from(2)
        }
    }
}

/// Prints without panicking when the reader has gone away (`aib check x | head`).
fn print_stdout(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
