//! The template identity and the build VM identities.

mod build_vm_identity;
mod identity_resource_id;
mod identity_user_assigned;

pub use build_vm_identity::BUILD_VM_IDENTITY;
pub use identity_resource_id::IDENTITY_RESOURCE_ID;
pub use identity_user_assigned::IDENTITY_USER_ASSIGNED;

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[
    &IDENTITY_USER_ASSIGNED,
    &IDENTITY_RESOURCE_ID,
    &BUILD_VM_IDENTITY,
];
