//! In-VM validation, error handling and optimization.

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[];
