//! Whether a fetched catalog pack replaces the installed one: the pure half of the app's catalog update
//! (`storage::catalog_update` fetches and stores; everything it decides is here, tested natively).
//!
//! A pack switches only if it passes every check, is not dated after today, and is newer than both the
//! installed pack and the built-in catalog; otherwise the current catalog stays and the reason is kept in
//! the [`CatalogStatus`] for 我的 → 数据.

use crate::catalog::Catalog;
use crate::date::Date;
use crate::lang::{Lang, Text};
use crate::text::storage as wording;
use serde::{Deserialize, Serialize};

/// At most one automatic check a day (metered data).
pub const CHECK_INTERVAL_MS: i64 = 24 * 60 * 60 * 1000;
/// A pack larger than this is refused unread: the real one is a few hundred KB.
pub const MAX_PACK_BYTES: usize = 4 * 1024 * 1024;
/// A pack may be dated at most this many days after the phone's today (clock skew, time zones); one dated
/// later is refused, since it would hide every real update published before its date.
pub const MAX_CLOCK_SKEW_DAYS: i64 = 1;

/// The current catalog pack, as installed by the app's catalog update.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogPackRecord {
    pub version: String,
    /// 政策数据更新于 <published>.
    pub published: Date,
    pub sha256: String,
    pub installed_at_ms: i64,
    pub pack_json: String,
}

/// When the catalog was last checked for updates, and why the last check did not switch.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogStatus {
    pub last_check_ms: Option<i64>,
    /// zh/en reason shown under 我的 → 数据; `None` after a successful check.
    pub last_error: Option<Text>,
}

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

/// Whether a check runs at `now_ms`: when forced, never checked before, a day after the last check, or
/// when the clock went back behind it (else a wrong clock, once corrected, would stop every check).
pub fn is_due(status: &CatalogStatus, now_ms: i64, force: bool) -> bool {
    force
        || status
            .last_check_ms
            .is_none_or(|t| now_ms - t >= CHECK_INTERVAL_MS || now_ms < t)
}

/// The status a check at `now_ms` leaves behind: its time, and the reason when the pack was kept out.
pub fn status_after(outcome: &UpdateOutcome, now_ms: i64) -> CatalogStatus {
    CatalogStatus {
        last_check_ms: Some(now_ms),
        last_error: match outcome {
            UpdateOutcome::Kept { reason } => Some(reason.clone()),
            _ => None,
        },
    }
}

/// Whether a pack published on `published` is dated after `today` (beyond [`MAX_CLOCK_SKEW_DAYS`]).
pub fn is_future_dated(published: Date, today: Date) -> bool {
    published > today.add_days(MAX_CLOCK_SKEW_DAYS)
}

/// Why a pack dated after today is refused (zh/en).
pub fn future_dated_reason(published: Date, today: Date) -> Text {
    wording::future_dated(published, today)
}

use crate::digest::sha256_hex;

/// The version and date a pack claims on its envelope, read without checking anything else.
#[derive(Deserialize)]
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
                reason: wording::failed_checks(&why),
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

#[cfg(test)]
mod tests;
