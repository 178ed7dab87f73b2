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

/// Marketplace images offered as presets for a PlatformImage source: (label, publisher,
/// offer, sku). Checked against `az vm image list` output in November 2026.
pub const IMAGE_PRESETS: &[(&str, &str, &str, &str)] = &[
    (
        "Ubuntu Server 22.04 LTS (Gen2)",
        "Canonical",
        "0001-com-ubuntu-server-jammy",
        "22_04-lts-gen2",
    ),
    (
        "Ubuntu Server 24.04 LTS (Gen2)",
        "Canonical",
        "ubuntu-24_04-lts",
        "server",
    ),
    (
        "Red Hat Enterprise Linux 9 (Gen2)",
        "RedHat",
        "RHEL",
        "9-lvm-gen2",
    ),
    (
        "AlmaLinux 9 (Gen2)",
        "almalinux",
        "almalinux-x86_64",
        "9-gen2",
    ),
    ("Debian 12 (Gen2)", "Debian", "debian-12", "12-gen2"),
    (
        "Windows Server 2022 Datacenter Azure Edition",
        "MicrosoftWindowsServer",
        "WindowsServer",
        "2022-datacenter-azure-edition",
    ),
    (
        "Windows Server 2025 Datacenter Azure Edition",
        "MicrosoftWindowsServer",
        "WindowsServer",
        "2025-datacenter-azure-edition",
    ),
    (
        "Windows 11 Enterprise multi-session 24H2 (AVD)",
        "MicrosoftWindowsDesktop",
        "windows-11",
        "win11-24h2-avd",
    ),
];

/// One template of the examples gallery (files under `static/examples/`, compiled in so the
/// gallery works offline).
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub file: &'static str,
    pub title: &'static str,
    pub repo: &'static str,
    pub licence: &'static str,
    pub text: &'static str,
}

/// Real public templates copied unchanged from their repositories (see static/examples/README.md).
pub const EXAMPLES: &[Example] = &[
    Example {
        file: "helloImageTemplateforSIG.json",
        title: "Linux to a gallery (official quickstart)",
        repo: "Azure/azvmimagebuilder",
        licence: "MIT",
        text: include_str!("../../static/examples/helloImageTemplateforSIG.json"),
    },
    Example {
        file: "helloImageTemplateWin.json",
        title: "Windows managed image (official quickstart)",
        repo: "Azure/azvmimagebuilder",
        licence: "MIT",
        text: include_str!("../../static/examples/helloImageTemplateWin.json"),
    },
    Example {
        file: "validators_with_a_linux_image.json",
        title: "Linux with validators",
        repo: "Azure/azvmimagebuilder",
        licence: "MIT",
        text: include_str!("../../static/examples/validators_with_a_linux_image.json"),
    },
    Example {
        file: "armTemplateWVD.json",
        title: "Windows Virtual Desktop (ARM template)",
        repo: "Azure/azvmimagebuilder",
        licence: "MIT",
        text: include_str!("../../static/examples/armTemplateWVD.json"),
    },
    Example {
        file: "azuredeploy.json",
        title: "AKS jump box (ARM template with VNet)",
        repo: "mspnp/aks-jumpbox-imagebuilder",
        licence: "MIT",
        text: include_str!("../../static/examples/azuredeploy.json"),
    },
];
