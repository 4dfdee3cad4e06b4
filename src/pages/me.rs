//! 我的: language, data and about.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::environment::BackupReminder;
use crate::state::{tr, use_app};
use leye_core::i18n::Key;
use leye_core::lang::Lang;
use leye_core::text::data::DataText;

#[component]
pub fn MePage() -> impl IntoView {
    let app = use_app();
    let choice = move |lang: Lang, label: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="lang"
                    prop:checked=move || app.lang.get() == lang
                    on:change=move |_| app.set_lang(lang)
                />
                <span lang=lang.tag()>{label}</span>
            </label>
        }
    };
    view! {
        <h1>{tr(Key::MeTitle)}</h1>
        <section class="card">
            <fieldset class="choices">
                <legend>{tr(Key::MeLanguage)}</legend>
                {choice(Lang::Zh, "中文")}
                {choice(Lang::En, "English")}
            </fieldset>
        </section>
        <BackupReminder/>
        <section class="card">
            <A href="/me/data" attr:class="button data-entry">{tr(DataText::EntryLink)}</A>
            <p class="note data-entry-hint">{tr(DataText::EntryHint)}</p>
        </section>
        <section class="card">
            <h2>{tr(Key::MeAbout)}</h2>
            <p>{tr(Key::MeAboutBody)}</p>
            <p class="note">{tr(Key::MeVersion)} " " {env!("CARGO_PKG_VERSION")}</p>
        </section>
    }
}
