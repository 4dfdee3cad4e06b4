//! The database "leye": schema version, migrations, and opening it without hanging.
//!
//! Migrations run on raw `web_sys` because a later version needs the version-change transaction
//! (to add an index to an existing store) and indexed_db_futures 0.6 does not expose it in its
//! upgrade callback (its issue #66). Once migrated, that connection is closed and the database is
//! reopened through indexed_db_futures at its current version, which never upgrades or blocks.

use super::error::describe;
use super::StorageError;
use indexed_db_futures::database::Database;
use js_sys::Promise;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbFactory, IdbIndexParameters, IdbObjectStoreParameters, IdbOpenDbRequest,
    IdbTransaction,
};

/// The database every installed copy of the app uses.
pub const DB_NAME: &str = "leye";

/// Current schema. History:
/// - v1: `answers` (key `fact_id`), `saved` (key `program_id`), `training_events` (key `event_id`),
///   `catalog` (out-of-line keys `pack` and `status`).
/// - v2: adds `settings` (key `key`) and the `by_course` index on `training_events.course_id`.
/// - v3: adds `training_pages` (key `page`): the training events again, packed for fast loading
///   (see `storage::pages`). It starts empty and is filled from `training_events` on first load.
pub const SCHEMA_VERSION: u32 = 3;

pub const ANSWERS: &str = "answers";
pub const SAVED: &str = "saved";
pub const TRAINING_EVENTS: &str = "training_events";
pub const SETTINGS: &str = "settings";
pub const CATALOG: &str = "catalog";
/// Derived from `training_events`; never the only copy of an event.
pub const TRAINING_PAGES: &str = "training_pages";
/// Index on `training_events.course_id`.
pub const BY_COURSE: &str = "by_course";
/// Every store, for erase and for transactions spanning all user data.
pub const ALL_STORES: [&str; 6] = [
    ANSWERS,
    SAVED,
    TRAINING_EVENTS,
    TRAINING_PAGES,
    SETTINGS,
    CATALOG,
];

/// Rejection value used internally when the open is blocked by another tab.
const BLOCKED: &str = "leye:blocked";
/// Rejection value used internally when the open got no answer at all in [`OPEN_TIMEOUT_MS`].
const TIMED_OUT: &str = "leye:timed-out";
/// Longest wait for the database to open (migrating 50,000 events takes well under this).
const OPEN_TIMEOUT_MS: i32 = 8_000;

fn create_store(
    db: &IdbDatabase,
    name: &str,
    key_path: Option<&str>,
) -> Result<web_sys::IdbObjectStore, JsValue> {
    let params = IdbObjectStoreParameters::new();
    if let Some(path) = key_path {
        params.set_key_path(&JsValue::from_str(path));
    }
    db.create_object_store_with_optional_parameters(name, &params)
}

/// Brings a database at `old` up to `target`, step by step, inside the version-change transaction.
/// Each step only adds; no step rewrites user records, so an interrupted upgrade aborts whole.
fn migrate(db: &IdbDatabase, tx: &IdbTransaction, old: u32, target: u32) -> Result<(), JsValue> {
    if old < 1 && target >= 1 {
        create_store(db, ANSWERS, Some("fact_id"))?;
        create_store(db, SAVED, Some("program_id"))?;
        create_store(db, TRAINING_EVENTS, Some("event_id"))?;
        create_store(db, CATALOG, None)?;
    }
    if old < 2 && target >= 2 {
        create_store(db, SETTINGS, Some("key"))?;
        // The store exists since v1: only the version-change transaction can reach it now.
        let params = IdbIndexParameters::new();
        params.set_unique(false);
        tx.object_store(TRAINING_EVENTS)?
            .create_index_with_str_and_optional_parameters(BY_COURSE, "course_id", &params)?;
    }
    if old < 3 && target >= 3 {
        // Left empty: rewriting 10,000 events here would make opening slow and the upgrade
        // transaction long; the first load fills it (and proves it matches the events).
        create_store(db, TRAINING_PAGES, Some("page"))?;
    }
    Ok(())
}

pub(crate) fn factory() -> Result<IdbFactory, StorageError> {
    let global = js_sys::global();
    // Window or worker: both expose `indexedDB`; reading it can throw (SecurityError) in some
    // private modes and sandboxed frames.
    let value = js_sys::Reflect::get(&global, &JsValue::from_str("indexedDB"))
        .map_err(|e| StorageError::Unavailable(describe(&e)))?;
    value
        .dyn_into::<IdbFactory>()
        .map_err(|_| StorageError::Unavailable("indexedDB is missing".into()))
}

/// Opens `name` at `target`, running migrations. Resolves with `Blocked` (instead of waiting)
/// when a tab with an older version keeps the database open.
pub(crate) async fn open_raw(name: &str, target: u32) -> Result<IdbDatabase, StorageError> {
    let factory = factory()?;
    let request: IdbOpenDbRequest = factory
        .open_with_u32(name, target)
        .map_err(|e| StorageError::Unavailable(describe(&e)))?;
    // Set once we have told the caller "blocked": a late success must then close its connection.
    let gave_up = Rc::new(Cell::new(false));
    let promise = Promise::new(&mut |resolve, reject| {
        let req = request.clone();
        let on_upgrade = Closure::once_into_js(move |event: web_sys::IdbVersionChangeEvent| {
            let (Ok(result), Some(tx)) = (req.result(), req.transaction()) else {
                return;
            };
            let db: IdbDatabase = result.unchecked_into();
            let old = event.old_version() as u32;
            if migrate(&db, &tx, old, target).is_err() {
                // Aborting fails the open request: the database stays at its old version, intact.
                let _ = tx.abort();
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));

        let req = request.clone();
        let late = gave_up.clone();
        let on_success = Closure::once_into_js(move || {
            if let Ok(result) = req.result() {
                if late.get() {
                    result.unchecked_into::<IdbDatabase>().close();
                } else {
                    let _ = resolve.call1(&JsValue::NULL, &result);
                }
            }
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));

        let req = request.clone();
        let reject_error = reject.clone();
        let on_error = Closure::once_into_js(move || {
            let error = req
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::UNDEFINED);
            let _ = reject_error.call1(&JsValue::NULL, &error);
        });
        request.set_onerror(Some(on_error.unchecked_ref()));

        let blocked = gave_up.clone();
        let give_up = move |why: &'static str| {
            blocked.set(true);
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(why));
        };
        let on_blocked = Closure::once_into_js({
            let give_up = give_up.clone();
            move || give_up(BLOCKED)
        });
        request.set_onblocked(Some(on_blocked.unchecked_ref()));
        // An open that gets no answer at all (the browser's database hangs, or the open is queued
        // behind another tab's pending upgrade, which sends no "blocked" event of its own): the timer
        // makes sure the user is told instead of waiting forever, without blaming another tab it
        // cannot see. (A promise settles once, so a later success or timer firing is harmless.)
        if let Some(window) = web_sys::window() {
            let on_timeout = Closure::once_into_js(move || give_up(TIMED_OUT));
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.unchecked_ref(),
                OPEN_TIMEOUT_MS,
            );
        }
    });
    match JsFuture::from(promise).await {
        Ok(db) => Ok(db.unchecked_into()),
        Err(e) if e.as_string().as_deref() == Some(BLOCKED) => Err(StorageError::Blocked),
        Err(e) if e.as_string().as_deref() == Some(TIMED_OUT) => Err(StorageError::OpenTimedOut),
        Err(e) => Err(match e.dyn_ref::<web_sys::DomException>() {
            Some(d) if d.name() == "VersionError" => StorageError::NewerVersion,
            Some(d) if d.name() == "QuotaExceededError" => StorageError::QuotaExceeded,
            _ => StorageError::Unavailable(describe(&e)),
        }),
    }
}

/// Migrates `name` to [`SCHEMA_VERSION`], then opens it through indexed_db_futures.
pub(crate) async fn open(name: &str) -> Result<Database, StorageError> {
    open_raw(name, SCHEMA_VERSION).await?.close();
    let db = Database::open(name).await.map_err(|e| {
        use indexed_db_futures::error::OpenDbError;
        // Not the library's Display: see `describe_idb`.
        StorageError::Unavailable(match &e {
            OpenDbError::Base(base) => super::error::describe_idb(base),
            OpenDbError::VersionZero => "version zero".to_owned(),
            OpenDbError::UnsupportedEnvironment => "unsupported environment".to_owned(),
            OpenDbError::NullFactory => "no indexedDB in this browser".to_owned(),
        })
    })?;
    // A whole number, formatted as one: an f64 in a message would bring Rust's float formatting (9 KB) into
    // the code every start-up loads.
    let found = db.version() as u32;
    if found != SCHEMA_VERSION {
        // Another tab upgraded or deleted it between the two opens.
        db.close();
        return Err(StorageError::Failed(format!(
            "schema version {found} after migration"
        )));
    }
    Ok(db)
}

/// A read-write transaction over `stores` (one store's name, or an array of them).
pub(super) fn readwrite<S: indexed_db_futures::database::ObjectStoreName>(
    db: &Database,
    stores: S,
) -> Result<indexed_db_futures::transaction::Transaction<'_>, StorageError> {
    use indexed_db_futures::prelude::*;
    db.transaction(stores)
        .with_mode(indexed_db_futures::transaction::TransactionMode::Readwrite)
        .build()
        .map_err(super::error::idb)
}
