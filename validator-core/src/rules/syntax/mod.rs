//! Problems in the JSON text itself, found by the parser.

mod duplicate_key;
mod input_too_large;
mod invalid_json;
mod json_comment;
mod lone_surrogate;
mod raw_control_character;
mod trailing_comma;
mod unquoted_placeholder;

pub use duplicate_key::DUPLICATE_KEY;
pub use input_too_large::INPUT_TOO_LARGE;
pub use invalid_json::INVALID_JSON;
pub use json_comment::JSON_COMMENT;
pub use lone_surrogate::LONE_SURROGATE;
pub use raw_control_character::RAW_CONTROL_CHARACTER;
pub use trailing_comma::TRAILING_COMMA;
pub use unquoted_placeholder::UNQUOTED_PLACEHOLDER;

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[
    &INVALID_JSON,
    &JSON_COMMENT,
    &TRAILING_COMMA,
    &DUPLICATE_KEY,
    &UNQUOTED_PLACEHOLDER,
    &INPUT_TOO_LARGE,
    &RAW_CONTROL_CHARACTER,
    &LONE_SURROGATE,
];
