//! 清除全部数据: erasing everything on this phone, after a confirmation.

use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

use super::{Outcome, OutcomeLine};
use crate::state::{tr, use_app};
use leye_core::text::data::DataText;

#[component]
pub fn EraseSection(refresh: RwSignal<u32>, busy: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let outcome = RwSignal::new(None::<Outcome>);
    let confirming = RwSignal::new(false);
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    // Focus moves to the confirmation so keyboard and screen-reader users land on the choice.
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(b) = confirm_button.get() {
                let _ = b.focus();
            }
        }
    });
    let erase = move |_| {
        let Some(storage) = app.storage() else { return };
        confirming.set(false);
        busy.set(true);
        outcome.set(Some(Outcome::Working(DataText::Erasing)));
        spawn_local(async move {
            let result = match storage.erase_all().await {
                Ok(()) => {
                    app.data_replaced().await;
                    Outcome::Erased
                }
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
    view! {
        <section class="card data-erase" aria-labelledby="data-erase-title">
            <h2 id="data-erase-title">{tr(DataText::EraseTitle)}</h2>
            <p class="note">{tr(DataText::EraseHint)}</p>
            <Show when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button data-erase-start"
                        on:click=move |_| { outcome.set(None); confirming.set(true) }
                        disabled=move || busy.get() || app.storage.get().is_none()>
                        {tr(DataText::Erase)}
                    </button>
                }>
                <div class="data-confirm" role="group" aria-labelledby="data-erase-question">
                    <p id="data-erase-question" class="data-confirm-text">{tr(DataText::EraseConfirmText)}</p>
                    <button type="button" class="button button-danger data-erase-confirm" node_ref=confirm_button
                        on:click=erase>
                        {tr(DataText::EraseConfirm)}
                    </button>
                    <button type="button" class="button data-erase-cancel" on:click=move |_| confirming.set(false)>
                        {tr(DataText::EraseCancel)}
                    </button>
                </div>
            </Show>
            <OutcomeLine outcome id="data-erase-outcome"/>
        </section>
    }
}
