//! Data the rules, the exports and the app compare against, each list with its date and source.

pub mod customizers;
pub mod images;
pub mod regions;
pub mod vm_sizes;
