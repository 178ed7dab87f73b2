//! The staging resource group, auto-run and the life of a template.

mod auto_run;
mod staging_resource_group;

pub use auto_run::AUTO_RUN;
pub use staging_resource_group::STAGING_RESOURCE_GROUP;

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[&STAGING_RESOURCE_GROUP, &AUTO_RUN];
