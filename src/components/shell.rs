//! The frame around every screen: the top bar with the language switch, the update, storage, offline and
//! notice banners, and the bottom tabs.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::platform::pwa::{self, UpdateState};
use crate::state::{tr, use_app, Notice};
use leye_core::i18n::{Key, Message};
use leye_core::lang::Lang;

#[component]
pub fn TopBar() -> impl IntoView {
    let app = use_app();
    let toggle = move |_| {
        let next = match app.lang.get_untracked() {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        app.set_lang(next);
    };
    view! {
        <header class="top-bar">
            <a href="/" class="brand">
                <img src="/icons/icon-192.png" alt="" width="28" height="28"/>
                <span>{tr(Key::AppName)}</span>
            </a>
            <button
                type="button"
                class="lang-toggle"
                on:click=toggle
                aria-label=move || format!("{} ({})", app.t(Key::LangToggle), app.t(Key::LangSwitchLabel))
                lang=move || match app.lang.get() { Lang::Zh => "en", Lang::En => "zh-CN" }
            >
                {tr(Key::LangToggle)}
            </button>
        </header>
    }
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let app = use_app();
    let apply = move |_| {
        app.update.set(UpdateState::Applying);
        pwa::apply_update();
    };
    view! {
        <Show when=move || app.update.get() != UpdateState::None>
            <div class="banner banner-update" role="status">
                <button type="button" class="banner-action" on:click=apply
                    disabled=move || app.update.get() == UpdateState::Applying>
                    {move || match app.update.get() {
                        UpdateState::Applying => app.t(Key::UpdateApplying),
                        _ => app.t(Key::UpdateReady),
                    }}
                </button>
            </div>
        </Show>
    }
}

/// 数据不会被保存: shown on every screen while data lives only in memory.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let app = use_app();
    view! {
        {move || app.storage_fallback.get().map(|reason| {
            let lang = app.lang.get();
            view! {
                <div class="banner banner-storage" role="alert">
                    <strong>{crate::storage::StorageError::banner(lang)}</strong>
                    <span class="banner-detail">{reason.message(lang)}</span>
                </div>
            }
        })}
    }
}

/// The latest message for the user (a failed save, an import result...), dismissable.
#[component]
pub fn NoticeLine() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="notice-region" role="status" aria-live="polite">
            {move || app.notice.get().map(|notice: Notice| {
                let text = notice.message(app.lang.get());
                view! {
                    <p class="banner banner-notice">
                        <span>{text}</span>
                        <button type="button" class="notice-close" on:click=move |_| app.notice.set(None)
                            aria-label=move || app.t(Key::Dismiss)>"×"</button>
                    </p>
                }
            })}
        </div>
    }
}

#[component]
pub fn OfflineNote() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || !app.online.get()>
            <p class="banner banner-offline" role="status">{tr(Key::Offline)}</p>
        </Show>
    }
}

/// Whether the tab for `href` is the current one: 首页 only at "/", the others for their whole section
/// (/policies/:id is still 政策, /me/data still 我的).
fn tab_is_current(path: &str, href: &str) -> bool {
    if href == "/" {
        return path == "/";
    }
    path == href
        || path
            .strip_prefix(href)
            .is_some_and(|rest| rest.starts_with('/'))
}

#[component]
pub fn TabBar() -> impl IntoView {
    let app = use_app();
    // Icons are drawn in CSS (no icon font, no extra requests); labels carry the meaning.
    let tabs = [
        ("/", Key::TabHome, "home"),
        ("/check", Key::TabCheck, "check"),
        ("/policies", Key::TabPolicies, "policies"),
        ("/training", Key::TabTraining, "training"),
        ("/me", Key::TabMe, "me"),
    ];
    let pathname = use_location().pathname;
    // Plain links (the router still handles their clicks), redrawn together when the language changes (the
    // focus is then on the language button); only the current-tab mark follows the route, so a keyboard user's
    // focus stays on the tab they chose. Five router <A>s with their memos and per-label effects were a good
    // part of the first mount.
    move || {
        let lang = app.lang.get();
        view! {
            <nav class="tab-bar" aria-label=Key::MainNav.text(lang)>
                {tabs
                    .into_iter()
                    .map(|(href, key, icon)| {
                        let current = move || tab_is_current(&pathname.get(), href).then_some("page");
                        view! {
                            <a href=href class="tab" aria-current=current>
                                <span class=format!("tab-icon tab-icon-{icon}") aria-hidden="true"></span>
                                <span class="tab-label">{key.text(lang)}</span>
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
        }
    }
}
