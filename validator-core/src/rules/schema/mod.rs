//! Findings of the schema check (`crate::schema`): the template against the official schema of
//! its API version.

mod invalid_enum_value;
mod missing_required_property;
mod not_in_api_version;
mod pattern_mismatch;
mod read_only_property;
mod unknown_property;
mod value_out_of_range;
mod wrong_type;

pub use invalid_enum_value::INVALID_ENUM_VALUE;
pub use missing_required_property::MISSING_REQUIRED_PROPERTY;
pub use not_in_api_version::NOT_IN_API_VERSION;
pub use pattern_mismatch::PATTERN_MISMATCH;
pub use read_only_property::READ_ONLY_PROPERTY;
pub use unknown_property::UNKNOWN_PROPERTY;
pub use value_out_of_range::VALUE_OUT_OF_RANGE;
pub use wrong_type::WRONG_TYPE;

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[
    &UNKNOWN_PROPERTY,
    &NOT_IN_API_VERSION,
    &INVALID_ENUM_VALUE,
    &MISSING_REQUIRED_PROPERTY,
    &WRONG_TYPE,
    &VALUE_OUT_OF_RANGE,
    &PATTERN_MISMATCH,
    &READ_ONLY_PROPERTY,
];
