//! Data the rules compare against, each list with its date and source.

pub mod regions;
