//! Asking the browser to keep our data, and reporting how much space it uses.
//!
//! Browsers may evict "best-effort" storage when the phone runs low on space; a persisted origin
//! is only cleared by the user. Call [`request_persistence`] after the user's first save (browsers
//! grant it more readily after user engagement, and asking on first load looks like spam).

use super::error::describe;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What 我的 → 数据 shows about storage.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StorageReport {
    /// The browser promised not to evict our data.
    pub persisted: bool,
    /// Bytes used by this origin, if the browser says.
    pub usage_bytes: Option<u64>,
    /// Bytes this origin may use, if the browser says.
    pub quota_bytes: Option<u64>,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator")).ok()?;
    // Older browsers (and insecure origins) have no navigator.storage.
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    storage.dyn_into::<web_sys::StorageManager>().ok()
}

async fn promise_bool(p: Result<js_sys::Promise, JsValue>) -> Result<bool, String> {
    let p = p.map_err(|e| describe(&e))?;
    let v = JsFuture::from(p).await.map_err(|e| describe(&e))?;
    Ok(v.as_bool().unwrap_or(false))
}

/// Asks for persistent storage. Returns whether it is granted; `false` when unsupported.
pub async fn request_persistence() -> bool {
    match manager() {
        Some(m) => promise_bool(m.persist()).await.unwrap_or(false),
        None => false,
    }
}

/// Whether storage is already persistent (no prompt).
pub async fn is_persisted() -> bool {
    match manager() {
        Some(m) => promise_bool(m.persisted()).await.unwrap_or(false),
        None => false,
    }
}

/// Persistence plus StorageManager.estimate() usage and quota.
pub async fn report() -> StorageReport {
    let Some(m) = manager() else {
        return StorageReport::default();
    };
    let persisted = promise_bool(m.persisted()).await.unwrap_or(false);
    let estimate = match m.estimate() {
        Ok(p) => JsFuture::from(p).await.ok(),
        Err(_) => None,
    };
    let field = |name: &str| {
        estimate
            .as_ref()
            .and_then(|e| js_sys::Reflect::get(e, &JsValue::from_str(name)).ok())
            .and_then(|v| v.as_f64())
            .filter(|v| v.is_finite() && *v >= 0.0)
            .map(|v| v as u64)
    };
    StorageReport {
        persisted,
        usage_bytes: field("usage"),
        quota_bytes: field("quota"),
    }
}
