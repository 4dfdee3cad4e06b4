//! Catalog updates: fetch a newer catalog pack from the app's own origin, check it completely,
//! and switch only if every check passes. Otherwise the current catalog stays and the reason is
//! recorded for 我的 → 数据.
//!
//! The UI calls [`check_catalog`] at start-up (and from the "check now" button with
//! `force = true`); on [`UpdateOutcome::Switched`] it re-evaluates and tells the person what
//! changed for them. While [`Storage::catalog_pack`] is `None` the built-in catalog is used.

use super::{now_ms, CatalogPackRecord, CatalogStatus, Storage, StorageError};
use crate::platform::online::is_online;
use leye_core::catalog::Catalog;
use leye_core::date::Date;
use leye_core::lang::{Lang, Text};
use sha2::{Digest, Sha256};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Same origin only: nothing about the user, and no request to anyone else.
pub const PACK_URL: &str = "/catalog/pack.json";
/// At most one automatic check a day (metered data).
pub const CHECK_INTERVAL_MS: i64 = 24 * 60 * 60 * 1000;
/// A pack larger than this is refused unread: the real one is a few hundred KB.
pub const MAX_PACK_BYTES: usize = 4 * 1024 * 1024;
/// The whole download (headers and body) is given up after this: a stalled connection must not leave a
/// check running for minutes. The real pack is ~60 KB compressed, a few seconds on a slow 2G link.
pub const FETCH_TIMEOUT_MS: i32 = 20_000;
/// A pack may be dated at most this many days after the phone's today (clock skew, time zones); one dated
/// later is refused, since it would hide every real update published before its date.
pub const MAX_CLOCK_SKEW_DAYS: i64 = 1;

/// What the engine's full validation (`Catalog::from_pack_json`) learned about a pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackInfo {
    pub version: String,
    /// Shown as 政策数据更新于 <published>.
    pub published: Date,
}

#[derive(Clone, Debug, PartialEq)]
pub enum UpdateOutcome {
    /// Not checked: offline, or checked less than a day ago and not forced.
    Skipped,
    /// The server has the pack already installed (or one no newer).
    UpToDate,
    /// A new pack passed every check and is now installed: re-evaluate.
    Switched(PackInfo),
    /// The new pack was refused; the current catalog stays. `reason` is also stored in the status.
    Kept { reason: Text },
}

fn reason(zh: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(zh, en)
}

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
    let due = status
        .last_check_ms
        .map_or(true, |t| now - t >= CHECK_INTERVAL_MS || now < t);
    if !is_online() || !(force || due) {
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
    let status = CatalogStatus {
        last_check_ms: Some(now),
        last_error: match &outcome {
            UpdateOutcome::Kept { reason } => Some(reason.clone()),
            _ => None,
        },
    };
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

/// Whether a pack published on `published` is dated after `today` (beyond [`MAX_CLOCK_SKEW_DAYS`]).
pub fn is_future_dated(published: Date, today: Date) -> bool {
    published > today.add_days(MAX_CLOCK_SKEW_DAYS)
}

/// Why a pack dated after today is refused (zh/en).
pub fn future_dated_reason(published: Date, today: Date) -> Text {
    reason(
        format!("新的政策数据标注的发布日期（{published}）晚于今天（{today}），不可信，已拒绝，继续使用当前数据。如果手机日期不对，请在系统设置里改正。"),
        format!("The new policy data says it was published on {published}, after today ({today}), so it cannot be trusted and was refused; keeping the current data. If the phone's date is wrong, correct it in the system settings."),
    )
}

/// The version and date a pack claims on its envelope, read without checking anything else.
#[derive(serde::Deserialize)]
struct Envelope {
    version: String,
    published: Date,
}

/// Pure decision on a fetched pack: unchanged, refused (why), or accepted. Nothing is stored here.
/// `today` is the phone's date: a pack dated after it is refused, and an installed pack dated after it
/// no longer counts as "newest known", so real updates get through again.
pub fn decide<V>(
    text: &str,
    current: Option<&CatalogPackRecord>,
    today: Date,
    validate: V,
) -> UpdateOutcome
where
    V: FnOnce(&str) -> Result<PackInfo, Text>,
{
    if current.is_some_and(|c| c.sha256 == sha256_hex(text)) {
        return UpdateOutcome::UpToDate;
    }
    let builtin = Catalog::builtin_published();
    let trusted = current.filter(|c| !is_future_dated(c.published, today));
    let newest_known = trusted.map_or(builtin, |c| c.published.max(builtin));
    let not_newer = |version: &str, published: Date| {
        published < newest_known || trusted.is_some_and(|c| c.version == version)
    };
    // What the pack claims decides first: an older pack is "already up to date", whatever its content
    // would say under today's checks, and a future-dated one is refused for its date.
    if let Ok(claim) = serde_json::from_str::<Envelope>(text) {
        if is_future_dated(claim.published, today) {
            return UpdateOutcome::Kept {
                reason: future_dated_reason(claim.published, today),
            };
        }
        if not_newer(&claim.version, claim.published) {
            return UpdateOutcome::UpToDate;
        }
    }
    let info = match validate(text) {
        Ok(info) => info,
        Err(why) => {
            return UpdateOutcome::Kept {
                reason: reason(
                    format!("新的政策数据未通过检查，继续使用当前数据：{}", why.zh),
                    format!(
                        "The new policy data failed its checks; keeping the current data: {}",
                        why.en
                    ),
                ),
            }
        }
    };
    // Never step back: not to an older pack than the installed one, nor than the built-in one. (The
    // validated meta equals the envelope, so this repeats the check above for packs without one.)
    if is_future_dated(info.published, today) {
        return UpdateOutcome::Kept {
            reason: future_dated_reason(info.published, today),
        };
    }
    if not_newer(&info.version, info.published) {
        return UpdateOutcome::UpToDate;
    }
    UpdateOutcome::Switched(info)
}

/// The engine's complete check of a pack (`Catalog::from_pack_json`, the same checks as the
/// maintainers' `catalog check`): format, version, checksum, metadata and every catalog rule.
pub fn validate_pack(text: &str) -> Result<PackInfo, Text> {
    match Catalog::from_pack_json(text) {
        Ok(catalog) => Ok(PackInfo {
            version: catalog.version().to_owned(),
            published: catalog.published(),
        }),
        Err(e) => Err(Text::new(e.message(Lang::Zh), e.message(Lang::En))),
    }
}

/// [`check_for_update`] with the engine's validation: what the UI calls.
pub async fn check_catalog(
    storage: &Storage,
    force: bool,
    today: Date,
) -> Result<UpdateOutcome, StorageError> {
    check_for_update(storage, force, today, validate_pack).await
}

pub(crate) fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// GET the pack from our own origin, bypassing every cache, and read it as text (size-bounded).
async fn fetch_pack() -> Result<String, Text> {
    let offline = || {
        reason(
            "无法连接到服务器，继续使用当前政策数据。",
            "Could not reach the server; keeping the current policy data.",
        )
    };
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
        Err(_) if timed_out.get() => Err(reason(
            format!(
                "网络太慢，{} 秒内没能下载完新的政策数据，已停止下载，继续使用当前数据。网络好一些时再点“检查更新”。",
                FETCH_TIMEOUT_MS / 1000
            ),
            format!(
                "The network is too slow: the new policy data did not arrive within {} seconds, so the download was stopped; keeping the current data. Tap “Check for updates” again on a better connection.",
                FETCH_TIMEOUT_MS / 1000
            ),
        )),
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
        return Err(reason(
            format!("服务器没有提供新的政策数据（{code}），继续使用当前数据。"),
            format!("The server did not provide policy data ({code}); keeping the current data."),
        ));
    }
    let too_big = || {
        reason(
            "新的政策数据文件过大，已拒绝，继续使用当前数据。",
            "The new policy data file is too large and was refused; keeping the current data.",
        )
    };
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
