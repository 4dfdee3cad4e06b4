//! The friendly in-app 404 for unknown routes.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::tr;
use leye_core::i18n::Key;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>{tr(Key::NotFoundTitle)}</h1>
            <p>{tr(Key::NotFoundBody)}</p>
            <A href="/" attr:class="button button-primary">{tr(Key::NotFoundHome)}</A>
        </section>
    }
}
