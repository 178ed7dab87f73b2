//! The build VM, its network and the build timeout.

mod build_timeout;
mod container_instance_subnet;
mod os_disk_size;
mod proxy_vm_size;
mod subnet_id;
mod unknown_vm_size;
mod vm_size_image_mismatch;
mod windows_build_vm_size;

pub use build_timeout::BUILD_TIMEOUT;
pub use container_instance_subnet::CONTAINER_INSTANCE_SUBNET;
pub use os_disk_size::OS_DISK_SIZE;
pub use proxy_vm_size::PROXY_VM_SIZE;
pub use subnet_id::SUBNET_ID;
pub use unknown_vm_size::UNKNOWN_VM_SIZE;
pub use vm_size_image_mismatch::VM_SIZE_IMAGE_MISMATCH;
pub use windows_build_vm_size::WINDOWS_BUILD_VM_SIZE;

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[
    &BUILD_TIMEOUT,
    &WINDOWS_BUILD_VM_SIZE,
    &OS_DISK_SIZE,
    &SUBNET_ID,
    &CONTAINER_INSTANCE_SUBNET,
    &PROXY_VM_SIZE,
    &UNKNOWN_VM_SIZE,
    &VM_SIZE_IMAGE_MISMATCH,
];
