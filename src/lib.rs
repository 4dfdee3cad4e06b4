//! 乐业通 (LeYe): an offline-first guide to Zaozhuang's "创业枣庄·乐业鲁南" employment programs.
//!
//! Layers point down only: `pages`/`components` render state and send intents, `state` joins the
//! domain with storage, `storage` wraps IndexedDB, and `domain` is pure Rust with no browser types,
//! so it compiles and tests natively in seconds.

/// Strings and pure helpers of 我的 → 数据 (native, so their tests run with `cargo test`).
pub mod data_text;
pub mod domain;
/// Which browser the app is in (WeChat and QQ in-app browsers, no service worker...) and what that asks.
pub mod environment;
pub mod i18n;
/// Strings and pure helpers of 自测, results, program page and 政策 (native, so their tests run).
pub mod policy_view;
/// Strings of the summary to take along, read aloud and the QR code (native, so their tests run).
pub mod summary_text;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod pwa;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
