//! 学习记录: the learning record (xAPI) download.

use leptos::prelude::*;

use crate::components::export::{Export, ExportFile, ExportPanel};
use crate::state::training::Training;
use crate::state::{tr, use_app};
use leye_core::text::training::TrainingText as T;

#[component]
pub fn LearningRecordCard(training: Training) -> impl IntoView {
    let app = use_app();
    let empty = RwSignal::new(false);
    let exported = Export::new();
    let save = move |_| {
        let today = app.today;
        wasm_bindgen_futures::spawn_local(async move {
            // Derived from storage as the backup's copy is, so the two files always agree.
            let json = match training.learning_record_json().await {
                Ok(Some(json)) => json,
                Ok(None) => return empty.set(true),
                Err(e) => return app.report(e),
            };
            empty.set(false);
            exported.offer(ExportFile {
                name: format!("leye-learning-record-{today}.json"),
                mime: "application/json",
                text: json.into(),
            });
        });
    };
    view! {
        <section class="card training-record" aria-labelledby="record">
            <h2 id="record">{tr(T::Record)}</h2>
            <p class="note">{tr(T::RecordNote)}</p>
            <button type="button" class="button export-record" on:click=save>{tr(T::DownloadRecord)}</button>
            <p class="note" role="status">{move || empty.get().then(|| app.t(T::RecordEmpty))}</p>
            <ExportPanel export=exported id="record-export-text"/>
        </section>
    }
}
