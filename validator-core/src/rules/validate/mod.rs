//! In-VM validation, error handling and optimization.

mod continue_distribute_on_failure;
mod error_handling_abort;
mod source_validation_only;
mod validator_os;

pub use continue_distribute_on_failure::CONTINUE_DISTRIBUTE_ON_FAILURE;
pub use error_handling_abort::ERROR_HANDLING_ABORT;
pub use source_validation_only::SOURCE_VALIDATION_ONLY;
pub use validator_os::VALIDATOR_OS;

/// The rules of this group.
pub static GROUP_RULES: &[&crate::rules::RuleMeta] = &[
    &SOURCE_VALIDATION_ONLY,
    &VALIDATOR_OS,
    &CONTINUE_DISTRIBUTE_ON_FAILURE,
    &ERROR_HANDLING_ABORT,
];
