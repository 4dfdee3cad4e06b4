//! 乐业通 (LeYe): an offline-first guide to Zaozhuang's "创业枣庄·乐业鲁南" employment programs.
//!
//! The web app over the core crate (`crates/core`, `leye_core`): `pages`/`components` render state and
//! send intents, `state` joins the core with storage, `storage` wraps IndexedDB. Everything that needs no
//! browser lives in the core, which cannot depend on this crate, so layers point down only.

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
