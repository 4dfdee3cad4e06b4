//! Files made on the phone, handed to the browser as a download (works offline: nothing is fetched).

use std::time::Duration;

use leptos::prelude::{document, set_timeout};
use wasm_bindgen::{JsCast, JsValue};

/// How long the object URL outlives the click. Revoking at once (or after a couple of seconds) can
/// cancel the download on slow phones that start reading the blob late; a minute is plenty, and one
/// file's blob held that long costs nothing.
const REVOKE_AFTER: Duration = Duration::from_secs(60);

/// Offers `text` as a file download: a Blob behind an object URL, clicked through `<a download>`.
/// Err where the browser refuses (no object URLs).
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_class_name("visually-hidden");
    doc.body()
        .ok_or_else(|| JsValue::from_str("no body"))?
        .append_child(&a)?;
    a.click();
    a.remove();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        REVOKE_AFTER,
    );
    Ok(())
}
