//! Telling the app's other tabs that stored data changed, so none of them keeps showing (or checking new
//! entries against) a stale copy: a `BroadcastChannel` on this origin. Nothing leaves the phone.
//!
//! Each tab has one channel object, used both to send and to listen; a channel never hears its own
//! messages, so a tab is not told about its own writes.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::BroadcastChannel;

/// The channel's name: every tab of the app on this origin joins it.
pub const CHANNEL: &str = "leye-data";
/// The one message: "what is stored changed; read it again".
const CHANGED: &str = "changed";

thread_local! {
    static TAB: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

fn with_channel<T>(f: impl FnOnce(&BroadcastChannel) -> T) -> Option<T> {
    TAB.with(|tab| {
        let mut tab = tab.borrow_mut();
        if tab.is_none() {
            // Missing in very old browsers: then tabs only see each other's writes after a reload.
            *tab = BroadcastChannel::new(CHANNEL).ok();
        }
        tab.as_ref().map(f)
    })
}

/// Tells the other tabs that stored data changed (after a committed write).
pub fn announce() {
    with_channel(|c| {
        let _ = c.post_message(&JsValue::from_str(CHANGED));
    });
}

/// Calls `on_change` whenever another tab announces a change. Meant to be called once, at start-up;
/// the listener lives as long as the page.
pub fn listen(on_change: impl Fn() + 'static) {
    with_channel(|c| {
        let handler =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if e.data().as_string().as_deref() == Some(CHANGED) {
                    on_change();
                }
            });
        c.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
    });
}
