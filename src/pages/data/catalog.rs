//! 政策数据: the catalog in use, when it was last checked, and "check now".

use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

use super::{Outcome, OutcomeLine};
use crate::state::CatalogCheck;
use crate::state::{tr, use_app};
use leye_core::text::data::{self as text, DataText};
use leye_core::view::data::clock_text;

#[component]
pub fn CatalogSection(refresh: RwSignal<u32>, checking: RwSignal<bool>) -> impl IntoView {
    let busy = checking;
    let app = use_app();
    let outcome = RwSignal::new(None::<Outcome>);
    let status = LocalResource::new(move || {
        refresh.track();
        app.catalog.track();
        app.last_catalog_check.track();
        let storage = app.storage.get();
        async move {
            match storage {
                Some(s) => s.catalog_status().await.ok(),
                None => None,
            }
        }
    });
    let check = move |_| {
        busy.set(true);
        outcome.set(Some(Outcome::Working(DataText::Checking)));
        spawn_local(async move {
            let result = match app.check_catalog(true).await {
                Ok(CatalogCheck::Skipped) => Outcome::Working(DataText::OfflineSkipped),
                Ok(CatalogCheck::UpToDate) => Outcome::Working(DataText::UpToDate),
                Ok(CatalogCheck::Kept(reason)) => Outcome::Said(reason),
                Ok(CatalogCheck::Switched { change, .. }) => Outcome::Said(text::switched(&change)),
                Err(e) => {
                    app.report(e.clone());
                    Outcome::Failed(e)
                }
            };
            outcome.set(Some(result));
            refresh.update(|n| *n += 1);
            busy.set(false);
        });
    };
    let offset_minutes = crate::platform::clock::utc_offset_minutes;
    view! {
        <section class="card" aria-labelledby="data-catalog-title">
            <h2 id="data-catalog-title">{tr(DataText::CatalogTitle)}</h2>
            <p class="data-catalog-date">
                {tr(DataText::CatalogUpdatedOn)} " "
                <strong>{move || app.catalog.with(|c| c.published().to_string())}</strong>
            </p>
            <p class="note data-catalog-source">
                {move || app.catalog.with(|c| text::catalog_source(c, app.lang.get()))}
            </p>
            <p class="note data-last-check">
                {move || match status.get().flatten().and_then(|s| s.last_check_ms) {
                    Some(ms) => format!("{} {}", app.t(DataText::LastCheck), clock_text(ms, offset_minutes())),
                    None => app.t(DataText::NeverChecked).to_owned(),
                }}
            </p>
            {move || status.get().flatten().and_then(|s| s.last_error).map(|reason| view! {
                <p class="data-last-error">
                    {tr(DataText::LastError)} " " {move || reason.get(app.lang.get()).to_owned()}
                </p>
            })}
            <button type="button" class="button data-check" on:click=check
                disabled=move || busy.get() || app.storage.get().is_none()>
                {tr(DataText::CheckNow)}
            </button>
            <OutcomeLine outcome id="data-catalog-outcome"/>
            <p class="note data-catalog-note">{tr(DataText::CatalogNote)}</p>
        </section>
    }
}
