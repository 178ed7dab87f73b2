//! Every export of a Linux and a Windows template from the corpus (read in place from
//! `../shared/corpus`, never copied) and of a template that uses every feature the exports
//! handle, snapshotted; and the ARM export read back by `check` gives the same template.

use std::path::PathBuf;

use serde_json::{json, Value};
use validator_core::export::{self, quote, Input, Kind, Options};

mod support;
use support::{corpus, rich, LINUX, WINDOWS, WINDOWS_ARM};

fn first_template(text: &str) -> validator_core::TemplateInfo {
    validator_core::check(text, &Default::default()).templates[0].clone()
}

fn exports(text: &str, options: &Options) -> Vec<(Kind, String)> {
    let document: Value = validator_core::parse::parse(text).value.unwrap();
    let info = first_template(text);
    let input = Input::from_report(&document, &info).unwrap();
    Kind::ALL
        .iter()
        .map(|kind| {
            let e = export::render(*kind, &input, options).unwrap();
            let notes: String = e.notes.iter().map(|n| format!("note: {n}\n")).collect();
            (*kind, format!("{notes}---\n{}", e.text))
        })
        .collect()
}

fn slug(kind: Kind) -> &'static str {
    match kind {
        Kind::Json => "json",
        Kind::Arm => "arm",
        Kind::Bicep => "bicep",
        Kind::AzCliBash => "az_cli_bash",
        Kind::AzCliPowerShell => "az_cli_powershell",
        Kind::AzurePowerShell => "azure_powershell",
    }
}

fn snapshot_all(name: &str, text: &str, options: &Options) {
    for (kind, out) in exports(text, options) {
        insta::assert_snapshot!(format!("{name}__{}", slug(kind)), out);
    }
}

#[test]
fn linux_shared_image_exports() {
    snapshot_all("linux_sig", &corpus(LINUX), &Options::default());
}

#[test]
fn windows_managed_image_exports() {
    let options = Options {
        resource_group: Some("windows-images".into()),
        template_name: Some("win2022-golden".into()),
        location: Some("westus2".into()),
        identity_name: None,
        policy: None,
    };
    snapshot_all("windows_managed", &corpus(WINDOWS), &options);
}

#[test]
fn windows_arm_template_exports() {
    snapshot_all("windows_arm_sig", &corpus(WINDOWS_ARM), &Options::default());
}

#[test]
fn rich_template_exports() {
    snapshot_all("rich", &rich(), &Options::default());
}

/// Replaces `[parameters('x')]` by the given value or the parameter's default and undoes `[[`,
/// as ARM does when it deploys.
fn deploy(arm: &Value, given: &Value, value: &Value) -> Value {
    let resolve = |s: &str| -> Value {
        if let Some(name) = s
            .strip_prefix("[parameters('")
            .and_then(|r| r.strip_suffix("')]"))
        {
            let v = given
                .get(name)
                .or_else(|| arm["parameters"][name].get("defaultValue"))
                .unwrap_or_else(|| panic!("parameter {name} has no value"));
            return match v.as_str() {
                Some(s) => json!(quote::arm_unescape(s).unwrap_or_else(|| s.to_owned())),
                None => v.clone(),
            };
        }
        assert!(!quote::is_arm_expression(s), "unexpected expression {s}");
        json!(quote::arm_unescape(s).unwrap_or_else(|| s.to_owned()))
    };
    match value {
        Value::String(s) => resolve(s),
        Value::Array(items) => Value::Array(items.iter().map(|v| deploy(arm, given, v)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = resolve(k).as_str().unwrap().to_owned();
                    (key, deploy(arm, given, v))
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The ARM export, read back through `check` (discovery, API version, OS) and deployed with
/// its parameters, gives the body of the original template.
fn assert_round_trip(text: &str, given: Value) {
    let document: Value = validator_core::parse::parse(text).value.unwrap();
    let info = first_template(text);
    let input = Input::from_report(&document, &info).unwrap();
    let options = Options::default();
    let arm_text = export::render(Kind::Arm, &input, &options).unwrap().text;
    assert!(arm_text.is_ascii());

    let report = validator_core::check(&arm_text, &Default::default());
    assert_eq!(report.templates.len(), 1, "{arm_text}");
    assert_eq!(report.templates[0].pointer, "/resources/0");
    assert_eq!(report.templates[0].api_version, info.api_version);
    assert_eq!(report.templates[0].os, info.os);

    let arm: Value = serde_json::from_str(&arm_text).unwrap();
    let back = Input::from_report(&arm, &report.templates[0]).unwrap();
    let mut expected = export::json::body(&input);
    if let Some(id) = given.get("identityId") {
        expected["identity"] =
            json!({"type": "UserAssigned", "userAssignedIdentities": {id.as_str().unwrap(): {}}});
    }
    if let Some(location) = given.get("location") {
        expected["location"] = location.clone();
    }
    // Deploying evaluates the parameters and `[[` escapes; what remains is a plain resource.
    let deployed = deploy(&arm, &given, back.resource);
    let plain = Input {
        resource: &deployed,
        deployment: None,
        ..back
    };
    assert_eq!(export::json::body(&plain), expected);
    assert_eq!(deployed["name"], json!(info_name(&input)));
}

fn info_name(input: &Input) -> String {
    input.resource["name"]
        .as_str()
        .unwrap_or("aibImageTemplate")
        .to_owned()
}

#[test]
fn arm_export_reads_back_as_the_same_template() {
    assert_round_trip(&rich(), json!({}));
    // The quickstarts name no identity and a placeholder region: the deployment gives them.
    let given = json!({"identityId": "/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/i", "location": "westus2"});
    assert_round_trip(&corpus(LINUX), given.clone());
    assert_round_trip(&corpus(WINDOWS), given);
}

#[test]
fn every_export_of_every_corpus_template_is_well_formed() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    let mut count = 0;
    for line in manifest.lines().skip(1) {
        let file = line.split('\t').next().unwrap();
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let Some(document) = validator_core::parse::parse(&text).value else {
            continue;
        };
        let report = validator_core::check(&text, &Default::default());
        for info in &report.templates {
            let input = Input::from_report(&document, info).unwrap();
            for kind in Kind::ALL {
                let e = export::render(kind, &input, &Options::default()).unwrap();
                match kind {
                    Kind::Json | Kind::Arm => {
                        assert!(e.text.is_ascii(), "{file} {kind:?}");
                        serde_json::from_str::<Value>(&e.text)
                            .unwrap_or_else(|err| panic!("{file} {kind:?}: {err}"));
                    }
                    _ => assert!(!e.text.is_empty()),
                }
                count += 1;
            }
        }
    }
    assert!(count > 400, "{count} exports");
}

/// The JSON body follows `--location` and `--identity-name` as the other exports do.
#[test]
fn json_export_applies_the_location_and_identity_options() {
    let text = corpus(WINDOWS);
    let document: Value = validator_core::parse::parse(&text).value.unwrap();
    let info = first_template(&text);
    let input = Input::from_report(&document, &info).unwrap();
    let options = Options {
        resource_group: Some("images".into()),
        location: Some("westus".into()),
        identity_name: Some("builder".into()),
        ..Options::default()
    };
    let e = export::render(Kind::Json, &input, &options).unwrap();
    let body: Value = serde_json::from_str(&e.text).unwrap();
    assert_eq!(body["location"], json!("westus"));
    // The identity the scripts create under that name, in that resource group.
    assert_eq!(
        body["identity"],
        json!({"type": "UserAssigned", "userAssignedIdentities": {
            "/subscriptions/<subscriptionId>/resourceGroups/images/providers/Microsoft.ManagedIdentity/userAssignedIdentities/builder": {}
        }})
    );
    assert!(
        e.notes.iter().any(|n| n.contains("<subscriptionId>")),
        "{:?}",
        e.notes
    );
}

/// A template pasted from `az image builder show` carries what the service fills in; the
/// exports leave out every field the schema marks read-only, as the checker reports them.
#[test]
fn exports_leave_out_the_read_only_fields_the_checker_reports() {
    let id = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/i";
    let shown = json!({
        "type": "Microsoft.VirtualMachineImages/imageTemplates",
        "apiVersion": "2024-02-01",
        "id": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/g/providers/Microsoft.VirtualMachineImages/imageTemplates/t",
        "name": "t",
        "location": "westeurope",
        "systemData": {"createdBy": "someone"},
        "identity": {"type": "UserAssigned", "userAssignedIdentities": {
            id: {"principalId": "00000000-0000-0000-0000-000000000001", "clientId": "00000000-0000-0000-0000-000000000002"}
        }},
        "properties": {
            "provisioningState": "Succeeded",
            "lastRunStatus": {"runState": "Succeeded"},
            "exactStagingResourceGroup": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/IT_g_t",
            "source": {"type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest", "exactVersion": "22.04.202401010"},
            "customize": [{"type": "Shell", "name": "x", "inline": ["true"]}],
            "distribute": [{"type": "VHD", "runOutputName": "vhd"}]
        }
    });
    let text = serde_json::to_string_pretty(&shown).unwrap();
    let report = validator_core::check(&text, &Default::default());
    let reported: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "read-only-property")
        .map(|d| d.pointer.as_str())
        .collect();
    assert!(reported.len() >= 6, "{reported:?}");
    let input = Input::from_report(&shown, &report.templates[0]).unwrap();
    let body = export::json::body(&input);
    for pointer in &reported {
        assert!(body.pointer(pointer).is_none(), "{pointer} kept");
    }
    assert_eq!(body["identity"]["userAssignedIdentities"][id], json!({}));
    assert_eq!(body["properties"]["source"]["version"], json!("latest"));
    for kind in Kind::ALL {
        let text = export::render(kind, &input, &Options::default())
            .unwrap()
            .text;
        assert!(!text.contains("principalId\""), "{kind:?}");
        assert!(!text.contains("exactVersion"), "{kind:?}");
    }
}

/// No command line can carry a NUL (bash drops `$'\x00'` silently), so the az CLI scripts
/// refuse a template whose values they pass as arguments hold one, naming where it is. The
/// other exports carry it, escaped.
#[test]
fn scripts_refuse_a_nul_they_would_pass_on_a_command_line() {
    let mut template: Value = serde_json::from_str(&rich()).unwrap();
    template["properties"]["source"]["sku"] = json!("22_04-lts\u{0}-gen2");
    let arm = json!({
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [template]
    });
    let text = serde_json::to_string_pretty(&arm).unwrap();
    let info = first_template(&text);
    let input = Input::from_report(&arm, &info).unwrap();
    for kind in [Kind::AzCliBash, Kind::AzCliPowerShell] {
        let refusal = export::render(kind, &input, &Options::default()).unwrap_err();
        assert_eq!(refusal.pointer, "/resources/0/properties/source/sku");
        assert!(refusal.message.contains("NUL"), "{}", refusal.message);
    }
    // Azure PowerShell hands values to cmdlets as .NET strings, which hold a NUL; the JSON,
    // ARM and Bicep texts escape it.
    for kind in [Kind::Json, Kind::Arm, Kind::Bicep, Kind::AzurePowerShell] {
        let e = export::render(kind, &input, &Options::default()).unwrap();
        assert!(!e.text.contains('\0'), "{kind:?}");
    }
    // In a value only the template file carries, the NUL reaches the service intact.
    let mut inline: Value = serde_json::from_str(&rich()).unwrap();
    inline["properties"]["customize"][0]["inline"][1] = json!("echo a\u{0}b");
    let text = serde_json::to_string(&inline).unwrap();
    let info = first_template(&text);
    let input = Input::from_report(&inline, &info).unwrap();
    let script = export::render(Kind::AzCliBash, &input, &Options::default()).unwrap();
    assert!(script.text.contains(r"echo a\u0000b"));
}

/// The three scripts take the same steps with the same prose: their comments differ only where
/// they name their own tool (what it needs, how it writes the file and creates the template).
#[test]
fn the_three_scripts_say_the_same_steps_in_the_same_words() {
    /// The comment lines, but for the commands for later and the tool's own sentences.
    fn prose(script: &str) -> Vec<&str> {
        let own = [
            "# Builds the image template",
            "# Sign in first",
            "# Needs the Az modules",
            "# On Linux and macOS it needs PowerShell",
            "# NOTE: ",
            "# A quoted here-document",
            "# A verbatim here-string",
            "# `az resource create",
            "# template was checked against",
            "# sends API 2023-07-01",
            "# managedResourceTags, containerInstanceSubnetId",
            "# Invoke-AzRestMethod sends",
            "# checked against (",
            "# (These commands work in the current subscription",
            "# Creating the template downloads its scripts",
            "# distributed). With ",
        ];
        script
            .lines()
            .map(str::trim_start)
            .filter(|l| l.starts_with("# ") && !l.starts_with("#   "))
            .filter(|l| !own.iter().any(|o| l.starts_with(o)))
            .collect()
    }
    for text in [rich(), corpus(LINUX), corpus(WINDOWS)] {
        let document: Value = validator_core::parse::parse(&text).value.unwrap();
        let info = first_template(&text);
        let input = Input::from_report(&document, &info).unwrap();
        // The REST route writes the template to a file as the az scripts do.
        let scripts: Vec<String> = [
            Kind::AzCliBash,
            Kind::AzCliPowerShell,
            Kind::AzurePowerShell,
        ]
        .into_iter()
        .map(|kind| {
            export::render(kind, &input, &Options::default())
                .unwrap()
                .text
        })
        .collect();
        let bash = prose(&scripts[0]);
        assert!(bash.len() > 20, "{bash:#?}");
        assert_eq!(bash, prose(&scripts[1]));
        if scripts[2].contains("Invoke-AzRestMethod") {
            assert_eq!(bash, prose(&scripts[2]));
        }
    }
}

#[test]
fn a_template_whose_value_differs_from_its_text_is_not_exported() {
    let text = r#"{"location": "westeurope", "tags": {"mood": "\ud83d"}, "properties": {}}"#;
    let report = validator_core::check(text, &Default::default());
    let refusal = validator_core::export::refuse_unfaithful(&report).unwrap_err();
    assert_eq!(refusal.pointer, "/tags/mood");
    assert!(refusal.message.contains("U+FFFD"), "{}", refusal.message);
    let clean = validator_core::check(r#"{"location": "westeurope"}"#, &Default::default());
    assert!(validator_core::export::refuse_unfaithful(&clean).is_ok());
}

/// A policy's name and verdict head every export that has a header (scripts and Bicep as a
/// comment, ARM in its `metadata`) on one line, whatever the team wrote; the JSON body stays
/// exactly what Image Builder reads.
#[test]
fn exports_name_the_policy_they_were_checked_with() {
    let text = corpus(LINUX);
    let options = Options {
        policy: Some(export::PolicyNote {
            name: "Contoso\nimages\u{1b}[2J".into(),
            version: "2026.12".into(),
            errors: 0,
        }),
        ..Options::default()
    };
    let line = "Checked with the policy \"Contoso images\\u{1b}[2J\" version 2026.12: met.";
    let plain = exports(&text, &Options::default());
    for ((kind, out), (_, without)) in exports(&text, &options).into_iter().zip(plain) {
        match kind {
            Kind::Json => assert_eq!(out, without, "the body is unchanged"),
            Kind::Arm => {
                let arm: Value = serde_json::from_str(out.split("---\n").nth(1).unwrap()).unwrap();
                assert_eq!(arm["metadata"]["policy"], line);
            }
            _ => {
                let header: Vec<&str> = out.lines().take(20).collect();
                assert!(
                    header
                        .iter()
                        .any(|l| l.ends_with(line) && l.starts_with(['#', '/'])),
                    "{kind:?}:\n{out}"
                );
                assert!(!out.contains('\u{1b}'), "{kind:?}");
            }
        }
    }
}
