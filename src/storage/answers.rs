//! The person's answers to the questionnaire: one record per fact id, replaced when answered again.

use super::db::readwrite;
use super::db::ANSWERS;
use super::idb_io::{commit_and_announce, get, get_all, idb, put};
use super::memory::Memory;
use super::{Storage, StorageError};
use crate::platform::clock::now_ms;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use leye_core::backup::{self, AnswerRecord};
use serde_json::Value;
use std::cell::RefCell;

impl Storage {
    /// Saves one answer, replacing any earlier answer to the same fact.
    pub async fn put_answer(
        &self,
        fact_id: &str,
        value: Value,
    ) -> Result<AnswerRecord, StorageError> {
        let record = AnswerRecord {
            fact_id: fact_id.to_owned(),
            value,
            updated_at_ms: now_ms(),
        };
        self.put_answers(std::slice::from_ref(&record)).await?;
        Ok(record)
    }

    /// Saves several answers in one transaction: all land or none do.
    pub async fn put_answers(&self, records: &[AnswerRecord]) -> Result<(), StorageError> {
        for r in records {
            backup::check_id(&r.fact_id)
                .and_then(|()| backup::check_value(&r.value, 0))
                .and_then(|()| backup::check_time(r.updated_at_ms))
                .map_err(StorageError::Invalid)?;
        }
        on_backend!(self, b => b.put_answers(records).await)
    }

    pub async fn answer(&self, fact_id: &str) -> Result<Option<AnswerRecord>, StorageError> {
        on_backend!(self, b => b.answer(fact_id).await)
    }

    /// All answers, ordered by fact id.
    pub async fn answers(&self) -> Result<Vec<AnswerRecord>, StorageError> {
        on_backend!(self, b => b.answers().await)
    }

    pub async fn delete_answer(&self, fact_id: &str) -> Result<(), StorageError> {
        on_backend!(self, b => b.delete_answer(fact_id).await)
    }
}

/// The answers store on either backend (records already checked).
trait Answers {
    async fn put_answers(&self, records: &[AnswerRecord]) -> Result<(), StorageError>;
    async fn answer(&self, fact_id: &str) -> Result<Option<AnswerRecord>, StorageError>;
    async fn answers(&self) -> Result<Vec<AnswerRecord>, StorageError>;
    async fn delete_answer(&self, fact_id: &str) -> Result<(), StorageError>;
}

impl Answers for Database {
    async fn put_answers(&self, records: &[AnswerRecord]) -> Result<(), StorageError> {
        let tx = readwrite(self, ANSWERS)?;
        {
            let store = tx.object_store(ANSWERS).map_err(idb)?;
            for r in records {
                // The request's outcome reaches us through the transaction's commit.
                put(&store, r)?;
            }
        }
        commit_and_announce(tx).await
    }

    async fn answer(&self, fact_id: &str) -> Result<Option<AnswerRecord>, StorageError> {
        let tx = self.transaction(ANSWERS).build().map_err(idb)?;
        let store = tx.object_store(ANSWERS).map_err(idb)?;
        get(&store, fact_id).await
    }

    async fn answers(&self) -> Result<Vec<AnswerRecord>, StorageError> {
        get_all(self, ANSWERS).await
    }

    async fn delete_answer(&self, fact_id: &str) -> Result<(), StorageError> {
        let tx = readwrite(self, ANSWERS)?;
        {
            let store = tx.object_store(ANSWERS).map_err(idb)?;
            let _ = store.delete(fact_id).serde().map_err(idb)?;
        }
        commit_and_announce(tx).await
    }
}

impl Answers for RefCell<Memory> {
    async fn put_answers(&self, records: &[AnswerRecord]) -> Result<(), StorageError> {
        let mut m = self.borrow_mut();
        for r in records {
            m.answers.insert(r.fact_id.clone(), r.clone());
        }
        Ok(())
    }

    async fn answer(&self, fact_id: &str) -> Result<Option<AnswerRecord>, StorageError> {
        Ok(self.borrow().answers.get(fact_id).cloned())
    }

    async fn answers(&self) -> Result<Vec<AnswerRecord>, StorageError> {
        Ok(self.borrow().answers.values().cloned().collect())
    }

    async fn delete_answer(&self, fact_id: &str) -> Result<(), StorageError> {
        self.borrow_mut().answers.remove(fact_id);
        Ok(())
    }
}
