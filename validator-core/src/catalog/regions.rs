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

/// Azure's public, government and China region names (`az account list-locations`, as
/// published in November 2026), for distribution targets, which may be any region.
pub const AZURE: &[&str] = &[
    "australiacentral",
    "australiacentral2",
    "australiaeast",
    "australiasoutheast",
    "austriaeast",
    "belgiumcentral",
    "brazilsouth",
    "brazilsoutheast",
    "canadacentral",
    "canadaeast",
    "centralindia",
    "centralus",
    "chilecentral",
    "eastasia",
    "eastus",
    "eastus2",
    "francecentral",
    "francesouth",
    "germanynorth",
    "germanywestcentral",
    "indonesiacentral",
    "israelcentral",
    "italynorth",
    "japaneast",
    "japanwest",
    "jioindiacentral",
    "jioindiawest",
    "koreacentral",
    "koreasouth",
    "malaysiawest",
    "mexicocentral",
    "newzealandnorth",
    "northcentralus",
    "northeurope",
    "norwayeast",
    "norwaywest",
    "polandcentral",
    "qatarcentral",
    "southafricanorth",
    "southafricawest",
    "southcentralus",
    "southindia",
    "southeastasia",
    "spaincentral",
    "swedencentral",
    "swedensouth",
    "switzerlandnorth",
    "switzerlandwest",
    "taiwannorth",
    "taiwannorthwest",
    "uaecentral",
    "uaenorth",
    "uksouth",
    "ukwest",
    "westcentralus",
    "westeurope",
    "westindia",
    "westus",
    "westus2",
    "westus3",
    "usgovarizona",
    "usgovtexas",
    "usgovvirginia",
    "usdodcentral",
    "usdodeast",
    "chinaeast",
    "chinaeast2",
    "chinaeast3",
    "chinanorth",
    "chinanorth2",
    "chinanorth3",
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
    AZURE.contains(&normalize(region).as_str())
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
            IMAGE_BUILDER.iter().all(|r| AZURE.contains(r)),
            "every Image Builder region is an Azure region"
        );
    }
}
