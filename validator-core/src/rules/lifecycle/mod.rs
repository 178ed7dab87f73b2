//! The staging resource group, auto-run and the life of a template.

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[];
