//! `aib export`: prints one template of a file as the JSON body, an ARM or Bicep template, or
//! an Azure CLI or Azure PowerShell script. Notes, and errors the template still has, go to
//! standard error, so the output can be redirected to a file as is.
//!
//! Exit codes: 0 written, the template has no errors; 1 written, but the template has errors
//! (0 with `--allow-errors`), or not written because the target cannot carry a value of the
//! template; 2 nothing written: the file cannot be read or holds no such template.

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use validator_core::export::{self, Input, Kind};
use validator_core::{ApiVersion, Options, Severity};

use crate::{input, load_policy, parse_api_version, print_stdout, OsArg};

#[derive(Clone, Copy, ValueEnum)]
pub enum Target {
    /// The body as the service receives it (`az resource create --properties @file`).
    Json,
    /// An ARM deployment template.
    Arm,
    /// A Bicep file.
    Bicep,
    /// An Azure CLI script (`--shell bash` or `--shell powershell`).
    Az,
    /// An Azure PowerShell script (Az.ImageBuilder).
    Powershell,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ShellArg {
    Bash,
    Powershell,
}

#[derive(Args)]
pub struct ExportArgs {
    /// What to print.
    #[arg(value_enum)]
    target: Target,
    /// The template file; `-` reads standard input.
    path: String,
    /// The shell of the Azure CLI script.
    #[arg(long, value_enum, default_value_t = ShellArg::Bash)]
    shell: ShellArg,
    /// The template to export when the file has several: its JSON pointer
    /// (`/resources/1`) or its position from 0. Default: the first.
    #[arg(long)]
    template: Option<String>,
    /// The image template's resource group (scripts).
    #[arg(long)]
    resource_group: Option<String>,
    /// The image template's name.
    #[arg(long)]
    name: Option<String>,
    /// The region; replaces the template's `location`.
    #[arg(long)]
    location: Option<String>,
    /// Create a user-assigned identity of this name instead of using the template's.
    #[arg(long)]
    identity_name: Option<String>,
    /// Export for this API version instead of the file's `apiVersion`.
    #[arg(long, value_parser = parse_api_version)]
    api_version: Option<ApiVersion>,
    /// The image's OS, when the source does not tell (gallery image definitions need it).
    #[arg(long, value_enum)]
    os: Option<OsArg>,
    /// Check with an organisation's policy (docs/policy.md) too; the export's header names it
    /// and says whether the template met it.
    #[arg(long, value_name = "FILE")]
    policy: Option<String>,
    /// Exit 0 even when the template has errors (the export is written either way, and the
    /// errors are listed on standard error).
    #[arg(long)]
    allow_errors: bool,
}

/// How many of a template's errors `export` lists before pointing to `aib check`.
const ERRORS_LISTED: usize = 5;

pub fn run(args: ExportArgs) -> ExitCode {
    let path = &args.path;
    // The file's name as the terminal may show it (it comes from the user's shell).
    let file = printable(shown(path));
    let text = match input::read(path) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("aib: {file}: {message}");
            return ExitCode::from(2);
        }
    };
    let policy = match load_policy(args.policy.as_deref()) {
        Ok(policy) => policy,
        Err(status) => return status,
    };
    let options = Options {
        api_version: args.api_version,
        os: args.os.map(OsArg::os),
        policy,
        ..Options::default()
    };
    // One parse gives both the report and the document the export reads.
    let validator_core::Analysis {
        value: document,
        report,
        ..
    } = validator_core::analyze(&text, &options);
    let Some(document) = document else {
        eprintln!("aib: {file}: not JSON that can be read; `aib check {file}` says why");
        return ExitCode::from(1);
    };
    let info = match select(&report.templates, args.template.as_deref()) {
        Ok(info) => info,
        Err(message) => {
            eprintln!("aib: {file}: {message}");
            return ExitCode::from(2);
        }
    };
    let Some(input) = Input::from_report(&document, info) else {
        eprintln!(
            "aib: {file}: the template at `{}` cannot be read",
            info.pointer
        );
        return ExitCode::from(1);
    };
    let kind = match (args.target, args.shell) {
        (Target::Json, _) => Kind::Json,
        (Target::Arm, _) => Kind::Arm,
        (Target::Bicep, _) => Kind::Bicep,
        (Target::Az, ShellArg::Bash) => Kind::AzCliBash,
        (Target::Az, ShellArg::Powershell) => Kind::AzCliPowerShell,
        (Target::Powershell, _) => Kind::AzurePowerShell,
    };
    let export_options = export::Options {
        resource_group: args.resource_group,
        template_name: args.name,
        location: args.location,
        identity_name: args.identity_name,
        policy: options
            .policy
            .as_deref()
            .map(|p| export::PolicyNote::of(p, &report)),
    };
    let exported = match export::refuse_unfaithful(&report)
        .and_then(|()| export::render(kind, &input, &export_options))
    {
        Ok(exported) => exported,
        Err(refusal) => {
            eprintln!(
                "aib: {file}: cannot export: {}",
                printable(&refusal.message)
            );
            return ExitCode::from(1);
        }
    };
    for note in &exported.notes {
        eprintln!("aib: note: {note}");
    }
    print_stdout(&exported.text);
    if report.has_errors() {
        // After the output, so a reader of the terminal sees it last.
        say_errors(path, &report);
        if !args.allow_errors {
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// The template's errors on standard error: how many, and the first few where they are.
fn say_errors(path: &str, report: &validator_core::Report) {
    let count = report.summary.errors;
    let shown_path = shown(path);
    eprintln!(
        "aib: {}: {count} error{}; the export may not deploy:",
        printable(shown_path),
        if count == 1 { "" } else { "s" }
    );
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error);
    for d in errors.take(ERRORS_LISTED) {
        let place = d
            .start
            .map(|p| format!(":{}:{}", p.line, p.column))
            .unwrap_or_default();
        eprintln!(
            "  {}{place}: {} [{}]",
            printable(shown_path),
            printable(&d.message),
            d.code
        );
    }
    if count > ERRORS_LISTED {
        eprintln!("  and {} more", count - ERRORS_LISTED);
    }
    eprintln!(
        "aib: `aib check {}` explains them; --allow-errors exits 0 anyway",
        printable(path)
    );
}

/// The file's name in messages: standard input is `<stdin>`.
fn shown(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// Text from the template as the terminal may show it: control and bidi characters escaped
/// (they could move the cursor or reorder the line). Messages quote long values cut already.
fn printable(text: &str) -> String {
    aib::output::escape::escape(text).into_owned()
}

/// The template chosen by `--template`: a pointer, or a position among those found.
fn select<'r>(
    templates: &'r [validator_core::TemplateInfo],
    choice: Option<&str>,
) -> Result<&'r validator_core::TemplateInfo, String> {
    let list = || {
        let pointers: Vec<String> = templates
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{i}: `{}`", t.pointer))
            .collect();
        pointers.join(", ")
    };
    match choice {
        _ if templates.is_empty() => Err("no image template found in this file".to_owned()),
        None => Ok(&templates[0]),
        Some(choice) => {
            let by_index = choice.parse::<usize>().ok().and_then(|i| templates.get(i));
            by_index
                .or_else(|| templates.iter().find(|t| t.pointer == choice))
                .ok_or_else(|| format!("no template `{choice}`; this file has {}", list()))
        }
    }
}
