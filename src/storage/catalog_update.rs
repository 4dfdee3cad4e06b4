//! Catalog updates: fetch a newer catalog pack from the app's own origin, check it completely,
//! and switch only if every check passes. Otherwise the current catalog stays and the reason is
//! recorded for 我的 → 数据.
//!
//! The UI calls [`check_catalog`] at start-up (and from the "check now" button with
//! `force = true`); on [`UpdateOutcome::Switched`] it re-evaluates and tells the person what
//! changed for them. While [`Storage::catalog_pack`] is `None` the built-in catalog is used.

use super::{Storage, StorageError};
use crate::platform::clock::now_ms;
use crate::platform::online::is_online;
use leye_core::date::Date;
use leye_core::digest::sha256_hex;
use leye_core::lang::Text;
use leye_core::text::storage as wording;
use leye_core::view::update::{is_due, status_after};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

// The decision is the core's (tested natively); these paths stay for the app and the browser tests.
pub use leye_core::view::update::{
    decide, future_dated_reason, is_future_dated, validate_pack, CatalogPackRecord, CatalogStatus,
    PackInfo, UpdateOutcome, CHECK_INTERVAL_MS, MAX_CLOCK_SKEW_DAYS, MAX_PACK_BYTES,
};

/// Same origin only: nothing about the user, and no request to anyone else.
pub const PACK_URL: &str = "/catalog/pack.json";
/// The whole download (headers and body) is given up after this: a stalled connection must not leave a
/// check running for minutes. The real pack is ~60 KB compressed, a few seconds on a slow 2G link.
pub const FETCH_TIMEOUT_MS: i32 = 20_000;

/// Checks for a newer catalog pack. `validate` is the engine's complete check of a pack's JSON
/// (the maintainers' tool runs the same one), returning its version and publication date or a
/// zh/en reason. Errors are only storage errors; a bad pack is an `Ok(Kept { .. })`.
pub async fn check_for_update<V>(
    storage: &Storage,
    force: bool,
    today: Date,
    validate: V,
) -> Result<UpdateOutcome, StorageError>
where
    V: FnOnce(&str) -> Result<PackInfo, Text>,
{
    let now = now_ms();
    let status = storage.catalog_status().await?;
    if !is_online() || !is_due(&status, now, force) {
        return Ok(UpdateOutcome::Skipped);
    }
    let current = storage.catalog_pack().await?;
    let (outcome, accepted) = match fetch_pack().await {
        Err(why) => (UpdateOutcome::Kept { reason: why }, None),
        Ok(text) => {
            let outcome = decide(&text, current.as_ref(), today, validate);
            let accepted = matches!(outcome, UpdateOutcome::Switched(_)).then_some(text);
            (outcome, accepted)
        }
    };
    let status = status_after(&outcome, now);
    match (&outcome, accepted) {
        (UpdateOutcome::Switched(info), Some(text)) => {
            let pack = CatalogPackRecord {
                version: info.version.clone(),
                published: info.published,
                sha256: sha256_hex(&text),
                installed_at_ms: now,
                pack_json: text,
            };
            // Pack and status in one transaction: never a new pack with a stale error, or vice versa.
            storage.put_catalog_pack(&pack, &status).await?;
        }
        _ => storage.put_catalog_status(&status).await?,
    }
    Ok(outcome)
}

/// [`check_for_update`] with the engine's validation: what the UI calls.
pub async fn check_catalog(
    storage: &Storage,
    force: bool,
    today: Date,
) -> Result<UpdateOutcome, StorageError> {
    check_for_update(storage, force, today, validate_pack).await
}

/// GET the pack from our own origin, bypassing every cache, and read it as text (size-bounded).
async fn fetch_pack() -> Result<String, Text> {
    let offline = wording::server_unreachable;
    let window = web_sys::window().ok_or_else(offline)?;
    // A deadline for the whole download: a connection that stalls (headers or body) is aborted, and the
    // person is told it was too slow, rather than the check running for as long as the network hangs.
    let controller = web_sys::AbortController::new().map_err(|_| offline())?;
    let timed_out = Rc::new(Cell::new(false));
    let on_deadline = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_deadline.as_ref().unchecked_ref(),
            FETCH_TIMEOUT_MS,
        )
        .map_err(|_| offline())?;
    let result = fetch_text(&window, &controller.signal(), offline).await;
    window.clear_timeout_with_handle(timer);
    drop(on_deadline);
    match result {
        Err(_) if timed_out.get() => Err(wording::download_too_slow(FETCH_TIMEOUT_MS / 1000)),
        other => other,
    }
}

/// The fetch itself, cancelled through `signal`.
async fn fetch_text(
    window: &web_sys::Window,
    signal: &web_sys::AbortSignal,
    offline: impl Fn() -> Text + Copy,
) -> Result<String, Text> {
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    init.set_signal(Some(signal));
    let request =
        web_sys::Request::new_with_str_and_init(PACK_URL, &init).map_err(|_| offline())?;
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| offline())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| offline())?;
    if !response.ok() {
        let code = response.status();
        return Err(wording::server_refused(code));
    }
    let too_big = wording::pack_too_large;
    if let Ok(Some(len)) = response.headers().get("content-length") {
        if len.parse::<usize>().map_or(false, |n| n > MAX_PACK_BYTES) {
            return Err(too_big());
        }
    }
    let text = response.text().map_err(|_| offline())?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| offline())?
        .as_string()
        .ok_or_else(offline)?;
    if text.len() > MAX_PACK_BYTES {
        return Err(too_big());
    }
    Ok(text)
}
