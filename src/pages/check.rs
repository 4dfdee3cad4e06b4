//! The check tab.

use leptos::prelude::*;

use crate::app::tr;
use crate::i18n::Key;

#[component]
pub fn CheckPage() -> impl IntoView {
    view! {
        <h1>{tr(Key::CheckTitle)}</h1>
        <p class="note">{tr(Key::ComingSoon)}</p>
    }
}
