//! The person's saved programs and the documents they ticked, shared by the policy screens.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::state::{use_app, AppState};

/// Saved programs and their ticked documents, read from storage once for the policy screens and again
/// when the person's data was replaced (`data_generation`: an import, an erase, another tab), and kept in
/// step with every tap. A failed write is reported and the tick undone, so the screen never shows a tick
/// that was not saved. Until read, nothing is saved.
#[derive(Clone, Copy)]
pub struct SavedPrograms {
    app: AppState,
    ticks: RwSignal<Ticks>,
}

/// Each saved program with the indexes of its ticked documents.
type Ticks = BTreeMap<String, Vec<u32>>;

/// The saved programs of the policy screens (see [`crate::state::shared`]).
pub fn use_saved_programs() -> SavedPrograms {
    let app = use_app();
    if let Some(saved) = app.shared.with_value(|s| s.saved) {
        return saved;
    }
    let saved = app.under_app(|| {
        let ticks = RwSignal::new(Ticks::new());
        // Keyed on the storage handle (it opens after the first paint) and on `data_generation`. Not a
        // LocalResource: its async machinery would join the check's piece, on the answer path, whose size
        // gate (tools/budgets.json) has half a kilobyte to spare; an effect is already there.
        Effect::new(move |_| {
            app.data_generation.track();
            let Some(storage) = app.storage.get() else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                match storage.saved_programs().await {
                    Ok(records) => {
                        // Extended, not collected: collecting into a BTreeMap sorts with a copy of its own.
                        let mut saved = Ticks::new();
                        saved.extend(
                            records
                                .into_iter()
                                .map(|r| (r.program_id, r.ticked_documents)),
                        );
                        ticks.set(saved);
                    }
                    Err(e) => app.report(e),
                }
            });
        });
        SavedPrograms { app, ticks }
    });
    app.shared.update_value(|s| s.saved = Some(saved));
    saved
}

impl SavedPrograms {
    pub fn is_saved(&self, program: &str) -> bool {
        self.ticks.with(|t| t.contains_key(program))
    }

    pub fn is_ticked(&self, program: &str, index: u32) -> bool {
        self.ticks
            .with(|t| t.get(program).is_some_and(|d| d.contains(&index)))
    }

    pub fn tick(self, program: &str, index: u32, ticked: bool) {
        let app = self.app;
        let before = self.ticks.get_untracked();
        self.ticks.update(|t| {
            let docs = t.entry(program.to_string()).or_default();
            docs.retain(|&d| d != index);
            if ticked {
                docs.push(index);
                leye_core::order::sort(docs);
            }
        });
        let Some(storage) = app.storage() else {
            return;
        };
        let program = program.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = storage.set_document_ticked(&program, index, ticked).await {
                self.ticks.set(before);
                app.report(e);
            }
        });
    }

    pub fn toggle_saved(self, program: &str) {
        let app = self.app;
        let before = self.ticks.get_untracked();
        let save = !before.contains_key(program);
        self.ticks.update(|t| {
            if save {
                t.insert(program.to_string(), Vec::new());
            } else {
                t.remove(program);
            }
        });
        let Some(storage) = app.storage() else {
            return;
        };
        let program = program.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            let done = if save {
                storage.save_program(&program).await.map(|_| ())
            } else {
                storage.unsave_program(&program).await
            };
            if let Err(e) = done {
                self.ticks.set(before);
                app.report(e);
            }
        });
    }
}
