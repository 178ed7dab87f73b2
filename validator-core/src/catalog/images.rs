//! Facts about marketplace images, read by the rules, the exports and the app alike: whose
//! images are Windows or Linux, which are Hyper-V generation 2 or Arm64, and a catalogue of
//! popular images (publisher → offer → SKU) whose first entries the app offers as presets.

use serde_json::{Map, Value};

use super::vm_sizes::Arch;
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
    };
    os_of(
        field("publisher").unwrap_or_default(),
        field("offer").unwrap_or_default(),
        field("sku").unwrap_or_default(),
    )
}

/// The OS of a marketplace image, judged from its publisher, then from words in its offer and
/// SKU.
pub fn os_of(publisher: &str, offer: &str, sku: &str) -> Option<Os> {
    let publisher = publisher.to_ascii_lowercase();
    let offer = offer.to_ascii_lowercase();
    let sku = sku.to_ascii_lowercase();
    if WINDOWS_PUBLISHERS.contains(&publisher.as_str()) {
        return Some(Os::Windows);
    }
    if LINUX_PUBLISHERS.contains(&publisher.as_str()) {
        return Some(Os::Linux);
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

/// The architecture of a marketplace image: Arm64 images say so in their offer or SKU
/// (`22_04-lts-arm64`, `rhel-arm64`); the others are x64.
pub fn architecture(offer: &str, sku: &str) -> Arch {
    let arm = |text: &str| text.to_ascii_lowercase().contains("arm64");
    if arm(offer) || arm(sku) {
        Arch::Arm64
    } else {
        Arch::X64
    }
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
        || architecture(&offer, &sku) == Arch::Arm64
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

/// A marketplace image: where it is (publisher, offer, SKU) and how a pick-list names it. Its
/// OS, generation and architecture are told by [`MarketplaceImage::os`],
/// [`MarketplaceImage::generation`] and [`MarketplaceImage::arch`], the same functions that
/// judge a template's source, so the catalogue and the rules cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarketplaceImage {
    pub label: &'static str,
    pub publisher: &'static str,
    pub offer: &'static str,
    pub sku: &'static str,
}

/// The app's presets are the first entries of the catalogue.
pub type Preset = MarketplaceImage;

impl MarketplaceImage {
    pub fn os(&self) -> Option<Os> {
        os_of(self.publisher, self.offer, self.sku)
    }

    pub fn generation(&self) -> Generation {
        generation(self.offer, self.sku)
    }

    pub fn arch(&self) -> Arch {
        architecture(self.offer, self.sku)
    }
}

/// How many of [`IMAGES`] are offered as presets: the newest image of each common OS.
const PRESET_COUNT: usize = 8;

/// The presets offered for a PlatformImage source.
pub const PRESETS: &[Preset] = IMAGES.split_at(PRESET_COUNT).0;

/// Popular marketplace images, presets first, then by OS. Checked against
/// `az vm image list --publisher <publisher> --offer <offer> --all` output in November 2026;
/// refresh with `az vm image list-skus --location westeurope --publisher <p> --offer <o>`.
/// Rocky Linux (`resf`) is left out: its images need a purchase plan (`planInfo`).
pub const IMAGES: &[MarketplaceImage] = &[
    MarketplaceImage {
        label: "Ubuntu Server 22.04 LTS (Gen2)",
        publisher: "Canonical",
        offer: "0001-com-ubuntu-server-jammy",
        sku: "22_04-lts-gen2",
    },
    MarketplaceImage {
        label: "Ubuntu Server 24.04 LTS (Gen2)",
        publisher: "Canonical",
        offer: "ubuntu-24_04-lts",
        sku: "server",
    },
    MarketplaceImage {
        label: "Red Hat Enterprise Linux 9 (Gen2)",
        publisher: "RedHat",
        offer: "RHEL",
        sku: "9-lvm-gen2",
    },
    MarketplaceImage {
        label: "AlmaLinux 9 (Gen2)",
        publisher: "almalinux",
        offer: "almalinux-x86_64",
        sku: "9-gen2",
    },
    MarketplaceImage {
        label: "Debian 12 (Gen2)",
        publisher: "Debian",
        offer: "debian-12",
        sku: "12-gen2",
    },
    MarketplaceImage {
        label: "Windows Server 2022 Datacenter Azure Edition",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2022-datacenter-azure-edition",
    },
    MarketplaceImage {
        label: "Windows Server 2025 Datacenter Azure Edition",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2025-datacenter-azure-edition",
    },
    MarketplaceImage {
        label: "Windows 11 Enterprise multi-session 24H2 (AVD)",
        publisher: "MicrosoftWindowsDesktop",
        offer: "windows-11",
        sku: "win11-24h2-avd",
    },
    MarketplaceImage {
        label: "Windows Server 2019 Datacenter (Gen1)",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2019-datacenter",
    },
    MarketplaceImage {
        label: "Windows Server 2019 Datacenter (Gen2)",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2019-datacenter-gensecond",
    },
    MarketplaceImage {
        label: "Windows Server 2019 Datacenter Server Core (Gen1)",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2019-datacenter-core",
    },
    MarketplaceImage {
        label: "Windows Server 2019 Datacenter Server Core (Gen2)",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2019-datacenter-core-g2",
    },
    MarketplaceImage {
        label: "Windows Server 2022 Datacenter (Gen1)",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2022-datacenter",
    },
    MarketplaceImage {
        label: "Windows Server 2022 Datacenter (Gen2)",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2022-datacenter-g2",
    },
    MarketplaceImage {
        label: "Windows Server 2022 Datacenter Server Core (Gen1)",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2022-datacenter-core",
    },
    MarketplaceImage {
        label: "Windows Server 2022 Datacenter Server Core (Gen2)",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2022-datacenter-core-g2",
    },
    MarketplaceImage {
        label: "Windows Server 2022 Datacenter Azure Edition Hotpatch",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2022-datacenter-azure-edition-hotpatch",
    },
    MarketplaceImage {
        label: "Windows Server 2022 Datacenter Azure Edition Server Core",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2022-datacenter-azure-edition-core",
    },
    MarketplaceImage {
        label: "Windows Server 2025 Datacenter (Gen1)",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2025-datacenter",
    },
    MarketplaceImage {
        label: "Windows Server 2025 Datacenter (Gen2)",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2025-datacenter-g2",
    },
    MarketplaceImage {
        label: "Windows Server 2025 Datacenter Azure Edition Server Core",
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2025-datacenter-azure-edition-core",
    },
    MarketplaceImage {
        label: "Windows 10 Enterprise multi-session 22H2 (AVD, Gen1)",
        publisher: "MicrosoftWindowsDesktop",
        offer: "windows-10",
        sku: "win10-22h2-avd",
    },
    MarketplaceImage {
        label: "Windows 10 Enterprise multi-session 22H2 (AVD, Gen2)",
        publisher: "MicrosoftWindowsDesktop",
        offer: "windows-10",
        sku: "win10-22h2-avd-g2",
    },
    MarketplaceImage {
        label: "Windows 10 Enterprise 22H2 (Gen1)",
        publisher: "MicrosoftWindowsDesktop",
        offer: "windows-10",
        sku: "win10-22h2-ent",
    },
    MarketplaceImage {
        label: "Windows 10 Enterprise 22H2 (Gen2)",
        publisher: "MicrosoftWindowsDesktop",
        offer: "windows-10",
        sku: "win10-22h2-ent-g2",
    },
    MarketplaceImage {
        label: "Windows 10 Enterprise multi-session 22H2 + Microsoft 365 (AVD, Gen1)",
        publisher: "MicrosoftWindowsDesktop",
        offer: "office-365",
        sku: "win10-22h2-avd-m365",
    },
    MarketplaceImage {
        label: "Windows 10 Enterprise multi-session 22H2 + Microsoft 365 (AVD, Gen2)",
        publisher: "MicrosoftWindowsDesktop",
        offer: "office-365",
        sku: "win10-22h2-avd-m365-g2",
    },
    MarketplaceImage {
        label: "Windows 11 Enterprise 24H2",
        publisher: "MicrosoftWindowsDesktop",
        offer: "windows-11",
        sku: "win11-24h2-ent",
    },
    MarketplaceImage {
        label: "Windows 11 Enterprise multi-session 23H2 (AVD)",
        publisher: "MicrosoftWindowsDesktop",
        offer: "windows-11",
        sku: "win11-23h2-avd",
    },
    MarketplaceImage {
        label: "Windows 11 Enterprise 23H2",
        publisher: "MicrosoftWindowsDesktop",
        offer: "windows-11",
        sku: "win11-23h2-ent",
    },
    MarketplaceImage {
        label: "Windows 11 Enterprise multi-session 24H2 + Microsoft 365 (AVD)",
        publisher: "MicrosoftWindowsDesktop",
        offer: "office-365",
        sku: "win11-24h2-avd-m365",
    },
    MarketplaceImage {
        label: "Windows 11 Enterprise multi-session 23H2 + Microsoft 365 (AVD)",
        publisher: "MicrosoftWindowsDesktop",
        offer: "office-365",
        sku: "win11-23h2-avd-m365",
    },
    MarketplaceImage {
        label: "Ubuntu Server 20.04 LTS (Gen1)",
        publisher: "Canonical",
        offer: "0001-com-ubuntu-server-focal",
        sku: "20_04-lts",
    },
    MarketplaceImage {
        label: "Ubuntu Server 20.04 LTS (Gen2)",
        publisher: "Canonical",
        offer: "0001-com-ubuntu-server-focal",
        sku: "20_04-lts-gen2",
    },
    MarketplaceImage {
        label: "Ubuntu Server 20.04 LTS (Arm64)",
        publisher: "Canonical",
        offer: "0001-com-ubuntu-server-focal",
        sku: "20_04-lts-arm64",
    },
    MarketplaceImage {
        label: "Ubuntu Server 22.04 LTS (Gen1)",
        publisher: "Canonical",
        offer: "0001-com-ubuntu-server-jammy",
        sku: "22_04-lts",
    },
    MarketplaceImage {
        label: "Ubuntu Server 22.04 LTS (Arm64)",
        publisher: "Canonical",
        offer: "0001-com-ubuntu-server-jammy",
        sku: "22_04-lts-arm64",
    },
    MarketplaceImage {
        label: "Ubuntu Server 24.04 LTS (Gen1)",
        publisher: "Canonical",
        offer: "ubuntu-24_04-lts",
        sku: "server-gen1",
    },
    MarketplaceImage {
        label: "Ubuntu Server 24.04 LTS (Arm64)",
        publisher: "Canonical",
        offer: "ubuntu-24_04-lts",
        sku: "server-arm64",
    },
    MarketplaceImage {
        label: "Ubuntu Minimal 24.04 LTS (Gen2)",
        publisher: "Canonical",
        offer: "ubuntu-24_04-lts",
        sku: "minimal",
    },
    MarketplaceImage {
        label: "Red Hat Enterprise Linux 8 (Gen1)",
        publisher: "RedHat",
        offer: "RHEL",
        sku: "8-lvm",
    },
    MarketplaceImage {
        label: "Red Hat Enterprise Linux 8 (Gen2)",
        publisher: "RedHat",
        offer: "RHEL",
        sku: "8-lvm-gen2",
    },
    MarketplaceImage {
        label: "Red Hat Enterprise Linux 9 (Gen1)",
        publisher: "RedHat",
        offer: "RHEL",
        sku: "9-lvm",
    },
    MarketplaceImage {
        label: "AlmaLinux 8 (Gen1)",
        publisher: "almalinux",
        offer: "almalinux-x86_64",
        sku: "8-gen1",
    },
    MarketplaceImage {
        label: "AlmaLinux 8 (Gen2)",
        publisher: "almalinux",
        offer: "almalinux-x86_64",
        sku: "8-gen2",
    },
    MarketplaceImage {
        label: "AlmaLinux 9 (Gen1)",
        publisher: "almalinux",
        offer: "almalinux-x86_64",
        sku: "9-gen1",
    },
    MarketplaceImage {
        label: "SUSE Linux Enterprise Server 15 SP6 (Gen1)",
        publisher: "SUSE",
        offer: "sles-15-sp6",
        sku: "gen1",
    },
    MarketplaceImage {
        label: "SUSE Linux Enterprise Server 15 SP6 (Gen2)",
        publisher: "SUSE",
        offer: "sles-15-sp6",
        sku: "gen2",
    },
    MarketplaceImage {
        label: "Debian 11 (Gen1)",
        publisher: "Debian",
        offer: "debian-11",
        sku: "11",
    },
    MarketplaceImage {
        label: "Debian 11 (Gen2)",
        publisher: "Debian",
        offer: "debian-11",
        sku: "11-gen2",
    },
    MarketplaceImage {
        label: "Debian 12 (Gen1)",
        publisher: "Debian",
        offer: "debian-12",
        sku: "12",
    },
    MarketplaceImage {
        label: "Debian 12 (Arm64)",
        publisher: "Debian",
        offer: "debian-12",
        sku: "12-arm64",
    },
    MarketplaceImage {
        label: "CBL-Mariner 2.0 (Gen1)",
        publisher: "MicrosoftCBLMariner",
        offer: "cbl-mariner",
        sku: "cbl-mariner-2",
    },
    MarketplaceImage {
        label: "CBL-Mariner 2.0 (Gen2)",
        publisher: "MicrosoftCBLMariner",
        offer: "cbl-mariner",
        sku: "cbl-mariner-2-gen2",
    },
    MarketplaceImage {
        label: "Azure Linux 3 (Gen1)",
        publisher: "MicrosoftCBLMariner",
        offer: "azure-linux-3",
        sku: "azure-linux-3",
    },
    MarketplaceImage {
        label: "Azure Linux 3 (Gen2)",
        publisher: "MicrosoftCBLMariner",
        offer: "azure-linux-3",
        sku: "azure-linux-3-gen2",
    },
    MarketplaceImage {
        label: "Azure Linux 3 (Arm64)",
        publisher: "MicrosoftCBLMariner",
        offer: "azure-linux-3",
        sku: "azure-linux-3-arm64",
    },
];

/// The catalogued publishers, in catalogue order, each once.
pub fn publishers() -> impl Iterator<Item = &'static str> {
    let mut seen = Vec::new();
    IMAGES.iter().filter_map(move |image| {
        let new = !seen.contains(&image.publisher);
        seen.push(image.publisher);
        new.then_some(image.publisher)
    })
}

/// The catalogued offers of a publisher (ignoring case), each once.
pub fn offers(publisher: &str) -> impl Iterator<Item = &'static str> + '_ {
    let mut seen = Vec::new();
    IMAGES
        .iter()
        .filter(move |image| image.publisher.eq_ignore_ascii_case(publisher))
        .filter_map(move |image| {
            let new = !seen.contains(&image.offer);
            seen.push(image.offer);
            new.then_some(image.offer)
        })
}

/// The catalogued images of a publisher's offer (ignoring case), one per SKU.
pub fn skus<'q>(
    publisher: &'q str,
    offer: &'q str,
) -> impl Iterator<Item = &'static MarketplaceImage> + 'q {
    IMAGES.iter().filter(move |image| {
        image.publisher.eq_ignore_ascii_case(publisher) && image.offer.eq_ignore_ascii_case(offer)
    })
}

/// The catalogued image at publisher, offer and SKU, ignoring case as Azure does.
pub fn find(publisher: &str, offer: &str, sku: &str) -> Option<&'static MarketplaceImage> {
    skus(publisher, offer).find(|image| image.sku.eq_ignore_ascii_case(sku))
}

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

    /// Each label states what the naming rules must tell: `Gen1`, `Gen2` or `Arm64`, or an
    /// image that exists only as generation 2 (Azure Edition, Windows 11, Ubuntu 24.04's
    /// `server` and `minimal`).
    #[test]
    fn the_catalogue_agrees_with_the_naming_rules() {
        let mut seen = std::collections::HashSet::new();
        for image in IMAGES {
            let key = (image.publisher, image.offer, image.sku.to_ascii_lowercase());
            assert!(seen.insert(key), "{} twice", image.label);
            let label = image.label;
            let gen2 = label.contains("Gen2")
                || label.contains("Arm64")
                || label.contains("Azure Edition")
                || label.contains("Windows 11");
            assert!(
                gen2 || label.contains("Gen1"),
                "{label}: say the generation"
            );
            let expected = if gen2 { Generation::V2 } else { Generation::V1 };
            assert_eq!(image.generation(), expected, "{label}");
            let arm = label.contains("Arm64");
            assert_eq!(image.arch() == Arch::Arm64, arm, "{label}");
            let windows = label.starts_with("Windows");
            let os = if windows { Os::Windows } else { Os::Linux };
            assert_eq!(image.os(), Some(os), "{label}");
        }
        assert_eq!(PRESETS, &IMAGES[..PRESET_COUNT]);
    }

    #[test]
    fn lists_publishers_offers_and_skus_for_pick_lists() {
        let publishers: Vec<_> = publishers().collect();
        assert!(
            publishers.contains(&"Canonical") && publishers.contains(&"MicrosoftWindowsServer")
        );
        assert_eq!(
            publishers.len(),
            publishers
                .iter()
                .collect::<std::collections::HashSet<_>>()
                .len()
        );
        let offers: Vec<_> = offers("canonical").collect();
        assert_eq!(
            offers,
            [
                "0001-com-ubuntu-server-jammy",
                "ubuntu-24_04-lts",
                "0001-com-ubuntu-server-focal"
            ]
        );
        let skus: Vec<_> = skus("Canonical", "ubuntu-24_04-lts")
            .map(|i| i.sku)
            .collect();
        assert_eq!(skus, ["server", "server-gen1", "server-arm64", "minimal"]);
        let image = find(
            "microsoftwindowsserver",
            "windowsserver",
            "2022-Datacenter-G2",
        )
        .unwrap();
        assert_eq!(image.generation(), Generation::V2);
        assert!(find("Canonical", "UbuntuServer", "16.04-LTS").is_none());
    }
}
