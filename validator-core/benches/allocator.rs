//! The allocator `aib` runs with (cli/src/main.rs), so that the native benches time `check` as
//! the command and the language server run it. Included by each bench with `#[path]`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
