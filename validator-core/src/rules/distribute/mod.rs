//! The distribution targets: managed images, gallery images and VHDs.

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[];
