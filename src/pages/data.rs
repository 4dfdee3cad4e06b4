//! 我的 → 数据 (/me/data): what is stored on this phone, backup export and import, erase
//! everything, storage durability, and the policy catalog's freshness with a "check now" button.
//!
//! The screen only sends intents: storage does the reading and writing (every import is checked
//! whole before anything is written), and [`crate::state::AppState`] refreshes what other screens
//! show after an import, an erase or a catalog switch.

use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::app::{tr, use_app};
use crate::components::environment::NoOfflineNote;
use crate::components::export::{Export, ExportFile, ExportPanel};
use crate::data_text::{backup_file_name, clock_text, count_text, human_bytes, DataText};
use crate::domain::backup::{BackupError, MAX_BACKUP_BYTES};
use crate::domain::catalog::Catalog;
use crate::domain::lang::{Lang, Text};
use crate::domain::training::CourseCatalog;
use crate::environment::ExportText;
use crate::i18n::Message as _;
use crate::state::CatalogCheck;
use crate::storage::{durability, StorageError};

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
    let busy = RwSignal::new(false);
    view! {
        <p class="data-back"><A href="/me">{tr(DataText::Back)}</A></p>
        <h1>{tr(DataText::Title)}</h1>
        <p class="note note-privacy">{tr(DataText::Intro)}</p>
        <StoredSection refresh/>
        <BackupSection refresh busy/>
        <EraseSection refresh busy/>
        <CatalogSection refresh busy/>
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

    // Every restore, from a picked file or from pasted text, goes through here: the same checks and messages.
    let restore = move |source: BackupSource| {
        let Some(storage) = app.storage() else { return };
        busy.set(true);
        outcome.set(Some(Outcome::Working(DataText::Importing)));
        spawn_local(async move {
            let read = match source {
                BackupSource::File(file) => read_backup_file(&file).await,
                BackupSource::Pasted(text) => text,
            };
            let result = match read {
                Err(e) => Outcome::Failed(e),
                Ok(bytes) => match storage.import_backup(&bytes).await {
                    Ok(summary) => {
                        app.data_replaced().await;
                        app.after_first_save().await;
                        Outcome::Imported(summary.records)
                    }
                    Err(e) => {
                        // A refused file is explained here; failures of storage itself everywhere.
                        if !matches!(e, StorageError::Backup(_)) {
                            app.report(e.clone());
                        }
                        Outcome::Failed(e)
                    }
                },
            };
            outcome.set(Some(result));
            refresh.update(|n| *n += 1);
            busy.set(false);
        });
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
        restore(BackupSource::File(file));
    };
    let paste = move |_| {
        if let Some(text_box) = paste_box.get_untracked() {
            restore(BackupSource::Pasted(pasted_backup(&text_box)));
        }
    };

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
                disabled=move || busy.get() || app.storage.get().is_none()/>
            <label for="data-import-file" class="button data-import">{tr(DataText::ImportLabel)}</label>
            <details class="data-paste">
                <summary>{tr(ExportText::PasteTitle)}</summary>
                <p class="note" id="data-paste-hint">{tr(ExportText::PasteHint)}</p>
                <label for="data-paste-text" class="export-text-label">{tr(ExportText::PasteLabel)}</label>
                <textarea id="data-paste-text" class="data-paste-text" rows="4" node_ref=paste_box
                    aria-describedby="data-paste-hint"></textarea>
                <button type="button" class="button data-paste-restore" on:click=paste
                    disabled=move || busy.get() || app.storage.get().is_none()>
                    {tr(ExportText::PasteRestore)}
                </button>
            </details>
            <OutcomeLine outcome id="data-backup-outcome"/>
            <ExportPanel export=exported id="data-export-text"/>
        </section>
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
fn CatalogSection(refresh: RwSignal<u32>, busy: RwSignal<bool>) -> impl IntoView {
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
    let offset_minutes = || -(js_sys::Date::new_0().get_timezone_offset() as i64);
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

/// Where a backup to restore comes from.
enum BackupSource {
    File(web_sys::File),
    /// The text pasted into the box, already read (or refused as too large).
    Pasted(Result<Vec<u8>, StorageError>),
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
