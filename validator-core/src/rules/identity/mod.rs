//! The template identity and the build VM identities.

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[];
