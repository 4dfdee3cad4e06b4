//! The catalog maintainers' tool.
//!
//!   catalog check [DIR] [--today YYYY-MM-DD]     validate catalog/ (or DIR) and run its test cases
//!   catalog eval --facts FILE.json [--today YYYY-MM-DD] [--dir DIR]
//!                                                every program's outcome and trace as JSON
//!   catalog pack --out FILE [--dir DIR]          write the downloadable catalog pack
//!
//! It reads the TOML files directly (not the copy built into the binary), so edits are checked at once.
//! Exit codes: 0 fine, 1 problems found, 2 wrong usage.

// The tool reads TOML, a native-only dependency: for wasm32 (which `cargo test --target wasm32-...`
// also builds every binary for) it compiles to an empty program.
#[cfg(not(target_arch = "wasm32"))]
#[path = "catalog/cli.rs"]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
