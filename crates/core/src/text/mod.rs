//! Interface strings and their formatting helpers, one module per area of screens. Pure Rust (no
//! browser types), so their completeness tests run under native `cargo test`.

pub mod data;
pub mod storage;
pub mod training;
