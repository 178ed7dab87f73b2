//! Azure regions: where Image Builder runs, and every public region a distribution may target.
//! Names are compared normalised (`West Europe` == `westeurope`), as ARM does.

/// Regions where Image Builder templates can be created, from the Image Builder template
/// reference (validation-rules.md rule 7, read November 2026). Refresh from
/// `az provider show -n Microsoft.VirtualMachineImages --query "resourceTypes[?resourceType=='imageTemplates'].locations"`.
pub const IMAGE_BUILDER: &[&str] = &[
    "eastus",
    "eastus2",
    "westcentralus",
    "westus",
    "westus2",
    "westus3",
    "southcentralus",
    "northeurope",
    "westeurope",
    "southeastasia",
    "australiasoutheast",
    "australiaeast",
    "uksouth",
    "ukwest",
    "brazilsouth",
    "canadacentral",
    "centralindia",
    "centralus",
    "francecentral",
    "germanywestcentral",
    "japaneast",
    "northcentralus",
    "norwayeast",
    "switzerlandnorth",
    "jioindiawest",
    "uaenorth",
    "eastasia",
    "koreacentral",
    "southafricanorth",
    "qatarcentral",
    "swedencentral",
    "polandcentral",
    "italynorth",
    "israelcentral",
    "newzealandnorth",
    "taiwannorthwest",
];

/// Image Builder regions in preview, usable only after registering a feature.
pub const IMAGE_BUILDER_PREVIEW: &[&str] = &["usgovarizona", "usgovvirginia", "chinanorth3"];

/// Azure's public, government and China regions: name and display name
/// (`az account list-locations --query "[].{name:name, displayName:displayName}"`, as published
/// in November 2026), for distribution targets, which may be any region, and for pick-lists.
pub const AZURE: &[(&str, &str)] = &[
    ("australiacentral", "Australia Central"),
    ("australiacentral2", "Australia Central 2"),
    ("australiaeast", "Australia East"),
    ("australiasoutheast", "Australia Southeast"),
    ("austriaeast", "Austria East"),
    ("belgiumcentral", "Belgium Central"),
    ("brazilsouth", "Brazil South"),
    ("brazilsoutheast", "Brazil Southeast"),
    ("canadacentral", "Canada Central"),
    ("canadaeast", "Canada East"),
    ("centralindia", "Central India"),
    ("centralus", "Central US"),
    ("chilecentral", "Chile Central"),
    ("eastasia", "East Asia"),
    ("eastus", "East US"),
    ("eastus2", "East US 2"),
    ("francecentral", "France Central"),
    ("francesouth", "France South"),
    ("germanynorth", "Germany North"),
    ("germanywestcentral", "Germany West Central"),
    ("indonesiacentral", "Indonesia Central"),
    ("israelcentral", "Israel Central"),
    ("italynorth", "Italy North"),
    ("japaneast", "Japan East"),
    ("japanwest", "Japan West"),
    ("jioindiacentral", "Jio India Central"),
    ("jioindiawest", "Jio India West"),
    ("koreacentral", "Korea Central"),
    ("koreasouth", "Korea South"),
    ("malaysiawest", "Malaysia West"),
    ("mexicocentral", "Mexico Central"),
    ("newzealandnorth", "New Zealand North"),
    ("northcentralus", "North Central US"),
    ("northeurope", "North Europe"),
    ("norwayeast", "Norway East"),
    ("norwaywest", "Norway West"),
    ("polandcentral", "Poland Central"),
    ("qatarcentral", "Qatar Central"),
    ("southafricanorth", "South Africa North"),
    ("southafricawest", "South Africa West"),
    ("southcentralus", "South Central US"),
    ("southindia", "South India"),
    ("southeastasia", "Southeast Asia"),
    ("spaincentral", "Spain Central"),
    ("swedencentral", "Sweden Central"),
    ("swedensouth", "Sweden South"),
    ("switzerlandnorth", "Switzerland North"),
    ("switzerlandwest", "Switzerland West"),
    ("taiwannorth", "Taiwan North"),
    ("taiwannorthwest", "Taiwan Northwest"),
    ("uaecentral", "UAE Central"),
    ("uaenorth", "UAE North"),
    ("uksouth", "UK South"),
    ("ukwest", "UK West"),
    ("westcentralus", "West Central US"),
    ("westeurope", "West Europe"),
    ("westindia", "West India"),
    ("westus", "West US"),
    ("westus2", "West US 2"),
    ("westus3", "West US 3"),
    ("usgovarizona", "USGov Arizona"),
    ("usgovtexas", "USGov Texas"),
    ("usgovvirginia", "USGov Virginia"),
    ("usdodcentral", "USDoD Central"),
    ("usdodeast", "USDoD East"),
    ("chinaeast", "China East"),
    ("chinaeast2", "China East 2"),
    ("chinaeast3", "China East 3"),
    ("chinanorth", "China North"),
    ("chinanorth2", "China North 2"),
    ("chinanorth3", "China North 3"),
];

/// `West Europe` → `westeurope`.
pub fn normalize(region: &str) -> String {
    region
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// Where Image Builder stands in a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    Available,
    Preview,
    Unavailable,
}

pub fn image_builder_support(region: &str) -> Support {
    let region = normalize(region);
    if IMAGE_BUILDER.contains(&region.as_str()) {
        Support::Available
    } else if IMAGE_BUILDER_PREVIEW.contains(&region.as_str()) {
        Support::Preview
    } else {
        Support::Unavailable
    }
}

pub fn is_azure_region(region: &str) -> bool {
    let region = normalize(region);
    names().any(|name| name == region)
}

/// Every Azure region's name (`westeurope`), in the order of [`AZURE`].
pub fn names() -> impl Iterator<Item = &'static str> {
    AZURE.iter().map(|(name, _)| *name)
}

/// A region as a pick-list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// As templates write it: `westeurope`.
    pub name: &'static str,
    /// As the portal shows it: `West Europe`.
    pub display_name: &'static str,
    pub image_builder: Support,
}

/// Every Azure region with its display name and whether Image Builder runs there, in the
/// order of [`AZURE`].
pub fn regions() -> impl Iterator<Item = Region> {
    AZURE.iter().map(|&(name, display_name)| Region {
        name,
        display_name,
        image_builder: image_builder_support(name),
    })
}

/// The display name of a region written either way (`westeurope`, `West Europe`).
pub fn display_name(region: &str) -> Option<&'static str> {
    let region = normalize(region);
    AZURE
        .iter()
        .find(|(name, _)| *name == region)
        .map(|(_, display)| *display)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_compare_normalised() {
        assert_eq!(image_builder_support("West Europe"), Support::Available);
        assert_eq!(image_builder_support("usgovvirginia"), Support::Preview);
        assert_eq!(image_builder_support("francesouth"), Support::Unavailable);
        assert!(is_azure_region("France South"));
        assert!(!is_azure_region("europe"));
        assert!(
            IMAGE_BUILDER
                .iter()
                .chain(IMAGE_BUILDER_PREVIEW)
                .all(|r| is_azure_region(r)),
            "every Image Builder region is an Azure region"
        );
    }

    #[test]
    fn display_names_normalise_to_their_names() {
        for region in regions() {
            assert_eq!(normalize(region.display_name), region.name);
        }
        assert_eq!(display_name("westeurope"), Some("West Europe"));
        assert_eq!(display_name("East US 2"), Some("East US 2"));
        assert_eq!(display_name("europe"), None);
        let west_europe = regions().find(|r| r.name == "westeurope").unwrap();
        assert_eq!(west_europe.image_builder, Support::Available);
        let names: std::collections::HashSet<_> = names().collect();
        assert_eq!(names.len(), AZURE.len(), "no region twice");
    }
}
