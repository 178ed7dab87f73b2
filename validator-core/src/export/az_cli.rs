//! The Azure CLI script, in bash or PowerShell: the [`steps`](super::steps) as `az` commands,
//! written in the [`script`](super::script) language that quotes for each shell.
//!
//! The template is created with `az resource create --is-full-object --api-version <checked
//! version> --properties @file`, which sends the body unchanged. `az image builder create
//! --image-template` is not used: it always sends API 2023-07-01 and silently drops what that
//! version lacks (`autoRun`, `managedResourceTags`, `containerInstanceSubnetId`, unknown keys).

use super::plan::{Identity, Plan};
use super::script::{self, lit, var, Arg, Cmd, Line};
use super::steps::{self, CustomRole, Item, LaterCommand, Role, Tool, Value};
use super::{quote, Export, Input, Options, Refusal};
use crate::catalog::images::Generation;

pub use super::script::Shell;

fn tool(shell: Shell, plan: &Plan) -> Tool {
    let (flavour, needs_more, writes_file_how) = match shell {
        Shell::Bash => (
            "Azure CLI, bash",
            None,
            "A quoted here-document: the shell changes nothing in it.",
        ),
        Shell::PowerShell => (
            "Azure CLI, PowerShell",
            Some("On Linux and macOS it needs PowerShell 7.3 or newer, which passes arguments to az exactly."),
            "A verbatim here-string, written as UTF-8 without a byte-order mark.",
        ),
    };
    Tool {
        flavour,
        needs: "Sign in first (az login).",
        needs_more,
        no_wait: "--no-wait",
        list_locations: "az account list-locations --output table",
        writes_file_how,
        writes_file: true,
        creates_how: format!(
            "`az resource create --is-full-object` sends the file unchanged, with the API version the\n\
             template was checked against ({}). (`az image builder create --image-template` always\n\
             sends API 2023-07-01 and silently drops what that version lacks: autoRun,\n\
             managedResourceTags, containerInstanceSubnetId, unknown keys.)",
            plan.api_version
        ),
    }
}

pub fn render(input: &Input, options: &Options, shell: Shell) -> Result<Export, Refusal> {
    let plan = Plan::new(input, options);
    let tool = tool(shell, &plan);
    let mut notes = plan.notes();
    let body = steps::script(input, &plan, &tool);
    let mut lines = Vec::new();
    let mut number = 0;
    for step in &body.steps {
        number += 1;
        lines.push(Line::Comment(format!("{number}. {}", step.title)));
        for item in &step.items {
            item_lines(item, &plan, &mut lines);
        }
        lines.push(Line::Blank);
    }
    for item in &body.later {
        item_lines(item, &plan, &mut lines);
    }
    refuse_nul(input, &lines, shell)?;
    if shell == Shell::PowerShell {
        let risky = risky_for_az_cmd(&lines);
        if !risky.is_empty() {
            notes.push(format!(
                "on Windows, az is a batch file and cmd.exe re-reads its arguments: {} may not reach az intact there; PowerShell 7.3+ on Linux or macOS passes them exactly",
                risky.join(", ")
            ));
        }
    }
    // After the commands: what they pass adds to the notes.
    let header = steps::header(&plan, &notes, &tool);
    let mut text = String::new();
    if shell == Shell::Bash {
        text.push_str("#!/usr/bin/env bash\n");
    }
    text.push_str(&script::render(
        &[Line::Comment(header), Line::Blank],
        shell,
    ));
    text.push_str(&script::render(&lines, shell));
    Ok(Export { text, notes })
}

/// A NUL cannot reach `az`: the operating system ends every command-line argument at one, and
/// bash drops it from `$'\x00'` without a word. The exact template would not be built, so the
/// export is refused. (The template file itself carries it, JSON-escaped.)
fn refuse_nul(input: &Input, lines: &[Line], shell: Shell) -> Result<(), Refusal> {
    let Some(value) = script::literals(lines)
        .into_iter()
        .find(|value| value.contains('\0'))
    else {
        return Ok(());
    };
    let pointer = super::pointer_of_nul(input.resource, value, input.pointer);
    let what = match &pointer {
        Some(pointer) => format!("the value at `{pointer}`"),
        None => "an export option".to_owned(),
    };
    let how = match shell {
        Shell::Bash => "bash would drop it silently",
        Shell::PowerShell => "PowerShell cannot pass it to az",
    };
    Err(Refusal {
        pointer: pointer.unwrap_or_default(),
        message: format!(
            "{what} holds a NUL character, which no command line can carry ({how}): remove it from the template"
        ),
    })
}

fn value(v: &Value) -> Arg {
    match v {
        Value::Var(name) => var(name.clone()),
        Value::Lit(text) => lit(text.clone()),
    }
}

/// `--subscription` for resources the template places in a subscription of its own.
fn with_subscription(cmd: Cmd, parts: Option<&super::plan::IdParts>) -> Cmd {
    match parts.and_then(|p| p.subscription_guid()) {
        Some(sub) => cmd.opt("--subscription", lit(sub)),
        None => cmd,
    }
}

fn show(query: &'static str, cmd: Cmd) -> Cmd {
    cmd.opt("--query", Arg::Word(query))
        .opt("--output", Arg::Word("tsv"))
}

fn template_cmd(words: &[&'static str]) -> Cmd {
    Cmd::az(words)
        .opt("--resource-group", var("resourceGroup"))
        .opt("--name", var("templateName"))
}

/// JMESPath of a finished build, for `az image builder wait`, double-quoted in both shells
/// (made once: a word of the script is `'static`).
fn finished() -> &'static str {
    static FINISHED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    FINISHED.get_or_init(|| {
        let states: Vec<String> = steps::FINISHED_STATES
            .iter()
            .map(|s| format!("'{s}'"))
            .collect();
        format!(
            "\"contains([{}], lastRunStatus.runState)\"",
            states.join(", ")
        )
    })
}

fn wait(plan: &Plan) -> Cmd {
    template_cmd(&["image", "builder", "wait"])
        .opt("--custom", Arg::Word(finished()))
        .opt("--interval", Arg::Word("60"))
        .opt("--timeout", Arg::Lit(steps::wait_seconds(plan).to_string()))
}

fn run_state() -> Cmd {
    template_cmd(&["image", "builder", "show"])
        .opt("--query", Arg::Word("lastRunStatus"))
        .opt("--output", Arg::Word("table"))
}

fn item_lines(item: &Item, plan: &Plan, out: &mut Vec<Line>) {
    match item {
        Item::Note(text) => out.push(Line::Comment(text.clone())),
        Item::Set(name, text) => out.push(Line::Set(name.clone(), lit(text.clone()))),
        Item::SetFile(name, file) => out.push(Line::SetPath((*name).into(), (*file).into())),
        Item::RegisterProviders => {
            for p in steps::PROVIDERS {
                out.push(Line::Run(
                    Cmd::az(&["provider", "register"])
                        .opt("--namespace", Arg::Word(p))
                        .flag("--wait"),
                ));
            }
        }
        Item::EnsureGroup { group, parts } => {
            // `az group create` on an existing group in another region fails.
            let test = Cmd::az(&["group", "exists"]).opt("--name", value(group));
            let create = Cmd::az(&["group", "create"])
                .opt("--name", value(group))
                .opt("--location", var("location"));
            out.push(Line::UnlessTrue {
                test: with_subscription(test, *parts),
                body: vec![Line::Run(with_subscription(create, *parts))],
            });
        }
        Item::CreateIdentity => {
            let by_name = |words: &[&'static str]| {
                Cmd::az(words)
                    .opt("--resource-group", var("resourceGroup"))
                    .opt("--name", var("identityName"))
            };
            out.push(Line::Run(
                by_name(&["identity", "create"]).opt("--location", var("location")),
            ));
            out.push(Line::Capture(
                "identityId".into(),
                show("id", by_name(&["identity", "show"])),
            ));
            out.push(Line::Capture(
                "identityPrincipalId".into(),
                show("principalId", by_name(&["identity", "show"])),
            ));
        }
        Item::CreateGivenIdentity(parts) => {
            out.push(Line::Run(with_subscription(
                Cmd::az(&["identity", "create"])
                    .opt("--resource-group", var("identityResourceGroup"))
                    .opt("--name", var("identityName"))
                    .opt("--location", var("location")),
                Some(parts),
            )));
            item_lines(&Item::ReadGivenIdentity, plan, out);
        }
        Item::ReadGivenIdentity => out.push(Line::Capture(
            "identityPrincipalId".into(),
            show(
                "principalId",
                Cmd::az(&["identity", "show"]).opt("--ids", var("identityId")),
            ),
        )),
        Item::ReadSubscriptionId => {
            out.push(Line::Capture(
                "subscriptionId".into(),
                show("id", Cmd::az(&["account", "show"])),
            ));
            out.push(Line::Set(
                "subscriptionScope".into(),
                Arg::Concat(vec![Arg::Word("/subscriptions/"), var("subscriptionId")]),
            ));
        }
        Item::DefineRole(role) => define_role(role, out),
        Item::Assign { role, scope } => {
            let role = match role {
                Role::Custom(name_var) => var(*name_var),
                Role::BuiltIn(name) => lit(*name),
            };
            out.push(Line::Run(
                Cmd::az(&["role", "assignment", "create"])
                    .opt("--assignee-object-id", var("identityPrincipalId"))
                    .opt("--assignee-principal-type", Arg::Word("ServicePrincipal"))
                    .opt("--role", role)
                    .opt("--scope", lit(scope.clone())),
            ));
        }
        Item::CreateGallery(i, g) => out.push(Line::Run(with_subscription(
            Cmd::az(&["sig", "create"])
                .opt(
                    "--resource-group",
                    var(steps::gallery_var("galleryResourceGroup", *i)),
                )
                .opt("--gallery-name", var(steps::gallery_var("galleryName", *i)))
                .opt("--location", var("location")),
            Some(&g.parts),
        ))),
        Item::CreateImageDefinition(i, g) => {
            let definition = var(steps::gallery_var("imageDefinition", *i));
            let mut cmd = Cmd::az(&["sig", "image-definition", "create"])
                .opt(
                    "--resource-group",
                    var(steps::gallery_var("galleryResourceGroup", *i)),
                )
                .opt("--gallery-name", var(steps::gallery_var("galleryName", *i)))
                .opt("--gallery-image-definition", definition.clone())
                .opt("--publisher", Arg::Word("ImageBuilder"))
                .opt("--offer", definition)
                .opt("--sku", lit(g.sku.clone()))
                .opt("--os-type", Arg::Word(g.os_type))
                .opt("--os-state", Arg::Word("Generalized"))
                .opt("--hyper-v-generation", Arg::Word(g.hyper_v.as_str()))
                .opt("--location", var("location"));
            if g.hyper_v == Generation::V2 {
                // Lets VMs from the image use Trusted Launch as well as the standard security type.
                cmd = cmd.opt(
                    "--features",
                    Arg::Word("SecurityType=TrustedLaunchSupported"),
                );
            }
            out.push(Line::Run(with_subscription(cmd, Some(&g.parts))));
        }
        Item::WarnUnlessRegion(message) => out.push(Line::WarnUnlessRegion {
            var: "location".into(),
            message: message.clone(),
        }),
        Item::WriteTemplate => {
            let mut inject = Vec::new();
            if matches!(plan.identity, Identity::Created { .. }) {
                inject.push((plan.identity_sentinel.clone(), "identityId".to_owned()));
            }
            if plan.location_injected {
                inject.push((plan.location_sentinel.clone(), "location".to_owned()));
            }
            out.push(Line::WriteFile {
                path_var: "templateFile".into(),
                text: quote::json_ascii(&plan.body),
                inject,
            });
        }
        Item::CreateTemplate => {
            let api = plan.api_version.as_str();
            out.push(Line::IfSucceeds {
                test: template_cmd(&["image", "builder", "show"]),
                then: vec![Line::Say(steps::EXISTS_KEPT.into())],
                otherwise: vec![Line::Run(
                    Cmd::az(&["resource", "create"])
                        .opt("--resource-group", var("resourceGroup"))
                        .opt("--name", var("templateName"))
                        .opt(
                            "--resource-type",
                            Arg::Word(crate::model::IMAGE_TEMPLATE_TYPE),
                        )
                        .opt("--api-version", Arg::Word(api))
                        .flag("--is-full-object")
                        .opt(
                            "--properties",
                            Arg::Concat(vec![Arg::Word("@"), var("templateFile")]),
                        ),
                )],
            });
        }
        Item::WaitForBuild => out.push(Line::Run(wait(plan))),
        Item::RunBuild => out.push(Line::Run(template_cmd(&["image", "builder", "run"]))),
        Item::ShowRunState => out.push(Line::Run(run_state())),
        Item::ShowRunOutputs => {
            let columns = match (plan.has_image_outputs, plan.has_vhd) {
                (_, false) => "\"[].{runOutputName: name, artifactId: artifactId}\"",
                (false, true) => "\"[].{runOutputName: name, artifactUri: artifactUri}\"",
                (true, true) => {
                    "\"[].{runOutputName: name, artifactId: artifactId, artifactUri: artifactUri}\""
                }
            };
            out.push(Line::Run(
                template_cmd(&["image", "builder", "show-runs"])
                    .opt("--query", Arg::Word(columns))
                    .opt("--output", Arg::Word("table")),
            ));
        }
        Item::Later(command) => out.push(Line::Later(later(command, plan))),
    }
}

fn later(command: &LaterCommand, plan: &Plan) -> Cmd {
    match command {
        LaterCommand::Status => run_state(),
        LaterCommand::Wait => wait(plan),
        LaterCommand::Cancel => template_cmd(&["image", "builder", "cancel"]),
        LaterCommand::Delete => template_cmd(&["image", "builder", "delete"]),
        LaterCommand::DeployArm(parameters) => {
            let mut deploy = Cmd::az(&["deployment", "group", "create"])
                .opt("--resource-group", var("resourceGroup"))
                .opt("--name", var("templateName"))
                .opt("--template-file", Arg::Word(super::Kind::Arm.file_name()))
                .flag("--parameters");
            deploy.0.extend(parameters.iter().map(|(name, variable)| {
                Arg::Concat(vec![Arg::Lit(format!("{name}=")), var(*variable)])
            }));
            deploy
        }
    }
}

fn define_role(role: &CustomRole, out: &mut Vec<Line>) {
    out.push(Line::Set(
        role.name_var.to_owned(),
        Arg::Concat(vec![
            Arg::Word(role.title),
            Arg::Word(" ("),
            var("subscriptionId"),
            Arg::Word(")"),
        ]),
    ));
    let file_var = format!("{}File", role.name_var);
    out.push(Line::IfEmpty {
        test: Cmd::az(&["role", "definition", "list"])
            .opt("--name", var(role.name_var))
            .opt("--custom-role-only", Arg::Word("true"))
            .opt("--query", lit("[].roleName"))
            .opt("--output", Arg::Word("tsv")),
        body: vec![
            Line::SetPath(file_var.clone(), role.file.to_owned()),
            Line::WriteFile {
                path_var: file_var.clone(),
                text: role.definition(),
                inject: vec![
                    (role.name_marker(), role.name_var.to_owned()),
                    (
                        steps::SUBSCRIPTION_SCOPE_MARKER.to_owned(),
                        "subscriptionScope".to_owned(),
                    ),
                ],
            },
            Line::Run(
                Cmd::az(&["role", "definition", "create"]).opt("--role-definition", var(file_var)),
            ),
        ],
    });
}

/// The literal arguments of `az` calls that cmd.exe may garble (see `quote::unsafe_for_az_cmd`).
fn risky_for_az_cmd(lines: &[Line]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for value in script::literals(lines) {
        if quote::unsafe_for_az_cmd(value) {
            let shown = format!("`{}`", value.escape_debug());
            if !found.contains(&shown) {
                found.push(shown);
            }
        }
    }
    found
}
