//! What the tests share: the corpus of real templates (read in place, never copied) and a rich
//! template.

#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::json;

/// The corpus of real templates, in `shared/` beside the checkout.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus")
}

/// One corpus file's text, by its path in the corpus.
pub fn corpus(rel: &str) -> String {
    let path = corpus_dir().join(rel);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} (shared/ beside the checkout): {e}", path.display()))
}

/// The rows of the corpus manifest (`MANIFEST.tsv`, header left out), split into columns: the
/// file comes first.
pub fn manifest_rows() -> Vec<Vec<String>> {
    let path = corpus_dir().join("MANIFEST.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} (shared/ beside the checkout): {e}", path.display()));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

/// Every template of the corpus, in the manifest's order: its file and its text.
pub fn corpus_templates() -> Vec<(String, String)> {
    manifest_rows()
        .into_iter()
        .map(|row| {
            let file = row[0].clone();
            let text = corpus(&file);
            (file, text)
        })
        .collect()
}

pub const LINUX: &str = "Azure__azvmimagebuilder/quickquickstarts__1_Creating_a_Custom_Linux_Shared_Image_Gallery_Image__helloImageTemplateforSIG.json";
pub const WINDOWS: &str = "Azure__azvmimagebuilder/quickquickstarts__0_Creating_a_Custom_Windows_Managed_Image__helloImageTemplateWin.json";
/// Windows, in an ARM deployment template with a parameter for its API version.
pub const WINDOWS_ARM: &str = "Azure__azvmimagebuilder/deprecated__quickquickstarts__1_Creating_a_Custom_Win_Shared_Image_Gallery_Image__armTemplateWinSIG.json";

/// A template with everything the exports treat specially: a given identity, a subnet,
/// build-VM identities, a staging group, autoRun, fields newer than Az.ImageBuilder knows,
/// all three targets, and strings that need escaping in every language.
pub fn rich() -> String {
    json!({
        "type": "Microsoft.VirtualMachineImages/imageTemplates",
        "apiVersion": "2024-02-01",
        "name": "ubuntu-golden",
        "location": "westeurope",
        "tags": {"owner": "Zoë's team", "cost-center": "$(whoami)"},
        "identity": {"type": "UserAssigned", "userAssignedIdentities": {
            "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {}
        }},
        "properties": {
            "buildTimeoutInMinutes": 120,
            "autoRun": {"state": "Enabled"},
            "managedResourceTags": {"purpose": "aib"},
            "errorHandling": {"onCustomizerError": "abort", "onValidationError": "cleanup"},
            "stagingResourceGroup": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/aib-staging",
            "vmProfile": {
                "vmSize": "Standard_D4s_v5",
                "userAssignedIdentities": ["/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/build-vm"],
                "vnetConfig": {
                    "subnetId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/build",
                    "containerInstanceSubnetId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aci"
                }
            },
            "source": {"type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest"},
            "customize": [
                {"type": "Shell", "name": "quoting", "inline": [
                    "[ -d /opt ] && echo \"${HOME}\" 'it'\\''s' `uname` !! €",
                    "[ -d /opt ]",
                    "cat <<'EOF'\nmulti-line\nEOF"
                ]}
            ],
            "distribute": [
                {"type": "SharedImage", "runOutputName": "gallery",
                 "galleryImageId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/images/providers/Microsoft.Compute/galleries/golden/images/ubuntu",
                 "targetRegions": [{"name": "westeurope", "replicaCount": 1}],
                 "versioning": {"scheme": "Latest", "major": 1}},
                {"type": "ManagedImage", "runOutputName": "managed", "location": "westeurope",
                 "imageId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/managed-images/providers/Microsoft.Compute/images/ubuntu"},
                {"type": "VHD", "runOutputName": "vhd"}
            ]
        }
    })
    .to_string()
}
