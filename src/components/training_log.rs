//! The shell's 近期截止 banner over the 培训 section's store ([`crate::state::training`]), and the browser's
//! local notifications it sends (only after the person opted in *and* the browser allows them); file
//! downloads are in [`crate::components::export`].

use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsValue;

use crate::state::training::{use_training, DUE_SOON_DAYS};
use crate::state::use_app;
use leye_core::date::Date;
use leye_core::i18n::Message as _;
use leye_core::lang::Lang;
use leye_core::reminders;
use leye_core::text::training::{self as text, TrainingText};
use leye_core::training::{due_within, Deadline};

/// Where notifications can be shown at all (hidden elsewhere, e.g. iOS outside an installed app).
pub fn notifications_supported() -> bool {
    js_sys::Reflect::has(&window(), &JsValue::from_str("Notification")).unwrap_or(false)
}

pub fn notification_permission() -> web_sys::NotificationPermission {
    web_sys::Notification::permission()
}

/// Asks for permission; only ever called from a tap on 开启到期提醒.
pub async fn request_notifications() -> web_sys::NotificationPermission {
    if let Ok(promise) = web_sys::Notification::request_permission() {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    notification_permission()
}

/// One notification; `tag` is the item, so the phone replaces rather than stacks a repeat.
fn notify(title: &str, body: &str, tag: &str) {
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    options.set_tag(tag);
    let _ = web_sys::Notification::new_with_options(title, &options);
}

/// Shows a notification for each deadline in `due` (see [`crate::state::training::Training::take_due_reminders`]).
/// Only while the app is open: no background work, nothing leaves the phone.
fn remind(due: &[Deadline], lang: Lang, today: Date) {
    let title = TrainingText::NotifyTitle.text(lang);
    for d in due {
        let body = text::reminder_body(d.title.get(lang), d.date, today, lang);
        notify(title, &body, &reminders::item_key(d));
    }
}

/// The shell's gentle reminder: anything due within 14 days, once the log is read. "知道了" hides it for
/// today. With reminders turned on and notifications allowed, each such item is also a local notification,
/// once a day ([`remind`]).
#[component]
pub fn DueSoonBanner() -> impl IntoView {
    let app = use_app();
    let training = use_training();
    let due = move || {
        if !training.loaded() {
            return None;
        }
        let today = app.today;
        let all = training.deadlines();
        let soon = due_within(&all, today, DUE_SOON_DAYS);
        let first = soon.first()?;
        let lang = app.lang.get();
        Some(text::due_soon(
            soon.len(),
            first.title.get(lang),
            first.date,
            today,
            lang,
        ))
    };
    // Runs when the log is read, when the deadlines change and when reminders are turned on.
    Effect::new(move |_| {
        // The browser's permission first: what is not shown is not marked as reminded.
        if training.loaded()
            && training.reminders_on()
            && notifications_supported()
            && notification_permission() == web_sys::NotificationPermission::Granted
        {
            remind(
                &training.take_due_reminders(&training.deadlines()),
                app.lang.get_untracked(),
                app.today,
            );
        }
    });
    let visible = move || training.banner_dismissed_on() != Some(app.today);
    view! {
        {move || (visible().then(due).flatten()).map(|sentence| view! {
            <div class="banner banner-due" role="status">
                <span class="banner-due-text">{sentence}</span>
                <span class="banner-due-actions">
                    <A href="/training" attr:class="banner-due-open">{move || app.t(TrainingText::DueOpen)}</A>
                    <button type="button" class="banner-due-dismiss" on:click=move |_| training.dismiss_banner()>
                        {move || app.t(TrainingText::DueDismiss)}
                    </button>
                </span>
            </div>
        })}
    }
}
