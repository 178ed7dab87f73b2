//! The corpus templates both benchmarks measure, so criterion and ajv see the same inputs.

/// (label, corpus file): a small Linux resource, a Windows resource, an ARM template with a
/// copy loop, two large compiled ARM templates, and the largest template of the corpus (1 MB;
/// `aib lsp`'s benchmark types in it).
pub const FILES: &[(&str, &str)] = &[
    ("linux-sig", "Azure__azvmimagebuilder/quickquickstarts__1_Creating_a_Custom_Linux_Shared_Image_Gallery_Image__helloImageTemplateforSIG.json"),
    ("windows-managed", "Azure__azvmimagebuilder/quickquickstarts__0_Creating_a_Custom_Windows_Managed_Image__helloImageTemplateWin.json"),
    ("windows-devbox-arm", "Evilazaro__DevExp-MicrosoftDevBox/src__deploy__ARMTemplates__computeGallery__backEndEngineerImgTemplateFullCustomized.json"),
    ("avm-module-arm", "Azure__bicep-registry-modules/avm__res__virtual-machine-images__image-template__main@f0e6c17.json"),
    ("avd-accelerator-arm", "Azure__avdaccelerator/workload__arm__deploy-custom-image.json"),
    ("avm-ptn-image-builder-arm", "Azure__bicep-registry-modules/avm__ptn__virtual-machine-images__azure-image-builder__main.json"),
];

pub fn read(file: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
