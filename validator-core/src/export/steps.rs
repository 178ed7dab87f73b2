//! What a script does to deploy and build a template, in order and with its prose, whatever
//! the script is written in: one list, made from the [`Plan`], that each script export
//! ([`super::az_cli`] in bash or PowerShell, [`super::azure_powershell`]) writes in its own
//! commands. A step, a sentence or a condition added here reaches every script.

use super::plan::{Gallery, IdParts, Identity, Plan};
use super::{arm, Input, Kind};

/// The resource providers Image Builder uses.
pub const PROVIDERS: &[&str] = &[
    "Microsoft.VirtualMachineImages",
    "Microsoft.Compute",
    "Microsoft.KeyVault",
    "Microsoft.Storage",
    "Microsoft.Network",
    "Microsoft.ContainerInstance",
];

/// A custom role the scripts define once per subscription.
#[derive(Debug)]
pub struct CustomRole {
    /// The variable holding its name (which ends with the subscription ID: role names are
    /// unique in a tenant).
    pub name_var: &'static str,
    pub title: &'static str,
    /// The file its definition is written to.
    pub file: &'static str,
    pub actions: &'static [&'static str],
    pub description: &'static str,
}

/// The custom role the official quickstarts give the identity (`aibRoleImageCreation.json` in
/// Azure/azvmimagebuilder).
pub const IMAGE_ROLE: CustomRole = CustomRole {
    name_var: "imageRoleName",
    title: "Azure Image Builder Image Creation",
    file: "aib-image-role.json",
    actions: &[
        "Microsoft.Compute/galleries/read",
        "Microsoft.Compute/galleries/images/read",
        "Microsoft.Compute/galleries/images/versions/read",
        "Microsoft.Compute/galleries/images/versions/write",
        "Microsoft.Compute/images/write",
        "Microsoft.Compute/images/read",
        "Microsoft.Compute/images/delete",
    ],
    description: "Lets Azure Image Builder read source images and write managed images and gallery image versions.",
};

/// `aibRoleNetworking.json`: join the build VM to an existing subnet.
pub const NETWORK_ROLE: CustomRole = CustomRole {
    name_var: "networkRoleName",
    title: "Azure Image Builder Networking",
    file: "aib-network-role.json",
    actions: &[
        "Microsoft.Network/virtualNetworks/read",
        "Microsoft.Network/virtualNetworks/subnets/join/action",
    ],
    description: "Lets Azure Image Builder place its build VM in an existing virtual network.",
};

impl CustomRole {
    /// The role definition as JSON, with markers where the script writes the role's name and
    /// the subscription scope ([`ROLE_NAME_MARKER`], [`SUBSCRIPTION_SCOPE_MARKER`]).
    pub fn definition(&self) -> String {
        let role = serde_json::json!({
            "Name": self.name_marker(),
            "IsCustom": true,
            "Description": self.description,
            "Actions": self.actions,
            "NotActions": [],
            "AssignableScopes": [SUBSCRIPTION_SCOPE_MARKER],
        });
        super::quote::json_ascii(&role)
    }

    pub fn name_marker(&self) -> String {
        format!("{ROLE_NAME_MARKER}{}", self.name_var)
    }
}

pub const ROLE_NAME_MARKER: &str = "AIB_ROLE_NAME_";
pub const SUBSCRIPTION_SCOPE_MARKER: &str = "AIB_SUBSCRIPTION_SCOPE";

/// The run states that end a build.
pub const FINISHED_STATES: &[&str] = &["Succeeded", "PartiallySucceeded", "Failed", "Canceled"];

/// What the scripts print when the template already exists.
pub const EXISTS_KEPT: &str = "The image template exists and is kept: templates cannot be updated. To change it, delete it first (see the end of this script).";

/// The words of one script language that the shared prose names.
pub struct Tool {
    /// The script's language, for its first line ("Azure CLI, bash").
    pub flavour: &'static str,
    /// What to install and how to sign in.
    pub needs: &'static str,
    /// More about what it needs, if anything.
    pub needs_more: Option<&'static str>,
    /// The option that makes the build command return at once.
    pub no_wait: &'static str,
    /// The command that lists regions.
    pub list_locations: &'static str,
    /// How the template file is written.
    pub writes_file_how: &'static str,
    /// Whether the script creates the template from the body in a file (else from
    /// parameters of its own).
    pub writes_file: bool,
    /// How the script creates the template, and with which API version.
    pub creates_how: String,
}

/// A script variable or a literal value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Var(String),
    Lit(String),
}

/// A role to assign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A custom role, by the variable holding its name.
    Custom(&'static str),
    /// A built-in role, by name.
    BuiltIn(&'static str),
}

/// The commands the scripts print for later, ready to paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaterCommand {
    Status,
    Wait,
    Cancel,
    Delete,
    /// Deploy the ARM export: its parameters and the variables that give them.
    DeployArm(Vec<(String, &'static str)>),
}

/// One thing a step does.
#[derive(Debug, Clone)]
pub enum Item<'p> {
    /// Prose, written as a comment.
    Note(String),
    /// A variable set to a literal.
    Set(String, String),
    /// A variable holding a file name in the current directory.
    SetFile(&'static str, &'static str),
    /// Registers [`PROVIDERS`].
    RegisterProviders,
    /// Creates a resource group unless it exists; in the subscription of `parts`, when given.
    EnsureGroup {
        group: Value,
        parts: Option<&'p IdParts>,
    },
    /// Creates the identity `identityName` in `resourceGroup`; sets `identityId` and
    /// `identityPrincipalId`.
    CreateIdentity,
    /// Creates (or keeps) the template's identity `identityName` in `identityResourceGroup`;
    /// sets `identityPrincipalId`.
    CreateGivenIdentity(&'p IdParts),
    /// Reads the principal of the identity `identityId` into `identityPrincipalId`.
    ReadGivenIdentity,
    /// Reads the signed-in subscription's ID into `subscriptionId`.
    ReadSubscriptionId,
    /// Defines a custom role unless it exists.
    DefineRole(&'static CustomRole),
    /// Gives the identity a role at a scope.
    Assign { role: Role, scope: String },
    /// Creates the n-th gallery unless it exists.
    CreateGallery(usize, &'p Gallery),
    /// Creates the n-th gallery's image definition unless it exists.
    CreateImageDefinition(usize, &'p Gallery),
    /// Warns when the `location` variable is not a region's short name.
    WarnUnlessRegion(String),
    /// Writes the body to `templateFile`, with the created identity and the region written in.
    WriteTemplate,
    /// Creates the image template unless it exists ([`EXISTS_KEPT`]).
    CreateTemplate,
    /// Waits for a build started by `autoRun`.
    WaitForBuild,
    /// Runs the build and waits for it.
    RunBuild,
    /// Shows the last run's state.
    ShowRunState,
    /// Shows the run outputs.
    ShowRunOutputs,
    /// A command for later, as a comment.
    Later(LaterCommand),
}

/// A numbered step: its title and what it does.
pub struct Step<'p> {
    pub title: String,
    pub items: Vec<Item<'p>>,
}

/// A whole script: the steps, and the commands for later.
pub struct Script<'p> {
    pub steps: Vec<Step<'p>>,
    pub later: Vec<Item<'p>>,
}

/// Variable names of the n-th gallery (`galleryName`, `galleryName2`, ...).
pub fn gallery_var(base: &str, index: usize) -> String {
    if index == 0 {
        base.to_owned()
    } else {
        format!("{base}{}", index + 1)
    }
}

const WRITE_TITLE: &str = "Write the template to a file.";
const CREATE_TITLE: &str = "Create the image template.";

/// The script of `plan`, its prose in `tool`'s words.
pub fn script<'p>(input: &Input, plan: &'p Plan, tool: &Tool) -> Script<'p> {
    let mut steps = vec![
        settings(plan, tool),
        Step {
            title: "Register the resource providers Image Builder uses (once per subscription)."
                .into(),
            items: vec![Item::RegisterProviders],
        },
        groups(plan),
        identity(plan),
    ];
    steps.extend(roles(plan));
    steps.extend(galleries(plan));
    steps.extend(create(plan, tool));
    steps.push(build(plan, tool));
    steps.push(result(plan));
    Script {
        steps,
        later: later(input, plan, tool),
    }
}

/// The prose a script starts with: what it builds, what it needs, and the export's notes.
pub fn header(plan: &Plan, notes: &[String], tool: &Tool) -> String {
    let mut text = format!(
        "Builds the image template `{}` with Azure Image Builder: {}.\n\
         Made by aib-designer from a template checked against API version {}.\n\
         {}\n\
         Then run this file, or paste its steps in order.\n\
         Running it again is safe: what exists is kept, and a kept template is built again.",
        plan.template_name, tool.flavour, plan.api_version, tool.needs
    );
    if let Some(more) = tool.needs_more {
        text.push('\n');
        text.push_str(more);
    }
    if let Some(policy) = &plan.policy {
        text.push('\n');
        text.push_str(&policy.line());
    }
    for note in notes {
        text.push_str(&format!("\nNOTE: {note}."));
    }
    text
}

fn settings<'p>(plan: &'p Plan, tool: &Tool) -> Step<'p> {
    let mut items = vec![
        Item::Note("The image template's resource group, region and name.".into()),
        Item::Set("resourceGroup".into(), plan.resource_group.clone()),
        Item::Set("location".into(), plan.location.clone()),
    ];
    if tool.writes_file && !plan.location_injected {
        items.push(Item::Note(
            "(The template file below names this region too: change both together.)".into(),
        ));
    }
    items.push(Item::Set("templateName".into(), plan.template_name.clone()));
    match &plan.identity {
        Identity::Created { name } => {
            items.push(Item::Note(
                "The identity Image Builder acts as, created in the resource group above.".into(),
            ));
            items.push(Item::Set("identityName".into(), name.clone()));
        }
        Identity::Given { id, parsed } => {
            items.push(Item::Note(
                "The identity Image Builder acts as (from the template).".into(),
            ));
            items.push(Item::Set("identityId".into(), id.clone()));
            if let Some(parts) = parsed {
                items.push(Item::Set(
                    "identityResourceGroup".into(),
                    parts.resource_group.clone(),
                ));
                items.push(Item::Set("identityName".into(), parts.name.clone()));
            }
        }
    }
    for (i, g) in plan.galleries.iter().enumerate() {
        items.push(Item::Note(format!(
            "The gallery and image definition of {} (from the template).",
            g.pointer
        )));
        items.push(Item::Set(
            gallery_var("galleryResourceGroup", i),
            g.parts.resource_group.clone(),
        ));
        items.push(Item::Set(gallery_var("galleryName", i), g.gallery.clone()));
        items.push(Item::Set(
            gallery_var("imageDefinition", i),
            g.definition.clone(),
        ));
    }
    if tool.writes_file {
        items.push(Item::SetFile("templateFile", "image-template.json"));
    }
    Step {
        title: "Settings.".into(),
        items,
    }
}

/// Every resource group the template needs, each once (group names are case-insensitive).
fn groups(plan: &Plan) -> Step<'_> {
    let mut seen = vec![plan.resource_group.to_ascii_lowercase()];
    let mut first = |parts: &IdParts| {
        let name = parts.resource_group.to_ascii_lowercase();
        let new = !seen.contains(&name);
        seen.push(name);
        new
    };
    let mut items = vec![Item::EnsureGroup {
        group: Value::Var("resourceGroup".into()),
        parts: None,
    }];
    if let Identity::Given {
        parsed: Some(parts),
        ..
    } = &plan.identity
    {
        if first(parts) {
            items.push(Item::EnsureGroup {
                group: Value::Var("identityResourceGroup".into()),
                parts: Some(parts),
            });
        }
    }
    for (i, g) in plan.galleries.iter().enumerate() {
        if first(&g.parts) {
            items.push(Item::EnsureGroup {
                group: Value::Var(gallery_var("galleryResourceGroup", i)),
                parts: Some(&g.parts),
            });
        }
    }
    let others = plan.image_groups.iter().map(|p| {
        (
            p,
            "The managed image's resource group must exist before the build.",
        )
    });
    let staging = plan.staging_group.iter().map(|p| {
        (
            p,
            "The staging resource group: it must be empty and in the template's region.",
        )
    });
    for (parts, why) in others.chain(staging) {
        if first(parts) {
            items.push(Item::Note(why.into()));
            items.push(Item::EnsureGroup {
                group: Value::Lit(parts.resource_group.clone()),
                parts: Some(parts),
            });
        }
    }
    Step {
        title: "Create the resource groups that do not exist yet.".into(),
        items,
    }
}

fn identity(plan: &Plan) -> Step<'_> {
    let items = match &plan.identity {
        Identity::Created { .. } => vec![Item::CreateIdentity],
        Identity::Given {
            parsed: Some(parts),
            ..
        } => vec![Item::CreateGivenIdentity(parts)],
        Identity::Given { parsed: None, .. } => vec![
            Item::Note(
                "The template's identity ID does not parse, so it is not created here.".into(),
            ),
            Item::ReadGivenIdentity,
        ],
    };
    Step {
        title: "The user-assigned identity Image Builder acts as.".into(),
        items,
    }
}

fn roles(plan: &Plan) -> Option<Step<'_>> {
    let needed = !plan.image_role_scopes.is_empty()
        || !plan.network_scopes.is_empty()
        || !plan.build_vm_identities.is_empty()
        || plan.staging_group.is_some();
    if !needed {
        return None;
    }
    let mut items = vec![Item::Note(
        "Assigning roles takes Owner or User Access Administrator. New assignments can take a\n\
         few minutes to apply: if creating the template then fails for want of permission,\n\
         wait and run that step again."
            .into(),
    )];
    if !plan.image_role_scopes.is_empty() || !plan.network_scopes.is_empty() {
        items.push(Item::ReadSubscriptionId);
    }
    let custom = [
        (
            &IMAGE_ROLE,
            &plan.image_role_scopes,
            "The custom role of the official quickstarts: read and write images and gallery\n\
             image versions, assigned where the template reads or writes them.",
        ),
        (
            &NETWORK_ROLE,
            &plan.network_scopes,
            "The build VM joins the template's subnet: read the network, join the subnet.",
        ),
    ];
    for (role, scopes, why) in custom {
        if scopes.is_empty() {
            continue;
        }
        items.push(Item::Note(why.into()));
        items.push(Item::DefineRole(role));
        for scope in scopes {
            items.push(Item::Assign {
                role: Role::Custom(role.name_var),
                scope: scope.clone(),
            });
        }
    }
    if !plan.build_vm_identities.is_empty() {
        items.push(Item::Note(
            "The build VM's identities (vmProfile.userAssignedIdentities) need the template's\n\
             identity as their Managed Identity Operator."
                .into(),
        ));
        for id in &plan.build_vm_identities {
            items.push(Item::Assign {
                role: Role::BuiltIn("Managed Identity Operator"),
                scope: id.clone(),
            });
        }
    }
    if let Some(parts) = &plan.staging_group {
        items.push(Item::Note(
            "Image Builder builds in the staging resource group: it needs Contributor there."
                .into(),
        ));
        items.push(Item::Assign {
            role: Role::BuiltIn("Contributor"),
            scope: parts.group_scope(),
        });
    }
    Some(Step {
        title: "Give the identity the roles the build needs.".into(),
        items,
    })
}

fn galleries(plan: &Plan) -> Option<Step<'_>> {
    if plan.galleries.is_empty() {
        return None;
    }
    let mut items = Vec::new();
    for (i, g) in plan.galleries.iter().enumerate() {
        items.push(Item::CreateGallery(i, g));
        let mut why = vec![
            "Publisher, offer and SKU only identify the definition in its gallery: choose your own."
                .to_owned(),
        ];
        if !g.os_known {
            why.push(
                "The template does not tell its OS: Linux assumed, check the OS type.".to_owned(),
            );
        }
        why.push(format!(
            "Hyper-V generation {}: {}.",
            g.hyper_v.as_str(),
            g.hyper_v_reason
        ));
        items.push(Item::Note(why.join("\n")));
        items.push(Item::CreateImageDefinition(i, g));
    }
    Some(Step {
        title:
            "The gallery and image definition the image goes to (Image Builder does not create them)."
                .into(),
        items,
    })
}

fn create<'p>(plan: &'p Plan, tool: &Tool) -> Vec<Step<'p>> {
    let mut steps = Vec::new();
    if tool.writes_file {
        let mut how = vec![tool.writes_file_how.to_owned()];
        if matches!(plan.identity, Identity::Created { .. }) {
            how.push("The identity created above is written into it.".to_owned());
        }
        let mut items = Vec::new();
        if plan.location_injected {
            how.push("So is the region.".to_owned());
            items.push(Item::WarnUnlessRegion(format!(
                "Set location to a region's short name, such as westus2 ({})",
                tool.list_locations
            )));
        }
        items.insert(0, Item::Note(how.join("\n")));
        items.push(Item::WriteTemplate);
        steps.push(Step {
            title: WRITE_TITLE.into(),
            items,
        });
    }
    steps.push(Step {
        title: CREATE_TITLE.into(),
        items: vec![
            Item::Note(format!(
                "{}\nTemplates cannot be updated: an existing one is kept (see the end to replace it).",
                tool.creates_how
            )),
            Item::CreateTemplate,
        ],
    });
    steps
}

fn build<'p>(plan: &Plan, tool: &Tool) -> Step<'p> {
    if plan.auto_run {
        return Step {
            title: "Wait for the build: autoRun is Enabled, so creating the template started it."
                .into(),
            items: vec![Item::WaitForBuild],
        };
    }
    Step {
        title: "Build the image.".into(),
        items: vec![
            Item::Note(format!(
                "This waits until the build ends (the template allows {} minutes, then the image is\n\
                 distributed). With {} it returns at once: check on it with the commands at the end.",
                plan.timeout_minutes, tool.no_wait
            )),
            Item::RunBuild,
        ],
    }
}

fn result<'p>(plan: &Plan) -> Step<'p> {
    let mut what = Vec::new();
    if plan.has_image_outputs || !plan.has_vhd {
        what.push("The artifact ID is the image or image version made.");
    }
    if plan.has_vhd {
        what.push(
            "The artifact URI is the VHD: copy it elsewhere soon, it is deleted with the template.",
        );
    }
    Step {
        title: "The result: the run's state, then what it made.".into(),
        items: vec![
            Item::ShowRunState,
            Item::Note(what.join("\n")),
            Item::ShowRunOutputs,
        ],
    }
}

/// Wait for a build this long: its timeout, plus an hour for queueing and distribution.
pub fn wait_seconds(plan: &Plan) -> u64 {
    (plan.timeout_minutes + 60) * 60
}

fn later<'p>(input: &Input, plan: &Plan, tool: &Tool) -> Vec<Item<'p>> {
    let again = if tool.writes_file {
        WRITE_TITLE
    } else {
        CREATE_TITLE
    };
    let mut delete = format!(
        "Change the template: templates cannot be updated, so delete it, then run the steps\n\
         from \"{}\" on again.",
        again.trim_end_matches('.')
    );
    if plan.has_vhd {
        delete.push_str("\nDeleting it also deletes the VHDs it made: copy them out first.");
    }
    let names = arm::parameters(input);
    let parameters = [
        (names.name, "templateName"),
        (names.location, "location"),
        (names.identity, "identityId"),
    ]
    .into_iter()
    .filter_map(|(name, variable)| Some((name?, variable)))
    .collect();
    vec![
        Item::Note("Later, when needed (each command is ready to paste):".into()),
        Item::Note("Check on a build, or wait for it to end:".into()),
        Item::Later(LaterCommand::Status),
        Item::Later(LaterCommand::Wait),
        Item::Note("Cancel a running build:".into()),
        Item::Later(LaterCommand::Cancel),
        Item::Note(delete),
        Item::Later(LaterCommand::Delete),
        Item::Note(format!(
            "Instead of the create step, deploy the ARM export (aib export arm > {}):",
            Kind::Arm.file_name()
        )),
        Item::Later(LaterCommand::DeployArm(parameters)),
    ]
}
