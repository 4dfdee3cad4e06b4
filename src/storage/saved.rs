//! Saved programs and the documents ticked on each: one record per program id.

use super::db::readwrite;
use super::db::SAVED;
use super::idb_io::{commit_and_announce, get, get_all, idb, put};
use super::memory::Memory;
use super::{Storage, StorageError};
use crate::platform::clock::now_ms;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use leye_core::backup::{self, SavedProgramRecord};
use std::cell::RefCell;

impl Storage {
    /// Saves a program (keeps its ticked documents if it was saved before).
    pub async fn save_program(&self, program_id: &str) -> Result<SavedProgramRecord, StorageError> {
        self.update_saved(program_id, |_| {}).await
    }

    /// Ticks or unticks document `index` of a saved program, saving the program if needed.
    pub async fn set_document_ticked(
        &self,
        program_id: &str,
        index: u32,
        ticked: bool,
    ) -> Result<SavedProgramRecord, StorageError> {
        self.update_saved(program_id, |docs| {
            match (docs.binary_search(&index), ticked) {
                (Err(at), true) => docs.insert(at, index),
                (Ok(at), false) => {
                    docs.remove(at);
                }
                _ => {}
            }
        })
        .await
    }

    /// Read-modify-write in one transaction, so two quick taps cannot lose a tick.
    async fn update_saved(
        &self,
        program_id: &str,
        change: impl FnOnce(&mut Vec<u32>),
    ) -> Result<SavedProgramRecord, StorageError> {
        backup::check_id(program_id).map_err(StorageError::Invalid)?;
        let fresh = SavedProgramRecord {
            program_id: program_id.to_owned(),
            saved_at_ms: now_ms(),
            ticked_documents: vec![],
        };
        on_backend!(self, b => b.update_saved(fresh, change).await)
    }

    pub async fn unsave_program(&self, program_id: &str) -> Result<(), StorageError> {
        on_backend!(self, b => b.unsave_program(program_id).await)
    }

    /// Saved programs, ordered by program id.
    pub async fn saved_programs(&self) -> Result<Vec<SavedProgramRecord>, StorageError> {
        on_backend!(self, b => b.saved_programs().await)
    }
}

fn check_ticks(record: &SavedProgramRecord) -> Result<(), StorageError> {
    if record.ticked_documents.len() > backup::MAX_TICKED_DOCUMENTS {
        return Err(StorageError::Invalid(format!(
            "more than {} documents",
            backup::MAX_TICKED_DOCUMENTS
        )));
    }
    Ok(())
}

/// The saved-programs store on either backend.
trait Saved {
    /// Applies `change` to the stored record of `fresh.program_id` (or to `fresh` if there is none)
    /// and stores it.
    async fn update_saved(
        &self,
        fresh: SavedProgramRecord,
        change: impl FnOnce(&mut Vec<u32>),
    ) -> Result<SavedProgramRecord, StorageError>;
    async fn unsave_program(&self, program_id: &str) -> Result<(), StorageError>;
    async fn saved_programs(&self) -> Result<Vec<SavedProgramRecord>, StorageError>;
}

impl Saved for Database {
    async fn update_saved(
        &self,
        fresh: SavedProgramRecord,
        change: impl FnOnce(&mut Vec<u32>),
    ) -> Result<SavedProgramRecord, StorageError> {
        let tx = readwrite(self, SAVED)?;
        let record = {
            let store = tx.object_store(SAVED).map_err(idb)?;
            let found: Option<SavedProgramRecord> = get(&store, &fresh.program_id).await?;
            let mut record = found.unwrap_or(fresh);
            change(&mut record.ticked_documents);
            check_ticks(&record)?;
            put(&store, &record)?;
            record
        };
        commit_and_announce(tx).await?;
        Ok(record)
    }

    async fn unsave_program(&self, program_id: &str) -> Result<(), StorageError> {
        let tx = readwrite(self, SAVED)?;
        {
            let store = tx.object_store(SAVED).map_err(idb)?;
            let _ = store.delete(program_id).serde().map_err(idb)?;
        }
        commit_and_announce(tx).await
    }

    async fn saved_programs(&self) -> Result<Vec<SavedProgramRecord>, StorageError> {
        get_all(self, SAVED).await
    }
}

impl Saved for RefCell<Memory> {
    async fn update_saved(
        &self,
        fresh: SavedProgramRecord,
        change: impl FnOnce(&mut Vec<u32>),
    ) -> Result<SavedProgramRecord, StorageError> {
        let mut m = self.borrow_mut();
        let mut record = m.saved.get(&fresh.program_id).cloned().unwrap_or(fresh);
        change(&mut record.ticked_documents);
        check_ticks(&record)?;
        m.saved.insert(record.program_id.clone(), record.clone());
        Ok(record)
    }

    async fn unsave_program(&self, program_id: &str) -> Result<(), StorageError> {
        self.borrow_mut().saved.remove(program_id);
        Ok(())
    }

    async fn saved_programs(&self) -> Result<Vec<SavedProgramRecord>, StorageError> {
        Ok(self.borrow().saved.values().cloned().collect())
    }
}
