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
//!
//! # Layout
//! One module per store, each holding its public methods and its operations on both backends side by
//! side (`on_backend!` is the one place that picks IndexedDB or memory): `answers`, `saved`,
//! `training` (events), `settings`, `catalog` (pack, update status, the automatic backup) and
//! `records` (the whole snapshot: backup, restore, undo, erase). `idb_io` is the IndexedDB plumbing
//! they share, `error` the error type (its wording is [`leye_core::text::storage`]).

pub mod catalog_update;
pub mod db;
pub mod durability;
mod error;
mod idb_io;
mod memory;
pub mod pages;
pub mod tabs;

/// The one place that chooses between IndexedDB and memory: evaluates `$body` with `$b` bound to this
/// storage's backend (a `&Database` or a `&RefCell<Memory>`). Each store module implements its
/// operations for both backends side by side, behind a trait of its own, so the choice is made here
/// only. (A `Closed` connection is refused before either is reached.)
macro_rules! on_backend {
    ($storage:expr, $b:ident => $body:expr) => {
        match $storage.backend()? {
            $crate::storage::Target::Idb($b) => $body,
            $crate::storage::Target::Memory($b) => $body,
        }
    };
}

mod answers;
mod catalog;
mod records;
mod saved;
mod settings;
mod training;

pub use error::StorageError;
pub use records::{ImportSummary, RestorePlan, UndoPoint, UndoRecord};
// Plain data the core's update decision reads; stored here under the `catalog` store's keys.
pub use leye_core::view::update::{CatalogPackRecord, CatalogStatus};

// For `pages`, which reads and rebuilds inside the stores' transactions.
use error::idb;
use idb_io::{collect, commit};

use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use memory::Memory;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

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
}

/// The backend one call works on (see `on_backend!`).
enum Target<'a> {
    Idb(&'a Database),
    Memory(&'a RefCell<Memory>),
}
