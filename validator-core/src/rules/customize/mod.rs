//! The customizers: scripts, files, restarts and updates run on the build VM.

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[];
