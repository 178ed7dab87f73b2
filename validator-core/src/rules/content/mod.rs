//! What values hold: placeholders left in, secrets, region names, tag limits.

mod placeholder_left;
mod secret_in_template;
mod tag_limits;
mod unknown_region;
mod unsupported_region;

pub use placeholder_left::PLACEHOLDER_LEFT;
pub use secret_in_template::SECRET_IN_TEMPLATE;
pub use tag_limits::TAG_LIMITS;
pub use unknown_region::UNKNOWN_REGION;
pub use unsupported_region::UNSUPPORTED_REGION;

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[
    &PLACEHOLDER_LEFT,
    &SECRET_IN_TEMPLATE,
    &UNSUPPORTED_REGION,
    &TAG_LIMITS,
    &UNKNOWN_REGION,
];
