//! The resource around the template: its type, API version and name.

mod api_version;
mod no_image_template;
mod resource_type;
mod template_name;

pub use api_version::API_VERSION;
pub use no_image_template::NO_IMAGE_TEMPLATE;
pub use resource_type::RESOURCE_TYPE;
pub use template_name::TEMPLATE_NAME;

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[
    &NO_IMAGE_TEMPLATE,
    &RESOURCE_TYPE,
    &API_VERSION,
    &TEMPLATE_NAME,
];
