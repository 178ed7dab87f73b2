//! Starter templates and the examples gallery.

/// An empty template, to build everything through the form.
pub const BLANK: &str = r#"{
  "type": "Microsoft.VirtualMachineImages/imageTemplates",
  "apiVersion": "2025-10-01",
  "properties": {}
}
"#;

/// A new Linux template: Ubuntu 22.04 to an Azure Compute Gallery. The `<…>` values are
/// placeholders the placeholder form fills in.
pub const LINUX_STARTER: &str = r#"{
  "type": "Microsoft.VirtualMachineImages/imageTemplates",
  "apiVersion": "2024-02-01",
  "name": "ubuntu-2204-base",
  "location": "westeurope",
  "identity": {
    "type": "UserAssigned",
    "userAssignedIdentities": {
      "/subscriptions/<subscriptionId>/resourceGroups/<resourceGroup>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<identityName>": {}
    }
  },
  "properties": {
    "buildTimeoutInMinutes": 80,
    "vmProfile": { "vmSize": "Standard_D2s_v3", "osDiskSizeGB": 64 },
    "source": {
      "type": "PlatformImage",
      "publisher": "Canonical",
      "offer": "0001-com-ubuntu-server-jammy",
      "sku": "22_04-lts-gen2",
      "version": "latest"
    },
    "customize": [
      { "type": "Shell", "name": "update", "inline": ["sudo apt-get update", "sudo apt-get -y upgrade"] }
    ],
    "distribute": [
      {
        "type": "SharedImage",
        "galleryImageId": "/subscriptions/<subscriptionId>/resourceGroups/<resourceGroup>/providers/Microsoft.Compute/galleries/<galleryName>/images/<imageDefinition>",
        "runOutputName": "ubuntu-2204-sig",
        "targetRegions": [{ "name": "westeurope", "replicaCount": 1 }]
      }
    ]
  }
}
"#;

/// A new Windows template: Windows Server 2022 to an Azure Compute Gallery.
pub const WINDOWS_STARTER: &str = r#"{
  "type": "Microsoft.VirtualMachineImages/imageTemplates",
  "apiVersion": "2024-02-01",
  "name": "win2022-base",
  "location": "westeurope",
  "identity": {
    "type": "UserAssigned",
    "userAssignedIdentities": {
      "/subscriptions/<subscriptionId>/resourceGroups/<resourceGroup>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<identityName>": {}
    }
  },
  "properties": {
    "buildTimeoutInMinutes": 120,
    "vmProfile": { "vmSize": "Standard_D4s_v3", "osDiskSizeGB": 127 },
    "source": {
      "type": "PlatformImage",
      "publisher": "MicrosoftWindowsServer",
      "offer": "WindowsServer",
      "sku": "2022-datacenter-azure-edition",
      "version": "latest"
    },
    "customize": [
      { "type": "PowerShell", "name": "create-build-folder", "runElevated": true, "inline": ["New-Item -ItemType Directory -Path C:\\BuildArtifacts -Force"] },
      { "type": "WindowsRestart", "restartTimeout": "10m" },
      { "type": "WindowsUpdate", "searchCriteria": "IsInstalled=0", "filters": ["exclude:$_.Title -like '*Preview*'", "include:$true"], "updateLimit": 40 },
      { "type": "WindowsRestart", "restartTimeout": "10m" }
    ],
    "distribute": [
      {
        "type": "SharedImage",
        "galleryImageId": "/subscriptions/<subscriptionId>/resourceGroups/<resourceGroup>/providers/Microsoft.Compute/galleries/<galleryName>/images/<imageDefinition>",
        "runOutputName": "win2022-sig",
        "targetRegions": [{ "name": "westeurope", "replicaCount": 1 }]
      }
    ]
  }
}
"#;

#[cfg(test)]
mod tests {
    use serde_json::Value;
    use validator_core::catalog::images::PRESETS;
    use validator_core::export::{self, Input, Kind, Options};

    /// (generation 2, OS) as the checker says them (rule AIB055, the report's OS) and as the
    /// az export's gallery image definition says them.
    fn checker_and_export(text: &str) -> ((bool, String), (bool, String)) {
        let report = validator_core::check(text, &Default::default());
        let gen2_rule = report.diagnostics.iter().any(|d| d.code == "AIB055");
        let document: Value = validator_core::parse::parse(text).value.unwrap();
        let info = &report.templates[0];
        let input = Input::from_report(&document, info).unwrap();
        let script = export::render(Kind::AzCliBash, &input, &Options::default())
            .unwrap()
            .text;
        let option = |name: &str| {
            let at = script
                .find(name)
                .unwrap_or_else(|| panic!("{name}:\n{script}"));
            let value = script[at + name.len()..].split_whitespace().next();
            value.unwrap_or_default().to_ascii_lowercase()
        };
        (
            (gen2_rule, info.os.to_owned()),
            (
                option("--hyper-v-generation ") == "v2",
                option("--os-type "),
            ),
        )
    }

    #[test]
    fn starters_and_presets_get_one_answer_from_checker_and_export() {
        let mut texts = vec![
            super::LINUX_STARTER.to_owned(),
            super::WINDOWS_STARTER.to_owned(),
        ];
        for starter in [super::LINUX_STARTER, super::WINDOWS_STARTER] {
            for preset in PRESETS {
                let mut template: Value = serde_json::from_str(starter).unwrap();
                let source = &mut template["properties"]["source"];
                source["publisher"] = preset.publisher.into();
                source["offer"] = preset.offer.into();
                source["sku"] = preset.sku.into();
                texts.push(serde_json::to_string_pretty(&template).unwrap());
            }
        }
        for text in &texts {
            let (checker, export) = checker_and_export(text);
            assert_eq!(checker, export, "{text}");
        }
        // Every preset is labelled by its generation, and the facts agree with the label.
        for preset in PRESETS {
            let gen2 = validator_core::catalog::images::generation(preset.offer, preset.sku)
                == validator_core::catalog::images::Generation::V2;
            let labelled = preset.label.contains("Gen2")
                || preset.label.contains("Azure Edition")
                || preset.label.contains("Windows 11");
            assert_eq!(gen2, labelled, "{}", preset.label);
        }
    }
}
