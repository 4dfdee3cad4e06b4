//! The policies tab.

use leptos::prelude::*;

use crate::app::tr;
use crate::i18n::Key;

#[component]
pub fn PoliciesPage() -> impl IntoView {
    view! {
        <h1>{tr(Key::PoliciesTitle)}</h1>
        <p class="note">{tr(Key::ComingSoon)}</p>
    }
}
