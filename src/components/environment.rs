//! Views for the browser the app finds itself in (issue 13; the decisions are in [`leye_core::view::environment`]):
//! the once-a-day line in WeChat's and QQ's in-app browsers, the note in 我的 → 数据 where no service worker
//! can keep the app offline, and the weekly 备份 reminder in 我的 when stored data may be cleared.

use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsValue;

use crate::state::{tr, use_app};
use leye_core::date::Date;
use leye_core::text::shell::{ExportText, ShellEnvText};
use leye_core::view::environment::{
    backup_reminder_due, in_app_line_due, is_in_app_browser, worth_a_backup,
};

/// localStorage keys: the day the in-app line and the 备份 reminder were last shown. Kept out of IndexedDB
/// so they are not the person's data (a backup does not carry them, 数据 does not count them).
const IN_APP_SHOWN_KEY: &str = "leye.inapp-shown";
const REMINDER_SHOWN_KEY: &str = "leye.backup-reminder-shown";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn shown_on(key: &str) -> Option<Date> {
    let text = local_storage()?.get_item(key).ok().flatten()?;
    Date::parse(&text).ok()
}

fn mark_shown(key: &str, today: Date) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, &today.to_string());
    }
}

/// Whether this is WeChat's, QQ's or another in-app browser (by its user agent).
pub fn in_app_browser() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| is_in_app_browser(&ua))
}

/// Whether this browser has service workers at all (none in iOS in-app browsers and some WebViews).
pub fn has_service_worker() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("serviceWorker")).unwrap_or(false)
    })
}

/// In an in-app browser: one calm line on how to open the app in the phone's browser, at most once a day,
/// closed with 知道了. It never blocks anything.
#[component]
pub fn InAppLine() -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let due = in_app_browser() && in_app_line_due(shown_on(IN_APP_SHOWN_KEY), today);
    if due {
        mark_shown(IN_APP_SHOWN_KEY, today);
    }
    let open = RwSignal::new(due);
    move || {
        open.get().then(|| {
            view! {
                <p class="banner banner-inapp" role="note">
                    <span>{tr(ShellEnvText::InAppLine)}</span>
                    <button type="button" class="banner-inapp-close" on:click=move |_| open.set(false)>
                        {tr(ShellEnvText::InAppClose)}
                    </button>
                </p>
            }
        })
    }
}

/// 我的 → 数据, where no service worker can keep the app offline: say so and what to do.
#[component]
pub fn NoOfflineNote() -> impl IntoView {
    (!has_service_worker()).then(|| {
        view! { <p class="data-no-offline" role="note">{tr(ExportText::NoOffline)}</p> }
    })
}

/// 我的: a gentle 备份 reminder, at most weekly, once the training log holds a certificate or five entries and
/// the browser may clear what is stored (not persisted, or an in-app browser).
#[component]
pub fn BackupReminder() -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let open = RwSignal::new(false);
    let storage = app.storage();
    wasm_bindgen_futures::spawn_local(async move {
        let last = shown_on(REMINDER_SHOWN_KEY);
        let in_app = in_app_browser();
        let kept = crate::storage::durability::is_persisted().await;
        // Cheap checks first: most visits end here without reading the log.
        if !backup_reminder_due(true, kept, in_app, last, today) {
            return;
        }
        let Some(storage) = storage else { return };
        // Only the training log: reading every store here made 我的's first download 35 KB larger.
        let Ok(events) = storage.training_events().await else {
            return;
        };
        let due = backup_reminder_due(worth_a_backup(&events), kept, in_app, last, today);
        if due && open.try_get_untracked().is_some() {
            mark_shown(REMINDER_SHOWN_KEY, today);
            open.set(true);
        }
    });
    move || {
        open.get().then(|| {
            view! {
                <section class="card backup-reminder" role="note">
                    <p>{tr(ExportText::ReminderText)}</p>
                    <p class="backup-reminder-actions">
                        <A href="/me/data" attr:class="button button-primary backup-reminder-go">
                            {tr(ExportText::ReminderGo)}
                        </A>
                        <button type="button" class="button backup-reminder-later" on:click=move |_| open.set(false)>
                            {tr(ExportText::ReminderLater)}
                        </button>
                    </p>
                </section>
            }
        })
    }
}
