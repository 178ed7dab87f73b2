//! The Azure PowerShell script (Az.ImageBuilder, Az.ManagedServiceIdentity, Az.Resources,
//! Az.Compute): the [`steps`](super::steps) as cmdlets.
//!
//! `New-AzImageBuilderTemplate` with the object cmdlets is used when they can say everything
//! the template says. They cannot say some fields (`errorHandling`, `autoRun`,
//! `managedResourceTags`, `containerInstanceSubnetId`, data disks, File validators, unknown
//! keys; Az.ImageBuilder sends API 2022-07-01 whatever the template says), nor a template
//! without customizers (`-Customize` is mandatory). Such a template is sent as its exact body
//! with `Invoke-AzRestMethod`, under the API version it was checked against.

mod cmdlets;

use cmdlets::Cmdlets;

use super::plan::{Identity, Plan};
use super::quote::{self, powershell as q};
use super::steps::{self, CustomRole, Item, LaterCommand, Role, Tool, Value};
use super::{Export, Input, Options};
use crate::catalog::images::Generation;

pub fn render(input: &Input, options: &Options) -> Export {
    let plan = Plan::new(input, options);
    let mut notes = plan.notes();
    let cmdlets = Cmdlets::build(&plan);
    if let Err(reasons) = &cmdlets {
        notes.push(format!(
            "New-AzImageBuilderTemplate cannot express {}: the script sends the exact template with Invoke-AzRestMethod",
            reasons.join(", ")
        ));
    }
    let tool = Tool {
        flavour: "Azure PowerShell",
        needs: "Needs the Az modules (Install-Module Az) and a sign-in (Connect-AzAccount).",
        needs_more: None,
        no_wait: "-NoWait",
        list_locations: "Get-AzLocation",
        writes_file_how: "A verbatim here-string, written as UTF-8 without a byte-order mark.",
        writes_file: cmdlets.is_err(),
        creates_how: match &cmdlets {
            Ok(_) => "Az.ImageBuilder's object cmdlets say every field of this template (the module sends\n\
                      API 2022-07-01)."
                .to_owned(),
            Err(_) => format!(
                "Invoke-AzRestMethod sends the file unchanged with the API version the template was\n\
                 checked against ({}).",
                plan.api_version
            ),
        },
    };
    let mut s = Writer {
        plan: &plan,
        cmdlets: cmdlets.as_ref().ok(),
        text: String::new(),
        indent: 0,
    };
    s.comment(&steps::header(&plan, &notes, &tool));
    s.blank();
    let body = steps::script(input, &plan, &tool);
    for (number, step) in body.steps.iter().enumerate() {
        s.comment(&format!("{}. {}", number + 1, step.title));
        for item in &step.items {
            s.item(item);
        }
        if step
            .items
            .iter()
            .any(|i| matches!(i, Item::EnsureGroup { .. }))
        {
            // The az script passes `--subscription`; these cmdlets have no such parameter.
            s.comment(
                "(These commands work in the current subscription: Set-AzContext selects another.)",
            );
        }
        s.blank();
    }
    for item in &body.later {
        s.item(item);
    }
    Export {
        text: s.text,
        notes,
    }
}

/// Lines of PowerShell.
struct Writer<'p> {
    plan: &'p Plan,
    /// The object cmdlets that say the whole template, if they can.
    cmdlets: Option<&'p Cmdlets>,
    text: String,
    indent: usize,
}

fn var(name: &str) -> String {
    format!("${name}")
}

fn value(v: &Value) -> String {
    match v {
        Value::Var(name) => var(name),
        Value::Lit(text) => q(text),
    }
}

/// The parameters naming the image template.
const TEMPLATE: &str = "-ResourceGroupName $resourceGroup -Name $templateName";

impl Writer<'_> {
    /// One statement. Not split at newlines: those inside a quoted value belong to it.
    fn line(&mut self, text: &str) {
        self.text.push_str(&"  ".repeat(self.indent));
        self.text.push_str(text);
        self.text.push('\n');
    }
    fn comment(&mut self, text: &str) {
        for l in super::script::comment_lines(text) {
            self.line(format!("# {}", quote::comment(l)).trim_end());
        }
    }
    fn blank(&mut self) {
        self.text.push('\n');
    }
    fn open(&mut self, text: &str) {
        self.line(text);
        self.indent += 1;
    }
    fn close(&mut self, text: &str) {
        self.indent -= 1;
        self.line(text);
    }
    /// A here-string: its terminator must start its line, whatever the indentation around it.
    fn here_string(&mut self, variable: &str, text: &str) {
        self.line(&format!("${variable} = @'"));
        self.text.push_str(text);
        self.text.push_str("\n'@\n");
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Note(text) => self.comment(text),
            Item::Set(name, text) => self.line(&format!("${name} = {}", q(text))),
            Item::SetFile(name, file) => {
                // .NET resolves relative paths against the process's directory, not the location.
                self.line(&format!("${name} = Join-Path (Get-Location) {}", q(file)))
            }
            Item::RegisterProviders => {
                let list: Vec<String> = steps::PROVIDERS.iter().map(|p| q(p)).collect();
                self.open(&format!("foreach ($namespace in {}) {{", list.join(", ")));
                self.line("Register-AzResourceProvider -ProviderNamespace $namespace | Out-Null");
                self.close("}");
            }
            Item::EnsureGroup { group, .. } => {
                let name = value(group);
                self.open(&format!(
                    "if (-not (Get-AzResourceGroup -Name {name} -ErrorAction SilentlyContinue)) {{"
                ));
                self.line(&format!(
                    "New-AzResourceGroup -Name {name} -Location $location | Out-Null"
                ));
                self.close("}");
            }
            Item::CreateIdentity => {
                self.line("$identity = New-AzUserAssignedIdentity -ResourceGroupName $resourceGroup -Name $identityName -Location $location");
                self.line("$identityId = $identity.Id");
                self.line("$identityPrincipalId = $identity.PrincipalId");
            }
            Item::CreateGivenIdentity(_) => {
                self.line("$identity = New-AzUserAssignedIdentity -ResourceGroupName $identityResourceGroup -Name $identityName -Location $location");
                self.line("$identityPrincipalId = $identity.PrincipalId");
            }
            Item::ReadGivenIdentity => self.line(
                "$identityPrincipalId = (Get-AzResource -ResourceId $identityId).Properties.principalId",
            ),
            Item::ReadSubscriptionId => {
                self.line("$subscriptionId = (Get-AzContext).Subscription.Id")
            }
            Item::DefineRole(role) => self.define_role(role),
            Item::Assign { role, scope } => {
                let role = match role {
                    Role::Custom(name_var) => var(name_var),
                    Role::BuiltIn(name) => q(name),
                };
                let args = format!(
                    "-ObjectId $identityPrincipalId -RoleDefinitionName {role} -Scope {}",
                    q(scope)
                );
                self.open(&format!("if (-not (Get-AzRoleAssignment {args})) {{"));
                self.line(&format!("New-AzRoleAssignment {args} | Out-Null"));
                self.close("}");
            }
            Item::CreateGallery(i, _) => {
                let rg = var(&steps::gallery_var("galleryResourceGroup", *i));
                let name = var(&steps::gallery_var("galleryName", *i));
                self.open(&format!(
                    "if (-not (Get-AzGallery -ResourceGroupName {rg} -Name {name} -ErrorAction SilentlyContinue)) {{"
                ));
                self.line(&format!(
                    "New-AzGallery -ResourceGroupName {rg} -Name {name} -Location $location | Out-Null"
                ));
                self.close("}");
            }
            Item::CreateImageDefinition(i, g) => {
                let rg = var(&steps::gallery_var("galleryResourceGroup", *i));
                let name = var(&steps::gallery_var("galleryName", *i));
                let definition = var(&steps::gallery_var("imageDefinition", *i));
                self.open(&format!(
                    "if (-not (Get-AzGalleryImageDefinition -ResourceGroupName {rg} -GalleryName {name} -Name {definition} -ErrorAction SilentlyContinue)) {{"
                ));
                self.open("$definition = @{");
                for (k, v) in [
                    ("ResourceGroupName", rg.clone()),
                    ("GalleryName", name.clone()),
                    ("Name", definition.clone()),
                    ("Location", "$location".to_owned()),
                    ("Publisher", q("ImageBuilder")),
                    ("Offer", definition.clone()),
                    ("Sku", q(&g.sku)),
                    ("OsState", q("Generalized")),
                    ("OsType", q(g.os_type)),
                    ("HyperVGeneration", q(g.hyper_v.as_str())),
                ] {
                    self.line(&format!("{k} = {v}"));
                }
                if g.hyper_v == Generation::V2 {
                    self.line(
                        "Feature = @(@{ Name = 'SecurityType'; Value = 'TrustedLaunchSupported' })",
                    );
                }
                self.close("}");
                self.line("New-AzGalleryImageDefinition @definition | Out-Null");
                self.close("}");
            }
            Item::WarnUnlessRegion(message) => self.line(&format!(
                "if ($location -cnotmatch '^[a-z0-9]+$') {{ Write-Warning {} }}",
                q(message)
            )),
            Item::WriteTemplate => {
                let plan = self.plan;
                self.here_string("json", &quote::json_ascii(&plan.body));
                let mut inject = Vec::new();
                if matches!(plan.identity, Identity::Created { .. }) {
                    inject.push((&plan.identity_sentinel, "identityId"));
                }
                if plan.location_injected {
                    inject.push((&plan.location_sentinel, "location"));
                }
                for (marker, variable) in inject {
                    self.line(&format!(
                        "$json = $json.Replace('\"{marker}\"', (ConvertTo-Json -InputObject ${variable}))"
                    ));
                }
                self.line(
                    "[System.IO.File]::WriteAllText($templateFile, $json.Replace(\"`r`n\", \"`n\"))",
                );
            }
            Item::CreateTemplate => match self.cmdlets {
                Some(c) => self.create_with_cmdlets(c),
                None => self.create_with_rest(),
            },
            Item::WaitForBuild => self.wait_loop(),
            Item::RunBuild => self.line(&format!("Start-AzImageBuilderTemplate {TEMPLATE}")),
            Item::ShowRunState => self.line(&run_state()),
            Item::ShowRunOutputs => {
                let columns = match (self.plan.has_image_outputs, self.plan.has_vhd) {
                    (_, false) => "Name, ArtifactId",
                    (false, true) => "Name, ArtifactUri",
                    (true, true) => "Name, ArtifactId, ArtifactUri",
                };
                self.line(&format!(
                    "Get-AzImageBuilderTemplateRunOutput -ImageTemplateName $templateName -ResourceGroupName $resourceGroup | Select-Object -Property {columns}"
                ));
            }
            Item::Later(command) => {
                let text = match command {
                    LaterCommand::Status => run_state(),
                    LaterCommand::Wait => format!(
                        "do {{ Start-Sleep -Seconds 60; $run = (Get-AzImageBuilderTemplate {TEMPLATE}).LastRunStatusRunState }} while ($run -notin {})",
                        finished_states()
                    ),
                    LaterCommand::Cancel => format!("Stop-AzImageBuilderTemplate {TEMPLATE}"),
                    LaterCommand::Delete => format!("Remove-AzImageBuilderTemplate {TEMPLATE}"),
                    LaterCommand::DeployArm(parameters) => {
                        let parameters: Vec<String> = parameters
                            .iter()
                            .map(|(name, variable)| format!("{} = {}", q(name), var(variable)))
                            .collect();
                        format!(
                            "New-AzResourceGroupDeployment -ResourceGroupName $resourceGroup -Name $templateName -TemplateFile {} -TemplateParameterObject @{{ {} }}",
                            q(super::Kind::Arm.file_name()),
                            parameters.join("; ")
                        )
                    }
                };
                self.comment(&format!("  {text}"));
            }
        }
    }

    fn define_role(&mut self, role: &CustomRole) {
        let name_var = role.name_var;
        self.line(&format!(
            "${name_var} = \"{} ($subscriptionId)\"",
            role.title
        ));
        self.open(&format!(
            "if (-not (Get-AzRoleDefinition -Name ${name_var} -ErrorAction SilentlyContinue)) {{"
        ));
        self.line(&format!(
            "$roleFile = Join-Path (Get-Location) {}",
            q(role.file)
        ));
        self.here_string("json", &role.definition());
        self.line(&format!(
            "$json = $json.Replace('\"{}\"', (ConvertTo-Json -InputObject ${name_var})).Replace('\"{}\"', (ConvertTo-Json -InputObject \"/subscriptions/$subscriptionId\"))",
            role.name_marker(),
            steps::SUBSCRIPTION_SCOPE_MARKER
        ));
        self.line("[System.IO.File]::WriteAllText($roleFile, $json.Replace(\"`r`n\", \"`n\"))");
        self.line("New-AzRoleDefinition -InputFile $roleFile | Out-Null");
        self.close("}");
    }

    /// Opens the branch that runs when the template does not exist yet.
    fn unless_template_exists(&mut self) {
        self.open(&format!(
            "if (Get-AzImageBuilderTemplate {TEMPLATE} -ErrorAction SilentlyContinue) {{"
        ));
        self.line(&format!("Write-Output {}", q(steps::EXISTS_KEPT)));
        self.close("} else {");
        self.indent += 1;
    }

    fn create_with_cmdlets(&mut self, c: &Cmdlets) {
        self.unless_template_exists();
        self.line(&format!("$source = {}", c.source));
        let array = |s: &mut Self, name: &str, calls: &[String]| {
            s.open(&format!("${name} = @("));
            for call in calls {
                s.line(&format!("({call})"));
            }
            s.close(")");
        };
        array(self, "customizers", &c.customizers);
        array(self, "distributors", &c.distributors);
        if !c.validators.is_empty() {
            array(self, "validators", &c.validators);
        }
        self.open("$template = @{");
        self.line("Name = $templateName");
        self.line("ResourceGroupName = $resourceGroup");
        self.line("Location = $location");
        self.line("UserAssignedIdentityId = $identityId");
        self.line("Source = $source");
        self.line("Customize = $customizers");
        self.line("Distribute = $distributors");
        if !c.validators.is_empty() {
            self.line("Validator = $validators");
        }
        for (k, v) in &c.parameters {
            self.line(&format!("{k} = {v}"));
        }
        self.close("}");
        self.line("New-AzImageBuilderTemplate @template | Out-Null");
        self.close("}");
    }

    fn create_with_rest(&mut self) {
        let api = self.plan.api_version;
        self.unless_template_exists();
        self.line(&format!(
            "$path = '/subscriptions/{{0}}/resourceGroups/{{1}}/providers/Microsoft.VirtualMachineImages/imageTemplates/{{2}}?api-version={api}' -f (Get-AzContext).Subscription.Id, [uri]::EscapeDataString($resourceGroup), [uri]::EscapeDataString($templateName)"
        ));
        self.line("$response = Invoke-AzRestMethod -Method PUT -Path $path -Payload ([System.IO.File]::ReadAllText($templateFile))");
        self.open("if ($response.StatusCode -ge 300) {");
        self.line("Write-Error $response.Content");
        self.close("} else {");
        self.indent += 1;
        self.comment("Creating the template downloads its scripts: wait until it is provisioned.");
        self.open("do {");
        self.line("Start-Sleep -Seconds 15");
        self.line(&format!(
            "$state = (Get-AzImageBuilderTemplate {TEMPLATE}).ProvisioningState"
        ));
        self.close("} while ($state -in 'Creating', 'Updating')");
        self.line("Write-Output \"Provisioning: $state\"");
        self.close("}");
        self.close("}");
    }

    fn wait_loop(&mut self) {
        self.open("do {");
        self.line("Start-Sleep -Seconds 60");
        self.line(&format!(
            "$run = (Get-AzImageBuilderTemplate {TEMPLATE}).LastRunStatusRunState"
        ));
        self.close(&format!("}} while ($run -notin {})", finished_states()));
    }
}

fn run_state() -> String {
    format!("Get-AzImageBuilderTemplate {TEMPLATE} | Select-Object -Property LastRunStatusRunState, LastRunStatusRunSubState, LastRunStatusMessage")
}

fn finished_states() -> String {
    let states: Vec<String> = steps::FINISHED_STATES.iter().map(|s| q(s)).collect();
    states.join(", ")
}
