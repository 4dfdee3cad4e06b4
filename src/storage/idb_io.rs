//! The IndexedDB plumbing every store shares: explicit commits, records across the wasm boundary as JSON
//! text, and queued requests whose outcome arrives through the commit.

use super::db::{TRAINING_EVENTS, TRAINING_PAGES};
use super::{pages, tabs, StorageError};
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::Transaction;
use leye_core::backup::TrainingEventRecord;
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub(super) use super::error::idb;

/// Commits explicitly and waits; on failure prefers the transaction's own error (a quota abort
/// reports no failed request).
pub(super) async fn commit(tx: Transaction<'_>) -> Result<(), StorageError> {
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
pub(super) async fn commit_and_announce(tx: Transaction<'_>) -> Result<(), StorageError> {
    commit(tx).await?;
    tabs::announce();
    Ok(())
}

/// The training events as of `tx`: from their pages, or (pages out of step) from their own store.
pub(super) async fn stored_events(
    tx: &Transaction<'_>,
) -> Result<Vec<TrainingEventRecord>, StorageError> {
    match pages::read(tx, TRAINING_EVENTS, TRAINING_PAGES).await? {
        Some(events) => Ok(events),
        None => collect(tx, TRAINING_EVENTS).await,
    }
}

pub(super) async fn get_all<T: serde::de::DeserializeOwned>(
    db: &Database,
    name: &str,
) -> Result<Vec<T>, StorageError> {
    let tx = db.transaction(name).build().map_err(idb)?;
    collect(&tx, name).await
}

pub(super) async fn collect<T: serde::de::DeserializeOwned>(
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

pub(super) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, StorageError> {
    let text = serde_json::to_string(value).map_err(|e| StorageError::Invalid(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|e| StorageError::Invalid(super::error::describe(&e)))
}

pub(super) fn from_js<T: serde::de::DeserializeOwned>(value: &JsValue) -> Result<T, StorageError> {
    let text = js_sys::JSON::stringify(value)
        .map_err(|e| StorageError::Corrupt(super::error::describe(&e)))?;
    serde_json::from_str(&String::from(text)).map_err(|e| StorageError::Corrupt(e.to_string()))
}

/// Turns a getAll result into records with one stringify for the whole list.
pub(super) fn from_js_array<T: serde::de::DeserializeOwned>(
    found: impl Iterator<Item = indexed_db_futures::Result<JsValue>>,
) -> Result<Vec<T>, StorageError> {
    let array = js_sys::Array::new();
    for value in found {
        array.push(&value.map_err(idb)?);
    }
    from_js(&array)
}

/// Queues a put; its outcome arrives through the transaction's commit.
pub(super) fn put<T: Serialize>(store: &ObjectStore<'_>, value: &T) -> Result<(), StorageError> {
    let _ = store.put(to_js(value)?).primitive().map_err(idb)?;
    Ok(())
}

/// Queues an add (refused with ConstraintError if the key exists).
pub(super) fn add<T: Serialize>(store: &ObjectStore<'_>, value: &T) -> Result<(), StorageError> {
    let _ = store.add(to_js(value)?).primitive().map_err(idb)?;
    Ok(())
}

/// Queues a put under an out-of-line key (the catalog store).
pub(super) fn put_keyed<T: Serialize>(
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

pub(super) async fn get<T: serde::de::DeserializeOwned>(
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
