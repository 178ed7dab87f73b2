//! `aib export`: prints one template of a file as the JSON body, an ARM or Bicep template, or
//! an Azure CLI or Azure PowerShell script. Notes, and errors the template still has, go to
//! standard error, so the output can be redirected to a file as is.

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use validator_core::export::{self, Input, Kind};
use validator_core::{ApiVersion, Options};

use crate::{input, parse_api_version, print_stdout, OsArg};

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
}

pub fn run(args: ExportArgs) -> ExitCode {
    let path = &args.path;
    let text = match input::read(path) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("aib: {path}: {message}");
            return ExitCode::from(2);
        }
    };
    let options = Options {
        api_version: args.api_version,
        os: args.os.map(OsArg::os),
    };
    let report = validator_core::check(&text, &options);
    let Some(document) = validator_core::parse::parse(&text).value else {
        eprintln!("aib: {path}: not JSON that can be read; `aib check {path}` says why");
        return ExitCode::from(1);
    };
    let info = match select(&report.templates, args.template.as_deref()) {
        Ok(info) => info,
        Err(message) => {
            eprintln!("aib: {path}: {message}");
            return ExitCode::from(2);
        }
    };
    let Some(input) = Input::from_report(&document, info) else {
        eprintln!(
            "aib: {path}: the template at `{}` cannot be read",
            info.pointer
        );
        return ExitCode::from(1);
    };
    if report.has_errors() {
        eprintln!(
            "aib: warning: {path} has {} error(s); the export may not deploy (`aib check {path}` lists them)",
            report.summary.errors
        );
    }
    let kind = match (args.target, args.shell) {
        (Target::Json, _) => Kind::Json,
        (Target::Arm, _) => Kind::Arm,
        (Target::Bicep, _) => Kind::Bicep,
        (Target::Az, ShellArg::Bash) => Kind::AzBash,
        (Target::Az, ShellArg::Powershell) => Kind::AzPowerShell,
        (Target::Powershell, _) => Kind::AzurePowerShell,
    };
    let export_options = export::Options {
        resource_group: args.resource_group,
        template_name: args.name,
        location: args.location,
        identity_name: args.identity_name,
    };
    let exported = export::render(kind, &input, &export_options);
    for note in &exported.notes {
        eprintln!("aib: note: {note}");
    }
    print_stdout(&exported.text);
    ExitCode::SUCCESS
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
