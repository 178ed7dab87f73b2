//! VM sizes: a curated catalogue of the families people pick for build VMs, and the grammar of
//! Azure's size names, so a rule can tell a typo from a real size the catalogue does not list.
//!
//! Source: Microsoft Learn, "Sizes for virtual machines in Azure" and the page of each series
//! (vCPUs, memory, "Premium Storage", "VM Generation Support"), and "Support for generation 2
//! VMs on Azure", read November 2026. Constrained-vCPU (`Standard_E32-8s_v5`), isolated
//! (`Standard_E104is_v5`) and retired sizes are left out. Refresh with
//! `az vm list-skus --location westeurope --resource-type virtualMachines`.
//!
//! Names are compared ignoring case, as Azure does (`standard_d2s_v3` is `Standard_D2s_v3`).

/// The processor architecture of a size; a VM boots only images of its architecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arch {
    X64,
    Arm64,
}

impl Arch {
    /// As `az vm image list --architecture` and the gallery API write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Arch::X64 => "x64",
            Arch::Arm64 => "Arm64",
        }
    }
}

/// The Hyper-V generations a family's sizes boot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generations {
    V1Only,
    V2Only,
    Both,
}

impl Generations {
    pub fn supports(self, generation: super::images::Generation) -> bool {
        use super::images::Generation;
        matches!(
            (self, generation),
            (Generations::Both, _)
                | (Generations::V1Only, Generation::V1)
                | (Generations::V2Only, Generation::V2)
        )
    }
}

/// A family of sizes that share their hardware, as Microsoft Learn groups them (`Dsv5`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Family {
    /// As Microsoft Learn names it: `Dsv5`, `DSv2`, `Bsv2`.
    pub name: &'static str,
    pub generations: Generations,
    pub arch: Arch,
    pub premium_storage: bool,
    /// Each size's name, vCPUs and memory in GiB.
    pub sizes: &'static [(&'static str, u16, f32)],
}

/// One size with its family's facts, as a pick-list shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VmSize {
    /// `Standard_D4s_v5`.
    pub name: &'static str,
    pub vcpus: u16,
    pub memory_gib: f32,
    pub family: &'static Family,
}

impl VmSize {
    pub fn generations(&self) -> Generations {
        self.family.generations
    }

    pub fn arch(&self) -> Arch {
        self.family.arch
    }

    pub fn premium_storage(&self) -> bool {
        self.family.premium_storage
    }
}

use Arch::{Arm64, X64};
use Generations::{Both, V1Only, V2Only};

/// The families, general purpose first, then memory and compute optimised, then GPU.
pub const FAMILIES: &[Family] = &[
    Family {
        name: "Bsv2",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_B2ts_v2", 2, 1.0),
            ("Standard_B2ls_v2", 2, 4.0),
            ("Standard_B2s_v2", 2, 8.0),
            ("Standard_B4ls_v2", 4, 8.0),
            ("Standard_B4s_v2", 4, 16.0),
            ("Standard_B8ls_v2", 8, 16.0),
            ("Standard_B8s_v2", 8, 32.0),
            ("Standard_B16ls_v2", 16, 32.0),
            ("Standard_B16s_v2", 16, 64.0),
            ("Standard_B32ls_v2", 32, 64.0),
            ("Standard_B32s_v2", 32, 128.0),
        ],
    },
    Family {
        name: "Basv2",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_B2ats_v2", 2, 1.0),
            ("Standard_B2als_v2", 2, 4.0),
            ("Standard_B2as_v2", 2, 8.0),
            ("Standard_B4als_v2", 4, 8.0),
            ("Standard_B4as_v2", 4, 16.0),
            ("Standard_B8als_v2", 8, 16.0),
            ("Standard_B8as_v2", 8, 32.0),
            ("Standard_B16als_v2", 16, 32.0),
            ("Standard_B16as_v2", 16, 64.0),
            ("Standard_B32als_v2", 32, 64.0),
            ("Standard_B32as_v2", 32, 128.0),
        ],
    },
    Family {
        name: "Bpsv2",
        generations: V2Only,
        arch: Arm64,
        premium_storage: true,
        sizes: &[
            ("Standard_B2pts_v2", 2, 1.0),
            ("Standard_B2pls_v2", 2, 4.0),
            ("Standard_B2ps_v2", 2, 8.0),
            ("Standard_B4pls_v2", 4, 8.0),
            ("Standard_B4ps_v2", 4, 16.0),
            ("Standard_B8pls_v2", 8, 16.0),
            ("Standard_B8ps_v2", 8, 32.0),
            ("Standard_B16pls_v2", 16, 32.0),
            ("Standard_B16ps_v2", 16, 64.0),
        ],
    },
    Family {
        name: "B",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_B1ls", 1, 0.5),
            ("Standard_B1s", 1, 1.0),
            ("Standard_B1ms", 1, 2.0),
            ("Standard_B2s", 2, 4.0),
            ("Standard_B2ms", 2, 8.0),
            ("Standard_B4ms", 4, 16.0),
            ("Standard_B8ms", 8, 32.0),
            ("Standard_B12ms", 12, 48.0),
            ("Standard_B16ms", 16, 64.0),
            ("Standard_B20ms", 20, 80.0),
        ],
    },
    Family {
        name: "Av2",
        generations: V1Only,
        arch: X64,
        premium_storage: false,
        sizes: &[
            ("Standard_A1_v2", 1, 2.0),
            ("Standard_A2_v2", 2, 4.0),
            ("Standard_A4_v2", 4, 8.0),
            ("Standard_A8_v2", 8, 16.0),
            ("Standard_A2m_v2", 2, 16.0),
            ("Standard_A4m_v2", 4, 32.0),
            ("Standard_A8m_v2", 8, 64.0),
        ],
    },
    Family {
        name: "Dv2",
        generations: V1Only,
        arch: X64,
        premium_storage: false,
        sizes: &[
            ("Standard_D1_v2", 1, 3.5),
            ("Standard_D2_v2", 2, 7.0),
            ("Standard_D3_v2", 4, 14.0),
            ("Standard_D4_v2", 8, 28.0),
            ("Standard_D5_v2", 16, 56.0),
            ("Standard_D11_v2", 2, 14.0),
            ("Standard_D12_v2", 4, 28.0),
            ("Standard_D13_v2", 8, 56.0),
            ("Standard_D14_v2", 16, 112.0),
            ("Standard_D15_v2", 20, 140.0),
        ],
    },
    Family {
        name: "DSv2",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_DS1_v2", 1, 3.5),
            ("Standard_DS2_v2", 2, 7.0),
            ("Standard_DS3_v2", 4, 14.0),
            ("Standard_DS4_v2", 8, 28.0),
            ("Standard_DS5_v2", 16, 56.0),
            ("Standard_DS11_v2", 2, 14.0),
            ("Standard_DS12_v2", 4, 28.0),
            ("Standard_DS13_v2", 8, 56.0),
            ("Standard_DS14_v2", 16, 112.0),
            ("Standard_DS15_v2", 20, 140.0),
        ],
    },
    Family {
        name: "Dv3",
        generations: V1Only,
        arch: X64,
        premium_storage: false,
        sizes: &[
            ("Standard_D2_v3", 2, 8.0),
            ("Standard_D4_v3", 4, 16.0),
            ("Standard_D8_v3", 8, 32.0),
            ("Standard_D16_v3", 16, 64.0),
            ("Standard_D32_v3", 32, 128.0),
            ("Standard_D48_v3", 48, 192.0),
            ("Standard_D64_v3", 64, 256.0),
        ],
    },
    Family {
        name: "Dsv3",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_D2s_v3", 2, 8.0),
            ("Standard_D4s_v3", 4, 16.0),
            ("Standard_D8s_v3", 8, 32.0),
            ("Standard_D16s_v3", 16, 64.0),
            ("Standard_D32s_v3", 32, 128.0),
            ("Standard_D48s_v3", 48, 192.0),
            ("Standard_D64s_v3", 64, 256.0),
        ],
    },
    Family {
        name: "Dv4",
        generations: Both,
        arch: X64,
        premium_storage: false,
        sizes: &[
            ("Standard_D2_v4", 2, 8.0),
            ("Standard_D4_v4", 4, 16.0),
            ("Standard_D8_v4", 8, 32.0),
            ("Standard_D16_v4", 16, 64.0),
            ("Standard_D32_v4", 32, 128.0),
            ("Standard_D48_v4", 48, 192.0),
            ("Standard_D64_v4", 64, 256.0),
        ],
    },
    Family {
        name: "Dsv4",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_D2s_v4", 2, 8.0),
            ("Standard_D4s_v4", 4, 16.0),
            ("Standard_D8s_v4", 8, 32.0),
            ("Standard_D16s_v4", 16, 64.0),
            ("Standard_D32s_v4", 32, 128.0),
            ("Standard_D48s_v4", 48, 192.0),
            ("Standard_D64s_v4", 64, 256.0),
        ],
    },
    Family {
        name: "Dv5",
        generations: Both,
        arch: X64,
        premium_storage: false,
        sizes: &[
            ("Standard_D2_v5", 2, 8.0),
            ("Standard_D4_v5", 4, 16.0),
            ("Standard_D8_v5", 8, 32.0),
            ("Standard_D16_v5", 16, 64.0),
            ("Standard_D32_v5", 32, 128.0),
            ("Standard_D48_v5", 48, 192.0),
            ("Standard_D64_v5", 64, 256.0),
            ("Standard_D96_v5", 96, 384.0),
        ],
    },
    Family {
        name: "Dsv5",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_D2s_v5", 2, 8.0),
            ("Standard_D4s_v5", 4, 16.0),
            ("Standard_D8s_v5", 8, 32.0),
            ("Standard_D16s_v5", 16, 64.0),
            ("Standard_D32s_v5", 32, 128.0),
            ("Standard_D48s_v5", 48, 192.0),
            ("Standard_D64s_v5", 64, 256.0),
            ("Standard_D96s_v5", 96, 384.0),
        ],
    },
    Family {
        name: "Ddsv5",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_D2ds_v5", 2, 8.0),
            ("Standard_D4ds_v5", 4, 16.0),
            ("Standard_D8ds_v5", 8, 32.0),
            ("Standard_D16ds_v5", 16, 64.0),
            ("Standard_D32ds_v5", 32, 128.0),
            ("Standard_D48ds_v5", 48, 192.0),
            ("Standard_D64ds_v5", 64, 256.0),
            ("Standard_D96ds_v5", 96, 384.0),
        ],
    },
    Family {
        name: "Dasv5",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_D2as_v5", 2, 8.0),
            ("Standard_D4as_v5", 4, 16.0),
            ("Standard_D8as_v5", 8, 32.0),
            ("Standard_D16as_v5", 16, 64.0),
            ("Standard_D32as_v5", 32, 128.0),
            ("Standard_D48as_v5", 48, 192.0),
            ("Standard_D64as_v5", 64, 256.0),
            ("Standard_D96as_v5", 96, 384.0),
        ],
    },
    Family {
        name: "Dadsv5",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_D2ads_v5", 2, 8.0),
            ("Standard_D4ads_v5", 4, 16.0),
            ("Standard_D8ads_v5", 8, 32.0),
            ("Standard_D16ads_v5", 16, 64.0),
            ("Standard_D32ads_v5", 32, 128.0),
            ("Standard_D48ads_v5", 48, 192.0),
            ("Standard_D64ads_v5", 64, 256.0),
            ("Standard_D96ads_v5", 96, 384.0),
        ],
    },
    Family {
        name: "Dpsv5",
        generations: V2Only,
        arch: Arm64,
        premium_storage: true,
        sizes: &[
            ("Standard_D2ps_v5", 2, 8.0),
            ("Standard_D4ps_v5", 4, 16.0),
            ("Standard_D8ps_v5", 8, 32.0),
            ("Standard_D16ps_v5", 16, 64.0),
            ("Standard_D32ps_v5", 32, 128.0),
            ("Standard_D48ps_v5", 48, 192.0),
            ("Standard_D64ps_v5", 64, 208.0),
        ],
    },
    Family {
        name: "Dsv6",
        generations: V2Only,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_D2s_v6", 2, 8.0),
            ("Standard_D4s_v6", 4, 16.0),
            ("Standard_D8s_v6", 8, 32.0),
            ("Standard_D16s_v6", 16, 64.0),
            ("Standard_D32s_v6", 32, 128.0),
            ("Standard_D48s_v6", 48, 192.0),
            ("Standard_D64s_v6", 64, 256.0),
            ("Standard_D96s_v6", 96, 384.0),
            ("Standard_D128s_v6", 128, 512.0),
        ],
    },
    Family {
        name: "Esv5",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_E2s_v5", 2, 16.0),
            ("Standard_E4s_v5", 4, 32.0),
            ("Standard_E8s_v5", 8, 64.0),
            ("Standard_E16s_v5", 16, 128.0),
            ("Standard_E20s_v5", 20, 160.0),
            ("Standard_E32s_v5", 32, 256.0),
            ("Standard_E48s_v5", 48, 384.0),
            ("Standard_E64s_v5", 64, 512.0),
            ("Standard_E96s_v5", 96, 672.0),
        ],
    },
    Family {
        name: "Edsv5",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_E2ds_v5", 2, 16.0),
            ("Standard_E4ds_v5", 4, 32.0),
            ("Standard_E8ds_v5", 8, 64.0),
            ("Standard_E16ds_v5", 16, 128.0),
            ("Standard_E20ds_v5", 20, 160.0),
            ("Standard_E32ds_v5", 32, 256.0),
            ("Standard_E48ds_v5", 48, 384.0),
            ("Standard_E64ds_v5", 64, 512.0),
            ("Standard_E96ds_v5", 96, 672.0),
        ],
    },
    Family {
        name: "Easv5",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_E2as_v5", 2, 16.0),
            ("Standard_E4as_v5", 4, 32.0),
            ("Standard_E8as_v5", 8, 64.0),
            ("Standard_E16as_v5", 16, 128.0),
            ("Standard_E20as_v5", 20, 160.0),
            ("Standard_E32as_v5", 32, 256.0),
            ("Standard_E48as_v5", 48, 384.0),
            ("Standard_E64as_v5", 64, 512.0),
            ("Standard_E96as_v5", 96, 672.0),
        ],
    },
    Family {
        name: "Fsv2",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_F2s_v2", 2, 4.0),
            ("Standard_F4s_v2", 4, 8.0),
            ("Standard_F8s_v2", 8, 16.0),
            ("Standard_F16s_v2", 16, 32.0),
            ("Standard_F32s_v2", 32, 64.0),
            ("Standard_F48s_v2", 48, 96.0),
            ("Standard_F64s_v2", 64, 128.0),
            ("Standard_F72s_v2", 72, 144.0),
        ],
    },
    Family {
        name: "NCasT4_v3",
        generations: Both,
        arch: X64,
        premium_storage: true,
        sizes: &[
            ("Standard_NC4as_T4_v3", 4, 28.0),
            ("Standard_NC8as_T4_v3", 8, 56.0),
            ("Standard_NC16as_T4_v3", 16, 110.0),
            ("Standard_NC64as_T4_v3", 64, 440.0),
        ],
    },
];

/// Every catalogued size, family by family.
pub fn sizes() -> impl Iterator<Item = VmSize> {
    FAMILIES.iter().flat_map(|family| {
        family
            .sizes
            .iter()
            .map(move |&(name, vcpus, memory_gib)| VmSize {
                name,
                vcpus,
                memory_gib,
                family,
            })
    })
}

/// The catalogued size of that name, ignoring case.
pub fn find(name: &str) -> Option<VmSize> {
    sizes().find(|size| size.name.eq_ignore_ascii_case(name))
}

/// A size name taken apart by Azure's naming grammar
/// (`Standard_` + series + number + `-`constrained vCPUs + additive features + `_`accelerator +
/// `_v`version): `Standard_NC16as_T4_v3` is series `NC`, number 16, features `as`,
/// accelerator `T4`, version 3. Letters are kept as written; compare them ignoring case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SizeName<'a> {
    pub series: &'a str,
    /// The vCPUs in today's series; a rank in older ones (`Standard_D3_v2` has 4 vCPUs).
    pub number: u16,
    pub constrained: Option<u16>,
    pub features: &'a str,
    pub accelerator: Option<&'a str>,
    /// `None` for the first version of a series (`Standard_B2s`, `Standard_A4`).
    pub version: Option<u8>,
}

impl SizeName<'_> {
    /// The part that names the family, ignoring case: series, features, accelerator and
    /// version (`Standard_D4s_v5` and `Standard_D8s_v5` share `d-s--5`).
    fn family_key(&self) -> String {
        format!(
            "{}-{}-{}-{}",
            self.series.to_ascii_lowercase(),
            self.features.to_ascii_lowercase(),
            self.accelerator.unwrap_or_default().to_ascii_lowercase(),
            self.version.unwrap_or(1)
        )
    }
}

/// Splits a size name by Azure's grammar; `None` when it does not follow it. Azure's sizes are
/// `Standard_…`; the retired `Basic_A0`–`Basic_A4` are `Basic_…`.
pub fn parse(name: &str) -> Option<SizeName<'_>> {
    let (tier, rest) = name.split_once('_')?;
    if !tier.eq_ignore_ascii_case("standard") && !tier.eq_ignore_ascii_case("basic") {
        return None;
    }
    let (rest, version) = match rest.rsplit_once('_') {
        Some((head, v)) if v.starts_with(['v', 'V']) && v.len() > 1 => {
            (head, Some(v[1..].parse::<u8>().ok()?))
        }
        _ => (rest, None),
    };
    let (rest, accelerator) = match rest.split_once('_') {
        Some((head, accelerator)) => {
            if accelerator.is_empty() || !accelerator.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return None;
            }
            (head, Some(accelerator))
        }
        None => (rest, None),
    };
    let digits_at = rest.find(|c: char| c.is_ascii_digit())?;
    let (series, rest) = rest.split_at(digits_at);
    if series.is_empty() || !series.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let number = |text: &str| -> Option<(u16, usize)> {
        let len = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        Some((text[..len].parse().ok()?, len))
    };
    let (vcpus, len) = number(rest)?;
    let mut rest = &rest[len..];
    let mut constrained = None;
    if let Some(after) = rest.strip_prefix('-') {
        let (n, len) = number(after)?;
        constrained = Some(n);
        rest = &after[len..];
    }
    if !rest.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    Some(SizeName {
        series,
        number: vcpus,
        constrained,
        features: rest,
        accelerator,
        version,
    })
}

/// The catalogued sizes named like `name` but for their number: same series, features,
/// accelerator and version (`Standard_D3s_v5` → `Standard_D2s_v5`, `Standard_D4s_v5`, …).
pub fn siblings(name: &SizeName) -> Vec<VmSize> {
    let key = name.family_key();
    sizes()
        .filter(|size| parse(size.name).is_some_and(|s| s.family_key() == key))
        .collect()
}

/// The catalogued family a size name belongs to, even when the catalogue lacks its number
/// (`Standard_D3s_v5` → `Dsv5`).
pub fn family_of(name: &SizeName) -> Option<&'static Family> {
    siblings(name).first().map(|size| size.family)
}

/// The newest version the catalogue knows of a series with these features (`D` + `s` → 5 for
/// `Dsv5`), for telling a version that does not exist (`Standard_D4s_v9`).
pub fn newest_version(series: &str, features: &str) -> Option<u8> {
    sizes()
        .filter_map(|size| parse(size.name))
        .filter(|s| {
            s.series.eq_ignore_ascii_case(series) && s.features.eq_ignore_ascii_case(features)
        })
        .map(|s| s.version.unwrap_or(1))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::images::Generation;

    #[test]
    fn every_catalogued_name_follows_the_grammar_and_appears_once() {
        let mut seen = std::collections::HashSet::new();
        for size in sizes() {
            assert!(parse(size.name).is_some(), "{}", size.name);
            assert!(seen.insert(size.name.to_ascii_lowercase()), "{}", size.name);
            let parsed = parse(size.name).unwrap();
            assert_eq!(family_of(&parsed).map(|f| f.name), Some(size.family.name));
        }
    }

    #[test]
    fn finds_sizes_ignoring_case() {
        let size = find("standard_d4s_v5").unwrap();
        assert_eq!(
            (size.name, size.vcpus, size.memory_gib),
            ("Standard_D4s_v5", 4, 16.0)
        );
        assert!(size.premium_storage());
        assert_eq!(
            find("Standard_D1_v2").unwrap().generations(),
            Generations::V1Only
        );
        assert!(!Generations::V1Only.supports(Generation::V2));
        assert_eq!(find("Standard_D4ps_v5").unwrap().arch(), Arch::Arm64);
        assert!(find("Standard_M416ms_v2").is_none());
    }

    #[test]
    fn reads_real_names_by_the_grammar() {
        let t4 = parse("Standard_NC16as_T4_v3").unwrap();
        assert_eq!(
            (
                t4.series,
                t4.number,
                t4.features,
                t4.accelerator,
                t4.version
            ),
            ("NC", 16, "as", Some("T4"), Some(3))
        );
        let constrained = parse("Standard_E32-8s_v5").unwrap();
        assert_eq!((constrained.number, constrained.constrained), (32, Some(8)));
        for real in [
            "Standard_M416ms_v2",
            "Standard_HB120rs_v3",
            "Standard_A0",
            "Basic_A1",
            "Standard_DS11-1_v2",
            "Standard_ND96isr_H100_v5",
            "Standard_B1ls",
        ] {
            assert!(parse(real).is_some(), "{real}");
        }
        for wrong in [
            "D4s_v5",
            "Standard_D4s-v5",
            "Standard D4s v5",
            "Standard_4s_v5",
            "Standard_Ds_v5",
            "Premium_D4s_v5",
            "Standard_D4s_vx",
            "Standard_D4s_éé",
            "Standard_D4é_v5",
            "Standard_é",
        ] {
            assert!(parse(wrong).is_none(), "{wrong}");
        }
        assert_eq!(
            family_of(&parse("Standard_D3s_v5").unwrap()).map(|f| f.name),
            Some("Dsv5")
        );
        assert_eq!(family_of(&parse("Standard_D2lds_v5").unwrap()), None);
        assert_eq!(newest_version("d", "s"), Some(6));
    }
}
