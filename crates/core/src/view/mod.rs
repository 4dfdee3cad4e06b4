//! What the screens compute, as plain data: the views in `src/pages` render these and send intents back.
//! Pure and tested natively; nothing here knows about Leptos or the browser.

pub mod answer;
pub mod check;
pub mod data;
/// Which browser the app is in (WeChat and QQ in-app browsers, no service worker...) and what that asks.
pub mod environment;
pub mod join;
pub mod policies;
pub mod program;
pub mod results;
pub mod training;
pub mod update;
