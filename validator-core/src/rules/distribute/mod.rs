//! The distribution targets: managed images, gallery images and VHDs.

mod duplicate_run_output_name;
mod gallery_image_id;
mod gallery_region_replication;
mod managed_image_target;
mod no_distribution_target;
mod replication_settings;
mod shallow_replication;
mod vhd_output_lifetime;

pub use duplicate_run_output_name::DUPLICATE_RUN_OUTPUT_NAME;
pub use gallery_image_id::GALLERY_IMAGE_ID;
pub use gallery_region_replication::GALLERY_REGION_REPLICATION;
pub use managed_image_target::MANAGED_IMAGE_TARGET;
pub use no_distribution_target::NO_DISTRIBUTION_TARGET;
pub use replication_settings::REPLICATION_SETTINGS;
pub(crate) use replication_settings::{target_regions, TARGET_REGIONS_SINCE};
pub use shallow_replication::SHALLOW_REPLICATION;
pub use vhd_output_lifetime::VHD_OUTPUT_LIFETIME;

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[
    &NO_DISTRIBUTION_TARGET,
    &DUPLICATE_RUN_OUTPUT_NAME,
    &MANAGED_IMAGE_TARGET,
    &GALLERY_IMAGE_ID,
    &REPLICATION_SETTINGS,
    &GALLERY_REGION_REPLICATION,
    &SHALLOW_REPLICATION,
    &VHD_OUTPUT_LIFETIME,
];
