//! Storage speed in headless Chromium, against the targets of issue 4. Prints figures (medians of
//! several runs); asserts nothing about time, only that the data came back whole.
//! Run the profile the app ships with:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown --test web_bench -- --nocapture`
//! Targets: save one answer or progress event ≤ 5 ms median; load 10,000 training events AND
//! compute progress ≤ 100 ms; export 10,000 events ≤ 1 s without exhausting memory.
#![cfg(target_arch = "wasm32")]

use leye::storage::Storage;
use leye_core::backup::TrainingEventRecord;
use leye_core::date::Date;
use leye_core::training::{progress, CourseCatalog, Event, Progress, TrainingLog};
use serde_json::json;
use wasm_bindgen_test::*;

mod heavy_log;

wasm_bindgen_test_configure!(run_in_browser);

const EVENTS: usize = 10_000;
/// Runs per load figure. The bench machine is shared, so the fastest run is printed next to the
/// median: it shows what the code costs when nothing else competes for the CPU.
const RUNS: usize = 15;

/// performance.now(): sub-millisecond, unlike Date.now() (read through Reflect so the app needs
/// no extra web-sys feature for a bench).
fn now() -> f64 {
    use wasm_bindgen::JsCast;
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap();
    let now: js_sys::Function = js_sys::Reflect::get(&perf, &"now".into())
        .unwrap()
        .unchecked_into();
    now.call0(&perf).unwrap().as_f64().unwrap()
}

fn fastest(samples: &[f64]) -> f64 {
    samples.iter().copied().fold(f64::INFINITY, f64::min)
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// The heavy log of `benches/training.rs` (tests/heavy_log), stored the way the 培训 screens store them
/// (`components::training_log`).
fn records(n: usize, catalog: &CourseCatalog) -> Vec<TrainingEventRecord> {
    let events = heavy_log::events(n, catalog, Date::ymd(2026, 11, 26));
    events
        .into_iter()
        .enumerate()
        .map(|(k, e)| TrainingEventRecord {
            event_id: e.id.0.clone(),
            course_id: e.course.as_ref().map_or("_".to_string(), |c| c.0.clone()),
            recorded_at_ms: 1_764_000_000_000 + k as i64 * 60_000,
            event: serde_json::to_value(&e).unwrap(),
        })
        .collect()
}

/// What the 培训 screens do with the stored records: typed events, the log, then progress.
fn to_log(records: Vec<TrainingEventRecord>) -> TrainingLog {
    TrainingLog::from_events(
        records
            .into_iter()
            .filter_map(|r| serde_json::from_value::<Event>(r.event).ok()),
    )
}

#[wasm_bindgen_test]
async fn storage_speed() {
    let name = format!("bench-{}", js_sys::Date::now() as u64);
    let s = Storage::open_named(&name).await.unwrap();
    let catalog = CourseCatalog::builtin();
    let mut all = records(EVENTS + 200, catalog);
    let singles = all.split_off(EVENTS);

    let mut saves = Vec::new();
    for i in 0..200 {
        let t = now();
        s.put_answer(
            &format!("fact-{}", i % 20),
            json!({"value": i, "source": "user"}),
        )
        .await
        .unwrap();
        saves.push(now() - t);
    }

    let t = now();
    for chunk in all.chunks(1_000) {
        s.append_training_events(chunk).await.unwrap();
    }
    let fill = now() - t;

    // One at a time on top of the 10,000, as the trainee logs them.
    let mut appends = Vec::new();
    for record in &singles {
        let t = now();
        s.append_training_event(record).await.unwrap();
        appends.push(now() - t);
    }
    let count = EVENTS + singles.len();

    // The whole of what opening the 培训 tab costs, then the same split into its steps.
    let mut loads = Vec::new();
    let mut result: Option<Progress> = None;
    for _ in 0..RUNS {
        let t = now();
        let records = s.training_events().await.unwrap();
        assert_eq!(records.len(), count);
        let log = to_log(records);
        result = Some(progress(&log, catalog));
        loads.push(now() - t);
    }
    let enrolled = result.map_or(0, |p| p.courses.len());
    assert_eq!(enrolled, catalog.courses().len());

    let (mut reads, mut typed, mut logs, mut derive) = (vec![], vec![], vec![], vec![]);
    for _ in 0..RUNS {
        let t0 = now();
        let records = s.training_events().await.unwrap();
        let t1 = now();
        let events: Vec<Event> = records
            .into_iter()
            .map(|r| serde_json::from_value::<Event>(r.event).unwrap())
            .collect();
        let t2 = now();
        let log = TrainingLog::from_events(events);
        let t3 = now();
        let p = progress(&log, catalog);
        let t4 = now();
        assert_eq!(p.courses.len(), enrolled);
        reads.push(t1 - t0);
        typed.push(t2 - t1);
        logs.push(t3 - t2);
        derive.push(t4 - t3);
    }
    let raw = raw_read_breakdown(&name, count).await;

    // The first load after an upgrade from v2 finds no pages and builds them from the events.
    clear_pages(&name).await;
    let t = now();
    assert_eq!(s.training_events().await.unwrap().len(), count);
    let rebuild = now() - t;

    let memory_before = wasm_memory_mb();
    let mut exports = Vec::new();
    let mut memory_after_each = Vec::new();
    let mut text = String::new();
    for _ in 0..3 {
        let t = now();
        // With the learning record derived from the same snapshot, as 我的 → 数据 exports it.
        text = s
            .export_backup(catalog, Date::ymd(2026, 11, 26))
            .await
            .unwrap();
        exports.push(now() - t);
        memory_after_each.push(format!("{:.0}", wasm_memory_mb()));
    }

    let other = Storage::open_named(&format!("{name}-import"))
        .await
        .unwrap();
    let t = now();
    let imported = other.import_backup(text.as_bytes()).await.unwrap();
    let import = now() - t;
    assert_eq!(other.training_events().await.unwrap().len(), count);

    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    console_log!("storage bench (headless Chromium, {profile}-profile wasm, medians):");
    console_log!(
        "  save one answer              {:>7.2} ms (200 runs; target ≤ 5 ms)",
        median(saves)
    );
    console_log!(
        "  append one training event    {:>7.2} ms (200 runs on top of {EVENTS}; target ≤ 5 ms)",
        median(appends)
    );
    console_log!("  append {EVENTS} events in 10 transactions: {fill:.0} ms");
    console_log!(
        "  load {count} events + progress {:>7.1} ms ({RUNS} runs, fastest {:.1}; target ≤ 100 ms)",
        median(loads.clone()),
        fastest(&loads)
    );
    console_log!("    Storage::training_events   {:>7.1} ms", median(reads));
    for (step, ms) in raw {
        console_log!("      {step:<24} {ms:>7.1} ms");
    }
    console_log!("    JSON value → Event         {:>7.1} ms", median(typed));
    console_log!("    TrainingLog::from_events   {:>7.1} ms", median(logs));
    console_log!("    progress (all courses)     {:>7.1} ms", median(derive));
    console_log!(
        "  export {count} events          {:>7.0} ms, {} KB (3 runs; target ≤ 1000 ms)",
        median(exports),
        text.len() / 1024
    );
    console_log!(
        "    wasm memory {memory_before:.0} MB before the exports, {} MB after each",
        memory_after_each.join(" / ")
    );
    console_log!("  first load after the upgrade from v2 (builds the pages): {rebuild:.0} ms");
    console_log!(
        "  import that backup ({} records) {:.0} ms",
        imported.records,
        import
    );
}

/// Times the steps inside `Storage::training_events` on raw web_sys: IndexedDB's getAll of the
/// pages, copying their bytes into wasm, serde_json. Then, for comparison, the v2 way: getAll of one
/// record per event, JSON.stringify in JS, serde_json in wasm.
async fn raw_read_breakdown(name: &str, count: usize) -> Vec<(&'static str, f64)> {
    use wasm_bindgen::JsCast;
    let db = raw_open(name).await;
    let store = |name: &str| {
        db.transaction_with_str(name)
            .unwrap()
            .object_store(name)
            .unwrap()
    };
    let mut steps: [Vec<f64>; 6] = Default::default();
    for _ in 0..RUNS {
        let t = now();
        let pages: js_sys::Array = request(store("training_pages").get_all().unwrap())
            .await
            .unchecked_into();
        let t1 = now();
        let mut json = vec![b'['];
        for page in pages.iter() {
            let bytes: js_sys::Uint8Array = js_sys::Reflect::get(&page, &"json".into())
                .unwrap()
                .unchecked_into();
            if json.len() > 1 {
                json.push(b',');
            }
            json.extend(bytes.to_vec());
        }
        json.push(b']');
        let t2 = now();
        let events: Vec<TrainingEventRecord> = serde_json::from_slice(&json).unwrap();
        let t3 = now();
        assert_eq!(events.len(), count);
        steps[0].push(t1 - t);
        steps[1].push(t2 - t1);
        steps[2].push(t3 - t2);

        let t = now();
        let all = request(store("training_events").get_all().unwrap()).await;
        let t1 = now();
        let text = String::from(js_sys::JSON::stringify(&all).unwrap());
        let t2 = now();
        let events: Vec<TrainingEventRecord> = serde_json::from_str(&text).unwrap();
        let t3 = now();
        assert_eq!(events.len(), count);
        steps[3].push(t1 - t);
        steps[4].push(t2 - t1);
        steps[5].push(t3 - t2);
    }
    db.close();
    let labels = [
        "IndexedDB getAll pages",
        "page bytes into wasm",
        "serde_json → records",
        "v2: getAll per event",
        "v2: JSON.stringify",
        "v2: serde_json",
    ];
    labels.into_iter().zip(steps.map(median)).collect()
}

/// The wasm module's linear memory (it only grows): what the export costs in memory.
fn wasm_memory_mb() -> f64 {
    use wasm_bindgen::JsCast;
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buffer: js_sys::ArrayBuffer = memory.buffer().unchecked_into();
    f64::from(buffer.byte_length()) / (1024.0 * 1024.0)
}

/// Empties the pages store, as a database upgraded from v2 has it.
async fn clear_pages(name: &str) {
    let db = raw_open(name).await;
    let tx = db
        .transaction_with_str_and_mode("training_pages", web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    request(tx.object_store("training_pages").unwrap().clear().unwrap()).await;
    db.close();
}

async fn request(req: web_sys::IdbRequest) -> wasm_bindgen::JsValue {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let r = req.clone();
        let ok = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &r.result().unwrap());
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap()
}

async fn raw_open(name: &str) -> web_sys::IdbDatabase {
    use wasm_bindgen::JsCast;
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    request(factory.open(name).unwrap().into())
        .await
        .unchecked_into()
}
