//! Training events packed into pages, so opening the 培训 tab reads 10,000 of them in one go.
//!
//! IndexedDB charges per record on a read, whatever the record's shape: Chromium's getAll takes about
//! 60 ms for 10,000 small records on a desktop (several times that on a phone) but 15 ms for the same
//! bytes in ~60 records. So since schema v3 every event is written twice, in one transaction:
//! - `training_events`, one record per event: the record of truth (unique ids, the `by_course` index,
//!   what other tools and an older app version see);
//! - `training_pages`, the same records as UTF-8 JSON, ~32 KiB per page: what a full load reads.
//!
//! A load checks that the pages hold as many events as the store. When they do not (a database
//! written by v2, or records put into the store by something other than this module) or a page cannot
//! be read, the store is read instead and the pages are rebuilt from it. Pages are derived data:
//! losing them never loses an event.

use super::{idb, StorageError};
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::Transaction;
use js_sys::{Object, Reflect, Uint8Array};
use leye_core::backup::TrainingEventRecord;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Most UTF-8 bytes of records in one page. Chromium stores values over 64 KiB as separate blob
/// files, which makes every append slower (the whole page is rewritten) and is where its
/// "failed to read large value" faults live; 32 KiB keeps pages inline with room to spare.
pub const PAGE_BYTES: usize = 32 * 1024;

/// The page's key, how many records it holds, and the records as JSON objects joined by `,`.
const KEY: &str = "page";
const COUNT: &str = "count";
const JSON: &str = "json";

/// The page being filled: its key, record count and bytes.
struct Page {
    number: u32,
    count: u32,
    json: Vec<u8>,
}

impl Page {
    fn empty(number: u32) -> Page {
        Page {
            number,
            count: 0,
            json: Vec::new(),
        }
    }

    fn fits(&self, record: &[u8]) -> bool {
        self.count == 0 || self.json.len() + 1 + record.len() <= PAGE_BYTES
    }

    fn push(&mut self, record: &[u8]) {
        if self.count > 0 {
            self.json.push(b',');
        }
        self.json.extend_from_slice(record);
        self.count += 1;
    }

    fn to_js(&self) -> JsValue {
        let page = Object::new();
        // Setting fields on a fresh plain object cannot fail.
        let _ = Reflect::set(&page, &KEY.into(), &self.number.into());
        let _ = Reflect::set(&page, &COUNT.into(), &self.count.into());
        let _ = Reflect::set(&page, &JSON.into(), &Uint8Array::from(&self.json[..]));
        page.into()
    }

    /// A stored page; `None` if it is not one this module wrote.
    fn from_js(value: &JsValue) -> Option<(u32, u32, Uint8Array)> {
        let number = Reflect::get(value, &KEY.into()).ok()?.as_f64()?;
        let count = Reflect::get(value, &COUNT.into()).ok()?.as_f64()?;
        let json = Reflect::get(value, &JSON.into())
            .ok()?
            .dyn_into::<Uint8Array>()
            .ok()?;
        Some((number as u32, count as u32, json))
    }
}

/// One record as it goes into both stores.
pub(super) fn encode(record: &TrainingEventRecord) -> Result<String, StorageError> {
    serde_json::to_string(record).map_err(|e| StorageError::Invalid(e.to_string()))
}

/// Appends `records` (already encoded) to the pages store, filling the last page first. Awaits
/// the reads of the last page, so call it before queuing anything that may abort the transaction.
pub(super) async fn append(
    pages: &ObjectStore<'_>,
    records: &[String],
) -> Result<(), StorageError> {
    // Pages are numbered 0, 1, 2… with no gaps (only ever appended, or all cleared together).
    let n = pages.count().primitive().map_err(idb)?.await.map_err(idb)?;
    let mut page = match n.checked_sub(1) {
        None => Page::empty(0),
        Some(last) => {
            let found: Option<JsValue> = pages
                .get(last)
                .primitive()
                .map_err(idb)?
                .await
                .map_err(idb)?;
            match found.as_ref().and_then(Page::from_js) {
                Some((number, count, json)) if number == last => Page {
                    number,
                    count,
                    json: json.to_vec(),
                },
                // Not ours: start a new page; the count check on load repairs the rest.
                _ => Page::empty(n),
            }
        }
    };
    // Only pages that changed are written: a full last page is left as it is.
    let mut dirty = false;
    for record in records {
        let bytes = record.as_bytes();
        if !page.fits(bytes) {
            if dirty {
                put(pages, &page)?;
            }
            page = Page::empty(page.number + 1);
        }
        page.push(bytes);
        dirty = true;
    }
    if dirty {
        put(pages, &page)?;
    }
    Ok(())
}

/// Writes `records` as pages 0, 1, 2… into an empty pages store (after a clear).
pub(super) fn write_all(
    pages: &ObjectStore<'_>,
    records: &[TrainingEventRecord],
) -> Result<(), StorageError> {
    let mut page = Page::empty(0);
    for record in records {
        let text = encode(record)?;
        if !page.fits(text.as_bytes()) {
            put(pages, &page)?;
            page = Page::empty(page.number + 1);
        }
        page.push(text.as_bytes());
    }
    if page.count > 0 {
        put(pages, &page)?;
    }
    Ok(())
}

fn put(pages: &ObjectStore<'_>, page: &Page) -> Result<(), StorageError> {
    let _ = pages.put(page.to_js()).primitive().map_err(idb)?;
    Ok(())
}

/// Every event from the pages, in storage order; `None` when the pages do not match the events
/// store (then read the store, and rebuild the pages with [`rebuild`]).
pub(super) async fn read(
    tx: &Transaction<'_>,
    events_store: &str,
    pages_store: &str,
) -> Result<Option<Vec<TrainingEventRecord>>, StorageError> {
    let events = tx.object_store(events_store).map_err(idb)?;
    let pages = tx.object_store(pages_store).map_err(idb)?;
    // Both requests are queued before either is awaited: one round trip.
    let expected = events.count().primitive().map_err(idb)?;
    let found = pages.get_all::<JsValue>().primitive().map_err(idb)?;
    let expected = expected.await.map_err(idb)?;
    let found = match found.await {
        Ok(found) => found,
        // An unreadable page is only a slower load: the store still has every event.
        Err(_) => return Ok(None),
    };
    let mut json = Vec::with_capacity(2 + 200 * expected as usize);
    json.push(b'[');
    let mut count = 0u32;
    for value in found {
        let Some((_, n, bytes)) = value.ok().as_ref().and_then(Page::from_js) else {
            return Ok(None);
        };
        if n == 0 {
            continue;
        }
        if count > 0 {
            json.push(b',');
        }
        let start = json.len();
        json.resize(start + bytes.length() as usize, 0);
        bytes.copy_to(&mut json[start..]);
        count += n;
    }
    json.push(b']');
    if count != expected {
        return Ok(None);
    }
    match serde_json::from_slice::<Vec<TrainingEventRecord>>(&json) {
        Ok(records) if records.len() == expected as usize => Ok(Some(records)),
        _ => Ok(None),
    }
}

/// Reads the events store and writes the pages afresh from it, in one transaction; returns the
/// events read.
pub(super) async fn rebuild(
    db: &indexed_db_futures::database::Database,
    events_store: &str,
    pages_store: &str,
) -> Result<Vec<TrainingEventRecord>, StorageError> {
    let tx = super::db::readwrite(db, [events_store, pages_store])?;
    let records: Vec<TrainingEventRecord> = super::collect(&tx, events_store).await?;
    {
        let pages = tx.object_store(pages_store).map_err(idb)?;
        let _ = pages.clear().map_err(idb)?;
        write_all(&pages, &records)?;
    }
    super::commit(tx).await?;
    Ok(records)
}
