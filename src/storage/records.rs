//! Everything the person entered, as one snapshot: backup export, restore (with its automatic
//! backup and undo), the learning record, and erasing it all.

use super::catalog::BEFORE_RESTORE_KEY;
use super::db::{
    readwrite, ALL_STORES, ANSWERS, CATALOG, SAVED, SETTINGS, TRAINING_EVENTS, TRAINING_PAGES,
};
use super::idb_io::{add, collect, commit_and_announce, idb, put, put_keyed, stored_events};
use super::memory::Memory;
use super::training::sort_events;
use super::{pages, Storage, StorageError};
use crate::platform::clock::now_iso;
use crate::platform::clock::now_ms;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use leye_core::backup::{
    self, AnswerRecord, Holdings, Records, SavedProgramRecord, SettingRecord, TrainingEventRecord,
};
use leye_core::date::Date;
use leye_core::learning_record::{self, LearningRecord};
use leye_core::training::CourseCatalog;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;

/// What an import replaced, for the confirmation message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    pub records: usize,
}

/// The data a restore replaced, as a backup file's text (so bringing it back passes every check a
/// backup does).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UndoRecord {
    pub saved_at_ms: i64,
    pub backup: String,
}

/// What the automatic backup taken before the last restore holds, for the "undo" offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UndoPoint {
    pub saved_at_ms: i64,
    pub holdings: Holdings,
}

/// A checked backup, and what it holds against what the phone holds now: the restore question.
#[derive(Clone, Debug, PartialEq)]
pub struct RestorePlan {
    pub records: Records,
    pub file: Holdings,
    pub phone: Holdings,
}

impl Storage {
    /// Everything the person entered, read in one transaction (a consistent snapshot).
    pub async fn records(&self) -> Result<Records, StorageError> {
        on_backend!(self, b => b.records().await)
    }

    /// The backup file text (offer it as a download named e.g. `leye-backup-2026-11-26.json`), with
    /// the learning record derived from the same snapshot, so the two always agree (`courses` names
    /// the courses, `today` dates the record). Reads only: exporting changes nothing stored.
    pub async fn export_backup(
        &self,
        courses: &CourseCatalog,
        today: Date,
    ) -> Result<String, StorageError> {
        let mut records = self.records().await?;
        records.learning_record = learning_record::for_backup(&records, courses, today)
            .map(|r| serde_json::to_value(r).expect("a learning record is plain JSON"));
        Ok(backup::export(records, &now_iso()))
    }

    /// The learning record on its own (the 培训 screen's download), derived exactly as a backup's
    /// is; `None` when nothing was logged. Reads only.
    pub async fn learning_record(
        &self,
        courses: &CourseCatalog,
        today: Date,
    ) -> Result<Option<LearningRecord>, StorageError> {
        let events = self.training_events().await?;
        let stored = self.setting(learning_record::LEARNER_ID_SETTING).await?;
        Ok(learning_record::from_stored(
            &events,
            stored.as_ref(),
            courses,
            today,
        ))
    }

    /// Checks the whole file first; only then replaces all user data in one transaction, keeping what it
    /// replaced as the automatic backup [`Storage::restore_undo_point`] brings back. A refused file returns
    /// `Err(StorageError::Backup(_))` and changes nothing. The catalog pack is kept. The file's learning
    /// record was checked against its events and is not stored: the app derives it again from the
    /// imported events. (The screen asks first: [`Storage::plan_restore`], then [`Storage::restore`].)
    pub async fn import_backup(&self, bytes: &[u8]) -> Result<ImportSummary, StorageError> {
        let records = backup::parse(bytes)?.records;
        self.restore(records).await
    }

    /// The restore question: the file checked whole (a refusal changes nothing), and what it holds
    /// against what the phone holds now. Reads only.
    pub async fn plan_restore(&self, bytes: &[u8]) -> Result<RestorePlan, StorageError> {
        let records = backup::parse(bytes)?.records;
        let phone = Holdings::of(&self.records().await?);
        Ok(RestorePlan {
            file: Holdings::of(&records),
            phone,
            records,
        })
    }

    /// Replaces all user data with `records` (already checked by [`backup::parse`]) in one transaction
    /// that first reads what it replaces and keeps it as the automatic backup (none when the phone held
    /// nothing). Either all of it happens or none.
    pub async fn restore(&self, records: Records) -> Result<ImportSummary, StorageError> {
        let summary = ImportSummary {
            records: records.len() - usize::from(records.learning_record.is_some()),
        };
        self.replace_records(records).await?;
        Ok(summary)
    }

    /// What the automatic backup kept by the last restore holds, if there is one.
    pub async fn undo_point(&self) -> Result<Option<UndoPoint>, StorageError> {
        let Some(undo) = self.catalog_get::<UndoRecord>(BEFORE_RESTORE_KEY).await? else {
            return Ok(None);
        };
        let records = backup::parse(undo.backup.as_bytes())
            .map_err(|e| StorageError::Corrupt(e.to_string()))?
            .records;
        Ok(Some(UndoPoint {
            saved_at_ms: undo.saved_at_ms,
            holdings: Holdings::of(&records),
        }))
    }

    /// Brings back the data the last restore replaced. What it replaces in turn becomes the new
    /// automatic backup, so this too can be taken back.
    pub async fn restore_undo_point(&self) -> Result<ImportSummary, StorageError> {
        let Some(undo) = self.catalog_get::<UndoRecord>(BEFORE_RESTORE_KEY).await? else {
            return Err(StorageError::Failed("no automatic backup".into()));
        };
        let records = backup::parse(undo.backup.as_bytes())
            .map_err(|e| StorageError::Corrupt(e.to_string()))?
            .records;
        self.restore(records).await
    }

    async fn replace_records(&self, records: Records) -> Result<(), StorageError> {
        on_backend!(self, b => b.replace_records(records).await)
    }

    /// Clears every store, the catalog pack included (the built-in catalog takes over).
    pub async fn erase_all(&self) -> Result<(), StorageError> {
        on_backend!(self, b => b.erase_all().await)
    }
}

/// A snapshot in the order both backends give it: events in recorded order, the rest by key.
fn snapshot(
    answers: Vec<AnswerRecord>,
    saved: Vec<SavedProgramRecord>,
    mut training_events: Vec<TrainingEventRecord>,
    settings: Vec<SettingRecord>,
) -> Records {
    sort_events(&mut training_events);
    Records {
        answers,
        saved,
        training_events,
        settings,
        learning_record: None,
    }
}

/// The automatic backup of what a restore replaces; none when the phone held nothing.
fn undo_record(before: Records) -> Option<UndoRecord> {
    (!before.is_empty()).then(|| UndoRecord {
        saved_at_ms: now_ms(),
        backup: backup::export(before, &now_iso()),
    })
}

/// All the person's stores together, on either backend.
trait Snapshot {
    async fn records(&self) -> Result<Records, StorageError>;
    /// Replaces all user data with `records` (checked) in one go, keeping what it replaced as the
    /// automatic backup; the catalog pack and status stay.
    async fn replace_records(&self, records: Records) -> Result<(), StorageError>;
    async fn erase_all(&self) -> Result<(), StorageError>;
}

impl Snapshot for Database {
    async fn records(&self) -> Result<Records, StorageError> {
        let stores = [ANSWERS, SAVED, TRAINING_EVENTS, TRAINING_PAGES, SETTINGS];
        let tx = self.transaction(stores).build().map_err(idb)?;
        let answers = collect(&tx, ANSWERS).await?;
        let saved = collect(&tx, SAVED).await?;
        // From the pages, or the same snapshot more slowly; the next training_events() rebuilds them.
        let events = stored_events(&tx).await?;
        let settings = collect(&tx, SETTINGS).await?;
        Ok(snapshot(answers, saved, events, settings))
    }

    async fn replace_records(&self, records: Records) -> Result<(), StorageError> {
        // The learning record is derived from the events: nothing of it is stored.
        let user = [ANSWERS, SAVED, TRAINING_EVENTS, TRAINING_PAGES, SETTINGS];
        let tx = readwrite(self, ALL_STORES)?;
        {
            // What is replaced is read in the same transaction, so the automatic backup is
            // exactly what this restore removes, even if another tab wrote a moment ago.
            let before = snapshot(
                collect(&tx, ANSWERS).await?,
                collect(&tx, SAVED).await?,
                stored_events(&tx).await?,
                collect(&tx, SETTINGS).await?,
            );
            let catalog = tx.object_store(CATALOG).map_err(idb)?;
            match undo_record(before) {
                Some(undo) => put_keyed(&catalog, &undo, BEFORE_RESTORE_KEY)?,
                None => {
                    let _ = catalog.delete(BEFORE_RESTORE_KEY).serde().map_err(idb)?;
                }
            }
            for name in user {
                let _ = tx.object_store(name).map_err(idb)?.clear().map_err(idb)?;
            }
            let store = tx.object_store(ANSWERS).map_err(idb)?;
            for r in &records.answers {
                put(&store, r)?;
            }
            let store = tx.object_store(SAVED).map_err(idb)?;
            for r in &records.saved {
                put(&store, r)?;
            }
            let store = tx.object_store(TRAINING_EVENTS).map_err(idb)?;
            for r in &records.training_events {
                add(&store, r)?;
            }
            let store = tx.object_store(TRAINING_PAGES).map_err(idb)?;
            pages::write_all(&store, &records.training_events)?;
            let store = tx.object_store(SETTINGS).map_err(idb)?;
            for r in &records.settings {
                put(&store, r)?;
            }
        }
        commit_and_announce(tx).await
    }

    async fn erase_all(&self) -> Result<(), StorageError> {
        let tx = readwrite(self, ALL_STORES)?;
        for name in ALL_STORES {
            let _ = tx.object_store(name).map_err(idb)?.clear().map_err(idb)?;
        }
        commit_and_announce(tx).await
    }
}

impl Snapshot for RefCell<Memory> {
    async fn records(&self) -> Result<Records, StorageError> {
        let m = self.borrow();
        let settings = m
            .settings
            .iter()
            .map(|(k, v)| SettingRecord {
                key: k.clone(),
                value: v.clone(),
            })
            .collect();
        Ok(snapshot(
            m.answers.values().cloned().collect(),
            m.saved.values().cloned().collect(),
            m.events.values().cloned().collect(),
            settings,
        ))
    }

    async fn replace_records(&self, records: Records) -> Result<(), StorageError> {
        let before = self.records().await?;
        // Extended, not collected: collecting into a BTreeMap sorts the pairs first, with a copy of the sort
        // code for each map type (leye_core::order); inserting one by one keeps the last of equal keys alike.
        let mut fresh = Memory::default();
        fresh
            .answers
            .extend(records.answers.into_iter().map(|r| (r.fact_id.clone(), r)));
        fresh
            .saved
            .extend(records.saved.into_iter().map(|r| (r.program_id.clone(), r)));
        fresh.events.extend(
            records
                .training_events
                .into_iter()
                .map(|r| (r.event_id.clone(), r)),
        );
        fresh
            .settings
            .extend(records.settings.into_iter().map(|s| (s.key, s.value)));
        fresh.before_restore = undo_record(before);
        let mut m = self.borrow_mut();
        fresh.catalog_pack = m.catalog_pack.take();
        fresh.catalog_status = std::mem::take(&mut m.catalog_status);
        *m = fresh;
        Ok(())
    }

    async fn erase_all(&self) -> Result<(), StorageError> {
        *self.borrow_mut() = Memory::default();
        Ok(())
    }
}
