//! What values hold: placeholders left in, secrets, region names.

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[];
