//! The one way data is restored: the checked backup, the question, the replacement and its undo.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

use super::Outcome;
use crate::state::AppState;
use crate::state::{tr, use_app};
use crate::storage::{RestorePlan, StorageError};
use leye_core::text::data::{holdings_rows, DataText};

/// The one way data is restored on this screen, whatever brought the backup (a picked file, pasted text):
/// bytes in → checked whole → the question, what the file holds against what the phone holds → replaced
/// in one transaction, with the replaced data kept as an automatic backup one tap brings back (until the
/// next restore). A phone that holds nothing is restored without asking: nothing would be replaced.
#[derive(Clone, Copy)]
pub struct RestoreFlow {
    pub(super) app: AppState,
    pub(super) outcome: RwSignal<Option<Outcome>>,
    /// The checked file waiting for the person's answer.
    pub(super) pending: RwSignal<Option<Arc<RestorePlan>>>,
    pub(super) busy: RwSignal<bool>,
    pub(super) refresh: RwSignal<u32>,
}

impl RestoreFlow {
    /// Checks `bytes` as a backup and asks before replacing anything (see [`RestoreFlow`]).
    pub fn offer(self, bytes: Vec<u8>) {
        let Some(storage) = self.app.storage() else {
            return;
        };
        self.busy.set(true);
        self.outcome
            .set(Some(Outcome::Working(DataText::Importing)));
        spawn_local(async move {
            match storage.plan_restore(&bytes).await {
                Ok(plan) if plan.phone.is_empty() => {
                    self.replace(plan).await;
                }
                Ok(plan) => {
                    self.outcome.set(None);
                    self.pending.set(Some(Arc::new(plan)));
                }
                Err(e) => self.failed(e),
            }
            self.busy.set(false);
        });
    }

    /// [`RestoreFlow::offer`] for a backup pasted as text.
    pub fn offer_text(self, text: String) {
        self.offer(text.into_bytes())
    }

    fn confirm(self) {
        let Some(plan) = self.pending.try_update(Option::take).flatten() else {
            return;
        };
        self.busy.set(true);
        self.outcome
            .set(Some(Outcome::Working(DataText::Importing)));
        spawn_local(async move {
            self.replace(Arc::unwrap_or_clone(plan)).await;
            self.busy.set(false);
        });
    }

    fn cancel(self) {
        self.pending.set(None);
        self.outcome
            .set(Some(Outcome::Working(DataText::RestoreCancelled)));
    }

    async fn replace(self, plan: RestorePlan) {
        let Some(storage) = self.app.storage() else {
            return;
        };
        let result = match storage.restore(plan.records).await {
            Ok(summary) => {
                self.app.data_replaced().await;
                self.app.after_first_save().await;
                Outcome::Imported(summary.records)
            }
            Err(e) => {
                self.failed(e);
                return;
            }
        };
        self.outcome.set(Some(result));
        self.refresh.update(|n| *n += 1);
    }

    /// Brings back what the last restore replaced (one tap; it can itself be undone).
    pub(super) fn undo(self) {
        let Some(storage) = self.app.storage() else {
            return;
        };
        self.busy.set(true);
        self.outcome.set(Some(Outcome::Working(DataText::Undoing)));
        spawn_local(async move {
            match storage.restore_undo_point().await {
                Ok(_) => {
                    self.app.data_replaced().await;
                    self.outcome.set(Some(Outcome::Working(DataText::Undone)));
                    self.refresh.update(|n| *n += 1);
                }
                Err(e) => self.failed(e),
            }
            self.busy.set(false);
        });
    }

    fn failed(self, e: StorageError) {
        // A refused file is explained here; failures of storage itself everywhere.
        if !matches!(e, StorageError::Backup(_)) {
            self.app.report(e.clone());
        }
        self.outcome.set(Some(Outcome::Failed(e)));
        self.refresh.update(|n| *n += 1);
    }
}

/// The restore question: what the file holds against what the phone holds, and the choice.
#[component]
pub fn RestoreQuestion(restore: RestoreFlow) -> impl IntoView {
    let app = use_app();
    let cancel_button = NodeRef::<leptos::html::Button>::new();
    // Focus lands on the safe choice, so keyboard and screen-reader users hear the question first.
    Effect::new(move |_| {
        if restore.pending.with(Option::is_some) {
            if let Some(b) = cancel_button.get() {
                let _ = b.focus();
            }
        }
    });
    move || {
        restore.pending.get().map(|plan| {
            let rows = move || {
                holdings_rows(&plan.file, &plan.phone, app.lang.get())
                    .into_iter()
                    .map(|(label, file, phone)| view! {
                        <tr><th scope="row">{label}</th><td class="in-file">{file}</td><td class="on-phone">{phone}</td></tr>
                    })
                    .collect_view()
            };
            view! {
                <div class="data-confirm data-restore-question" role="group" aria-labelledby="data-restore-text">
                    <p id="data-restore-text" class="data-confirm-text">{tr(DataText::RestoreQuestion)}</p>
                    <table class="data-compare">
                        <thead><tr>
                            <td></td>
                            <th scope="col">{tr(DataText::RestoreInFile)}</th>
                            <th scope="col">{tr(DataText::RestoreOnPhone)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p class="note">{tr(DataText::RestoreKeepsCopy)}</p>
                    <button type="button" class="button button-danger data-restore-confirm"
                        on:click=move |_| restore.confirm()>
                        {tr(DataText::RestoreConfirm)}
                    </button>
                    <button type="button" class="button data-restore-cancel" node_ref=cancel_button
                        on:click=move |_| restore.cancel()>
                        {tr(DataText::RestoreCancel)}
                    </button>
                </div>
            }
        })
    }
}
