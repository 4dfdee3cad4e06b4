//! The phone's clock, read in one place: storage stamps records with [`now_ms`], the screens date
//! everything with [`today`], and times are shown in the phone's zone through [`utc_offset_minutes`].

use leye_core::date::Date;
use leye_core::ics::Stamp;

/// Used only if the browser hands back a date the core refuses (a broken clock): a date, not a panic.
fn fallback_date() -> Date {
    Date::ymd(2026, 1, 1)
}

/// Milliseconds since 1970 from the browser clock (storage stamps records; the domain never reads time).
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Now as ISO 8601 in UTC (a backup file's `exported_at`).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date in the phone's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or_else(|_| fallback_date())
}

/// "Now" in UTC for the calendar file's DTSTAMP.
pub fn utc_stamp() -> Stamp {
    let now = js_sys::Date::new_0();
    let date = Date::new(
        now.get_utc_full_year() as i32,
        now.get_utc_month() as u8 + 1,
        now.get_utc_date() as u8,
    )
    .unwrap_or_else(|_| fallback_date());
    Stamp {
        date,
        hour: now.get_utc_hours() as u8,
        minute: now.get_utc_minutes() as u8,
        second: now.get_utc_seconds() as u8,
    }
}

/// The phone's offset from UTC in minutes (east positive), to show stored UTC times as local ones.
pub fn utc_offset_minutes() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

/// Resolves in a new task of the browser's event loop (a zero-delay timer), so that work before and after it
/// are two tasks: the page stays responsive between them, and no single one blocks long (issue 16's TBT).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let queued = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if !queued {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
