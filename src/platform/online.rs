//! Whether the browser believes it is online, read once and kept in step with its events.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The browser's own belief; `true` when it cannot say, so a check is tried rather than skipped.
pub fn is_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// Keeps `online` in step with the browser's online/offline events.
pub fn watch_online(online: RwSignal<bool>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    for (event, value) in [("online", true), ("offline", false)] {
        let cb = Closure::<dyn Fn()>::new(move || online.set(value));
        let _ = window.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        cb.forget(); // lives as long as the page
    }
}
