//! Storage speed in headless Chromium. Prints figures; asserts nothing about time.
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_bench -- --nocapture`
//! Targets (issue 4): save one answer or event ≤ 5 ms median; load 10,000 training events ≤ 100 ms;
//! export 10,000 events ≤ 1 s.
#![cfg(target_arch = "wasm32")]

use leye::domain::backup::TrainingEventRecord;
use leye::domain::date::Date;
use leye::domain::training::{CourseCatalog, Event, EventKind};
use leye::storage::Storage;
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// A real training event (hours studied), so the export also derives a learning record statement for it.
fn event(i: usize) -> TrainingEventRecord {
    let course = "internet-plus-skills";
    let e = Event::new(
        format!("ev-{i:06}"),
        Date::ymd(2000, 1, 1).add_days(i as i64 % 9_000),
        Some(course),
        EventKind::HoursStudied { minutes: 90 },
    );
    TrainingEventRecord {
        event_id: e.id.0.clone(),
        course_id: course.into(),
        recorded_at_ms: 1_764_000_000_000 + i as i64 * 60_000,
        event: serde_json::to_value(&e).unwrap(),
    }
}

#[wasm_bindgen_test]
async fn storage_speed() {
    let name = format!("bench-{}", js_sys::Date::now() as u64);
    let s = Storage::open_named(&name).await.unwrap();

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
    let mut appends = Vec::new();
    for i in 0..200 {
        let t = now();
        s.append_training_event(&event(1_000_000 + i))
            .await
            .unwrap();
        appends.push(now() - t);
    }

    let events: Vec<_> = (0..10_000).map(event).collect();
    let t = now();
    for chunk in events.chunks(1_000) {
        s.append_training_events(chunk).await.unwrap();
    }
    let fill = now() - t;

    let mut loads = Vec::new();
    let mut count = 0;
    for _ in 0..5 {
        let t = now();
        count = s.training_events().await.unwrap().len();
        loads.push(now() - t);
    }

    // Where the load time goes: IndexedDB's own getAll, JSON.stringify, then serde_json in wasm.
    let (idb_ms, stringify_ms, parse_ms) = load_breakdown(&name).await;

    let mut exports = Vec::new();
    let mut text = String::new();
    for _ in 0..3 {
        let t = now();
        text = s
            .export_backup(CourseCatalog::builtin(), Date::ymd(2026, 11, 26))
            .await
            .unwrap();
        exports.push(now() - t);
    }

    let other = Storage::open_named(&format!("{name}-import"))
        .await
        .unwrap();
    let t = now();
    let imported = other.import_backup(text.as_bytes()).await.unwrap();
    let import = now() - t;

    console_log!("storage bench (headless Chromium, debug-profile wasm):");
    console_log!(
        "  save one answer            median {:.2} ms (200 runs; target ≤ 5 ms)",
        median(saves)
    );
    console_log!(
        "  append one training event  median {:.2} ms (200 runs; target ≤ 5 ms)",
        median(appends)
    );
    console_log!("  append 10,000 events in 10 transactions: {:.0} ms", fill);
    console_log!("  one raw load: IndexedDB getAll {idb_ms:.1} ms, JSON.stringify {stringify_ms:.1} ms, serde_json {parse_ms:.1} ms");
    console_log!(
        "  load {count} training events median {:.1} ms (5 runs; target ≤ 100 ms)",
        median(loads)
    );
    console_log!(
        "  export {count} events median {:.0} ms, {} KB (3 runs; target ≤ 1000 ms)",
        median(exports),
        text.len() / 1024
    );
    console_log!(
        "  import that backup ({} records) {:.0} ms",
        imported.records,
        import
    );
    assert_eq!(count, 10_200);
}

/// Times the three steps of `Storage::training_events` separately, on raw web_sys.
async fn load_breakdown(name: &str) -> (f64, f64, f64) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let await_request = |req: web_sys::IdbRequest| {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let r = req.clone();
            let ok = wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &r.result().unwrap());
            });
            req.set_onsuccess(Some(ok.unchecked_ref()));
        });
        JsFuture::from(promise)
    };
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let db: web_sys::IdbDatabase = await_request(factory.open(name).unwrap().into())
        .await
        .unwrap()
        .unchecked_into();
    let store = db
        .transaction_with_str("training_events")
        .unwrap()
        .object_store("training_events")
        .unwrap();
    let t = now();
    let all = await_request(store.get_all().unwrap()).await.unwrap();
    let idb = now() - t;
    let t = now();
    let text = String::from(js_sys::JSON::stringify(&all).unwrap());
    let stringify = now() - t;
    let t = now();
    let events: Vec<TrainingEventRecord> = serde_json::from_str(&text).unwrap();
    let parse = now() - t;
    assert_eq!(events.len(), 10_200);
    db.close();
    (idb, stringify, parse)
}
