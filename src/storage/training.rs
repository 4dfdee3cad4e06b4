//! Training events: append-only, kept both one per record and packed in [`super::pages`] (written in
//! the same transaction) so the whole log loads in one read.

use super::db::{readwrite, BY_COURSE, TRAINING_EVENTS, TRAINING_PAGES};
use super::idb_io::{commit_and_announce, from_js_array, get_all, idb, stored_events};
use super::memory::Memory;
use super::{pages, Storage, StorageError};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use leye_core::backup::{self, TrainingEventRecord};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

impl Storage {
    /// Appends one event. An existing `event_id` is refused with `Duplicate`, never overwritten.
    pub async fn append_training_event(
        &self,
        event: &TrainingEventRecord,
    ) -> Result<(), StorageError> {
        self.append_training_events(std::slice::from_ref(event))
            .await
    }

    /// Appends several events in one transaction: if any is refused, none is stored.
    pub async fn append_training_events(
        &self,
        events: &[TrainingEventRecord],
    ) -> Result<(), StorageError> {
        // No check: the stored events are not read at all (an append stays a few milliseconds with a
        // 10,000-event log).
        type NoCheck = fn(Vec<TrainingEventRecord>) -> Result<(), StorageError>;
        self.append_events(events, None::<NoCheck>).await
    }

    /// [`Storage::append_training_events`], with `check` run inside the write transaction against the
    /// events stored at that moment (another tab may have added some since this one read them): limits
    /// such as "at most 24 hours a day" hold for what is stored, not for a stale copy. A refusal from
    /// `check` stores nothing.
    pub async fn append_training_events_checked(
        &self,
        events: &[TrainingEventRecord],
        check: impl FnOnce(Vec<TrainingEventRecord>) -> Result<(), StorageError>,
    ) -> Result<(), StorageError> {
        self.append_events(events, Some(check)).await
    }

    async fn append_events(
        &self,
        events: &[TrainingEventRecord],
        check: Option<impl FnOnce(Vec<TrainingEventRecord>) -> Result<(), StorageError>>,
    ) -> Result<(), StorageError> {
        for e in events {
            check_event(e)?;
        }
        on_backend!(self, b => b.append_events(events, check).await)
    }

    /// All training events in the order they were recorded (ties by event id).
    pub async fn training_events(&self) -> Result<Vec<TrainingEventRecord>, StorageError> {
        let mut events = on_backend!(self, b => b.training_events().await)?;
        sort_events(&mut events);
        Ok(events)
    }

    /// Whether any training event is stored: a count, without reading them (start-up asks this before
    /// loading the due-soon banner, which reads them all).
    pub async fn has_training_events(&self) -> Result<bool, StorageError> {
        on_backend!(self, b => b.has_training_events().await)
    }

    /// One course's events, in recorded order (uses the `by_course` index).
    pub async fn training_events_for_course(
        &self,
        course_id: &str,
    ) -> Result<Vec<TrainingEventRecord>, StorageError> {
        let mut events = on_backend!(self, b => b.training_events_for_course(course_id).await)?;
        sort_events(&mut events);
        Ok(events)
    }
}

/// Recorded order, ties by event id: the same on both backends and whichever store was read.
pub(super) fn sort_events(events: &mut [TrainingEventRecord]) {
    leye_core::order::sort_by(events, |a, b| {
        a.recorded_at_ms
            .cmp(&b.recorded_at_ms)
            .then_with(|| a.event_id.cmp(&b.event_id))
    });
}

fn check_event(e: &TrainingEventRecord) -> Result<(), StorageError> {
    backup::check_id(&e.event_id)
        .and_then(|()| backup::check_id(&e.course_id))
        .and_then(|()| backup::check_value(&e.event, 0))
        .and_then(|()| backup::check_time(e.recorded_at_ms))
        .map_err(StorageError::Invalid)
}

/// The training events on either backend (events already checked; reads in any order).
trait Events {
    async fn append_events(
        &self,
        events: &[TrainingEventRecord],
        check: Option<impl FnOnce(Vec<TrainingEventRecord>) -> Result<(), StorageError>>,
    ) -> Result<(), StorageError>;
    async fn training_events(&self) -> Result<Vec<TrainingEventRecord>, StorageError>;
    async fn has_training_events(&self) -> Result<bool, StorageError>;
    async fn training_events_for_course(
        &self,
        course_id: &str,
    ) -> Result<Vec<TrainingEventRecord>, StorageError>;
}

impl Events for Database {
    async fn append_events(
        &self,
        events: &[TrainingEventRecord],
        check: Option<impl FnOnce(Vec<TrainingEventRecord>) -> Result<(), StorageError>>,
    ) -> Result<(), StorageError> {
        let encoded = events
            .iter()
            .map(pages::encode)
            .collect::<Result<Vec<_>, _>>()?;
        let tx = readwrite(self, [TRAINING_EVENTS, TRAINING_PAGES])?;
        {
            if let Some(check) = check {
                let stored = stored_events(&tx).await?;
                if let Err(refused) = check(stored) {
                    let _ = tx.abort().await;
                    return Err(refused);
                }
            }
            // The page reads come first: once an add is refused the transaction aborts,
            // and commit() reports why (Duplicate) rather than a failed read.
            let pages = tx.object_store(TRAINING_PAGES).map_err(idb)?;
            pages::append(&pages, &encoded).await?;
            let store = tx.object_store(TRAINING_EVENTS).map_err(idb)?;
            for text in &encoded {
                let value = js_sys::JSON::parse(text)
                    .map_err(|e| StorageError::Invalid(super::error::describe(&e)))?;
                let _ = store.add(value).primitive().map_err(idb)?;
            }
        }
        commit_and_announce(tx).await
    }

    async fn training_events(&self) -> Result<Vec<TrainingEventRecord>, StorageError> {
        let tx = self
            .transaction([TRAINING_EVENTS, TRAINING_PAGES])
            .build()
            .map_err(idb)?;
        match pages::read(&tx, TRAINING_EVENTS, TRAINING_PAGES).await? {
            Some(events) => Ok(events),
            None => {
                drop(tx);
                // Once after an upgrade from v2; a rebuild that fails (a full disk) only
                // leaves loading slow, so the events are then read from their own store.
                match pages::rebuild(self, TRAINING_EVENTS, TRAINING_PAGES).await {
                    Ok(events) => Ok(events),
                    Err(_) => get_all(self, TRAINING_EVENTS).await,
                }
            }
        }
    }

    async fn has_training_events(&self) -> Result<bool, StorageError> {
        let tx = self.transaction(TRAINING_EVENTS).build().map_err(idb)?;
        let store = tx.object_store(TRAINING_EVENTS).map_err(idb)?;
        let count = store.count().primitive().map_err(idb)?.await.map_err(idb)?;
        Ok(count > 0)
    }

    async fn training_events_for_course(
        &self,
        course_id: &str,
    ) -> Result<Vec<TrainingEventRecord>, StorageError> {
        let tx = self.transaction(TRAINING_EVENTS).build().map_err(idb)?;
        let store = tx.object_store(TRAINING_EVENTS).map_err(idb)?;
        let index = store.index(BY_COURSE).map_err(idb)?;
        let found = index
            .get_all::<JsValue>()
            .with_query(course_id)
            .primitive()
            .map_err(idb)?
            .await
            .map_err(idb)?;
        from_js_array(found)
    }
}

impl Events for RefCell<Memory> {
    async fn append_events(
        &self,
        events: &[TrainingEventRecord],
        check: Option<impl FnOnce(Vec<TrainingEventRecord>) -> Result<(), StorageError>>,
    ) -> Result<(), StorageError> {
        if let Some(check) = check {
            let stored: Vec<TrainingEventRecord> = self.borrow().events.values().cloned().collect();
            check(stored)?;
        }
        let mut m = self.borrow_mut();
        let mut seen = std::collections::HashSet::new();
        if events
            .iter()
            .any(|e| m.events.contains_key(&e.event_id) || !seen.insert(&e.event_id))
        {
            return Err(StorageError::Duplicate);
        }
        for e in events {
            m.events.insert(e.event_id.clone(), e.clone());
        }
        Ok(())
    }

    async fn training_events(&self) -> Result<Vec<TrainingEventRecord>, StorageError> {
        Ok(self.borrow().events.values().cloned().collect())
    }

    async fn has_training_events(&self) -> Result<bool, StorageError> {
        Ok(!self.borrow().events.is_empty())
    }

    async fn training_events_for_course(
        &self,
        course_id: &str,
    ) -> Result<Vec<TrainingEventRecord>, StorageError> {
        Ok(self
            .borrow()
            .events
            .values()
            .filter(|e| e.course_id == course_id)
            .cloned()
            .collect())
    }
}
