//! The Azure PowerShell script (Az.ImageBuilder, Az.ManagedServiceIdentity, Az.Resources,
//! Az.Compute), in the same steps as the Azure CLI script.
//!
//! `New-AzImageBuilderTemplate` with the object cmdlets is used when they can say everything
//! the template says. They cannot say some fields (`errorHandling`, `autoRun`,
//! `managedResourceTags`, `containerInstanceSubnetId`, data disks, File validators, unknown
//! keys; Az.ImageBuilder sends API 2022-07-01 whatever the template says), nor a template
//! without customizers (`-Customize` is mandatory). Such a template is sent as its exact body
//! with `Invoke-AzRestMethod`, under the API version it was checked against.

mod cmdlets;

use cmdlets::Cmdlets;

use super::az_cli::{role_definition, IMAGE_ROLE_ACTIONS, NETWORK_ROLE_ACTIONS, PROVIDERS};
use super::plan::{Gallery, Identity, Plan};
use super::quote::{self, powershell as q};
use super::{arm, Export, Input, Options};
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
    let mut s = Script::default();
    s.comment(&format!(
        "Builds the image template `{}` with Azure Image Builder: Azure PowerShell.\n\
         Made by aib-designer from a template checked against API version {}.\n\
         Needs the Az modules (Install-Module Az) and a sign-in (Connect-AzAccount). Then run\n\
         this file, or paste its steps in order. Running it again is safe: what exists is kept.",
        plan.template_name, plan.api_version
    ));
    for note in &notes {
        s.comment(&format!("NOTE: {note}."));
    }
    s.blank();
    settings(&plan, &mut s, cmdlets.is_err());
    prerequisites(&plan, &mut s);
    match &cmdlets {
        Ok(c) => create_with_cmdlets(&plan, c, &mut s),
        Err(_) => create_with_rest(&plan, &mut s),
    }
    build(&plan, &mut s);
    later(input, &mut s);
    Export {
        text: s.text,
        notes,
    }
}

/// Lines of PowerShell with numbered step titles.
#[derive(Default)]
struct Script {
    text: String,
    step: usize,
    indent: usize,
}

impl Script {
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
    fn title(&mut self, text: &str) {
        self.step += 1;
        self.comment(&format!("{}. {text}", self.step));
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
}

fn gallery_var(base: &str, index: usize) -> String {
    if index == 0 {
        format!("${base}")
    } else {
        format!("${base}{}", index + 1)
    }
}

fn settings(plan: &Plan, s: &mut Script, needs_file: bool) {
    s.title("Settings.");
    s.comment("The image template's resource group, region and name.");
    s.line(&format!("$resourceGroup = {}", q(&plan.resource_group)));
    s.line(&format!("$location = {}", q(&plan.location)));
    s.line(&format!("$templateName = {}", q(&plan.template_name)));
    match &plan.identity {
        Identity::Created { name } => {
            s.comment("The identity Image Builder acts as, created in the resource group above.");
            s.line(&format!("$identityName = {}", q(name)));
        }
        Identity::Given { id, parsed } => {
            s.comment("The identity Image Builder acts as (from the template).");
            s.line(&format!("$identityId = {}", q(id)));
            if let Some(parts) = parsed {
                s.line(&format!(
                    "$identityResourceGroup = {}",
                    q(&parts.resource_group)
                ));
                s.line(&format!("$identityName = {}", q(&parts.name)));
            }
        }
    }
    for (i, g) in plan.galleries.iter().enumerate() {
        s.comment(&format!(
            "The gallery and image definition of {} (from the template).",
            g.pointer
        ));
        s.line(&format!(
            "{} = {}",
            gallery_var("galleryResourceGroup", i),
            q(&g.parts.resource_group)
        ));
        s.line(&format!(
            "{} = {}",
            gallery_var("galleryName", i),
            q(&g.gallery)
        ));
        s.line(&format!(
            "{} = {}",
            gallery_var("imageDefinition", i),
            q(&g.definition)
        ));
    }
    if needs_file {
        s.line("$templateFile = Join-Path (Get-Location) 'image-template.json'");
    }
    s.blank();
}

fn ensure_group(s: &mut Script, name: &str) {
    s.open(&format!(
        "if (-not (Get-AzResourceGroup -Name {name} -ErrorAction SilentlyContinue)) {{"
    ));
    s.line(&format!(
        "New-AzResourceGroup -Name {name} -Location $location | Out-Null"
    ));
    s.close("}");
}

fn prerequisites(plan: &Plan, s: &mut Script) {
    s.title("Register the resource providers Image Builder uses (once per subscription).");
    let list: Vec<String> = PROVIDERS.iter().map(|p| q(p)).collect();
    s.open(&format!("foreach ($namespace in {}) {{", list.join(", ")));
    s.line("Register-AzResourceProvider -ProviderNamespace $namespace | Out-Null");
    s.close("}");
    s.blank();

    s.title("Create the resource groups that do not exist yet.");
    let mut seen = vec![plan.resource_group.to_ascii_lowercase()];
    ensure_group(s, "$resourceGroup");
    if let Identity::Given {
        parsed: Some(p), ..
    } = &plan.identity
    {
        if !seen.contains(&p.resource_group.to_ascii_lowercase()) {
            seen.push(p.resource_group.to_ascii_lowercase());
            ensure_group(s, "$identityResourceGroup");
        }
    }
    for (i, g) in plan.galleries.iter().enumerate() {
        if !seen.contains(&g.parts.resource_group.to_ascii_lowercase()) {
            seen.push(g.parts.resource_group.to_ascii_lowercase());
            ensure_group(s, &gallery_var("galleryResourceGroup", i));
        }
    }
    for p in plan.image_groups.iter().chain(plan.staging_group.as_ref()) {
        if !seen.contains(&p.resource_group.to_ascii_lowercase()) {
            seen.push(p.resource_group.to_ascii_lowercase());
            ensure_group(s, &q(&p.resource_group));
        }
    }
    s.comment("(These commands work in the current subscription: Set-AzContext selects another.)");
    s.blank();

    s.title("The user-assigned identity Image Builder acts as.");
    match &plan.identity {
        Identity::Created { .. } => {
            s.line("$identity = New-AzUserAssignedIdentity -ResourceGroupName $resourceGroup -Name $identityName -Location $location");
            s.line("$identityId = $identity.Id");
            s.line("$identityPrincipalId = $identity.PrincipalId");
        }
        Identity::Given {
            parsed: Some(_), ..
        } => {
            s.line("$identity = New-AzUserAssignedIdentity -ResourceGroupName $identityResourceGroup -Name $identityName -Location $location");
            s.line("$identityPrincipalId = $identity.PrincipalId");
        }
        Identity::Given { parsed: None, .. } => {
            s.comment("The template's identity ID does not parse, so it is not created here.");
            s.line("$identityPrincipalId = (Get-AzResource -ResourceId $identityId).Properties.principalId");
        }
    }
    s.blank();

    roles(plan, s);
    galleries(plan, s);
}

fn custom_role(
    s: &mut Script,
    var: &str,
    title: &str,
    file: &str,
    actions: &[&str],
    description: &str,
) {
    s.line(&format!("${var} = \"{title} ($subscriptionId)\""));
    s.open(&format!(
        "if (-not (Get-AzRoleDefinition -Name ${var} -ErrorAction SilentlyContinue)) {{"
    ));
    s.line(&format!("$roleFile = Join-Path (Get-Location) {}", q(file)));
    let text = role_definition(var, actions, description);
    s.line("$json = @'");
    s.text.push_str(&text);
    s.text.push('\n');
    // The terminator must start its line, whatever the indentation around it.
    s.text.push_str("'@\n");
    s.line(&format!(
        "$json = $json.Replace('\"AIB_ROLE_NAME_{var}\"', (ConvertTo-Json -InputObject ${var})).Replace('\"AIB_SUBSCRIPTION_SCOPE\"', (ConvertTo-Json -InputObject \"/subscriptions/$subscriptionId\"))"
    ));
    s.line("[System.IO.File]::WriteAllText($roleFile, $json.Replace(\"`r`n\", \"`n\"))");
    s.line("New-AzRoleDefinition -InputFile $roleFile | Out-Null");
    s.close("}");
}

fn assign(s: &mut Script, role: &str, scope: &str) {
    let args = format!("-ObjectId $identityPrincipalId -RoleDefinitionName {role} -Scope {scope}");
    s.open(&format!("if (-not (Get-AzRoleAssignment {args})) {{"));
    s.line(&format!("New-AzRoleAssignment {args} | Out-Null"));
    s.close("}");
}

fn roles(plan: &Plan, s: &mut Script) {
    let needed = !plan.image_role_scopes.is_empty()
        || !plan.network_scopes.is_empty()
        || !plan.build_vm_identities.is_empty()
        || plan.staging_group.is_some();
    if !needed {
        return;
    }
    s.title("Give the identity the roles the build needs.");
    s.comment(
        "Assigning roles takes Owner or User Access Administrator. New assignments can take a\n\
         few minutes to apply: if creating the template then fails for want of permission,\n\
         wait and run that step again.",
    );
    if !plan.image_role_scopes.is_empty() || !plan.network_scopes.is_empty() {
        s.line("$subscriptionId = (Get-AzContext).Subscription.Id");
    }
    if !plan.image_role_scopes.is_empty() {
        s.comment("The custom role of the official quickstarts, assigned where the template reads or writes images.");
        custom_role(
            s,
            "imageRoleName",
            "Azure Image Builder Image Creation",
            "aib-image-role.json",
            IMAGE_ROLE_ACTIONS,
            "Lets Azure Image Builder read source images and write managed images and gallery image versions.",
        );
        for scope in &plan.image_role_scopes {
            assign(s, "$imageRoleName", &q(scope));
        }
    }
    if !plan.network_scopes.is_empty() {
        s.comment("The build VM joins the template's subnet: read the network, join the subnet.");
        custom_role(
            s,
            "networkRoleName",
            "Azure Image Builder Networking",
            "aib-network-role.json",
            NETWORK_ROLE_ACTIONS,
            "Lets Azure Image Builder place its build VM in an existing virtual network.",
        );
        for scope in &plan.network_scopes {
            assign(s, "$networkRoleName", &q(scope));
        }
    }
    if !plan.build_vm_identities.is_empty() {
        s.comment("The build VM's identities need the template's identity as their Managed Identity Operator.");
        for id in &plan.build_vm_identities {
            assign(s, "'Managed Identity Operator'", &q(id));
        }
    }
    if let Some(p) = &plan.staging_group {
        s.comment(
            "Image Builder builds in the staging resource group: it needs Contributor there.",
        );
        assign(s, "'Contributor'", &q(&p.group_scope()));
    }
    s.blank();
}

fn galleries(plan: &Plan, s: &mut Script) {
    if plan.galleries.is_empty() {
        return;
    }
    s.title(
        "The gallery and image definition the image goes to (Image Builder does not create them).",
    );
    for (i, g) in plan.galleries.iter().enumerate() {
        gallery(g, i, s);
    }
    s.blank();
}

fn gallery(g: &Gallery, i: usize, s: &mut Script) {
    let rg = gallery_var("galleryResourceGroup", i);
    let name = gallery_var("galleryName", i);
    let definition = gallery_var("imageDefinition", i);
    s.open(&format!(
        "if (-not (Get-AzGallery -ResourceGroupName {rg} -Name {name} -ErrorAction SilentlyContinue)) {{"
    ));
    s.line(&format!(
        "New-AzGallery -ResourceGroupName {rg} -Name {name} -Location $location | Out-Null"
    ));
    s.close("}");
    let mut why = vec![
        "Publisher, offer and SKU only identify the definition in its gallery: choose your own."
            .to_owned(),
    ];
    if !g.os_known {
        why.push("The template does not tell its OS: Linux assumed, check OsType.".to_owned());
    }
    why.push(format!(
        "Hyper-V generation {}: {}.",
        g.hyper_v.as_str(),
        g.hyper_v_reason
    ));
    s.comment(&why.join("\n"));
    s.open(&format!(
        "if (-not (Get-AzGalleryImageDefinition -ResourceGroupName {rg} -GalleryName {name} -Name {definition} -ErrorAction SilentlyContinue)) {{"
    ));
    s.open("$definition = @{");
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
        s.line(&format!("{k} = {v}"));
    }
    if g.hyper_v == Generation::V2 {
        s.line("Feature = @(@{ Name = 'SecurityType'; Value = 'TrustedLaunchSupported' })");
    }
    s.close("}");
    s.line("New-AzGalleryImageDefinition @definition | Out-Null");
    s.close("}");
}

fn exists_check(s: &mut Script) {
    s.open("if (Get-AzImageBuilderTemplate -ResourceGroupName $resourceGroup -Name $templateName -ErrorAction SilentlyContinue) {");
    s.line("Write-Output 'The image template exists and is kept: templates cannot be updated. To change it, delete it first (see the end of this script).'");
    s.close("} else {");
    s.indent += 1;
}

fn create_with_cmdlets(_plan: &Plan, c: &Cmdlets, s: &mut Script) {
    s.title("Create the image template.");
    s.comment(
        "Az.ImageBuilder's object cmdlets say every field of this template (the module sends\n\
         API 2022-07-01). Templates cannot be updated: an existing one is kept.",
    );
    exists_check(s);
    s.line(&format!("$source = {}", c.source));
    let array = |s: &mut Script, name: &str, calls: &[String]| {
        s.open(&format!("${name} = @("));
        for call in calls {
            s.line(&format!("({call})"));
        }
        s.close(")");
    };
    array(s, "customizers", &c.customizers);
    array(s, "distributors", &c.distributors);
    if !c.validators.is_empty() {
        array(s, "validators", &c.validators);
    }
    s.open("$template = @{");
    s.line("Name = $templateName");
    s.line("ResourceGroupName = $resourceGroup");
    s.line("Location = $location");
    s.line("UserAssignedIdentityId = $identityId");
    s.line("Source = $source");
    s.line("Customize = $customizers");
    s.line("Distribute = $distributors");
    if !c.validators.is_empty() {
        s.line("Validator = $validators");
    }
    for (k, v) in &c.parameters {
        s.line(&format!("{k} = {v}"));
    }
    s.close("}");
    s.line("New-AzImageBuilderTemplate @template | Out-Null");
    s.close("}");
    s.blank();
}

fn create_with_rest(plan: &Plan, s: &mut Script) {
    s.title("Write the template to a file.");
    s.comment("A verbatim here-string, written as UTF-8 without a byte-order mark.");
    s.line("$json = @'");
    s.text.push_str(&quote::json_ascii(&plan.body));
    s.text.push('\n');
    // The terminator must start its line, whatever the indentation around it.
    s.text.push_str("'@\n");
    if matches!(plan.identity, Identity::Created { .. }) {
        s.line(&format!(
            "$json = $json.Replace('\"{}\"', (ConvertTo-Json -InputObject $identityId))",
            plan.identity_sentinel
        ));
    }
    if plan.location_injected {
        s.line("if ($location -cnotmatch '^[a-z0-9]+$') { Write-Warning 'Set $location to a region''s short name, such as westus2 (Get-AzLocation)' }");
        s.line(&format!(
            "$json = $json.Replace('\"{}\"', (ConvertTo-Json -InputObject $location))",
            plan.location_sentinel
        ));
    }
    s.line("[System.IO.File]::WriteAllText($templateFile, $json.Replace(\"`r`n\", \"`n\"))");
    s.blank();

    s.title("Create the image template.");
    s.comment(&format!(
        "Invoke-AzRestMethod sends the file unchanged with the API version the template was\n\
         checked against ({}). Templates cannot be updated: an existing one is kept.",
        plan.api_version
    ));
    exists_check(s);
    s.line(&format!(
        "$path = '/subscriptions/{{0}}/resourceGroups/{{1}}/providers/Microsoft.VirtualMachineImages/imageTemplates/{{2}}?api-version={}' -f (Get-AzContext).Subscription.Id, [uri]::EscapeDataString($resourceGroup), [uri]::EscapeDataString($templateName)",
        plan.api_version
    ));
    s.line("$response = Invoke-AzRestMethod -Method PUT -Path $path -Payload ([System.IO.File]::ReadAllText($templateFile))");
    s.open("if ($response.StatusCode -ge 300) {");
    s.line("Write-Error $response.Content");
    s.close("} else {");
    s.indent += 1;
    s.comment("Creating the template downloads its scripts: wait until it is provisioned.");
    s.open("do {");
    s.line("Start-Sleep -Seconds 15");
    s.line("$state = (Get-AzImageBuilderTemplate -ResourceGroupName $resourceGroup -Name $templateName).ProvisioningState");
    s.close("} while ($state -in 'Creating', 'Updating')");
    s.line("Write-Output \"Provisioning: $state\"");
    s.close("}");
    s.close("}");
    s.blank();
}

fn build(plan: &Plan, s: &mut Script) {
    if plan.auto_run {
        s.title("Wait for the build: autoRun is Enabled, so creating the template started it.");
        s.open("do {");
        s.line("Start-Sleep -Seconds 60");
        s.line("$run = (Get-AzImageBuilderTemplate -ResourceGroupName $resourceGroup -Name $templateName).LastRunStatusRunState");
        s.close("} while ($run -notin 'Succeeded', 'PartiallySucceeded', 'Failed', 'Canceled')");
    } else {
        s.title("Build the image.");
        s.comment(&format!(
            "This waits until the build ends (the template allows {} minutes, then the image is\n\
             distributed). With -NoWait it returns at once: check on it with the last commands.",
            plan.timeout_minutes
        ));
        s.line(
            "Start-AzImageBuilderTemplate -ResourceGroupName $resourceGroup -Name $templateName",
        );
    }
    s.blank();
    s.title("The result: the run's state, then what it made.");
    s.line("Get-AzImageBuilderTemplate -ResourceGroupName $resourceGroup -Name $templateName | Select-Object -Property LastRunStatusRunState, LastRunStatusRunSubState, LastRunStatusMessage");
    let columns = match (plan.has_image_outputs, plan.has_vhd) {
        (_, false) => "Name, ArtifactId",
        (false, true) => "Name, ArtifactUri",
        (true, true) => "Name, ArtifactId, ArtifactUri",
    };
    if plan.has_vhd {
        s.comment(
            "ArtifactUri is the VHD: copy it elsewhere soon, it is deleted with the template.",
        );
    }
    s.line(&format!(
        "Get-AzImageBuilderTemplateRunOutput -ImageTemplateName $templateName -ResourceGroupName $resourceGroup | Select-Object -Property {columns}"
    ));
    s.blank();
}

fn later(input: &Input, s: &mut Script) {
    s.comment("Later, when needed (each command is ready to paste):");
    s.comment("Check on a build:");
    s.comment("  Get-AzImageBuilderTemplate -ResourceGroupName $resourceGroup -Name $templateName | Select-Object -Property LastRunStatusRunState, LastRunStatusMessage");
    s.comment("Cancel a running build:");
    s.comment(
        "  Stop-AzImageBuilderTemplate -ResourceGroupName $resourceGroup -Name $templateName",
    );
    s.comment(
        "Change the template: templates cannot be updated, so delete it, then create it again:",
    );
    s.comment(
        "  Remove-AzImageBuilderTemplate -ResourceGroupName $resourceGroup -Name $templateName",
    );
    s.comment(&format!(
        "Instead of the create step, deploy the ARM export (aib export arm > {}):",
        super::Kind::Arm.file_name()
    ));
    let names = arm::parameters(input);
    let params: Vec<String> = [
        (names.name, "$templateName"),
        (names.location, "$location"),
        (names.identity, "$identityId"),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some(format!("{} = {value}", q(&name?))))
    .collect();
    s.comment(&format!(
        "  New-AzResourceGroupDeployment -ResourceGroupName $resourceGroup -Name $templateName -TemplateFile {} -TemplateParameterObject @{{ {} }}",
        q(super::Kind::Arm.file_name()),
        params.join("; ")
    ));
}
