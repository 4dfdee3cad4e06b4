//! Reading the person's data at start-up and after an import: the built-in catalog (a piece of its own), a
//! newer stored pack, the stored answers; and listening for other tabs that change them.

use std::sync::Arc;

use leptos::prelude::*;

use serde_json::Value;

use super::split::{chunk, chunk_missing_text, ChunkMissing, Task};
use super::AppState;
use crate::storage::Storage;
use leye_core::catalog::{Catalog, CompactParts};
use leye_core::date::Date;
use leye_core::facts::{Answer, Facts};
use leye_core::lang::Lang;

impl AppState {
    /// The built-in catalog, a newer stored pack and the stored answers (see [`load_data`]); false, with a
    /// notice, when that code could not be downloaded.
    pub(super) async fn load_data(self, storage: &Storage) -> bool {
        let loaded = match chunk!(load_data(self, storage.clone())) {
            Ok(task) => task.await,
            Err(ChunkMissing) => false,
        };
        if !loaded {
            self.inform(chunk_missing_text());
        }
        loaded
    }

    /// Uses the stored catalog pack when it is valid and newer than the built-in catalog.
    async fn load_catalog(self, storage: &Storage) {
        let Ok(Some(record)) = storage.catalog_pack().await else {
            return;
        };
        if record.published <= self.catalog.get_untracked().published() {
            return; // an app update brought a catalog at least as new
        }
        if let Ok(catalog) = Catalog::from_pack_json(&record.pack_json) {
            self.catalog.set(Arc::new(catalog.in_force(self.today)));
        }
    }

    /// Reads stored answers into `facts`; answers the current vocabulary no longer knows are skipped.
    async fn load_facts(self, storage: &Storage) {
        match storage.answers().await {
            Ok(records) => {
                let catalog = self.catalog.get_untracked();
                let mut facts = Facts::new();
                for record in records {
                    let Some(def) = catalog.fact(&record.fact_id) else {
                        continue;
                    };
                    if let Ok(answer) = def.parse(&record.value, self.today) {
                        match answer {
                            Answer::Known(v) => facts.set(record.fact_id.clone(), v),
                            Answer::Unknown => facts.mark_unknown(record.fact_id.clone()),
                        };
                    }
                }
                self.facts.set(facts);
            }
            Err(e) => self.report(e),
        }
    }
}

/// The built-in catalog, a newer stored pack, and the stored answers, read once at start-up; false when the
/// built-in catalog's piece could not be fetched.
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(load_data, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn load_data(app: AppState, storage: Storage) -> Result<Task<bool>, ChunkMissing> {
    Ok(Box::pin(async move {
        // The first paint used the language mirrored in localStorage; the stored choice wins where they
        // differ (localStorage cleared, or a backup imported in another browser profile).
        if storage.fallback_reason().is_none() {
            if let Ok(Some(Value::String(code))) = storage.setting("lang").await {
                let lang = Lang::from_code(&code);
                if lang != app.lang.get_untracked() {
                    app.lang.set(lang);
                    super::lang::mirror_lang(lang);
                }
            }
        }
        // The texts' English and the courses are pieces of their own, fetched only when a screen needs
        // them (issue 16); read again here (after an import or erase) if one has.
        let mut wanted = WANTED.get();
        wanted.english |= app.lang.get_untracked() == Lang::En;
        let Ok(parts) = builtin_parts(wanted).await else {
            return false;
        };
        app.catalog
            .set(Arc::new(read_builtin(parts, app.today).await));
        // Switched to English while this was read: the English too.
        if app.lang.get_untracked() == Lang::En && !add_parts(app, Parts::ENGLISH).await {
            app.inform(chunk_missing_text());
        }
        if let Ok(Some(published)) = storage.catalog_pack_published().await {
            if crate::storage::catalog_update::is_future_dated(published, app.today) {
                // Installed by an older app that did not check dates: it would shadow every real update
                // (and an upgraded app's own catalog). Dropped, and the person told why.
                drop_future_pack(app, &storage, published).await;
            } else if published > app.catalog.get_untracked().published() {
                // Without its chunk the built-in catalog stays in use: still correct, only older.
                if let Ok(task) = chunk!(load_stored_pack(app, storage.clone())) {
                    task.await;
                }
            }
        }
        app.load_facts(&storage).await;
        listen_to_other_tabs(app, &storage);
        true
    }))
}

/// Once the data is first read: when another tab of the app saves, restores or erases something, read it
/// all again, so this tab neither shows nor checks new entries against a stale copy (issue 14). Set up
/// here, in the piece that reads the data, so none of that code weighs on the first screen.
fn listen_to_other_tabs(app: AppState, storage: &Storage) {
    thread_local! { static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) }; }
    if !storage.is_persistent() || LISTENING.with(|l| l.replace(true)) {
        return;
    }
    crate::storage::tabs::listen(move || {
        wasm_bindgen_futures::spawn_local(async move { app.data_replaced().await });
    });
}

/// Removes a future-dated stored pack (the built-in catalog stays in use), records why for 我的 → 数据,
/// makes the next start-up check fetch again, and tells the person.
async fn drop_future_pack(app: AppState, storage: &Storage, published: Date) {
    let builtin = app.catalog.get_untracked().published();
    let why = leye_core::text::data::future_pack_dropped(published, app.today, builtin);
    let status = crate::storage::CatalogStatus {
        last_check_ms: None,
        last_error: Some(why.clone()),
    };
    match storage.remove_catalog_pack(&status).await {
        Ok(()) => app.inform(why),
        Err(e) => app.report(e),
    }
}

/// The built-in catalog's bytes, a piece of their own: the one part of the catalog that the initial-load budget
/// counts (tools/size-report.mjs), apart from the code that reads it. In the core's compact form, written by
/// build.rs from the same catalog the core embeds as JSON: no JSON reader is needed to start. The English of
/// its texts and its courses are apart ([`Parts`]).
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(builtin_catalog, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn builtin_catalog() -> Result<&'static [u8], ChunkMissing> {
    Ok(include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin")))
}

/// The English of the built-in catalog's texts: a third of the catalog's bytes, which a Chinese screen never
/// needs, so the rider's way to his results goes without it (issue 16's answer path).
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(builtin_catalog_english, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn builtin_catalog_english() -> Result<&'static [u8], ChunkMissing> {
    Ok(include_bytes!(concat!(env!("OUT_DIR"), "/catalog-en.bin")))
}

/// The built-in catalog's courses, which only the 培训 screens and the exports read.
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(builtin_courses, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn builtin_courses() -> Result<&'static [u8], ChunkMissing> {
    Ok(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/catalog-courses.bin"
    )))
}

/// The parts of the built-in catalog read apart from its data, when a screen needs them (issue 16).
#[derive(Clone, Copy)]
pub(super) struct Parts {
    /// The texts' English: an English screen, a search in English words, a summary in both languages.
    pub english: bool,
    /// The courses: the 培训 screens, the due-soon banner, the backup's learning record.
    pub courses: bool,
}

impl Parts {
    pub const NONE: Parts = Parts {
        english: false,
        courses: false,
    };
    pub const ENGLISH: Parts = Parts {
        english: true,
        ..Parts::NONE
    };
    pub const COURSES: Parts = Parts {
        courses: true,
        ..Parts::NONE
    };
    pub const WHOLE: Parts = Parts {
        english: true,
        courses: true,
    };

    /// Whether `catalog` has every part asked for here.
    pub fn held_by(self, catalog: &Catalog) -> bool {
        (!self.english || catalog.has_english()) && (!self.courses || catalog.has_courses())
    }
}

thread_local! {
    /// The parts asked for so far: a catalog read again (after an import or erase) keeps them.
    static WANTED: std::cell::Cell<Parts> = const { std::cell::Cell::new(Parts::NONE) };
}

/// The built-in catalog's data and the parts wanted. A part whose piece could not be fetched is left out
/// (the catalog says so, see [`add_parts`]).
async fn builtin_parts(want: Parts) -> Result<CompactParts<'static>, ChunkMissing> {
    let data = chunk!(builtin_catalog())?;
    let english = if want.english {
        chunk!(builtin_catalog_english()).ok()
    } else {
        None
    };
    let courses = if want.courses {
        chunk!(builtin_courses()).ok()
    } else {
        None
    };
    Ok(CompactParts {
        data,
        english,
        courses,
    })
}

/// Reads the built-in catalog and puts it in force on `today`. These are the longest steps of start-up's data
/// load (a few tens of ms on a slow phone): each a task of its own, so that none blocks the page for long
/// (issue 16's TBT).
async fn read_builtin(parts: CompactParts<'static>, today: Date) -> Catalog {
    crate::platform::clock::next_task().await;
    let read = Catalog::read_compact(parts);
    crate::platform::clock::next_task().await;
    // Every figure as in force today (a catalog holds dated values, see leye_core::params).
    read.in_force(today)
}

/// The built-in catalog in use, read again with the parts asked for (see [`AppState::read_english`]); in
/// this piece, which has the reader. True when the catalog in use has them after it.
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(load_data, wasm_split_path = ::leptos::wasm_split, fallible)
)]
pub(super) fn read_parts(app: AppState, asked: Parts) -> Result<Task<bool>, ChunkMissing> {
    Ok(Box::pin(add_parts(app, asked)))
}

async fn add_parts(app: AppState, asked: Parts) -> bool {
    let mut wanted = WANTED.get();
    wanted.english |= asked.english;
    wanted.courses |= asked.courses;
    WANTED.set(wanted);
    if asked.held_by(&app.catalog.get_untracked()) {
        return true;
    }
    let Ok(parts) = builtin_parts(wanted).await else {
        return false;
    };
    let read = read_builtin(parts, app.today).await;
    // Only in place of the same catalog without them: a downloaded pack may have replaced it since.
    let in_use = app.catalog.get_untracked();
    if !asked.held_by(&in_use) && in_use.version() == read.version() {
        app.catalog.set(Arc::new(read));
    }
    asked.held_by(&app.catalog.get_untracked())
}

/// A downloaded pack newer than the built-in catalog, checked again in full before use. In the piece that
/// fetches and checks packs (`check_catalog`), whose code it shares: most start-ups have no pack to read.
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(catalog_packs, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn load_stored_pack(app: AppState, storage: Storage) -> Result<Task<()>, ChunkMissing> {
    Ok(Box::pin(async move { app.load_catalog(&storage).await }))
}
