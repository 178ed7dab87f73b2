//! The source image.

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[];
