//! The customizers: scripts, files, restarts and updates run on the build VM.

mod build_vm_connectivity;
mod customizer_os;
mod deprovisioning_script;
mod duplicate_customizer_name;
mod end_with_restart;
mod file_destination;
mod interactive_command;
mod large_file_customizer;
mod missing_checksum;
mod restart_timeout;
mod run_as_system;
mod script_source;
mod script_uri_scheme;
mod sha256_checksum;
mod storage_blob_access;
mod windows_update_after_restart;

pub use build_vm_connectivity::BUILD_VM_CONNECTIVITY;
pub use customizer_os::CUSTOMIZER_OS;
pub use deprovisioning_script::DEPROVISIONING_SCRIPT;
pub use duplicate_customizer_name::DUPLICATE_CUSTOMIZER_NAME;
pub use end_with_restart::END_WITH_RESTART;
pub use file_destination::FILE_DESTINATION;
pub use interactive_command::INTERACTIVE_COMMAND;
pub use large_file_customizer::LARGE_FILE_CUSTOMIZER;
pub use missing_checksum::MISSING_CHECKSUM;
pub use restart_timeout::RESTART_TIMEOUT;
pub use run_as_system::RUN_AS_SYSTEM;
pub use script_source::SCRIPT_SOURCE;
pub use script_uri_scheme::SCRIPT_URI_SCHEME;
pub use sha256_checksum::SHA256_CHECKSUM;
pub use storage_blob_access::STORAGE_BLOB_ACCESS;
pub use windows_update_after_restart::WINDOWS_UPDATE_AFTER_RESTART;

use crate::model::{OsEvidence, Template};

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[
    &CUSTOMIZER_OS,
    &SCRIPT_SOURCE,
    &RUN_AS_SYSTEM,
    &SHA256_CHECKSUM,
    &MISSING_CHECKSUM,
    &FILE_DESTINATION,
    &LARGE_FILE_CUSTOMIZER,
    &STORAGE_BLOB_ACCESS,
    &INTERACTIVE_COMMAND,
    &BUILD_VM_CONNECTIVITY,
    &DEPROVISIONING_SCRIPT,
    &RESTART_TIMEOUT,
    &WINDOWS_UPDATE_AFTER_RESTART,
    &END_WITH_RESTART,
    &DUPLICATE_CUSTOMIZER_NAME,
    &SCRIPT_URI_SCHEME,
];

/// Why the checks take the image for Windows or Linux, for messages: "the source image
/// (`Canonical`) is Linux".
pub(crate) fn os_reason(template: &Template) -> String {
    let os = template.os.map_or("unknown", |o| o.as_str());
    match template.os_evidence {
        Some(OsEvidence::Given) => format!("the image is {os} (given with --os)"),
        Some(OsEvidence::SourceImage) => {
            let publisher = template
                .str("/properties/source/publisher")
                .unwrap_or("marketplace");
            format!("the source image (`{publisher}`) is {os}")
        }
        Some(OsEvidence::Customizers) => format!("the other steps are {os}-only"),
        None => format!("the image is {os}"),
    }
}

/// Shell and PowerShell steps, from `customize` and `validate.inVMValidations`.
pub(crate) fn script_steps<'t, 'a>(
    template: &'t Template<'a>,
) -> impl Iterator<Item = &'t crate::model::Step<'a>> {
    template
        .customizers()
        .iter()
        .chain(template.validators())
        .filter(|s| matches!(s.kind, Some("Shell" | "PowerShell")))
}
