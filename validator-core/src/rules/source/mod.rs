//! The source image.

mod gen2_source;
mod latest_version;
mod managed_image_source_id;
mod plan_info;
pub mod platform_image_incomplete;
mod shared_image_version_source_id;

pub use gen2_source::GEN2_SOURCE;
pub use latest_version::LATEST_VERSION;
pub use managed_image_source_id::MANAGED_IMAGE_SOURCE_ID;
pub use plan_info::PLAN_INFO;
pub use platform_image_incomplete::PLATFORM_IMAGE_INCOMPLETE;
pub use shared_image_version_source_id::SHARED_IMAGE_VERSION_SOURCE_ID;

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[
    &PLATFORM_IMAGE_INCOMPLETE,
    &LATEST_VERSION,
    &PLAN_INFO,
    &MANAGED_IMAGE_SOURCE_ID,
    &SHARED_IMAGE_VERSION_SOURCE_ID,
    &GEN2_SOURCE,
];
