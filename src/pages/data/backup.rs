//! 备份和恢复: exporting a backup file, picking or pasting one to restore, and the undo of the last restore.

use leptos::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use super::restore::{RestoreFlow, RestoreQuestion};
use super::{Outcome, OutcomeLine};
use crate::components::export::{Export, ExportFile, ExportPanel};
use crate::state::{tr, use_app};
use crate::storage::StorageError;
use leye_core::backup::{BackupError, MAX_BACKUP_BYTES};
use leye_core::i18n::Message as _;
use leye_core::lang::{Lang, Text};
use leye_core::text::data::{holdings_sentence, DataText};
use leye_core::text::shell::ExportText;
use leye_core::training::CourseCatalog;
use leye_core::view::data::{backup_file_name, clock_text};

#[component]
pub fn BackupSection(refresh: RwSignal<u32>, busy: RwSignal<bool>) -> impl IntoView {
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
            // With the learning record, derived from the same snapshot of the training events (issue 5), which
            // names the courses (read apart from the rest of the built-in catalog, issue 16).
            if !app.read_courses().await {
                outcome.set(Some(Outcome::Said(crate::state::chunk_missing_text())));
                busy.set(false);
                return;
            }
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
