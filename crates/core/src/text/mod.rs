//! Interface strings and their formatting helpers, one module per area of screens. Pure Rust (no
//! browser types), so their completeness tests run under native `cargo test`.

/// The wording of the core's errors (training log, catalog pack, backup file, answers).
pub mod errors;
pub mod training;
