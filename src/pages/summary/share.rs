//! Handing the summary's text to the phone: its share sheet, or the clipboard.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// navigator.share exists (feature detection; desktop browsers mostly lack it).
pub(super) fn share_available() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false))
        .unwrap_or(false)
}

/// navigator.share({title, text}); called through Reflect because web-sys keeps it behind unstable APIs.
pub(super) async fn share(title: &str, text: &str) -> Result<(), JsValue> {
    let navigator = web_sys::window().ok_or(JsValue::NULL)?.navigator();
    let f: js_sys::Function =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))?.dyn_into()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(
        &data,
        &JsValue::from_str("title"),
        &JsValue::from_str(title),
    )?;
    js_sys::Reflect::set(&data, &JsValue::from_str("text"), &JsValue::from_str(text))?;
    let promise: js_sys::Promise = f.call1(&navigator, &data)?.dyn_into()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
}

/// navigator.clipboard.writeText(text); Err when the API is missing or the browser refuses.
pub(super) async fn copy(text: &str) -> Result<(), ()> {
    let navigator = web_sys::window().ok_or(())?.navigator();
    let clipboard =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).map_err(|_| ())?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(());
    }
    let f: js_sys::Function = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    let promise: js_sys::Promise = f
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}
