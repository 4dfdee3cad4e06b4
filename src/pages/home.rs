//! 首页: what the app does, for whom, and the first step.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::tr;
use crate::i18n::Key;
use crate::summary_text::SummaryText;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="hero">
            <h1>{tr(Key::HomeHello)}</h1>
            <p class="lead">{tr(Key::HomeIntro)}</p>
            <A href="/check" attr:class="button button-primary">{tr(Key::HomeStartCheck)}</A>
            <A href="/policies" attr:class="button">{tr(Key::HomeBrowse)}</A>
            <A href="/training" attr:class="button">{tr(Key::HomeTraining)}</A>
            <A href="/summary" attr:class="button">{tr(SummaryText::Open)}</A>
        </section>
        <section class="card">
            <h2>{tr(Key::HomeWhoTitle)}</h2>
            <ul class="plain-list">
                <li>{tr(Key::HomeWho1)}</li>
                <li>{tr(Key::HomeWho2)}</li>
                <li>{tr(Key::HomeWho3)}</li>
                <li>{tr(Key::HomeWho4)}</li>
            </ul>
        </section>
        <p class="note note-privacy">{tr(Key::HomePrivacy)}</p>
        <p class="note">{tr(Key::HomeDisclaimer)}</p>
    }
}
