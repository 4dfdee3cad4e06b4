//! 截止日期: every upcoming date, the calendar (.ics) export, and turning on local reminders.

use leptos::prelude::*;

use crate::components::export::{Export, ExportFile, ExportPanel};
use crate::components::training_log::{
    notification_permission, notifications_supported, request_notifications,
};
use crate::platform::clock::utc_stamp;
use crate::state::training::Training;
use crate::state::{tr, use_app};
use leye_core::text::training::{self as text, TrainingText as T};
use leye_core::training::to_ics;

#[component]
pub fn Deadlines(training: Training) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let list = move || training.deadlines();
    let exported = Export::new();
    // Downloaded, and offered to share, copy or long-press where downloads do not work (WeChat).
    let export = move |_| {
        let lang = app.lang.get_untracked();
        let ics = to_ics(&training.deadlines(), lang, utc_stamp());
        exported.offer(ExportFile {
            name: format!("leye-deadlines-{today}.ics"),
            mime: "text/calendar",
            text: ics.into(),
        });
    };
    // Reminders need two yeses: the person's tap here, and the browser's permission (asked only on that tap).
    let supported = notifications_supported();
    let permission = RwSignal::new(supported.then(notification_permission));
    let asked = RwSignal::new(false);
    let turn_on = move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            let now = if notification_permission() == web_sys::NotificationPermission::Granted {
                web_sys::NotificationPermission::Granted
            } else {
                request_notifications().await
            };
            permission.set(Some(now));
            asked.set(true);
            if now == web_sys::NotificationPermission::Granted {
                training.set_reminders(true);
            }
        });
    };
    let turn_off = move |_| training.set_reminders(false);
    let reminders = move || {
        use web_sys::NotificationPermission as P;
        let on_button = || {
            view! {
                <button type="button" class="button reminders-on" on:click=turn_on>{app.t(T::NotifyOn)}</button>
            }
        };
        match permission.get() {
            None => view! { <p class="note reminders-state">{app.t(T::NotifyUnsupported)}</p> }.into_any(),
            Some(P::Denied) => view! { <p class="note reminders-state" role="status">{app.t(T::NotifyDenied)}</p> }.into_any(),
            Some(P::Granted) if training.reminders_on() => view! {
                <p class="note note-ok reminders-state" role="status">{app.t(T::NotifyEnabled)}</p>
                <button type="button" class="button reminders-off" on:click=turn_off>{app.t(T::NotifyOff)}</button>
            }.into_any(),
            // Asked, but the browser's question was closed without an answer.
            Some(P::Default) if asked.get() => view! {
                <p class="note reminders-state" role="status">{app.t(T::NotifyDismissed)}</p>
                {on_button()}
            }.into_any(),
            Some(_) => view! {
                <p class="note">{app.t(T::NotifyIntro)}</p>
                {on_button()}
            }.into_any(),
        }
    };
    view! {
        <section class="card training-deadlines" aria-labelledby="deadlines">
            <h2 id="deadlines">{tr(T::Deadlines)}</h2>
            {move || {
                let items = list();
                let lang = app.lang.get();
                if items.is_empty() {
                    return view! { <p class="note">{app.t(T::NoDeadlines)}</p> }.into_any();
                }
                let rows = items.into_iter().map(|d| view! {
                    <li class="deadline">
                        <span class="deadline-date">{d.date.to_string()}</span>
                        <span class="deadline-left">{text::countdown(today, d.date, lang)}</span>
                        <span class="deadline-title">{d.title.get(lang).to_string()}</span>
                    </li>
                }).collect_view();
                view! {
                    <ol class="deadlines">{rows}</ol>
                    <button type="button" class="button export-ics" on:click=export>{app.t(T::ExportIcs)}</button>
                    <p class="note">{app.t(T::IcsNote)}</p>
                }.into_any()
            }}
            <ExportPanel export=exported id="ics-export-text"/>
            <div class="reminders">{reminders}</div>
        </section>
    }
}
