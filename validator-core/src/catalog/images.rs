//! Facts about marketplace images, read by the rules, the exports and the app alike: whose
//! images are Windows or Linux, which are Hyper-V generation 2, and the common images the app
//! offers as presets.

use serde_json::{Map, Value};

use crate::Os;

/// Publishers whose marketplace images are Windows.
const WINDOWS_PUBLISHERS: &[&str] = &[
    "microsoftwindowsserver",
    "microsoftwindowsdesktop",
    "microsoftvisualstudio",
    "microsoftsqlserver",
    "microsoft-dsvm",
    "microsoftwindowsserverhpcpack",
    "microsoftdynamicsnav",
    "microsoftsharepoint",
    "microsoftbiztalkserver",
];

/// Publishers whose marketplace images are Linux.
const LINUX_PUBLISHERS: &[&str] = &[
    "canonical",
    "redhat",
    "openlogic",
    "suse",
    "debian",
    "oracle",
    "almalinux",
    "resf",
    "erockyenterprisesoftwarefoundationinc1653071250513",
    "kinvolk",
    "microsoftcblmariner",
    "center-for-internet-security-inc",
    "credativ",
    "coreos",
];

/// Words in offers and SKUs of other publishers' Linux images.
const LINUX_WORDS: &[&str] = &[
    "ubuntu", "rhel", "centos", "debian", "sles", "suse", "linux", "alma", "rocky", "mariner",
];

/// The OS of a PlatformImage source, judged from publisher, offer and SKU (ARM expressions
/// tell nothing).
pub fn os_of_platform_image(source: &Map<String, Value>) -> Option<Os> {
    let field = |k: &str| {
        source
            .get(k)
            .and_then(Value::as_str)
            .filter(|s| !crate::model::is_expression(s))
            .map(str::to_ascii_lowercase)
    };
    let publisher = field("publisher");
    let offer = field("offer").unwrap_or_default();
    let sku = field("sku").unwrap_or_default();
    if let Some(p) = publisher.as_deref() {
        if WINDOWS_PUBLISHERS.contains(&p) {
            return Some(Os::Windows);
        }
        if LINUX_PUBLISHERS.contains(&p) {
            return Some(Os::Linux);
        }
    }
    if offer.contains("windows")
        || sku.contains("windows")
        || sku.contains("win10")
        || sku.contains("win11")
    {
        return Some(Os::Windows);
    }
    LINUX_WORDS
        .iter()
        .any(|w| offer.contains(w) || sku.contains(w))
        .then_some(Os::Linux)
}

/// A virtual machine's Hyper-V generation; a gallery image definition must have its source's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    V1,
    V2,
}

impl Generation {
    /// As `az sig image-definition create --hyper-v-generation` and the gallery API write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Generation::V1 => "V1",
            Generation::V2 => "V2",
        }
    }
}

/// The generation of a marketplace image, told by the naming of its offer and SKU:
/// - a `gen1` SKU is generation 1 (`server-gen1`, the Gen1 twin of Ubuntu 24.04's `server`);
/// - `…-gen2`, `…gen2`, `…-g2` and `…gensecond` SKUs are generation 2 (`22_04-lts-gen2`,
///   `2019-datacenter-gensecond`, `win10-22h2-avd-g2`);
/// - images that exist only as generation 2: Windows 11 (`win11-*`, offer `windows-11`),
///   Windows Server Azure Edition (`2022-datacenter-azure-edition`), Arm64 and confidential
///   VM (`cvm`) images;
/// - Canonical's offers since Ubuntu 24.04 (`ubuntu-24_04-lts`) name their generation 2 SKU
///   plainly (`server`, `minimal`) and mark the generation 1 one (`server-gen1`);
/// - anything else is generation 1 (`2019-Datacenter`, `22_04-lts`, `18.04-LTS`).
pub fn generation(offer: &str, sku: &str) -> Generation {
    let offer = offer.to_ascii_lowercase();
    let sku = sku.to_ascii_lowercase();
    if sku.contains("gen1") {
        return Generation::V1;
    }
    let marked = sku.contains("gen2")
        || sku.contains("gensecond")
        || sku.ends_with("-g2")
        || sku.contains("-g2-");
    let only_gen2 = sku.contains("win11")
        || offer.contains("windows-11")
        || sku.contains("azure-edition")
        || sku.contains("arm64")
        || sku.split(['-', '_']).any(|word| word == "cvm");
    let new_ubuntu = offer.starts_with("ubuntu-");
    if marked || only_gen2 || new_ubuntu {
        Generation::V2
    } else {
        Generation::V1
    }
}

/// The generation of a template's source and the SKU that tells it, when it tells: only a
/// marketplace source with a literal SKU does.
pub fn source_generation(source: Option<&Value>) -> Option<(Generation, &str)> {
    let source = source?;
    if source.get("type").and_then(Value::as_str) != Some("PlatformImage") {
        return None;
    }
    let text = |k: &str| crate::model::literal_str(source.get(k));
    let sku = text("sku").filter(|s| !s.is_empty())?;
    Some((generation(text("offer").unwrap_or_default(), sku), sku))
}

/// A common marketplace image, offered as a preset for a PlatformImage source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    pub label: &'static str,
    pub publisher: &'static str,
    pub offer: &'static str,
    pub sku: &'static str,
}

/// The presets, checked against `az vm image list` output in November 2026.
pub const PRESETS: &[Preset] = &[
    Preset {
        label: "Ubuntu Server 22.04 LTS (Gen2)",
        publisher: "Canonical",
        offer: "0001-com-ubuntu-server-jammy",
        sku: "22_04-lts-gen2",
    },
    Preset {
        label: "Ubuntu Server 24.04 LTS (Gen2)",
        publisher: "Canonical",
        offer: "ubuntu-24_04-lts",
        sku: "server",
    },
    Preset {
        label: "Red Hat Enterprise Linux 9 (Gen2)",
        publisher: "RedHat",
        offer: "RHEL",
        sku: "9-lvm-gen2",
    },
    Preset {
        label: "AlmaLinux 9 (Gen2)",
        publisher: "almalinux",
        offer: "almalinux-x86_64",
        sku: "9-gen2",
    },
    Preset {
        label: "Debian 12 (Gen2)",
        publisher: "Debian",
        offer: "debian-12",
        sku: "12-gen2",
    },
    Preset {
        label: "Windows Server 2022 Datacenter Azure Edition",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2022-datacenter-azure-edition",
    },
    Preset {
        label: "Windows Server 2025 Datacenter Azure Edition",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2025-datacenter-azure-edition",
    },
    Preset {
        label: "Windows 11 Enterprise multi-session 24H2 (AVD)",
        publisher: "MicrosoftWindowsDesktop",
        offer: "windows-11",
        sku: "win11-24h2-avd",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// SKUs as the marketplace and the corpus's templates name them.
    #[test]
    fn tells_the_generation_from_real_skus() {
        let v2 = [
            ("0001-com-ubuntu-server-jammy", "22_04-lts-gen2"),
            ("0001-com-ubuntu-server-focal", "20_04-lts-gen2"),
            ("ubuntu-24_04-lts", "server"),
            ("ubuntu-24_04-lts", "server-arm64"),
            ("0001-com-ubuntu-confidential-vm-jammy", "22_04-lts-cvm"),
            ("WindowsServer", "2019-datacenter-gensecond"),
            ("WindowsServer", "2022-datacenter-g2"),
            ("WindowsServer", "2022-datacenter-azure-edition"),
            ("WindowsServer", "2022-datacenter-azure-edition-hotpatch"),
            ("windows-11", "win11-24h2-avd"),
            ("windows-11", "win11-22h2-ent-cpc-m365"),
            ("windows-10", "win10-21h2-avd-m365-g2"),
            ("windows-10", "20h2-evd-o365pp-g2"),
            ("visualstudio2022", "vs-2022-ent-general-win11-m365-gen2"),
            ("RHEL", "9-lvm-gen2"),
        ];
        for (offer, sku) in v2 {
            assert_eq!(generation(offer, sku), Generation::V2, "{offer} {sku}");
        }
        let v1 = [
            ("UbuntuServer", "18.04-LTS"),
            ("0001-com-ubuntu-server-jammy", "22_04-lts"),
            ("ubuntu-24_04-lts", "server-gen1"),
            ("WindowsServer", "2019-Datacenter"),
            ("WindowsServer", "2022-datacenter"),
            ("windows-10", "20h2-evd-o365pp"),
            ("RHEL", "8-lvm"),
            ("WindowsServer", "server"),
        ];
        for (offer, sku) in v1 {
            assert_eq!(generation(offer, sku), Generation::V1, "{offer} {sku}");
        }
    }
}
