//! The training tab.

use leptos::prelude::*;

use crate::app::tr;
use crate::i18n::Key;

#[component]
pub fn TrainingPage() -> impl IntoView {
    view! {
        <h1>{tr(Key::TrainingTitle)}</h1>
        <p class="note">{tr(Key::ComingSoon)}</p>
    }
}
