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
use validator_core::policy::{Policy, CODE_PREFIX};
use validator_core::{rules, ApiVersion, Options, Os};

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
            paths,
        } => {
            let policy = match policy.as_deref().map(load_policy).transpose() {
                Ok(policy) => policy,
                Err(status) => return status,
            };
            let options = Options {
                api_version,
                os: os.map(OsArg::os),
                policy,
                ..Options::default()
            };
            check(&paths, &options, format)
        }
        Command::Explain { rule, policy } => {
            let policy = match policy.as_deref().map(load_policy).transpose() {
                Ok(policy) => policy,
                Err(status) => return status,
            };
            explain(&rule, policy.as_deref())
        }
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

/// Reads and compiles the policy at `path`; on failure prints why (a policy's errors as a
/// report on standard error, placed in the policy file) and gives exit status 2.
fn load_policy(path: &str) -> Result<Arc<Policy>, ExitCode> {
    let text = input::read(path).map_err(|message| {
        eprintln!("aib: policy {}: {}", escape(path), escape(&message));
        ExitCode::from(2)
    })?;
    Policy::parse(&text).map(Arc::new).map_err(|report| {
        let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
        let checked = [Checked::with_report(path, text, report)];
        eprint!("{}", output::render(Format::Text, &checked, color));
        eprintln!(
            "aib: policy {}: not usable; nothing was checked",
            escape(path)
        );
        ExitCode::from(2)
    })
}

fn explain(rule: &str, policy: Option<&Policy>) -> ExitCode {
    let is_policy_code = rule
        .get(..CODE_PREFIX.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(CODE_PREFIX));
    if let Some(policy) = policy {
        if let Some(policy_rule) = policy.rule(rule) {
            print_stdout(&output::explain_policy_rule(policy, policy_rule));
            return ExitCode::SUCCESS;
        }
    }
    match rules::find(rule) {
        Some(meta) => {
            print_stdout(&output::explain(meta));
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
