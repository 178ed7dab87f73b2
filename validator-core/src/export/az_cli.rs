//! The Azure CLI script, bash or PowerShell: every step from the providers to the run output,
//! in the order a user runs them, leaving out the steps the template does not need.
//!
//! The template is created with `az resource create --is-full-object --api-version <checked
//! version> --properties @file`, which sends the body unchanged. `az image builder create
//! --image-template` is not used: it always sends API 2023-07-01 and silently drops what that
//! version lacks (`autoRun`, `managedResourceTags`, `containerInstanceSubnetId`, unknown keys).

use super::plan::{Gallery, IdParts, Identity, Plan};
use super::script::{self, lit, var, Arg, Cmd, Line};
use super::{arm, quote, Export, Input, Options, Refusal};
use crate::catalog::images::Generation;

pub use super::script::Shell;

/// The actions of the custom role the official quickstarts give the identity
/// (`aibRoleImageCreation.json` in Azure/azvmimagebuilder).
pub(super) const IMAGE_ROLE_ACTIONS: &[&str] = &[
    "Microsoft.Compute/galleries/read",
    "Microsoft.Compute/galleries/images/read",
    "Microsoft.Compute/galleries/images/versions/read",
    "Microsoft.Compute/galleries/images/versions/write",
    "Microsoft.Compute/images/write",
    "Microsoft.Compute/images/read",
    "Microsoft.Compute/images/delete",
];

/// `aibRoleNetworking.json`: join the build VM to an existing subnet.
pub(super) const NETWORK_ROLE_ACTIONS: &[&str] = &[
    "Microsoft.Network/virtualNetworks/read",
    "Microsoft.Network/virtualNetworks/subnets/join/action",
];

pub(super) const PROVIDERS: &[&str] = &[
    "Microsoft.VirtualMachineImages",
    "Microsoft.Compute",
    "Microsoft.KeyVault",
    "Microsoft.Storage",
    "Microsoft.Network",
    "Microsoft.ContainerInstance",
];

pub fn render(input: &Input, options: &Options, shell: Shell) -> Result<Export, Refusal> {
    let plan = Plan::new(input, options);
    let mut notes = plan.notes();
    let lines = lines(input, &plan, shell);
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
    let mut text = String::new();
    if shell == Shell::Bash {
        text.push_str("#!/usr/bin/env bash\n");
    }
    // The notes found after rendering go in the header too.
    let header = header(&plan, &notes, shell);
    text.push_str(&script::render(&header, shell));
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

fn header(plan: &Plan, notes: &[String], shell: Shell) -> Vec<Line> {
    let flavour = match shell {
        Shell::Bash => "bash",
        Shell::PowerShell => "PowerShell",
    };
    let mut text = format!(
        "Builds the image template `{}` with Azure Image Builder: Azure CLI, {flavour}.\n\
         Made by aib-designer from a template checked against API version {}.\n\
         Sign in first (az login). Then run this file, or paste its steps in order.\n\
         Running it again is safe: what exists is kept, and a kept template is built again.",
        plan.template_name, plan.api_version
    );
    if shell == Shell::PowerShell {
        text.push_str(
            "\nOn Linux and macOS it needs PowerShell 7.3 or newer, which passes arguments to az exactly.",
        );
    }
    let mut lines = vec![Line::Comment(text)];
    for note in notes {
        lines.push(Line::Comment(format!("NOTE: {note}.")));
    }
    lines.push(Line::Blank);
    lines
}

fn lines(input: &Input, plan: &Plan, shell: Shell) -> Vec<Line> {
    let mut out = Vec::new();
    let mut step = Steps::default();
    settings(plan, &mut step, &mut out);
    providers(&mut step, &mut out);
    groups(plan, &mut step, &mut out);
    identity(plan, &mut step, &mut out);
    roles(plan, &mut step, &mut out);
    galleries(plan, &mut step, &mut out);
    create(plan, &mut step, &mut out, shell);
    build(plan, &mut step, &mut out);
    later(input, plan, &mut out);
    out
}

/// Numbers the steps as they are added, so left-out steps leave no gaps.
#[derive(Default)]
struct Steps(usize);

impl Steps {
    fn title(&mut self, out: &mut Vec<Line>, text: &str) {
        self.0 += 1;
        out.push(Line::Comment(format!("{}. {text}", self.0)));
    }
}

/// Variable names of the n-th gallery (`galleryName`, `galleryName2`, ...).
fn gallery_var(base: &str, index: usize) -> String {
    if index == 0 {
        base.to_owned()
    } else {
        format!("{base}{}", index + 1)
    }
}

fn settings(plan: &Plan, step: &mut Steps, out: &mut Vec<Line>) {
    step.title(out, "Settings.");
    out.push(Line::Comment(
        "The image template's resource group, region and name.".into(),
    ));
    out.push(Line::Set("resourceGroup".into(), lit(&plan.resource_group)));
    out.push(Line::Set("location".into(), lit(&plan.location)));
    if !plan.location_injected {
        out.push(Line::Comment(
            "(The template file below names this region too: change both together.)".into(),
        ));
    }
    out.push(Line::Set("templateName".into(), lit(&plan.template_name)));
    match &plan.identity {
        Identity::Created { name } => {
            out.push(Line::Comment(
                "The identity Image Builder acts as, created in the resource group above.".into(),
            ));
            out.push(Line::Set("identityName".into(), lit(name)));
        }
        Identity::Given { id, parsed } => {
            out.push(Line::Comment(
                "The identity Image Builder acts as (from the template).".into(),
            ));
            out.push(Line::Set("identityId".into(), lit(id)));
            if let Some(parts) = parsed {
                out.push(Line::Set(
                    "identityResourceGroup".into(),
                    lit(&parts.resource_group),
                ));
                out.push(Line::Set("identityName".into(), lit(&parts.name)));
            }
        }
    }
    for (i, g) in plan.galleries.iter().enumerate() {
        out.push(Line::Comment(format!(
            "The gallery and image definition of {} (from the template).",
            g.pointer
        )));
        out.push(Line::Set(
            gallery_var("galleryResourceGroup", i),
            lit(&g.parts.resource_group),
        ));
        out.push(Line::Set(gallery_var("galleryName", i), lit(&g.gallery)));
        out.push(Line::Set(
            gallery_var("imageDefinition", i),
            lit(&g.definition),
        ));
    }
    out.push(Line::SetPath(
        "templateFile".into(),
        "image-template.json".into(),
    ));
    out.push(Line::Blank);
}

fn providers(step: &mut Steps, out: &mut Vec<Line>) {
    step.title(
        out,
        "Register the resource providers Image Builder uses (once per subscription).",
    );
    for p in PROVIDERS {
        out.push(Line::Run(
            Cmd::az(&["provider", "register"])
                .opt("--namespace", Arg::Word(p))
                .flag("--wait"),
        ));
    }
    out.push(Line::Blank);
}

/// `--subscription` for resources the template places in a subscription of its own.
fn with_subscription(cmd: Cmd, parts: &IdParts) -> Cmd {
    match parts.subscription_guid() {
        Some(sub) => cmd.opt("--subscription", lit(sub)),
        None => cmd,
    }
}

/// Creates a resource group unless it exists (`az group create` on an existing group in
/// another region fails).
fn ensure_group(name: Arg, parts: Option<&IdParts>, out: &mut Vec<Line>) {
    let test = Cmd::az(&["group", "exists"]).opt("--name", name.clone());
    let create = Cmd::az(&["group", "create"])
        .opt("--name", name)
        .opt("--location", var("location"));
    let (test, create) = match parts {
        Some(p) => (with_subscription(test, p), with_subscription(create, p)),
        None => (test, create),
    };
    out.push(Line::UnlessTrue {
        test,
        body: vec![Line::Run(create)],
    });
}

fn groups(plan: &Plan, step: &mut Steps, out: &mut Vec<Line>) {
    step.title(out, "Create the resource groups that do not exist yet.");
    let mut seen = vec![plan.resource_group.to_ascii_lowercase()];
    ensure_group(var("resourceGroup"), None, out);
    if let Identity::Given {
        parsed: Some(parts),
        ..
    } = &plan.identity
    {
        if !seen.contains(&parts.resource_group.to_ascii_lowercase()) {
            seen.push(parts.resource_group.to_ascii_lowercase());
            ensure_group(var("identityResourceGroup"), Some(parts), out);
        }
    }
    for (i, g) in plan.galleries.iter().enumerate() {
        if !seen.contains(&g.parts.resource_group.to_ascii_lowercase()) {
            seen.push(g.parts.resource_group.to_ascii_lowercase());
            ensure_group(
                var(gallery_var("galleryResourceGroup", i)),
                Some(&g.parts),
                out,
            );
        }
    }
    for parts in &plan.image_groups {
        if !seen.contains(&parts.resource_group.to_ascii_lowercase()) {
            seen.push(parts.resource_group.to_ascii_lowercase());
            out.push(Line::Comment(
                "The managed image's resource group must exist before the build.".into(),
            ));
            ensure_group(lit(&parts.resource_group), Some(parts), out);
        }
    }
    if let Some(parts) = &plan.staging_group {
        out.push(Line::Comment(
            "The staging resource group: it must be empty and in the template's region.".into(),
        ));
        ensure_group(lit(&parts.resource_group), Some(parts), out);
    }
    out.push(Line::Blank);
}

fn identity(plan: &Plan, step: &mut Steps, out: &mut Vec<Line>) {
    step.title(out, "The user-assigned identity Image Builder acts as.");
    let show = |query: &'static str, cmd: Cmd| {
        cmd.opt("--query", Arg::Word(query))
            .opt("--output", Arg::Word("tsv"))
    };
    match &plan.identity {
        Identity::Created { .. } => {
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
        Identity::Given { parsed, .. } => {
            if let Some(parts) = parsed {
                out.push(Line::Run(with_subscription(
                    Cmd::az(&["identity", "create"])
                        .opt("--resource-group", var("identityResourceGroup"))
                        .opt("--name", var("identityName"))
                        .opt("--location", var("location")),
                    parts,
                )));
            } else {
                out.push(Line::Comment(
                    "The template's identity ID does not parse, so it is not created here.".into(),
                ));
            }
            out.push(Line::Capture(
                "identityPrincipalId".into(),
                show(
                    "principalId",
                    Cmd::az(&["identity", "show"]).opt("--ids", var("identityId")),
                ),
            ));
        }
    }
    out.push(Line::Blank);
}

pub(super) fn role_definition(name_var: &str, actions: &[&str], description: &str) -> String {
    let role = serde_json::json!({
        "Name": format!("AIB_ROLE_NAME_{name_var}"),
        "IsCustom": true,
        "Description": description,
        "Actions": actions,
        "NotActions": [],
        "AssignableScopes": ["AIB_SUBSCRIPTION_SCOPE"],
    });
    quote::json_ascii(&role)
}

fn custom_role(
    out: &mut Vec<Line>,
    name_var: &str,
    title: &'static str,
    file: &str,
    actions: &[&str],
    description: &str,
) {
    out.push(Line::Set(
        name_var.to_owned(),
        Arg::Concat(vec![
            Arg::Word(title),
            Arg::Word(" ("),
            var("subscriptionId"),
            Arg::Word(")"),
        ]),
    ));
    let file_var = format!("{name_var}File");
    out.push(Line::IfEmpty {
        test: Cmd::az(&["role", "definition", "list"])
            .opt("--name", var(name_var))
            .opt("--custom-role-only", Arg::Word("true"))
            .opt("--query", lit("[].roleName"))
            .opt("--output", Arg::Word("tsv")),
        body: vec![
            Line::SetPath(file_var.clone(), file.to_owned()),
            Line::WriteFile {
                path_var: file_var.clone(),
                text: role_definition(name_var, actions, description),
                inject: vec![
                    (format!("AIB_ROLE_NAME_{name_var}"), name_var.to_owned()),
                    (
                        "AIB_SUBSCRIPTION_SCOPE".to_owned(),
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

fn assign(out: &mut Vec<Line>, role: Arg, scope: Arg) {
    out.push(Line::Run(
        Cmd::az(&["role", "assignment", "create"])
            .opt("--assignee-object-id", var("identityPrincipalId"))
            .opt("--assignee-principal-type", Arg::Word("ServicePrincipal"))
            .opt("--role", role)
            .opt("--scope", scope),
    ));
}

fn roles(plan: &Plan, step: &mut Steps, out: &mut Vec<Line>) {
    let needed = !plan.image_role_scopes.is_empty()
        || !plan.network_scopes.is_empty()
        || !plan.build_vm_identities.is_empty()
        || plan.staging_group.is_some();
    if !needed {
        return;
    }
    step.title(out, "Give the identity the roles the build needs.");
    out.push(Line::Comment(
        "Assigning roles takes Owner or User Access Administrator. New assignments can take a\n\
         few minutes to apply: if creating the template then fails for want of permission,\n\
         wait and run that step again."
            .into(),
    ));
    let custom = !plan.image_role_scopes.is_empty() || !plan.network_scopes.is_empty();
    if custom {
        out.push(Line::Capture(
            "subscriptionId".into(),
            Cmd::az(&["account", "show"])
                .opt("--query", Arg::Word("id"))
                .opt("--output", Arg::Word("tsv")),
        ));
        out.push(Line::Set(
            "subscriptionScope".into(),
            Arg::Concat(vec![Arg::Word("/subscriptions/"), var("subscriptionId")]),
        ));
    }
    if !plan.image_role_scopes.is_empty() {
        out.push(Line::Comment(
            "The custom role of the official quickstarts: read and write images and gallery\n\
             image versions, assigned where the template reads or writes them."
                .into(),
        ));
        custom_role(
            out,
            "imageRoleName",
            "Azure Image Builder Image Creation",
            "aib-image-role.json",
            IMAGE_ROLE_ACTIONS,
            "Lets Azure Image Builder read source images and write managed images and gallery image versions.",
        );
        for scope in &plan.image_role_scopes {
            assign(out, var("imageRoleName"), lit(scope));
        }
    }
    if !plan.network_scopes.is_empty() {
        out.push(Line::Comment(
            "The build VM joins the template's subnet: read the network, join the subnet.".into(),
        ));
        custom_role(
            out,
            "networkRoleName",
            "Azure Image Builder Networking",
            "aib-network-role.json",
            NETWORK_ROLE_ACTIONS,
            "Lets Azure Image Builder place its build VM in an existing virtual network.",
        );
        for scope in &plan.network_scopes {
            assign(out, var("networkRoleName"), lit(scope));
        }
    }
    if !plan.build_vm_identities.is_empty() {
        out.push(Line::Comment(
            "The build VM's identities (vmProfile.userAssignedIdentities) need the template's\n\
             identity as their Managed Identity Operator."
                .into(),
        ));
        for id in &plan.build_vm_identities {
            assign(out, lit("Managed Identity Operator"), lit(id));
        }
    }
    if let Some(parts) = &plan.staging_group {
        out.push(Line::Comment(
            "Image Builder builds in the staging resource group: it needs Contributor there."
                .into(),
        ));
        assign(out, Arg::Word("Contributor"), lit(parts.group_scope()));
    }
    out.push(Line::Blank);
}

fn galleries(plan: &Plan, step: &mut Steps, out: &mut Vec<Line>) {
    if plan.galleries.is_empty() {
        return;
    }
    step.title(
        out,
        "The gallery and image definition the image goes to (Image Builder does not create them).",
    );
    for (i, g) in plan.galleries.iter().enumerate() {
        gallery(g, i, out);
    }
    out.push(Line::Blank);
}

fn gallery(g: &Gallery, i: usize, out: &mut Vec<Line>) {
    let rg = var(gallery_var("galleryResourceGroup", i));
    let name = var(gallery_var("galleryName", i));
    out.push(Line::Run(with_subscription(
        Cmd::az(&["sig", "create"])
            .opt("--resource-group", rg.clone())
            .opt("--gallery-name", name.clone())
            .opt("--location", var("location")),
        &g.parts,
    )));
    let mut why = vec![
        "Publisher, offer and SKU only identify the definition in its gallery: choose your own."
            .to_owned(),
    ];
    if !g.os_known {
        why.push("The template does not tell its OS: Linux assumed, check --os-type.".to_owned());
    }
    why.push(format!(
        "Hyper-V generation {}: {}.",
        g.hyper_v.as_str(),
        g.hyper_v_reason
    ));
    out.push(Line::Comment(why.join("\n")));
    let mut cmd = Cmd::az(&["sig", "image-definition", "create"])
        .opt("--resource-group", rg)
        .opt("--gallery-name", name)
        .opt(
            "--gallery-image-definition",
            var(gallery_var("imageDefinition", i)),
        )
        .opt("--publisher", Arg::Word("ImageBuilder"))
        .opt("--offer", var(gallery_var("imageDefinition", i)))
        .opt("--sku", lit(&g.sku))
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
    out.push(Line::Run(with_subscription(cmd, &g.parts)));
}

fn template_cmd(words: &[&'static str]) -> Cmd {
    Cmd::az(words)
        .opt("--resource-group", var("resourceGroup"))
        .opt("--name", var("templateName"))
}

fn create(plan: &Plan, step: &mut Steps, out: &mut Vec<Line>, shell: Shell) {
    step.title(out, "Write the template to a file.");
    let how = match shell {
        Shell::Bash => "A quoted here-document: the shell changes nothing in it.",
        Shell::PowerShell => "A verbatim here-string, written as UTF-8 without a byte-order mark.",
    };
    let mut inject = Vec::new();
    let mut notes = vec![how.to_owned()];
    if matches!(plan.identity, Identity::Created { .. }) {
        inject.push((plan.identity_sentinel.clone(), "identityId".to_owned()));
        notes.push("The identity created above is written into it.".to_owned());
    }
    if plan.location_injected {
        inject.push((plan.location_sentinel.clone(), "location".to_owned()));
        notes.push("So is the region.".to_owned());
    }
    out.push(Line::Comment(notes.join("\n")));
    if plan.location_injected {
        out.push(Line::WarnUnlessRegion {
            var: "location".into(),
            message: "Set location to a region's short name, such as westus2 (az account list-locations --output table)".into(),
        });
    }
    out.push(Line::WriteFile {
        path_var: "templateFile".into(),
        text: quote::json_ascii(&plan.body),
        inject,
    });
    out.push(Line::Blank);

    step.title(out, "Create the image template.");
    let api = plan.api_version.as_str();
    out.push(Line::Comment(format!(
        "`az resource create --is-full-object` sends the file unchanged, with the API version the\n\
         template was checked against ({api}). (`az image builder create --image-template` always\n\
         sends API 2023-07-01 and silently drops what that version lacks: autoRun,\n\
         managedResourceTags, containerInstanceSubnetId, unknown keys.)\n\
         Templates cannot be updated: an existing one is kept (see the end to replace it)."
    )));
    let api_word: &'static str = plan.api_version.as_str();
    out.push(Line::IfSucceeds {
        test: template_cmd(&["image", "builder", "show"]),
        then: vec![Line::Say(
            "The image template exists and is kept: templates cannot be updated. To change it, delete it first (see the end of this script).".into(),
        )],
        otherwise: vec![Line::Run(
            Cmd::az(&["resource", "create"])
                .opt("--resource-group", var("resourceGroup"))
                .opt("--name", var("templateName"))
                .opt(
                    "--resource-type",
                    Arg::Word("Microsoft.VirtualMachineImages/imageTemplates"),
                )
                .opt("--api-version", Arg::Word(api_word))
                .flag("--is-full-object")
                .opt(
                    "--properties",
                    Arg::Concat(vec![Arg::Word("@"), var("templateFile")]),
                ),
        )],
    });
    out.push(Line::Blank);
}

/// JMESPath of a finished build, for `az image builder wait`.
const FINISHED: &str =
    "\"contains(['Succeeded', 'PartiallySucceeded', 'Failed', 'Canceled'], lastRunStatus.runState)\"";

fn build(plan: &Plan, step: &mut Steps, out: &mut Vec<Line>) {
    if plan.auto_run {
        step.title(
            out,
            "Wait for the build: autoRun is Enabled, so creating the template started it.",
        );
        out.push(Line::Run(
            template_cmd(&["image", "builder", "wait"])
                .opt("--custom", Arg::Word(FINISHED))
                .opt("--interval", Arg::Word("60"))
                .opt("--timeout", Arg::Lit(wait_seconds(plan))),
        ));
    } else {
        step.title(out, "Build the image.");
        out.push(Line::Comment(format!(
            "This waits until the build ends (the template allows {} minutes, then the image is\n\
             distributed). With --no-wait it returns at once: check on it with the last\n\
             commands of this script.",
            plan.timeout_minutes
        )));
        out.push(Line::Run(template_cmd(&["image", "builder", "run"])));
    }
    out.push(Line::Blank);

    step.title(out, "The result: the run's state, then what it made.");
    out.push(Line::Run(
        template_cmd(&["image", "builder", "show"])
            .opt("--query", Arg::Word("lastRunStatus"))
            .opt("--output", Arg::Word("table")),
    ));
    let columns = match (plan.has_image_outputs, plan.has_vhd) {
        (_, false) => "\"[].{runOutputName: name, artifactId: artifactId}\"",
        (false, true) => "\"[].{runOutputName: name, artifactUri: artifactUri}\"",
        (true, true) => {
            "\"[].{runOutputName: name, artifactId: artifactId, artifactUri: artifactUri}\""
        }
    };
    let mut what = "artifactId is the image or image version made".to_owned();
    if plan.has_vhd {
        what = format!(
            "{}artifactUri is the VHD: copy it elsewhere soon, it is deleted with the template",
            if plan.has_image_outputs {
                format!("{what}; ")
            } else {
                String::new()
            }
        );
    }
    out.push(Line::Comment(format!("{what}.")));
    out.push(Line::Run(
        template_cmd(&["image", "builder", "show-runs"])
            .opt("--query", Arg::Word(columns))
            .opt("--output", Arg::Word("table")),
    ));
    out.push(Line::Blank);
}

fn wait_seconds(plan: &Plan) -> String {
    // The build's timeout, plus an hour for queueing and distribution.
    ((plan.timeout_minutes + 60) * 60).to_string()
}

fn later(input: &Input, plan: &Plan, out: &mut Vec<Line>) {
    out.push(Line::Comment(
        "Later, when needed (each command is ready to paste):".into(),
    ));
    out.push(Line::Comment(
        "Check on a build, or wait for it to end:".into(),
    ));
    out.push(Line::Later(
        template_cmd(&["image", "builder", "show"])
            .opt("--query", Arg::Word("lastRunStatus"))
            .opt("--output", Arg::Word("table")),
    ));
    out.push(Line::Later(
        template_cmd(&["image", "builder", "wait"])
            .opt("--custom", Arg::Word(FINISHED))
            .opt("--interval", Arg::Word("60"))
            .opt("--timeout", Arg::Lit(wait_seconds(plan))),
    ));
    out.push(Line::Comment("Cancel a running build:".into()));
    out.push(Line::Later(template_cmd(&["image", "builder", "cancel"])));
    let mut delete =
        "Change the template: templates cannot be updated, so delete it, then run the steps\n\
                      from \"Write the template to a file\" on again."
            .to_owned();
    if plan.has_vhd {
        delete.push_str("\nDeleting it also deletes the VHDs it made: copy them out first.");
    }
    out.push(Line::Comment(delete));
    out.push(Line::Later(template_cmd(&["image", "builder", "delete"])));
    out.push(Line::Comment(format!(
        "Instead of creating the template from the file, deploy the ARM export\n\
         (aib export arm > {}):",
        super::Kind::Arm.file_name()
    )));
    let names = arm::parameters(input);
    let params: Vec<Arg> = [
        (names.name, "templateName"),
        (names.location, "location"),
        (names.identity, "identityId"),
    ]
    .into_iter()
    .filter_map(|(name, variable)| {
        Some(Arg::Concat(vec![
            Arg::Lit(format!("{}=", name?)),
            var(variable),
        ]))
    })
    .collect();
    let mut deploy = Cmd::az(&["deployment", "group", "create"])
        .opt("--resource-group", var("resourceGroup"))
        .opt("--name", var("templateName"))
        .opt("--template-file", Arg::Word(super::Kind::Arm.file_name()))
        .flag("--parameters");
    deploy.0.extend(params);
    out.push(Line::Later(deploy));
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
