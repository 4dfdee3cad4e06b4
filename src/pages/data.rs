//! 我的 → 数据 (/me/data): what is stored on this phone, backup export and import, erase
//! everything, storage durability, and the policy catalog's freshness with a "check now" button.
//!
//! The screen only sends intents: storage does the reading and writing (every import is checked
//! whole before anything is written), and [`crate::state::AppState`] refreshes what other screens
//! show after an import, an erase or a catalog switch.

use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use std::sync::Arc;

use crate::app::{tr, use_app};
use crate::components::environment::NoOfflineNote;
use crate::components::export::{Export, ExportFile, ExportPanel};
use crate::state::{AppState, CatalogCheck};
use crate::storage::{durability, RestorePlan, StorageError};
use leye_core::backup::{BackupError, MAX_BACKUP_BYTES};
use leye_core::catalog::Catalog;
use leye_core::data_text::{
    backup_file_name, clock_text, count_text, holdings_rows, holdings_sentence, human_bytes,
    DataText,
};
use leye_core::environment::ExportText;
use leye_core::i18n::Message as _;
use leye_core::lang::{Lang, Text};
use leye_core::training::CourseCatalog;

/// The result of the last action on this screen, rendered in the current language.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Working(DataText),
    Exported(String),
    Imported(usize),
    Erased,
    Failed(StorageError),
    Said(Text),
}

impl Outcome {
    fn is_error(&self) -> bool {
        matches!(self, Outcome::Failed(_))
    }

    fn message(&self, lang: Lang) -> String {
        let t = |k: DataText| k.text_in(lang);
        match self {
            Outcome::Working(k) => t(*k).to_owned(),
            Outcome::Exported(name) => format!("{} {name}", t(DataText::Exported)),
            Outcome::Imported(n) => format!(
                "{} {n} {}",
                t(DataText::Imported),
                t(DataText::ImportedUnit)
            ),
            Outcome::Erased => t(DataText::Erased).to_owned(),
            Outcome::Failed(e) => e.message(lang),
            Outcome::Said(text) => text.get(lang).to_owned(),
        }
    }
}

/// One line under an action: polite status for progress and success, an alert for a refusal.
#[component]
fn OutcomeLine(outcome: RwSignal<Option<Outcome>>, #[prop(into)] id: String) -> impl IntoView {
    let app = use_app();
    view! {
        <div id=id class="data-outcome-region" aria-live="polite">
            {move || outcome.get().map(|o| {
                let class = if o.is_error() { "data-outcome data-outcome-error" } else { "data-outcome" };
                let role = if o.is_error() { "alert" } else { "status" };
                view! { <p class=class role=role>{o.message(app.lang.get())}</p> }
            })}
        </div>
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    // Re-read what is shown after every action on this screen.
    let refresh = RwSignal::new(0u32);
    // Backup, restore and erase wait for each other (they read or replace the same records); a catalog
    // check has its own flag, so a slow download never holds them up.
    let busy = RwSignal::new(false);
    let checking = RwSignal::new(false);
    view! {
        <p class="data-back"><A href="/me">{tr(DataText::Back)}</A></p>
        <h1>{tr(DataText::Title)}</h1>
        <p class="note note-privacy">{tr(DataText::Intro)}</p>
        <StoredSection refresh/>
        <BackupSection refresh busy/>
        <EraseSection refresh busy/>
        <CatalogSection refresh checking/>
    }
}

/// How many records of each kind are stored.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Counts {
    answers: usize,
    saved: usize,
    events: usize,
    settings: usize,
}

/// Counts of what is stored, and whether the browser keeps it (persisted, space used).
#[component]
fn StoredSection(refresh: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    // Only the counts are kept: a long training log is read once, not cloned on every render.
    let counts = LocalResource::new(move || {
        refresh.track();
        app.data_generation.track();
        let storage = app.storage.get();
        async move {
            match storage {
                Some(s) => Some(s.records().await.map(|r| Counts {
                    answers: r.answers.len(),
                    saved: r.saved.len(),
                    events: r.training_events.len(),
                    settings: r.settings.len(),
                })),
                None => None,
            }
        }
    });
    // Saved programs the catalog in use no longer lists (after an update): kept, and named here so
    // they do not silently disappear from view.
    let saved_ids = LocalResource::new(move || {
        refresh.track();
        app.data_generation.track();
        let storage = app.storage.get();
        async move {
            match storage {
                Some(s) => s.saved_programs().await.unwrap_or_default(),
                None => Vec::new(),
            }
        }
    });
    let unlisted_saved = move || {
        let saved = saved_ids.get().unwrap_or_default();
        app.catalog.with(|c| {
            saved
                .into_iter()
                .filter(|r| c.program(&r.program_id).is_none())
                .map(|r| r.program_id)
                .collect::<Vec<_>>()
        })
    };
    let report = LocalResource::new(move || {
        refresh.track();
        async move { durability::report().await }
    });
    let count_row = move |label: DataText, class: &'static str, count: fn(Counts) -> usize| {
        view! {
            <div class="data-count">
                <dt>{tr(label)}</dt>
                <dd class=class>
                    {move || match counts.get().flatten() {
                        Some(Ok(c)) => count_text(count(c), app.lang.get()),
                        _ => "…".to_owned(),
                    }}
                </dd>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="data-stored-title">
            <h2 id="data-stored-title">{tr(DataText::StoredTitle)}</h2>
            <dl class="data-counts">
                {count_row(DataText::StoredAnswers, "count-answers", |c| c.answers)}
                {count_row(DataText::StoredSaved, "count-saved", |c| c.saved)}
                {count_row(DataText::StoredEvents, "count-events", |c| c.events)}
                {count_row(DataText::StoredSettings, "count-settings", |c| c.settings)}
            </dl>
            {move || {
                let ids = unlisted_saved();
                (!ids.is_empty()).then(|| view! {
                    <p class="note data-unlisted-saved">{tr(DataText::SavedNoLongerListed)} " " {ids.join("、")}</p>
                })
            }}
            {move || match counts.get().flatten() {
                // Damaged or unreadable data: say so, the rest of the screen still works.
                Some(Err(e)) => Some(view! { <p class="data-outcome data-outcome-error" role="alert">{e.message(app.lang.get())}</p> }),
                _ => None,
            }}
            <h3 class="data-subtitle">{tr(DataText::StorageTitle)}</h3>
            <p class="data-durability">
                {move || {
                    let memory_only = app.storage_fallback.get().is_some();
                    let persisted = report.get().is_some_and(|r| r.persisted);
                    let key = match (memory_only, persisted) {
                        (true, _) => DataText::MemoryOnly,
                        (false, true) => DataText::Persistent,
                        (false, false) => DataText::NotPersistent,
                    };
                    app.t(key)
                }}
            </p>
            <NoOfflineNote/>
            <p class="data-usage">
                {move || match report.get() {
                    Some(r) => match r.usage_bytes {
                        Some(used) => {
                            let quota = r
                                .quota_bytes
                                .map(|q| format!(" ({} {})", app.t(DataText::UsedOf), human_bytes(q)))
                                .unwrap_or_default();
                            format!("{} {}{quota}", app.t(DataText::Used), human_bytes(used))
                        }
                        None => app.t(DataText::UsageUnknown).to_owned(),
                    },
                    None => "…".to_owned(),
                }}
            </p>
        </section>
    }
}

#[component]
fn BackupSection(refresh: RwSignal<u32>, busy: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let outcome = RwSignal::new(None::<Outcome>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let paste_box = NodeRef::<leptos::html::Textarea>::new();
    let exported = Export::new();

    let export = move |_| {
        let Some(storage) = app.storage() else { return };
        busy.set(true);
        outcome.set(Some(Outcome::Working(DataText::Exporting)));
        spawn_local(async move {
            // With the learning record, derived from the same snapshot of the training events (issue 5).
            let courses =
                CourseCatalog::from_catalog(&app.catalog.get_untracked()).unwrap_or_default();
            let result = match storage.export_backup(&courses, app.today).await {
                Ok(text) => {
                    let name = backup_file_name(app.today);
                    let file = ExportFile {
                        name: name.clone(),
                        mime: "application/json",
                        text: text.into(),
                    };
                    // Where the browser refuses the download, the panel under the button says so and offers
                    // the other ways (share, copy, the text itself).
                    if exported.offer(file) {
                        Outcome::Exported(name)
                    } else {
                        Outcome::Said(Text::new(
                            ExportText::DownloadBlocked.text(Lang::Zh),
                            ExportText::DownloadBlocked.text(Lang::En),
                        ))
                    }
                }
                Err(e) => {
                    app.report(e.clone());
                    Outcome::Failed(e)
                }
            };
            outcome.set(Some(result));
            busy.set(false);
        });
    };

    let restore = RestoreFlow {
        app,
        outcome,
        pending: RwSignal::new(None),
        busy,
        refresh,
    };
    let import = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Let the same file be picked again after a refusal.
        input.set_value("");
        if app.storage().is_none() {
            return;
        }
        busy.set(true);
        outcome.set(Some(Outcome::Working(DataText::Importing)));
        spawn_local(async move {
            match read_backup_file(&file).await {
                Ok(bytes) => restore.offer(bytes),
                Err(e) => {
                    outcome.set(Some(Outcome::Failed(e)));
                    busy.set(false);
                }
            }
        });
    };
    // Pasted text goes through the same restore as a picked file: the same checks, question and undo.
    let paste = move |_| {
        let Some(text_box) = paste_box.get_untracked() else {
            return;
        };
        if app.storage().is_none() {
            return;
        }
        match pasted_backup(&text_box) {
            Ok(bytes) => restore.offer(bytes),
            Err(e) => outcome.set(Some(Outcome::Failed(e))),
        }
    };
    let undo_point = LocalResource::new(move || {
        refresh.track();
        app.data_generation.track();
        let storage = app.storage.get();
        async move {
            match storage {
                Some(s) => s.undo_point().await.ok().flatten(),
                None => None,
            }
        }
    });
    let offset_minutes = crate::platform::clock::utc_offset_minutes;

    view! {
        <section class="card" aria-labelledby="data-backup-title">
            <h2 id="data-backup-title">{tr(DataText::BackupTitle)}</h2>
            <p class="note">{tr(DataText::BackupHint)}</p>
            <button type="button" class="button button-primary data-export" on:click=export
                disabled=move || busy.get() || app.storage.get().is_none()>
                {tr(DataText::Export)}
            </button>
            <p class="note data-import-hint" id="data-import-hint">{tr(DataText::ImportHint)}</p>
            <input type="file" id="data-import-file" class="data-file-input" accept=".json,application/json"
                aria-describedby="data-import-hint" node_ref=file_input on:change=import
                disabled=move || busy.get() || restore.pending.with(Option::is_some) || app.storage.get().is_none()/>
            <label for="data-import-file" class="button data-import">{tr(DataText::ImportLabel)}</label>
            <details class="data-paste">
                <summary>{tr(ExportText::PasteTitle)}</summary>
                <p class="note" id="data-paste-hint">{tr(ExportText::PasteHint)}</p>
                <label for="data-paste-text" class="export-text-label">{tr(ExportText::PasteLabel)}</label>
                <textarea id="data-paste-text" class="data-paste-text" rows="4" node_ref=paste_box
                    aria-describedby="data-paste-hint"></textarea>
                <button type="button" class="button data-paste-restore" on:click=paste
                    disabled=move || busy.get() || restore.pending.with(Option::is_some) || app.storage.get().is_none()>
                    {tr(ExportText::PasteRestore)}
                </button>
            </details>
            <RestoreQuestion restore/>
            <OutcomeLine outcome id="data-backup-outcome"/>
            {move || undo_point.get().flatten().map(|point| view! {
                <div class="data-undo">
                    <p class="note data-undo-note">
                        {tr(DataText::UndoNote)} " " {clock_text(point.saved_at_ms, offset_minutes())} " · "
                        {move || holdings_sentence(&point.holdings, app.lang.get())}
                    </p>
                    <button type="button" class="button data-undo-button" on:click=move |_| restore.undo()
                        disabled=move || busy.get() || restore.pending.with(Option::is_some)>
                        {tr(DataText::Undo)}
                    </button>
                </div>
            })}
            <ExportPanel export=exported id="data-export-text"/>
        </section>
    }
}

/// The one way data is restored on this screen, whatever brought the backup (a picked file, pasted text):
/// bytes in → checked whole → the question, what the file holds against what the phone holds → replaced
/// in one transaction, with the replaced data kept as an automatic backup one tap brings back (until the
/// next restore). A phone that holds nothing is restored without asking: nothing would be replaced.
#[derive(Clone, Copy)]
pub struct RestoreFlow {
    app: AppState,
    outcome: RwSignal<Option<Outcome>>,
    /// The checked file waiting for the person's answer.
    pending: RwSignal<Option<Arc<RestorePlan>>>,
    busy: RwSignal<bool>,
    refresh: RwSignal<u32>,
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
    fn undo(self) {
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
fn RestoreQuestion(restore: RestoreFlow) -> impl IntoView {
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

#[component]
fn EraseSection(refresh: RwSignal<u32>, busy: RwSignal<bool>) -> impl IntoView {
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

#[component]
fn CatalogSection(refresh: RwSignal<u32>, checking: RwSignal<bool>) -> impl IntoView {
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
                Ok(CatalogCheck::Switched { change, .. }) => Outcome::Said(Text::new(
                    format!("{}{}", DataText::Switched.text_in(Lang::Zh), change.zh),
                    format!("{} {}", DataText::Switched.text_in(Lang::En), change.en),
                )),
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
                {move || app.catalog.with(|c| {
                    if c.version() == Catalog::builtin().version() {
                        app.t(DataText::CatalogBuiltin).to_owned()
                    } else {
                        format!("{} {}", app.t(DataText::CatalogDownloaded), c.version())
                    }
                })}
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

/// The pasted text of a backup; text too long to be ours is refused before it is copied out of the box.
fn pasted_backup(text_box: &web_sys::HtmlTextAreaElement) -> Result<Vec<u8>, StorageError> {
    let length = text_box.text_length() as usize;
    if length > MAX_BACKUP_BYTES {
        return Err(StorageError::Backup(BackupError::TooLarge {
            bytes: length,
        }));
    }
    Ok(text_box.value().into_bytes())
}

/// Reads a picked backup file; a file too large to be ours is refused before it is read at all.
async fn read_backup_file(file: &web_sys::File) -> Result<Vec<u8>, StorageError> {
    let size = file.size();
    if size > MAX_BACKUP_BYTES as f64 {
        return Err(StorageError::Backup(BackupError::TooLarge {
            bytes: size as usize,
        }));
    }
    // A file the phone cannot read back is as good as a damaged one.
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| StorageError::Backup(BackupError::NotJson))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
