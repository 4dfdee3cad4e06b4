//! On-device storage: everything the person enters lives in IndexedDB (database "leye") and never
//! leaves the phone.
//!
//! # For the UI
//! ```ignore
//! let storage = Storage::open().await;            // never fails: falls back to memory
//! if let Some(reason) = storage.fallback_reason() {  // show the banner on every screen
//!     banner(StorageError::banner(lang), reason.message(lang));   // "数据不会被保存" + why
//! }
//! storage.put_answer("age", json!(34)).await?;     // each call is one transaction
//! let answers = storage.answers().await?;
//! storage.save_program("startup-loan").await?;
//! storage.set_document_ticked("startup-loan", 2, true).await?;
//! storage.append_training_event(&event).await?;    // append-only; duplicate id → Duplicate
//! storage.set_lang(Lang::En).await?;
//! let text = storage.export_backup(&courses, today).await?;  // leye-backup-<date>.json, with the learning record
//! let record = storage.learning_record(&courses, today).await?; // the learning record on its own
//! storage.import_backup(&bytes).await?;            // checks everything, then replaces in one go
//! storage.erase_all().await?;                      // after the user confirmed
//! durability::request_persistence().await;         // after the first save
//! let report = durability::report().await;          // persisted? usage/quota for 我的 → 数据
//! catalog_update::check_catalog(&storage, force, today).await?;  // ≤ once a day unless forced
//! ```
//! Every error is a [`StorageError`]; show `err.message(lang)`. On `QuotaExceeded` the old data is
//! still readable and exportable. On `Closed` (a newer version opened in another tab) ask for a reload.
//!
//! # Guarantees
//! - Each write method is one IndexedDB transaction, committed explicitly and awaited; inside a
//!   transaction only IndexedDB requests are awaited. A failed write leaves nothing behind.
//! - Records are checked against the same bounds as a backup import ([`leye_core::backup`]),
//!   so any stored data can be exported and imported again.
//! - The in-memory backend behaves the same, so the app works when IndexedDB is unavailable.
//! - Opening never hangs: a tab holding an old version open yields `Blocked` (from the "blocked"
//!   event); an open that gets no answer in 8 s yields `OpenTimedOut`; this connection closes itself
//!   when a newer version asks.
//! - Schema changes go through [`db::SCHEMA_VERSION`] and a new step in `db::migrate`, each with a
//!   browser test that opens a database written by the previous version.
//! - Training events are also kept packed in [`pages`] (written in the same transaction), so
//!   loading 10,000 of them is one read of ~60 records; the pages are checked against the events
//!   store on every load and rebuilt from it when they differ, so they can never lose an event.

pub mod catalog_update;
pub mod db;
pub mod durability;
mod memory;
pub mod pages;
pub mod tabs;

use db::{
    ALL_STORES, ANSWERS, BY_COURSE, CATALOG, SAVED, SETTINGS, TRAINING_EVENTS, TRAINING_PAGES,
};
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use leye_core::backup::{
    self, AnswerRecord, BackupError, Holdings, Records, SavedProgramRecord, SettingRecord,
    TrainingEventRecord,
};
use leye_core::date::Date;
use leye_core::i18n::Message as _;
use leye_core::lang::Lang;
use leye_core::learning_record::{self, LearningRecord};
use leye_core::text::storage::{self as text, StorageText};
use leye_core::training::CourseCatalog;
use memory::Memory;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// What went wrong in storage, with a message telling the user what to do.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// IndexedDB cannot be used here (private mode, blocked by settings, or an open error).
    Unavailable(String),
    /// Another tab runs an older version of the app and keeps the database open.
    Blocked,
    /// The browser's database gave no answer at all when opened (no error, no "blocked"): it hangs.
    OpenTimedOut,
    /// A newer version of the app opened the database in another tab; this connection was closed.
    Closed,
    /// The database was written by a newer version of the app than this one.
    NewerVersion,
    /// The phone (or the browser's share of it) is out of space. Nothing new was written.
    QuotaExceeded,
    /// A record with this id already exists (training events are append-only).
    Duplicate,
    /// The value is too long or has the wrong shape to be stored.
    Invalid(String),
    /// A stored record could not be read back (damaged data).
    Corrupt(String),
    /// A backup file was refused; nothing was changed.
    Backup(BackupError),
    /// The entry breaks a rule checked against what is stored (zh/en: why, and what to do); nothing
    /// was saved.
    Refused(leye_core::lang::Text),
    /// Any other IndexedDB failure.
    Failed(String),
}

impl StorageError {
    /// The banner shown on every screen while the app runs on the in-memory backend.
    pub fn banner(lang: Lang) -> &'static str {
        StorageText::Banner.text(lang)
    }

    /// What to tell the person (the wording is the core's text layer: [`leye_core::text::storage`]).
    pub fn message(&self, lang: Lang) -> String {
        use StorageError::*;
        let key = match self {
            Unavailable(_) => StorageText::Unavailable,
            Blocked => StorageText::Blocked,
            OpenTimedOut => StorageText::OpenTimedOut,
            Closed => StorageText::Closed,
            NewerVersion => StorageText::NewerVersion,
            QuotaExceeded => StorageText::QuotaExceeded,
            Duplicate => StorageText::Duplicate,
            Invalid(problem) => return text::invalid(lang, problem),
            Corrupt(_) => StorageText::Corrupt,
            Backup(e) => return e.message(lang),
            Refused(why) => return why.get(lang).to_owned(),
            Failed(_) => StorageText::Failed,
        };
        key.text(lang).to_owned()
    }

    /// Maps a browser DOMException to the variant the user can act on.
    pub fn from_dom_exception(e: &web_sys::DomException) -> StorageError {
        match e.name().as_str() {
            "QuotaExceededError" => StorageError::QuotaExceeded,
            "ConstraintError" => StorageError::Duplicate,
            "VersionError" => StorageError::NewerVersion,
            "DataCloneError" | "DataError" => StorageError::Invalid(e.message()),
            name => StorageError::Failed(format!("{name}: {}", e.message())),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))?;
        match self {
            StorageError::Unavailable(d) | StorageError::Corrupt(d) | StorageError::Failed(d) => {
                write!(f, " ({d})")
            }
            _ => Ok(()),
        }
    }
}

impl std::error::Error for StorageError {}

impl From<BackupError> for StorageError {
    fn from(e: BackupError) -> Self {
        StorageError::Backup(e)
    }
}

fn idb(e: indexed_db_futures::error::Error) -> StorageError {
    use indexed_db_futures::error::Error;
    match e {
        Error::DomException(d) => StorageError::from_dom_exception(&web_sys::DomException::from(d)),
        Error::Serialisation(s) => StorageError::Corrupt(s.to_string()),
        other => StorageError::Failed(other.to_string()),
    }
}

/// Commits explicitly and waits; on failure prefers the transaction's own error (a quota abort
/// reports no failed request).
async fn commit(tx: Transaction<'_>) -> Result<(), StorageError> {
    let raw: web_sys::IdbTransaction = (**tx.as_sys()).clone();
    match tx.commit().await {
        Ok(()) => Ok(()),
        Err(e) => match (raw.error(), idb(e)) {
            (Some(d), StorageError::Failed(_)) => Err(StorageError::from_dom_exception(&d)),
            (_, err) => Err(err),
        },
    }
}

/// [`commit`], then tells the app's other tabs to read what is stored again ([`tabs`]).
async fn commit_and_announce(tx: Transaction<'_>) -> Result<(), StorageError> {
    commit(tx).await?;
    tabs::announce();
    Ok(())
}

// Plain data the core's update decision reads; stored here under the `catalog` store's keys.
pub use leye_core::view::update::{CatalogPackRecord, CatalogStatus};

const CATALOG_PACK_KEY: &str = "pack";
const CATALOG_STATUS_KEY: &str = "status";
/// The data a restore replaced, kept (in the app's own `catalog` store, which backups never carry and
/// erase clears) so one tap brings it back, until the next restore.
const BEFORE_RESTORE_KEY: &str = "before_restore";

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

// The clock is the platform's; `storage::now_ms` stays reachable for the code that stamps records.
use crate::platform::clock::now_iso;
pub use crate::platform::clock::now_ms;

struct IdbBackend {
    db: Database,
    /// Set when another tab asked for a newer version and we closed the connection.
    closed: Rc<Cell<bool>>,
    _on_version_change: Closure<dyn FnMut()>,
}

enum Backend {
    Idb(IdbBackend),
    Memory(RefCell<Memory>),
}

struct Inner {
    backend: Backend,
    fallback: Option<StorageError>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Backend::Idb(b) = &self.backend {
            b.db.as_sys().close();
        }
    }
}

/// Handle to the person's data. Cheap to clone; put one in the app context.
#[derive(Clone)]
pub struct Storage {
    inner: Rc<Inner>,
}

impl Storage {
    /// Opens the app database, or falls back to memory (see [`Storage::fallback_reason`]).
    pub async fn open() -> Storage {
        Self::open_or_memory(db::DB_NAME).await
    }

    /// [`Storage::open`] on a given database name (tests use one per test).
    pub async fn open_or_memory(name: &str) -> Storage {
        match Self::open_named(name).await {
            Ok(storage) => storage,
            Err(reason) => Storage::in_memory(Some(reason)),
        }
    }

    /// Opens IndexedDB only; no fallback.
    pub async fn open_named(name: &str) -> Result<Storage, StorageError> {
        let db = db::open(name).await?;
        let closed = Rc::new(Cell::new(false));
        let on_version_change = {
            let raw: web_sys::IdbDatabase = (**db.as_sys()).clone();
            let closed = closed.clone();
            // A newer version in another tab wants to upgrade: let it, rather than block it.
            Closure::<dyn FnMut()>::new(move || {
                raw.close();
                closed.set(true);
            })
        };
        db.as_sys()
            .set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        let backend = Backend::Idb(IdbBackend {
            db,
            closed,
            _on_version_change: on_version_change,
        });
        Ok(Storage {
            inner: Rc::new(Inner {
                backend,
                fallback: None,
            }),
        })
    }

    /// A storage that keeps everything in memory only. `reason` is why IndexedDB was not used.
    pub fn in_memory(reason: Option<StorageError>) -> Storage {
        let fallback =
            Some(reason.unwrap_or(StorageError::Unavailable("in-memory storage".into())));
        Storage {
            inner: Rc::new(Inner {
                backend: Backend::Memory(RefCell::new(Memory::default())),
                fallback,
            }),
        }
    }

    /// `Some(reason)` when data is only in memory: show [`StorageError::banner`] and the reason.
    pub fn fallback_reason(&self) -> Option<&StorageError> {
        self.inner.fallback.as_ref()
    }

    /// True when writes reach IndexedDB.
    pub fn is_persistent(&self) -> bool {
        matches!(self.inner.backend, Backend::Idb(_))
    }

    /// True after another tab's newer version closed this connection (ask the user to reload).
    pub fn is_closed(&self) -> bool {
        matches!(&self.inner.backend, Backend::Idb(b) if b.closed.get())
    }

    fn backend(&self) -> Result<Target<'_>, StorageError> {
        match &self.inner.backend {
            Backend::Idb(b) if b.closed.get() => Err(StorageError::Closed),
            Backend::Idb(b) => Ok(Target::Idb(&b.db)),
            Backend::Memory(m) => Ok(Target::Memory(m)),
        }
    }

    // ---- answers (fact id → JSON value) ----

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
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db
                    .transaction(ANSWERS)
                    .with_mode(TransactionMode::Readwrite)
                    .build()
                    .map_err(idb)?;
                {
                    let store = tx.object_store(ANSWERS).map_err(idb)?;
                    for r in records {
                        // The request's outcome reaches us through the transaction's commit.
                        put(&store, r)?;
                    }
                }
                commit_and_announce(tx).await
            }
            Target::Memory(m) => {
                let mut m = m.borrow_mut();
                for r in records {
                    m.answers.insert(r.fact_id.clone(), r.clone());
                }
                Ok(())
            }
        }
    }

    pub async fn answer(&self, fact_id: &str) -> Result<Option<AnswerRecord>, StorageError> {
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db.transaction(ANSWERS).build().map_err(idb)?;
                let store = tx.object_store(ANSWERS).map_err(idb)?;
                get(&store, fact_id).await
            }
            Target::Memory(m) => Ok(m.borrow().answers.get(fact_id).cloned()),
        }
    }

    /// All answers, ordered by fact id.
    pub async fn answers(&self) -> Result<Vec<AnswerRecord>, StorageError> {
        match self.backend()? {
            Target::Idb(db) => get_all(db, ANSWERS).await,
            Target::Memory(m) => Ok(m.borrow().answers.values().cloned().collect()),
        }
    }

    pub async fn delete_answer(&self, fact_id: &str) -> Result<(), StorageError> {
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db
                    .transaction(ANSWERS)
                    .with_mode(TransactionMode::Readwrite)
                    .build()
                    .map_err(idb)?;
                {
                    let store = tx.object_store(ANSWERS).map_err(idb)?;
                    let _ = store.delete(fact_id).serde().map_err(idb)?;
                }
                commit_and_announce(tx).await
            }
            Target::Memory(m) => {
                m.borrow_mut().answers.remove(fact_id);
                Ok(())
            }
        }
    }

    // ---- saved programs ----

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
        let fresh = || SavedProgramRecord {
            program_id: program_id.to_owned(),
            saved_at_ms: now_ms(),
            ticked_documents: vec![],
        };
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db
                    .transaction(SAVED)
                    .with_mode(TransactionMode::Readwrite)
                    .build()
                    .map_err(idb)?;
                let record = {
                    let store = tx.object_store(SAVED).map_err(idb)?;
                    let found: Option<SavedProgramRecord> = get(&store, program_id).await?;
                    let mut record = found.unwrap_or_else(fresh);
                    change(&mut record.ticked_documents);
                    check_ticks(&record)?;
                    put(&store, &record)?;
                    record
                };
                commit_and_announce(tx).await?;
                Ok(record)
            }
            Target::Memory(m) => {
                let mut m = m.borrow_mut();
                let mut record = m.saved.get(program_id).cloned().unwrap_or_else(fresh);
                change(&mut record.ticked_documents);
                check_ticks(&record)?;
                m.saved.insert(record.program_id.clone(), record.clone());
                Ok(record)
            }
        }
    }

    pub async fn unsave_program(&self, program_id: &str) -> Result<(), StorageError> {
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db
                    .transaction(SAVED)
                    .with_mode(TransactionMode::Readwrite)
                    .build()
                    .map_err(idb)?;
                {
                    let store = tx.object_store(SAVED).map_err(idb)?;
                    let _ = store.delete(program_id).serde().map_err(idb)?;
                }
                commit_and_announce(tx).await
            }
            Target::Memory(m) => {
                m.borrow_mut().saved.remove(program_id);
                Ok(())
            }
        }
    }

    /// Saved programs, ordered by program id.
    pub async fn saved_programs(&self) -> Result<Vec<SavedProgramRecord>, StorageError> {
        match self.backend()? {
            Target::Idb(db) => get_all(db, SAVED).await,
            Target::Memory(m) => Ok(m.borrow().saved.values().cloned().collect()),
        }
    }

    // ---- training events (append-only) ----

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
        match self.backend()? {
            Target::Idb(db) => {
                let encoded = events
                    .iter()
                    .map(pages::encode)
                    .collect::<Result<Vec<_>, _>>()?;
                let tx = db
                    .transaction([TRAINING_EVENTS, TRAINING_PAGES])
                    .with_mode(TransactionMode::Readwrite)
                    .build()
                    .map_err(idb)?;
                {
                    if let Some(check) = check {
                        let stored = match pages::read(&tx, TRAINING_EVENTS, TRAINING_PAGES).await?
                        {
                            Some(events) => events,
                            None => collect(&tx, TRAINING_EVENTS).await?,
                        };
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
                            .map_err(|e| StorageError::Invalid(db::describe(&e)))?;
                        let _ = store.add(value).primitive().map_err(idb)?;
                    }
                }
                commit_and_announce(tx).await
            }
            Target::Memory(m) => {
                if let Some(check) = check {
                    let stored: Vec<TrainingEventRecord> =
                        m.borrow().events.values().cloned().collect();
                    check(stored)?;
                }
                let mut m = m.borrow_mut();
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
        }
    }

    /// All training events in the order they were recorded (ties by event id).
    pub async fn training_events(&self) -> Result<Vec<TrainingEventRecord>, StorageError> {
        let mut events = match self.backend()? {
            Target::Idb(db) => {
                let tx = db
                    .transaction([TRAINING_EVENTS, TRAINING_PAGES])
                    .build()
                    .map_err(idb)?;
                match pages::read(&tx, TRAINING_EVENTS, TRAINING_PAGES).await? {
                    Some(events) => events,
                    None => {
                        drop(tx);
                        // Once after an upgrade from v2; a rebuild that fails (a full disk) only
                        // leaves loading slow, so the events are then read from their own store.
                        match pages::rebuild(db, TRAINING_EVENTS, TRAINING_PAGES).await {
                            Ok(events) => events,
                            Err(_) => get_all(db, TRAINING_EVENTS).await?,
                        }
                    }
                }
            }
            Target::Memory(m) => m.borrow().events.values().cloned().collect(),
        };
        sort_events(&mut events);
        Ok(events)
    }

    /// Whether any training event is stored: a count, without reading them (start-up asks this before
    /// loading the due-soon banner, which reads them all).
    pub async fn has_training_events(&self) -> Result<bool, StorageError> {
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db.transaction(TRAINING_EVENTS).build().map_err(idb)?;
                let store = tx.object_store(TRAINING_EVENTS).map_err(idb)?;
                let count = store.count().primitive().map_err(idb)?.await.map_err(idb)?;
                Ok(count > 0)
            }
            Target::Memory(m) => Ok(!m.borrow().events.is_empty()),
        }
    }

    /// One course's events, in recorded order (uses the `by_course` index).
    pub async fn training_events_for_course(
        &self,
        course_id: &str,
    ) -> Result<Vec<TrainingEventRecord>, StorageError> {
        let mut events: Vec<TrainingEventRecord> = match self.backend()? {
            Target::Idb(db) => {
                let tx = db.transaction(TRAINING_EVENTS).build().map_err(idb)?;
                let store = tx.object_store(TRAINING_EVENTS).map_err(idb)?;
                let index = store.index(BY_COURSE).map_err(idb)?;
                let found = index
                    .get_all::<JsValue>()
                    .with_query(course_id)
                    .primitive()
                    .map_err(idb)?
                    .await
                    .map_err(idb)?;
                from_js_array(found)?
            }
            Target::Memory(m) => m
                .borrow()
                .events
                .values()
                .filter(|e| e.course_id == course_id)
                .cloned()
                .collect(),
        };
        sort_events(&mut events);
        Ok(events)
    }

    // ---- settings ----

    pub async fn setting(&self, key: &str) -> Result<Option<Value>, StorageError> {
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db.transaction(SETTINGS).build().map_err(idb)?;
                let store = tx.object_store(SETTINGS).map_err(idb)?;
                let found: Option<SettingRecord> = get(&store, key).await?;
                Ok(found.map(|s| s.value))
            }
            Target::Memory(m) => Ok(m.borrow().settings.get(key).cloned()),
        }
    }

    pub async fn set_setting(&self, key: &str, value: Value) -> Result<(), StorageError> {
        backup::check_id(key)
            .and_then(|()| backup::check_value(&value, 0))
            .map_err(StorageError::Invalid)?;
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db
                    .transaction(SETTINGS)
                    .with_mode(TransactionMode::Readwrite)
                    .build()
                    .map_err(idb)?;
                {
                    let store = tx.object_store(SETTINGS).map_err(idb)?;
                    put(
                        &store,
                        &SettingRecord {
                            key: key.to_owned(),
                            value,
                        },
                    )?;
                }
                commit(tx).await
            }
            Target::Memory(m) => {
                m.borrow_mut().settings.insert(key.to_owned(), value);
                Ok(())
            }
        }
    }

    /// The interface language (Chinese until the user picks another).
    pub async fn lang(&self) -> Result<Lang, StorageError> {
        Ok(match self.setting("lang").await? {
            Some(Value::String(code)) => Lang::from_code(&code),
            _ => Lang::default(),
        })
    }

    pub async fn set_lang(&self, lang: Lang) -> Result<(), StorageError> {
        self.set_setting("lang", Value::String(lang.code().into()))
            .await
    }

    // ---- catalog pack ----

    /// The installed catalog pack, or `None` while the built-in catalog is in use.
    pub async fn catalog_pack(&self) -> Result<Option<CatalogPackRecord>, StorageError> {
        self.catalog_get(CATALOG_PACK_KEY).await
    }

    /// Only the publication date of the installed pack: start-up reads (and validates) the pack itself
    /// only when it is newer than the built-in catalog.
    pub async fn catalog_pack_published(&self) -> Result<Option<Date>, StorageError> {
        #[derive(Deserialize)]
        struct Stamp {
            published: Date,
        }
        Ok(self
            .catalog_get::<Stamp>(CATALOG_PACK_KEY)
            .await?
            .map(|s| s.published))
    }

    pub async fn catalog_status(&self) -> Result<CatalogStatus, StorageError> {
        Ok(self
            .catalog_get(CATALOG_STATUS_KEY)
            .await?
            .unwrap_or_default())
    }

    /// Installs a pack that passed validation, and records the successful check, in one transaction.
    pub async fn put_catalog_pack(
        &self,
        pack: &CatalogPackRecord,
        status: &CatalogStatus,
    ) -> Result<(), StorageError> {
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db
                    .transaction(CATALOG)
                    .with_mode(TransactionMode::Readwrite)
                    .build()
                    .map_err(idb)?;
                {
                    let store = tx.object_store(CATALOG).map_err(idb)?;
                    put_keyed(&store, pack, CATALOG_PACK_KEY)?;
                    put_keyed(&store, status, CATALOG_STATUS_KEY)?;
                }
                commit_and_announce(tx).await
            }
            Target::Memory(m) => {
                let mut m = m.borrow_mut();
                m.catalog_pack = Some(pack.clone());
                m.catalog_status = status.clone();
                Ok(())
            }
        }
    }

    /// Removes the installed pack (the built-in catalog takes over) and records `status`, in one
    /// transaction. Start-up uses it for a stored pack dated after today.
    pub async fn remove_catalog_pack(&self, status: &CatalogStatus) -> Result<(), StorageError> {
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db
                    .transaction(CATALOG)
                    .with_mode(TransactionMode::Readwrite)
                    .build()
                    .map_err(idb)?;
                {
                    let store = tx.object_store(CATALOG).map_err(idb)?;
                    let _ = store.delete(CATALOG_PACK_KEY).serde().map_err(idb)?;
                    put_keyed(&store, status, CATALOG_STATUS_KEY)?;
                }
                commit(tx).await
            }
            Target::Memory(m) => {
                let mut m = m.borrow_mut();
                m.catalog_pack = None;
                m.catalog_status = status.clone();
                Ok(())
            }
        }
    }

    /// Records a check that did not switch (or found nothing new); the pack stays as it is.
    pub async fn put_catalog_status(&self, status: &CatalogStatus) -> Result<(), StorageError> {
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db
                    .transaction(CATALOG)
                    .with_mode(TransactionMode::Readwrite)
                    .build()
                    .map_err(idb)?;
                {
                    let store = tx.object_store(CATALOG).map_err(idb)?;
                    put_keyed(&store, status, CATALOG_STATUS_KEY)?;
                }
                commit(tx).await
            }
            Target::Memory(m) => {
                m.borrow_mut().catalog_status = status.clone();
                Ok(())
            }
        }
    }

    async fn catalog_get<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StorageError> {
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db.transaction(CATALOG).build().map_err(idb)?;
                let store = tx.object_store(CATALOG).map_err(idb)?;
                get(&store, key).await
            }
            Target::Memory(m) => {
                let m = m.borrow();
                let value = match key {
                    CATALOG_PACK_KEY => serde_json::to_value(&m.catalog_pack),
                    BEFORE_RESTORE_KEY => serde_json::to_value(&m.before_restore),
                    _ => serde_json::to_value(&m.catalog_status),
                };
                let value = value.map_err(|e| StorageError::Corrupt(e.to_string()))?;
                serde_json::from_value(value).map_err(|e| StorageError::Corrupt(e.to_string()))
            }
        }
    }

    // ---- backup, import, erase ----

    /// Everything the person entered, read in one transaction (a consistent snapshot).
    pub async fn records(&self) -> Result<Records, StorageError> {
        let (answers, saved, mut training_events, settings) = match self.backend()? {
            Target::Idb(db) => {
                let stores = [ANSWERS, SAVED, TRAINING_EVENTS, TRAINING_PAGES, SETTINGS];
                let tx = db.transaction(stores).build().map_err(idb)?;
                let answers = collect(&tx, ANSWERS).await?;
                let saved = collect(&tx, SAVED).await?;
                let events = match pages::read(&tx, TRAINING_EVENTS, TRAINING_PAGES).await? {
                    Some(events) => events,
                    // Same snapshot, just slower; the next training_events() rebuilds the pages.
                    None => collect(&tx, TRAINING_EVENTS).await?,
                };
                let settings: Vec<SettingRecord> = collect(&tx, SETTINGS).await?;
                (answers, saved, events, settings)
            }
            Target::Memory(m) => {
                let m = m.borrow();
                let settings = m
                    .settings
                    .iter()
                    .map(|(k, v)| SettingRecord {
                        key: k.clone(),
                        value: v.clone(),
                    })
                    .collect();
                (
                    m.answers.values().cloned().collect(),
                    m.saved.values().cloned().collect(),
                    m.events.values().cloned().collect(),
                    settings,
                )
            }
        };
        sort_events(&mut training_events);
        Ok(Records {
            answers,
            saved,
            training_events,
            settings,
            learning_record: None,
        })
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
        // The learning record is derived from the events: nothing of it is stored.
        let settings = records.settings;
        let keep = |before: Records| {
            (!before.is_empty()).then(|| UndoRecord {
                saved_at_ms: now_ms(),
                backup: backup::export(before, &now_iso()),
            })
        };
        match self.backend()? {
            Target::Idb(db) => {
                let user = [ANSWERS, SAVED, TRAINING_EVENTS, TRAINING_PAGES, SETTINGS];
                let tx = db
                    .transaction([
                        ANSWERS,
                        SAVED,
                        TRAINING_EVENTS,
                        TRAINING_PAGES,
                        SETTINGS,
                        CATALOG,
                    ])
                    .with_mode(TransactionMode::Readwrite)
                    .build()
                    .map_err(idb)?;
                {
                    // What is replaced is read in the same transaction, so the automatic backup is
                    // exactly what this restore removes, even if another tab wrote a moment ago.
                    let mut before = Records {
                        answers: collect(&tx, ANSWERS).await?,
                        saved: collect(&tx, SAVED).await?,
                        training_events: match pages::read(&tx, TRAINING_EVENTS, TRAINING_PAGES)
                            .await?
                        {
                            Some(events) => events,
                            None => collect(&tx, TRAINING_EVENTS).await?,
                        },
                        settings: collect(&tx, SETTINGS).await?,
                        learning_record: None,
                    };
                    sort_events(&mut before.training_events);
                    let catalog = tx.object_store(CATALOG).map_err(idb)?;
                    match keep(before) {
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
                    for r in &settings {
                        put(&store, r)?;
                    }
                }
                commit_and_announce(tx).await
            }
            Target::Memory(m) => {
                let before = self.records().await?;
                let mut fresh = Memory::default();
                fresh.answers = records
                    .answers
                    .into_iter()
                    .map(|r| (r.fact_id.clone(), r))
                    .collect();
                fresh.saved = records
                    .saved
                    .into_iter()
                    .map(|r| (r.program_id.clone(), r))
                    .collect();
                fresh.events = records
                    .training_events
                    .into_iter()
                    .map(|r| (r.event_id.clone(), r))
                    .collect();
                fresh.settings = settings.into_iter().map(|s| (s.key, s.value)).collect();
                fresh.before_restore = keep(before);
                let mut m = m.borrow_mut();
                fresh.catalog_pack = m.catalog_pack.take();
                fresh.catalog_status = std::mem::take(&mut m.catalog_status);
                *m = fresh;
                Ok(())
            }
        }
    }

    /// Clears every store, the catalog pack included (the built-in catalog takes over).
    pub async fn erase_all(&self) -> Result<(), StorageError> {
        match self.backend()? {
            Target::Idb(db) => {
                let tx = db
                    .transaction(ALL_STORES)
                    .with_mode(TransactionMode::Readwrite)
                    .build()
                    .map_err(idb)?;
                for name in ALL_STORES {
                    let _ = tx.object_store(name).map_err(idb)?.clear().map_err(idb)?;
                }
                commit_and_announce(tx).await
            }
            Target::Memory(m) => {
                *m.borrow_mut() = Memory::default();
                Ok(())
            }
        }
    }
}

enum Target<'a> {
    Idb(&'a Database),
    Memory(&'a RefCell<Memory>),
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

/// Recorded order, ties by event id: the same on both backends and whichever store was read.
fn sort_events(events: &mut [TrainingEventRecord]) {
    events.sort_by(|a, b| {
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

async fn get_all<T: serde::de::DeserializeOwned>(
    db: &Database,
    name: &str,
) -> Result<Vec<T>, StorageError> {
    let tx = db.transaction(name).build().map_err(idb)?;
    collect(&tx, name).await
}

async fn collect<T: serde::de::DeserializeOwned>(
    tx: &Transaction<'_>,
    name: &str,
) -> Result<Vec<T>, StorageError> {
    let store = tx.object_store(name).map_err(idb)?;
    let found = store
        .get_all::<JsValue>()
        .primitive()
        .map_err(idb)?
        .await
        .map_err(idb)?;
    from_js_array(found)
}

// Records cross the wasm boundary as JSON text: one JSON.parse / JSON.stringify per call is
// several times faster than walking every field across it (serde-wasm-bindgen), and loading
// 10,000 training events must take under 100 ms. Every record is plain JSON, so nothing is lost.

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, StorageError> {
    let text = serde_json::to_string(value).map_err(|e| StorageError::Invalid(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|e| StorageError::Invalid(db::describe(&e)))
}

fn from_js<T: serde::de::DeserializeOwned>(value: &JsValue) -> Result<T, StorageError> {
    let text =
        js_sys::JSON::stringify(value).map_err(|e| StorageError::Corrupt(db::describe(&e)))?;
    serde_json::from_str(&String::from(text)).map_err(|e| StorageError::Corrupt(e.to_string()))
}

/// Turns a getAll result into records with one stringify for the whole list.
fn from_js_array<T: serde::de::DeserializeOwned>(
    found: impl Iterator<Item = indexed_db_futures::Result<JsValue>>,
) -> Result<Vec<T>, StorageError> {
    let array = js_sys::Array::new();
    for value in found {
        array.push(&value.map_err(idb)?);
    }
    from_js(&array)
}

/// Queues a put; its outcome arrives through the transaction's commit.
fn put<T: Serialize>(store: &ObjectStore<'_>, value: &T) -> Result<(), StorageError> {
    let _ = store.put(to_js(value)?).primitive().map_err(idb)?;
    Ok(())
}

/// Queues an add (refused with ConstraintError if the key exists).
fn add<T: Serialize>(store: &ObjectStore<'_>, value: &T) -> Result<(), StorageError> {
    let _ = store.add(to_js(value)?).primitive().map_err(idb)?;
    Ok(())
}

/// Queues a put under an out-of-line key (the catalog store).
fn put_keyed<T: Serialize>(
    store: &ObjectStore<'_>,
    value: &T,
    key: &str,
) -> Result<(), StorageError> {
    let _ = store
        .put(to_js(value)?)
        .with_key(key)
        .without_key_type()
        .primitive()
        .map_err(idb)?;
    Ok(())
}

async fn get<T: serde::de::DeserializeOwned>(
    store: &ObjectStore<'_>,
    key: &str,
) -> Result<Option<T>, StorageError> {
    let found: Option<JsValue> = store
        .get(key)
        .primitive()
        .map_err(idb)?
        .await
        .map_err(idb)?;
    found.map(|v| from_js(&v)).transpose()
}
