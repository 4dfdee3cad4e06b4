//! Browser tests of the IndexedDB storage layer, in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_storage`
//!
//! Each test uses its own database name, so tests never see each other's data.
#![cfg(target_arch = "wasm32")]

use leye::storage::catalog_update::{self, UpdateOutcome};
use leye::storage::{db, CatalogPackRecord, CatalogStatus, Storage, StorageError};
use leye_core::backup::{self, AnswerRecord, Records, TrainingEventRecord};
use leye_core::date::Date;
use leye_core::lang::{Lang, Text};
use leye_core::training::{CourseCatalog, Event, EventKind};
use serde_json::{json, Value};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

thread_local!(static COUNTER: Cell<u32> = const { Cell::new(0) });

/// A database name no other test (or earlier run) uses.
fn unique(prefix: &str) -> String {
    let n = COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    format!("test-{prefix}-{}-{n}", js_sys::Date::now() as u64)
}

async fn open(prefix: &str) -> Storage {
    Storage::open_named(&unique(prefix))
        .await
        .expect("IndexedDB opens in headless Chromium")
}

fn event(id: &str, course: &str, at: i64) -> TrainingEventRecord {
    TrainingEventRecord {
        event_id: id.into(),
        course_id: course.into(),
        recorded_at_ms: at,
        event: json!({"kind": "hours", "hours": 2, "note": "夜班后上课"}),
    }
}

/// Resolves when a raw IndexedDB request succeeds (used to build fixtures independently of the
/// code under test).
async fn request(req: &web_sys::IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap());
        });
        let r = req.clone();
        let err = Closure::once_into_js(move || {
            let _ = reject.call1(
                &JsValue::NULL,
                &r.error()
                    .ok()
                    .flatten()
                    .map(JsValue::from)
                    .unwrap_or_default(),
            );
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

fn factory() -> web_sys::IdbFactory {
    web_sys::window().unwrap().indexed_db().unwrap().unwrap()
}

/// Opens `name` at `version` with raw web_sys; `upgrade` runs in upgradeneeded. No versionchange
/// handler is set, like a tab running an old build.
async fn raw_open(
    name: &str,
    version: u32,
    upgrade: impl FnOnce(&web_sys::IdbDatabase) + 'static,
) -> web_sys::IdbDatabase {
    let req = factory().open_with_u32(name, version).unwrap();
    let r = req.clone();
    let on_upgrade = Closure::once_into_js(move || {
        upgrade(&r.result().unwrap().unchecked_into());
    });
    req.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    request(&req).await.expect("raw open").unchecked_into()
}

fn js<T: serde::Serialize>(value: &T) -> JsValue {
    js_sys::JSON::parse(&serde_json::to_string(value).unwrap()).unwrap()
}

/// Everything the backend holds, in one comparable value.
async fn snapshot(s: &Storage) -> Records {
    s.records().await.unwrap()
}

// ---- each store, on IndexedDB and on the in-memory fallback ----

async fn exercise_answers(s: &Storage) {
    assert_eq!(s.answer("age").await.unwrap(), None);
    s.put_answer("age", json!(34)).await.unwrap();
    s.put_answer("hukou", json!({"city": "枣庄", "district": "薛城区"}))
        .await
        .unwrap();
    s.put_answer("age", json!(35)).await.unwrap(); // replaces
    let age = s.answer("age").await.unwrap().unwrap();
    assert_eq!(age.value, json!(35));
    assert!(age.updated_at_ms > 1_700_000_000_000);
    let all = s.answers().await.unwrap();
    assert_eq!(
        all.iter().map(|a| a.fact_id.as_str()).collect::<Vec<_>>(),
        ["age", "hukou"]
    );
    assert_eq!(all[1].value["district"], json!("薛城区"));
    s.delete_answer("age").await.unwrap();
    assert_eq!(s.answer("age").await.unwrap(), None);
    // Bounds are checked before writing, so stored data always exports and imports again.
    let too_long = s
        .put_answer("note", json!("x".repeat(backup::MAX_TEXT_CHARS + 1)))
        .await;
    assert!(
        matches!(too_long, Err(StorageError::Invalid(_))),
        "{too_long:?}"
    );
    assert_eq!(s.answer("note").await.unwrap(), None);
}

async fn exercise_saved(s: &Storage) {
    let saved = s.save_program("startup-loan").await.unwrap();
    assert!(saved.ticked_documents.is_empty());
    s.set_document_ticked("startup-loan", 3, true)
        .await
        .unwrap();
    s.set_document_ticked("startup-loan", 0, true)
        .await
        .unwrap();
    s.set_document_ticked("startup-loan", 3, true)
        .await
        .unwrap(); // idempotent
    let saved = s.save_program("startup-loan").await.unwrap(); // saving again keeps ticks
    assert_eq!(saved.ticked_documents, [0, 3]);
    s.set_document_ticked("startup-loan", 0, false)
        .await
        .unwrap();
    s.set_document_ticked("skills-subsidy", 1, true)
        .await
        .unwrap(); // ticking saves it
    let all = s.saved_programs().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].program_id, "startup-loan");
    assert_eq!(all[1].ticked_documents, [3]);
    s.unsave_program("skills-subsidy").await.unwrap();
    assert_eq!(s.saved_programs().await.unwrap().len(), 1);
}

async fn exercise_training(s: &Storage) {
    s.append_training_event(&event("e-b", "forklift", 2_000))
        .await
        .unwrap();
    s.append_training_event(&event("e-a", "forklift", 3_000))
        .await
        .unwrap();
    s.append_training_event(&event("e-c", "ecommerce", 1_000))
        .await
        .unwrap();
    // Append-only: the same id again is refused, and the first stays.
    let mut changed = event("e-a", "forklift", 9_000);
    changed.event = json!({"kind": "undo"});
    assert_eq!(
        s.append_training_event(&changed).await,
        Err(StorageError::Duplicate)
    );
    let all = s.training_events().await.unwrap();
    assert_eq!(
        all.iter().map(|e| e.event_id.as_str()).collect::<Vec<_>>(),
        ["e-c", "e-b", "e-a"]
    );
    assert_eq!(all[2].recorded_at_ms, 3_000);
    let forklift = s.training_events_for_course("forklift").await.unwrap();
    assert_eq!(
        forklift
            .iter()
            .map(|e| e.event_id.as_str())
            .collect::<Vec<_>>(),
        ["e-b", "e-a"]
    );
    assert!(s
        .training_events_for_course("none")
        .await
        .unwrap()
        .is_empty());
    // Impossible times and over-long ids are refused before anything is written.
    let bad_time = s.append_training_event(&event("e-d", "forklift", -1)).await;
    assert!(
        matches!(bad_time, Err(StorageError::Invalid(_))),
        "{bad_time:?}"
    );
    let long_id = "x".repeat(backup::MAX_ID_CHARS + 1);
    let bad_id = s
        .append_training_event(&event(&long_id, "forklift", 1))
        .await;
    assert!(
        matches!(bad_id, Err(StorageError::Invalid(_))),
        "{bad_id:?}"
    );
    assert_eq!(s.training_events().await.unwrap().len(), 3);
}

async fn exercise_settings(s: &Storage) {
    assert_eq!(s.lang().await.unwrap(), Lang::Zh);
    s.set_lang(Lang::En).await.unwrap();
    assert_eq!(s.lang().await.unwrap(), Lang::En);
    s.set_setting("district", json!("台儿庄区")).await.unwrap();
    assert_eq!(
        s.setting("district").await.unwrap(),
        Some(json!("台儿庄区"))
    );
    assert_eq!(s.setting("missing").await.unwrap(), None);
}

async fn exercise_catalog(s: &Storage) {
    assert_eq!(s.catalog_pack().await.unwrap(), None);
    assert_eq!(s.catalog_status().await.unwrap(), CatalogStatus::default());
    let pack = CatalogPackRecord {
        version: "2026.11.2".into(),
        published: Date::ymd(2026, 11, 20),
        sha256: "ab".repeat(32),
        installed_at_ms: 1_764_000_000_000,
        pack_json: "{\"programs\":[]}".into(),
    };
    let ok = CatalogStatus {
        last_check_ms: Some(1_764_000_000_000),
        last_error: None,
    };
    s.put_catalog_pack(&pack, &ok).await.unwrap();
    let failed = CatalogStatus {
        last_check_ms: Some(1_764_000_100_000),
        last_error: Some(Text::new("校验失败", "check failed")),
    };
    s.put_catalog_status(&failed).await.unwrap();
    assert_eq!(s.catalog_pack().await.unwrap(), Some(pack));
    assert_eq!(s.catalog_status().await.unwrap(), failed);
}

async fn exercise_all(s: &Storage) {
    exercise_answers(s).await;
    exercise_saved(s).await;
    exercise_training(s).await;
    exercise_settings(s).await;
    exercise_catalog(s).await;
}

#[wasm_bindgen_test]
async fn every_store_round_trips_in_indexeddb() {
    let s = open("stores").await;
    assert!(s.is_persistent() && s.fallback_reason().is_none());
    exercise_all(&s).await;
}

#[wasm_bindgen_test]
async fn the_in_memory_fallback_behaves_the_same() {
    let s = Storage::in_memory(Some(StorageError::Unavailable("private mode".into())));
    assert!(!s.is_persistent());
    assert_eq!(StorageError::banner(Lang::Zh), "数据不会被保存");
    assert!(s
        .fallback_reason()
        .unwrap()
        .message(Lang::Zh)
        .contains("数据不会被保存"));
    exercise_all(&s).await;
}

#[wasm_bindgen_test]
async fn data_survives_closing_and_reopening() {
    let name = unique("reopen");
    {
        let s = Storage::open_named(&name).await.unwrap();
        s.put_answer("age", json!(41)).await.unwrap();
        s.append_training_event(&event("e1", "c1", 5))
            .await
            .unwrap();
    } // dropping the last handle closes the connection
    let s = Storage::open_named(&name).await.unwrap();
    assert_eq!(s.answer("age").await.unwrap().unwrap().value, json!(41));
    assert_eq!(s.training_events().await.unwrap().len(), 1);
}

// ---- transactions ----

#[wasm_bindgen_test]
async fn a_failed_transaction_leaves_nothing_behind() {
    let s = open("atomic").await;
    s.append_training_event(&event("e1", "c1", 1))
        .await
        .unwrap();
    // Two new events, then one whose id exists: IndexedDB refuses the third, so the whole
    // transaction aborts and the two before it must not be stored either.
    let batch = [
        event("e2", "c1", 2),
        event("e3", "c1", 3),
        event("e1", "c1", 4),
    ];
    assert_eq!(
        s.append_training_events(&batch).await,
        Err(StorageError::Duplicate)
    );
    let ids: Vec<String> = s
        .training_events()
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.event_id)
        .collect();
    assert_eq!(ids, ["e1"]);
    // The same on the in-memory backend.
    let m = Storage::in_memory(None);
    m.append_training_event(&event("e1", "c1", 1))
        .await
        .unwrap();
    assert_eq!(
        m.append_training_events(&batch).await,
        Err(StorageError::Duplicate)
    );
    assert_eq!(m.training_events().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn several_answers_land_together() {
    let s = open("answers-batch").await;
    let rec = |id: &str, v: Value| AnswerRecord {
        fact_id: id.into(),
        value: v,
        updated_at_ms: 7,
    };
    s.put_answers(&[rec("a", json!(1)), rec("b", json!(true))])
        .await
        .unwrap();
    assert_eq!(s.answers().await.unwrap().len(), 2);
}

// ---- migrations ----

/// Object store parameters with an in-line key, for the old schemas the migration tests recreate.
fn with_key(path: &str) -> web_sys::IdbObjectStoreParameters {
    let p = web_sys::IdbObjectStoreParameters::new();
    p.set_key_path(&JsValue::from_str(path));
    p
}

#[wasm_bindgen_test]
async fn a_version_1_database_migrates_without_loss() {
    let name = unique("migrate");
    // The v1 schema exactly as that version shipped it: no settings store, no by_course index.
    let v1 = raw_open(&name, 1, |db| {
        db.create_object_store_with_optional_parameters("answers", &with_key("fact_id"))
            .unwrap();
        db.create_object_store_with_optional_parameters("saved", &with_key("program_id"))
            .unwrap();
        db.create_object_store_with_optional_parameters("training_events", &with_key("event_id"))
            .unwrap();
        db.create_object_store("catalog").unwrap();
    })
    .await;
    assert!(!v1.object_store_names().contains("settings"));
    let tx = v1
        .transaction_with_str_sequence_and_mode(
            &js_sys::Array::of3(
                &"answers".into(),
                &"saved".into(),
                &"training_events".into(),
            ),
            web_sys::IdbTransactionMode::Readwrite,
        )
        .unwrap();
    let answers = tx.object_store("answers").unwrap();
    answers
        .put(&js(
            &json!({"fact_id": "age", "value": 29, "updated_at_ms": 100}),
        ))
        .unwrap();
    answers
        .put(&js(
            &json!({"fact_id": "skills", "value": ["driving"], "updated_at_ms": 101}),
        ))
        .unwrap();
    let saved = tx.object_store("saved").unwrap();
    saved
        .put(&js(
            &json!({"program_id": "p1", "saved_at_ms": 102, "ticked_documents": [1]}),
        ))
        .unwrap();
    let events = tx.object_store("training_events").unwrap();
    for i in 0..50 {
        let course = if i % 2 == 0 { "even" } else { "odd" };
        events
            .put(&js(&event(&format!("e{i:02}"), course, 200 + i)))
            .unwrap();
    }
    // No explicit commit: the fixture relies on auto-commit, as v1-era code did.
    let done = js_sys::Promise::new(&mut |resolve, _| tx.set_oncomplete(Some(&resolve)));
    JsFuture::from(done).await.unwrap();
    v1.close();

    let s = Storage::open_named(&name).await.unwrap();
    let answers = s.answers().await.unwrap();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[1].value, json!(["driving"]));
    assert_eq!(s.saved_programs().await.unwrap()[0].ticked_documents, [1]);
    assert_eq!(s.training_events().await.unwrap().len(), 50);
    // The index added by v2 covers records written before it existed.
    assert_eq!(s.training_events_for_course("odd").await.unwrap().len(), 25);
    // The store added by v2 works.
    s.set_lang(Lang::En).await.unwrap();
    assert_eq!(s.lang().await.unwrap(), Lang::En);
    drop(s);
    let again = raw_open(&name, db::SCHEMA_VERSION, |_| panic!("already current")).await;
    assert_eq!(again.version() as u32, db::SCHEMA_VERSION);
    again.close();
}

// ---- other tabs ----

/// An old tab that holds v1 of `name` open and does not react to versionchange.
async fn old_tab(name: &str) -> web_sys::IdbDatabase {
    raw_open(name, 1, |db| {
        db.create_object_store("answers").unwrap();
    })
    .await
}

#[wasm_bindgen_test]
async fn a_blocked_open_reports_instead_of_hanging() {
    let name = unique("blocked");
    let old = old_tab(&name).await;
    let started = js_sys::Date::now();
    assert_eq!(
        Storage::open_named(&name).await.err(),
        Some(StorageError::Blocked)
    );
    // Told by the "blocked" event, not by the safety timer.
    assert!(js_sys::Date::now() - started < 4_000.0);
    assert!(StorageError::Blocked
        .message(Lang::Zh)
        .contains("请关闭其他标签页或重新加载"));
    old.close();
}

#[wasm_bindgen_test]
async fn a_blocked_app_still_works_in_memory() {
    let name = unique("blocked-fallback");
    let old = old_tab(&name).await;
    let s = Storage::open_or_memory(&name).await;
    assert_eq!(s.fallback_reason(), Some(&StorageError::Blocked));
    assert!(!s.is_persistent());
    s.put_answer("age", json!(30)).await.unwrap();
    assert_eq!(s.answer("age").await.unwrap().unwrap().value, json!(30));
    old.close();
}

#[wasm_bindgen_test]
async fn a_newer_version_elsewhere_closes_this_connection() {
    let name = unique("versionchange");
    let s = Storage::open_named(&name).await.unwrap();
    s.put_answer("age", json!(30)).await.unwrap();
    // A newer build in another tab upgrades: we must let go rather than block it.
    let newer = raw_open(&name, db::SCHEMA_VERSION + 1, |_| {}).await;
    assert!(s.is_closed());
    assert_eq!(s.answers().await.err(), Some(StorageError::Closed));
    assert!(StorageError::Closed.message(Lang::Zh).contains("重新加载"));
    newer.close();
}

#[wasm_bindgen_test]
fn quota_errors_get_their_own_message() {
    let dom =
        web_sys::DomException::new_with_message_and_name("full", "QuotaExceededError").unwrap();
    let err = StorageError::from_dom_exception(&dom);
    assert_eq!(err, StorageError::QuotaExceeded);
    assert!(err.message(Lang::Zh).contains("已有数据仍可查看和导出"));
    let dom = web_sys::DomException::new_with_message_and_name("dup", "ConstraintError").unwrap();
    assert_eq!(
        StorageError::from_dom_exception(&dom),
        StorageError::Duplicate
    );
}

// ---- backup ----

async fn fill(s: &Storage) {
    s.put_answer("age", json!(34)).await.unwrap();
    s.put_answer("note", json!("<script>alert('x')</script>"))
        .await
        .unwrap();
    s.set_document_ticked("startup-loan", 2, true)
        .await
        .unwrap();
    s.append_training_events(&[event("e1", "forklift", 10), event("e2", "forklift", 20)])
        .await
        .unwrap();
    s.set_lang(Lang::En).await.unwrap();
}

fn today() -> Date {
    Date::ymd(2026, 11, 26)
}

/// Training events as the 培训 screen stores them: enrolled, then hours on two days.
fn trainee_events() -> Vec<TrainingEventRecord> {
    let course = "internet-plus-skills";
    [
        (1, EventKind::Enrolled { target: None }),
        (2, EventKind::HoursStudied { minutes: 90 }),
        (3, EventKind::HoursStudied { minutes: 120 }),
    ]
    .into_iter()
    .map(|(day, what)| {
        let e = Event::new(
            format!("t-{day}"),
            Date::ymd(2026, 11, day),
            Some(course),
            what,
        );
        TrainingEventRecord {
            event_id: e.id.0.clone(),
            course_id: course.into(),
            recorded_at_ms: 1_764_000_000_000 + i64::from(day),
            event: serde_json::to_value(&e).unwrap(),
        }
    })
    .collect()
}

#[wasm_bindgen_test]
async fn backup_round_trip_restores_everything() {
    let source = open("backup-src").await;
    fill(&source).await;
    let text = source
        .export_backup(CourseCatalog::builtin(), today())
        .await
        .unwrap();
    assert!(text.starts_with("{\"format\":\"leye-backup\""));

    let target = open("backup-dst").await;
    target
        .put_answer("old", json!("replaced by the import"))
        .await
        .unwrap();
    let summary = target.import_backup(text.as_bytes()).await.unwrap();
    assert_eq!(summary.records, 2 + 1 + 2 + 1);
    assert_eq!(snapshot(&target).await, snapshot(&source).await);
    assert_eq!(target.answer("old").await.unwrap(), None);
    assert_eq!(target.lang().await.unwrap(), Lang::En);
    // And into the in-memory backend.
    let memory = Storage::in_memory(None);
    memory.import_backup(text.as_bytes()).await.unwrap();
    assert_eq!(snapshot(&memory).await, snapshot(&source).await);
}

/// A restore keeps what it replaced (issue 14): one call brings it back, and that too can be taken back.
#[wasm_bindgen_test]
async fn a_restore_keeps_the_replaced_data_and_one_call_undoes_it() {
    for (name, target) in [
        ("idb", open("undo-dst").await),
        ("memory", Storage::in_memory(None)),
    ] {
        let source = open("undo-src").await;
        source.put_answer("someone", json!("else")).await.unwrap();
        let theirs = source
            .export_backup(CourseCatalog::builtin(), today())
            .await
            .unwrap();
        assert_eq!(target.undo_point().await.unwrap(), None, "{name}");
        fill(&target).await;
        target
            .append_training_events(&trainee_events())
            .await
            .unwrap();
        let mine = snapshot(&target).await;

        let plan = target.plan_restore(theirs.as_bytes()).await.unwrap();
        assert_eq!((plan.file.answers, plan.phone.answers), (1, 2), "{name}");
        assert_eq!((plan.file.minutes, plan.phone.minutes), (0, 210), "{name}");
        assert_eq!(plan.phone.courses, 1, "{name}");
        assert_eq!(
            snapshot(&target).await,
            mine,
            "{name}: asking changes nothing"
        );

        target.restore(plan.records).await.unwrap();
        assert_eq!(target.answers().await.unwrap().len(), 1, "{name}");
        let point = target.undo_point().await.unwrap().expect("kept");
        assert_eq!(point.holdings.minutes, 210, "{name}");
        assert_eq!(point.holdings.answers, 2, "{name}");

        target.restore_undo_point().await.unwrap();
        assert_eq!(
            snapshot(&target).await,
            mine,
            "{name}: every record is back"
        );
        // What the undo replaced (their data) is kept in turn.
        let point = target.undo_point().await.unwrap().expect("kept again");
        assert_eq!(point.holdings.answers, 1, "{name}");
        // Erase takes the automatic backup with everything else.
        target.erase_all().await.unwrap();
        assert_eq!(target.undo_point().await.unwrap(), None, "{name}");
    }
}

/// Two tabs on one database (issue 14): a limit checked inside the write sees what the other tab stored
/// after this one last read, and a refusal stores nothing.
#[wasm_bindgen_test]
async fn a_checked_append_sees_what_another_tab_stored_meanwhile() {
    let name = unique("tabs");
    let tab_a = Storage::open_named(&name).await.unwrap();
    let tab_b = Storage::open_named(&name).await.unwrap();
    let events = trainee_events();
    tab_a.append_training_events(&events[..2]).await.unwrap();
    // Tab B's check is handed what is stored now, including tab A's entries.
    let seen = std::rc::Rc::new(Cell::new(0));
    let counted = seen.clone();
    tab_b
        .append_training_events_checked(&events[2..], move |stored| {
            counted.set(stored.len());
            Ok(())
        })
        .await
        .unwrap();
    assert_eq!(seen.get(), 2);
    // A refusal from the check stores nothing and comes back as it was given.
    let more = event("late", "internet-plus-skills", 9);
    let why = Text::new("一天最多24小时", "at most 24 hours a day");
    let refused = tab_a
        .append_training_events_checked(std::slice::from_ref(&more), |stored| {
            assert_eq!(stored.len(), 3);
            Err(StorageError::Refused(why.clone()))
        })
        .await;
    assert_eq!(refused, Err(StorageError::Refused(why)));
    assert_eq!(tab_b.training_events().await.unwrap().len(), 3);
    assert!(StorageError::Refused(Text::new("原因", "why"))
        .message(Lang::Zh)
        .contains("原因"));
}

/// The learning record travels in the backup (issue 5) but is derived data: exporting writes
/// nothing, the import checks it and stores nothing of it, and the importing app derives the same
/// record from the imported events.
#[wasm_bindgen_test]
async fn backup_round_trip_with_a_learning_record() {
    let source = open("record-src").await;
    fill(&source).await;
    source
        .append_training_events(&trainee_events())
        .await
        .unwrap();
    let before = snapshot(&source).await;
    let text = source
        .export_backup(CourseCatalog::builtin(), today())
        .await
        .unwrap();
    assert_eq!(snapshot(&source).await, before, "exporting changes nothing");
    let file: Value = serde_json::from_str(&text).unwrap();
    let record = &file["records"]["learning_record"];
    let verbs: Vec<&str> = record["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["verb"]["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(verbs, ["registered", "experienced", "experienced"]);
    assert!(record["statements"][0]["actor"]["account"]["name"]
        .as_str()
        .unwrap()
        .starts_with("learner-"));
    // The standalone download is the same record.
    let alone = source
        .learning_record(CourseCatalog::builtin(), today())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(&serde_json::to_value(&alone).unwrap(), record);

    for target in [open("record-dst").await, Storage::in_memory(None)] {
        target.put_answer("old", json!(1)).await.unwrap();
        let summary = target.import_backup(text.as_bytes()).await.unwrap();
        assert_eq!(
            summary.records,
            2 + 1 + 2 + 3 + 1,
            "the record is not counted as stored"
        );
        assert_eq!(
            snapshot(&target).await,
            before,
            "stores hold exactly the source's records"
        );
        let again = target
            .export_backup(CourseCatalog::builtin(), today())
            .await
            .unwrap();
        let again: Value = serde_json::from_str(&again).unwrap();
        assert_eq!(
            again["records"], file["records"],
            "re-exported, the same file"
        );
    }
}

#[wasm_bindgen_test]
async fn a_refused_import_leaves_existing_data_untouched() {
    let s = open("backup-refused").await;
    fill(&s).await;
    s.append_training_events(&trainee_events()).await.unwrap();
    let before = snapshot(&s).await;
    let good = s
        .export_backup(CourseCatalog::builtin(), today())
        .await
        .unwrap();

    let mut tampered: Value = serde_json::from_str(&good).unwrap();
    tampered["records"]["answers"][0]["value"] = json!(99);
    let mut hostile: Value = serde_json::from_str(&good).unwrap();
    hostile["records"]["answers"][0]["fact_id"] = json!("a".repeat(10_000));
    hostile["sha256"] = json!(backup::records_checksum(&hostile["records"]));
    let mut newer: Value = serde_json::from_str(&good).unwrap();
    newer["schema_version"] = json!(backup::BACKUP_SCHEMA_VERSION + 1);
    // A well-signed file whose learning record speaks for someone else.
    let mut forged: Value = serde_json::from_str(&good).unwrap();
    forged["records"]["learning_record"]["statements"][0]["actor"]["account"]["name"] =
        json!("learner-someone-else");
    forged["sha256"] = json!(backup::records_checksum(&forged["records"]));
    let bad_files: Vec<Vec<u8>> = vec![
        good.as_bytes()[..good.len() / 2].to_vec(),
        serde_json::to_vec(&tampered).unwrap(),
        serde_json::to_vec(&hostile).unwrap(),
        serde_json::to_vec(&newer).unwrap(),
        serde_json::to_vec(&forged).unwrap(),
        br#"{"format":"other","records":{}}"#.to_vec(),
        vec![b' '; backup::MAX_BACKUP_BYTES + 1],
    ];
    for file in &bad_files {
        let err = s.import_backup(file).await.unwrap_err();
        assert!(matches!(err, StorageError::Backup(_)), "{err:?}");
        assert!(err.message(Lang::Zh).contains("没有做任何更改"));
        assert_eq!(snapshot(&s).await, before);
    }
}

#[wasm_bindgen_test]
async fn erase_clears_every_store() {
    let s = open("erase").await;
    fill(&s).await;
    exercise_catalog(&s).await;
    assert_ne!(snapshot(&s).await, Records::default());
    s.erase_all().await.unwrap();
    assert_eq!(snapshot(&s).await, Records::default());
    assert_eq!(s.catalog_pack().await.unwrap(), None);
    assert_eq!(s.catalog_status().await.unwrap(), CatalogStatus::default());
    assert_eq!(s.setting("lang").await.unwrap(), None);
}

// ---- catalog update ----

#[wasm_bindgen_test]
async fn a_failed_catalog_check_keeps_the_current_pack_and_says_why() {
    let s = open("catalog").await;
    // The test server has no /catalog/pack.json: the check fails, nothing switches, the reason is kept.
    let outcome =
        catalog_update::check_for_update(&s, true, today(), |_| panic!("nothing to validate"))
            .await
            .unwrap();
    let UpdateOutcome::Kept { reason } = outcome else {
        panic!("{outcome:?}")
    };
    assert!(reason.zh.contains("继续使用当前"), "{}", reason.zh);
    let status = s.catalog_status().await.unwrap();
    assert_eq!(status.last_error, Some(reason));
    assert!(status.last_check_ms.is_some());
    assert_eq!(s.catalog_pack().await.unwrap(), None);
    // Checked a moment ago and not forced: no second request today.
    let again = catalog_update::check_for_update(&s, false, today(), |_| panic!("not fetched"))
        .await
        .unwrap();
    assert_eq!(again, UpdateOutcome::Skipped);
}

// The update decision itself (switch, keep and why, up to date, future-dated packs) is tested natively
// in crates/core/src/view/update/tests.rs.

#[wasm_bindgen_test]
async fn a_stored_pack_can_be_removed_with_its_status_in_one_go() {
    let s = open("remove-pack").await;
    let pack = CatalogPackRecord {
        version: "v".into(),
        published: today(),
        sha256: "00".into(),
        installed_at_ms: 1,
        pack_json: "{}".into(),
    };
    s.put_catalog_pack(&pack, &CatalogStatus::default())
        .await
        .unwrap();
    let status = CatalogStatus {
        last_check_ms: None,
        last_error: Some(Text::new("原因", "why")),
    };
    s.remove_catalog_pack(&status).await.unwrap();
    assert_eq!(s.catalog_pack().await.unwrap(), None);
    assert_eq!(s.catalog_status().await.unwrap(), status);
}

// ---- training pages (schema v3): a derived copy of the events, packed for fast loading ----

/// A stored training event with a note of `note_chars` characters (pages fill by bytes).
fn noted_event(i: usize, note_chars: usize, at: i64) -> TrainingEventRecord {
    TrainingEventRecord {
        event_id: format!("ev-{i:05}"),
        course_id: format!("course-{}", i % 3),
        recorded_at_ms: at,
        event: json!({"type": "note", "text": "夜".repeat(note_chars), "n": i}),
    }
}

/// The records of a raw store read with getAll, in key order.
async fn raw_get_all(name: &str, store: &str) -> Vec<JsValue> {
    let db = raw_open(name, db::SCHEMA_VERSION, |_| panic!("exists")).await;
    let all = request(
        &db.transaction_with_str(store)
            .unwrap()
            .object_store(store)
            .unwrap()
            .get_all()
            .unwrap(),
    )
    .await
    .unwrap();
    db.close();
    all.unchecked_into::<js_sys::Array>().iter().collect()
}

/// Checks the pages of `name` against its events store, on raw web_sys (so a self-repairing load
/// cannot hide a bad write): keys 0, 1, 2… without gaps, no page over the size limit unless it holds
/// a single record, and together exactly the store's records. Returns the page sizes in bytes.
async fn assert_pages_match(name: &str) -> Vec<u32> {
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    let mut from_pages: Vec<TrainingEventRecord> = Vec::new();
    let mut sizes = Vec::new();
    for (i, page) in raw_get_all(name, "training_pages").await.iter().enumerate() {
        assert_eq!(get(page, "page").as_f64(), Some(i as f64), "page keys");
        let bytes = get(page, "json")
            .unchecked_into::<js_sys::Uint8Array>()
            .to_vec();
        let records: Vec<TrainingEventRecord> =
            serde_json::from_slice(&[b"[", &bytes[..], b"]"].concat()).unwrap();
        assert_eq!(get(page, "count").as_f64(), Some(records.len() as f64));
        assert!(
            bytes.len() <= leye::storage::pages::PAGE_BYTES || records.len() == 1,
            "page {i}: {} bytes",
            bytes.len()
        );
        sizes.push(bytes.len() as u32);
        from_pages.extend(records);
    }
    let mut from_store: Vec<TrainingEventRecord> = raw_get_all(name, "training_events")
        .await
        .iter()
        .map(|v| serde_json::from_str(&String::from(js_sys::JSON::stringify(v).unwrap())).unwrap())
        .collect();
    from_pages.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    from_store.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    assert_eq!(
        from_pages, from_store,
        "pages hold exactly the stored events"
    );
    sizes
}

#[wasm_bindgen_test]
async fn a_version_2_database_migrates_without_loss() {
    let name = unique("migrate-v2");
    // The v2 schema exactly as that version shipped it: no training_pages store.
    let v2 = raw_open(&name, 2, |db| {
        db.create_object_store_with_optional_parameters("answers", &with_key("fact_id"))
            .unwrap();
        db.create_object_store_with_optional_parameters("saved", &with_key("program_id"))
            .unwrap();
        db.create_object_store_with_optional_parameters("training_events", &with_key("event_id"))
            .unwrap()
            .create_index_with_str("by_course", "course_id")
            .unwrap();
        db.create_object_store("catalog").unwrap();
        db.create_object_store_with_optional_parameters("settings", &with_key("key"))
            .unwrap();
    })
    .await;
    assert!(!v2.object_store_names().contains("training_pages"));
    let stores = js_sys::Array::new();
    for s in ["answers", "saved", "training_events", "catalog", "settings"] {
        stores.push(&s.into());
    }
    let tx = v2
        .transaction_with_str_sequence_and_mode(&stores, web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    tx.object_store("answers")
        .unwrap()
        .put(&js(
            &json!({"fact_id": "birth_date", "value": "1990-05-01", "updated_at_ms": 100}),
        ))
        .unwrap();
    tx.object_store("saved")
        .unwrap()
        .put(&js(
            &json!({"program_id": "p1", "saved_at_ms": 102, "ticked_documents": [0, 3]}),
        ))
        .unwrap();
    tx.object_store("settings")
        .unwrap()
        .put(&js(&json!({"key": "lang", "value": "en"})))
        .unwrap();
    let pack = CatalogPackRecord {
        version: "2026.11.2".into(),
        published: Date::ymd(2026, 11, 20),
        sha256: "cd".repeat(32),
        installed_at_ms: 1_764_000_000_000,
        pack_json: "{\"programs\":[]}".into(),
    };
    tx.object_store("catalog")
        .unwrap()
        .put_with_key(&js(&pack), &"pack".into())
        .unwrap();
    // Enough events for several pages; two share a time, so order falls back to the id.
    let written: Vec<TrainingEventRecord> = (0..600)
        .map(|i| noted_event(i, 40, 1_000 + (i as i64 / 2) * 2))
        .collect();
    let events = tx.object_store("training_events").unwrap();
    for e in written.iter().rev() {
        events.put(&js(e)).unwrap();
    }
    let done = js_sys::Promise::new(&mut |resolve, _| tx.set_oncomplete(Some(&resolve)));
    JsFuture::from(done).await.unwrap();
    v2.close();

    let s = Storage::open_named(&name).await.unwrap();
    assert_eq!(s.answers().await.unwrap()[0].value, json!("1990-05-01"));
    assert_eq!(
        s.saved_programs().await.unwrap()[0].ticked_documents,
        [0, 3]
    );
    assert_eq!(s.lang().await.unwrap(), Lang::En);
    assert_eq!(s.catalog_pack().await.unwrap(), Some(pack));
    // Every event, in recorded order with ties by id, from a store that had no pages yet…
    assert_eq!(s.training_events().await.unwrap(), written);
    // …which the first load filled from the events.
    let sizes = assert_pages_match(&name).await;
    assert!(sizes.len() > 1, "{sizes:?}");
    assert_eq!(s.training_events().await.unwrap(), written);
    assert_eq!(
        s.training_events_for_course("course-1")
            .await
            .unwrap()
            .len(),
        200
    );
    // Appending after the migration extends the pages (checked before a load could repair them).
    s.append_training_event(&noted_event(600, 5, 9_999))
        .await
        .unwrap();
    assert_pages_match(&name).await;
    assert_eq!(s.training_events().await.unwrap().len(), 601);
    drop(s);
    let again = raw_open(&name, db::SCHEMA_VERSION, |_| panic!("already current")).await;
    assert_eq!(again.version() as u32, db::SCHEMA_VERSION);
    again.close();
}

#[wasm_bindgen_test]
async fn events_fill_pages_in_order_and_a_refused_batch_changes_no_page() {
    let name = unique("pages");
    let s = Storage::open_named(&name).await.unwrap();
    // Batches of different sizes and notes from none to 4,000 characters (12 KB in UTF-8).
    let mut expected = Vec::new();
    let mut i = 0;
    for (batch, note) in [
        (1, 0),
        (7, 4_000),
        (250, 30),
        (1, 0),
        (120, 300),
        (3, 4_000),
    ] {
        let events: Vec<TrainingEventRecord> = (i..i + batch)
            .map(|k| noted_event(k, note, 50_000 - k as i64))
            .collect();
        s.append_training_events(&events).await.unwrap();
        expected.extend(events);
        i += batch;
    }
    for k in 0..20 {
        s.append_training_event(&noted_event(i + k, k * 100, 7))
            .await
            .unwrap();
        expected.push(noted_event(i + k, k * 100, 7));
    }
    expected.sort_by(|a, b| (a.recorded_at_ms, &a.event_id).cmp(&(b.recorded_at_ms, &b.event_id)));
    // Checked before any load, which would repair pages that went wrong.
    let sizes = assert_pages_match(&name).await;
    assert!(sizes.len() >= 4, "{sizes:?}");
    assert_eq!(s.training_events().await.unwrap(), expected);

    // A batch with a duplicate id is refused whole: no event and no page byte changes.
    let before = raw_get_all(&name, "training_pages").await;
    let batch = [noted_event(9_000, 10, 1), noted_event(0, 10, 1)];
    assert_eq!(
        s.append_training_events(&batch).await,
        Err(StorageError::Duplicate)
    );
    let after = raw_get_all(&name, "training_pages").await;
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(
            js_sys::JSON::stringify(b).unwrap(),
            js_sys::JSON::stringify(a).unwrap()
        );
    }
    assert_eq!(s.training_events().await.unwrap(), expected);

    // A backup restores the pages with the events; erase clears them too.
    let text = s
        .export_backup(CourseCatalog::builtin(), today())
        .await
        .unwrap();
    let target_name = unique("pages-import");
    let target = Storage::open_named(&target_name).await.unwrap();
    target
        .append_training_event(&noted_event(77_777, 3, 1))
        .await
        .unwrap();
    target.import_backup(text.as_bytes()).await.unwrap();
    assert_pages_match(&target_name).await;
    assert_eq!(target.training_events().await.unwrap(), expected);
    target.erase_all().await.unwrap();
    assert!(raw_get_all(&target_name, "training_pages").await.is_empty());
    assert!(target.training_events().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn events_put_in_by_others_and_damaged_pages_lose_nothing() {
    let name = unique("pages-repair");
    let s = Storage::open_named(&name).await.unwrap();
    let mine: Vec<TrainingEventRecord> = (0..3).map(|i| noted_event(i, 5, 10 + i as i64)).collect();
    s.append_training_events(&mine).await.unwrap();

    // Records put straight into the events store (an older tool, a test's seed): not in any page.
    let db = raw_open(&name, db::SCHEMA_VERSION, |_| panic!("exists")).await;
    let tx = db
        .transaction_with_str_and_mode("training_events", web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    let seeded: Vec<TrainingEventRecord> =
        (3..5).map(|i| noted_event(i, 5, 10 + i as i64)).collect();
    for e in &seeded {
        tx.object_store("training_events")
            .unwrap()
            .put(&js(e))
            .unwrap();
    }
    let done = js_sys::Promise::new(&mut |resolve, _| tx.set_oncomplete(Some(&resolve)));
    JsFuture::from(done).await.unwrap();
    let all: Vec<TrainingEventRecord> = mine.iter().chain(&seeded).cloned().collect();
    assert_eq!(snapshot(&s).await.training_events, all, "export sees them");
    assert_eq!(s.training_events().await.unwrap(), all);
    assert_pages_match(&name).await;

    // A damaged page (its count right, its bytes not JSON): the events store answers instead.
    let page = js_sys::Object::new();
    js_sys::Reflect::set(&page, &"page".into(), &0.into()).unwrap();
    js_sys::Reflect::set(&page, &"count".into(), &5.into()).unwrap();
    js_sys::Reflect::set(
        &page,
        &"json".into(),
        &js_sys::Uint8Array::from(&b"{\"event_id\": broken"[..]),
    )
    .unwrap();
    let tx = db
        .transaction_with_str_and_mode("training_pages", web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    tx.object_store("training_pages")
        .unwrap()
        .put(&page)
        .unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| tx.set_oncomplete(Some(&resolve)));
    JsFuture::from(done).await.unwrap();
    db.close();
    assert_eq!(snapshot(&s).await.training_events, all);
    assert_eq!(s.training_events().await.unwrap(), all);
    assert_pages_match(&name).await;
}
