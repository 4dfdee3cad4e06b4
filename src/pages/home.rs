//! 首页: what the app does, for whom, and the first step.

use leptos::prelude::*;

use crate::state::use_app;
use leye_core::i18n::Key;
use leye_core::i18n::Message;
use leye_core::text::shell::ShellEnvText;
use leye_core::text::summary::SummaryText;

#[component]
pub fn HomePage() -> impl IntoView {
    let app = use_app();
    // One reactive block for the whole screen, redrawn when the language changes: a dozen per-string
    // effects made the first mount slower, and this screen is the first mount.
    move || {
        let lang = app.lang.get();
        let t = move |key: Key| key.text(lang);
        view! {
            <section class="hero">
                <h1>{t(Key::HomeHello)}</h1>
                <p class="lead">{t(Key::HomeIntro)}</p>
                // Plain links: the router handles their clicks, without the per-link memos of its <A>.
                // Where the app cannot start (no WebAssembly, an old engine), index.html's copy of this screen
                // hides these (`needs-app`) and shows `app-missing` instead (tools/headers.mjs, style/main.css).
                <a href="/check" class="button button-primary needs-app">{t(Key::HomeStartCheck)}</a>
                <a href="/policies" class="button needs-app">{t(Key::HomeBrowse)}</a>
                <a href="/training" class="button needs-app">{t(Key::HomeTraining)}</a>
                <a href="/summary" class="button needs-app">{SummaryText::Open.text(lang)}</a>
                <p class="app-missing">{ShellEnvText::AppMissing.text(lang)}</p>
            </section>
            <section class="card">
                <h2>{t(Key::HomeWhoTitle)}</h2>
                <ul class="plain-list">
                    <li>{t(Key::HomeWho1)}</li>
                    <li>{t(Key::HomeWho2)}</li>
                    <li>{t(Key::HomeWho3)}</li>
                    <li>{t(Key::HomeWho4)}</li>
                </ul>
            </section>
            <p class="note note-privacy">{t(Key::HomePrivacy)}</p>
            <p class="note">{t(Key::HomeDisclaimer)}</p>
        }
    }
}
