use super::export::export_payload;
use super::*;
use crate::digest::sha256_hex;
use crate::lang::Lang;
use crate::testing::today;
use serde_json::json;

fn sample() -> Records {
    Records {
        answers: vec![
            AnswerRecord {
                fact_id: "age".into(),
                value: json!(34),
                updated_at_ms: 1_764_000_000_000,
            },
            AnswerRecord {
                fact_id: "hukou".into(),
                value: json!({"city": "枣庄", "district": "薛城区"}),
                updated_at_ms: 1_764_000_000_500,
            },
        ],
        saved: vec![SavedProgramRecord {
            program_id: "startup-loan".into(),
            saved_at_ms: 1_764_000_001_000,
            ticked_documents: vec![0, 2],
        }],
        training_events: vec![TrainingEventRecord {
            event_id: "e1".into(),
            course_id: "ride-hailing-safety".into(),
            recorded_at_ms: 1_764_000_002_000,
            event: json!({"kind": "hours", "hours": 4}),
        }],
        settings: vec![SettingRecord {
            key: "lang".into(),
            value: json!("zh"),
        }],
        learning_record: None,
    }
}

const AT: &str = "2026-11-26T05:00:00.000Z";

/// Re-signs an edited document so a test reaches the check after the checksum.
fn resign(mut doc: Value) -> Vec<u8> {
    let sum = records_checksum(&doc["records"]);
    doc["sha256"] = Value::String(sum);
    serde_json::to_vec(&doc).unwrap()
}

#[test]
fn round_trip_keeps_every_record() {
    let records = sample();
    let text = export(records.clone(), AT);
    let backup = parse(text.as_bytes()).unwrap();
    assert_eq!(backup.records, records);
    assert_eq!(backup.exported_at, AT);
    assert_eq!(backup.schema_version, BACKUP_SCHEMA_VERSION);
    assert_eq!(backup.records.len(), 5);
}

// ---- the learning record inside a backup ----

use crate::date::Date;
use crate::learning_record::{self as lr, LearningRecord};
use crate::training::{Certificate, CertificateLevel, CourseCatalog, Event, EventKind};

const COURSE: &str = "internet-plus-skills";

/// A trainee's stored events as the 培训 screen writes them: enrolled, two study days, a certificate.
fn trainee_events(prefix: &str) -> Vec<TrainingEventRecord> {
    let d = |day| Date::ymd(2026, 11, day);
    let events = [
        Event::new(
            format!("{prefix}-1"),
            d(2),
            Some(COURSE),
            EventKind::Enrolled { target: None },
        ),
        Event::new(
            format!("{prefix}-2"),
            d(3),
            Some(COURSE),
            EventKind::HoursStudied { minutes: 90 },
        ),
        Event::new(
            format!("{prefix}-3"),
            d(4),
            Some(COURSE),
            EventKind::HoursStudied { minutes: 120 },
        ),
        Event::new(
            format!("{prefix}-4"),
            d(20),
            None,
            EventKind::CertificateAdded {
                certificate: Certificate {
                    name: "中式烹调师<b>".into(),
                    level: Some(CertificateLevel::Intermediate),
                    number: "ZZ-1".into(),
                    issued_on: d(20),
                },
            },
        ),
    ];
    events
        .into_iter()
        .enumerate()
        .map(|(i, e)| TrainingEventRecord {
            event_id: e.id.0.clone(),
            course_id: e.course.as_ref().map_or("_".into(), |c| c.0.clone()),
            recorded_at_ms: 1_764_000_000_000 + i as i64,
            event: serde_json::to_value(&e).unwrap(),
        })
        .collect()
}

/// `sample()` with real training events and the learning record derived from them.
fn with_record() -> Records {
    let mut records = sample();
    records.training_events = trainee_events("ev");
    let record = lr::for_backup(&records, CourseCatalog::builtin(), today()).unwrap();
    records.learning_record = Some(serde_json::to_value(record).unwrap());
    records
}

fn statements(records: &Records) -> &Vec<Value> {
    records.learning_record.as_ref().unwrap()["statements"]
        .as_array()
        .unwrap()
}

#[test]
fn a_learning_record_derived_from_the_events_round_trips() {
    let records = with_record();
    let verbs: Vec<&str> = statements(&records)
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
    assert_eq!(
        verbs,
        ["registered", "experienced", "experienced", "earned"]
    );
    let backup = parse(export(records.clone(), AT).as_bytes()).unwrap();
    assert_eq!(backup.records, records);
    assert_eq!(
        backup.records.len(),
        9,
        "4 + 1 + 2 + 1 records and the learning record"
    );
    // Derived again from the imported events, it is the same record: nothing is lost by not storing it.
    let again = lr::for_backup(&backup.records, CourseCatalog::builtin(), today()).unwrap();
    assert_eq!(
        Some(serde_json::to_value(again).unwrap()),
        records.learning_record
    );
}

#[test]
fn no_events_no_learning_record() {
    let mut records = sample();
    records.training_events.clear();
    assert_eq!(
        lr::for_backup(&records, CourseCatalog::builtin(), today()),
        None
    );
}

#[test]
fn the_learner_id_is_stable_without_being_stored() {
    let records = with_record();
    let id = lr::learner_id(&records.training_events, None).unwrap();
    assert!(id.starts_with("learner-"), "{id}");
    // Storage order does not matter; the first recorded event does.
    let mut shuffled = records.training_events.clone();
    shuffled.reverse();
    assert_eq!(lr::learner_id(&shuffled, None).as_ref(), Some(&id));
    shuffled.push(TrainingEventRecord {
        event_id: "a-later-event".into(),
        recorded_at_ms: 1_764_100_000_000,
        ..shuffled[0].clone()
    });
    assert_eq!(lr::learner_id(&shuffled, None).as_ref(), Some(&id));
    // Another person's log, another id; an id stored by an earlier version is kept.
    assert_ne!(
        lr::learner_id(&trainee_events("other"), None).as_ref(),
        Some(&id)
    );
    let stored = json!("learner-kept");
    assert_eq!(
        lr::learner_id(&records.training_events, Some(&stored)).as_deref(),
        Some("learner-kept")
    );
    assert_eq!(lr::learner_id(&[], None), None);
}

#[test]
fn a_stored_learner_id_travels_in_the_settings_and_names_the_actor() {
    let mut records = sample();
    records.training_events = trainee_events("ev");
    records.settings.push(SettingRecord {
        key: lr::LEARNER_ID_SETTING.into(),
        value: json!("learner-from-v1"),
    });
    let record = lr::for_backup(&records, CourseCatalog::builtin(), today()).unwrap();
    assert!(record
        .statements
        .iter()
        .all(|s| s.actor.account.name == "learner-from-v1"));
    records.learning_record = Some(serde_json::to_value(record).unwrap());
    assert!(parse(export(records, AT).as_bytes()).is_ok());
}

/// Parses `records` after `edit` changed their learning record; the refusal's problem if refused.
fn refusal(edit: impl FnOnce(&mut Records)) -> String {
    let mut records = with_record();
    edit(&mut records);
    match parse(export(records, AT).as_bytes()) {
        Err(BackupError::BadRecord {
            section: Section::LearningRecord,
            problem,
            ..
        }) => problem,
        other => panic!("expected a learning record refusal, got {other:?}"),
    }
}

#[test]
fn refuses_a_learning_record_that_does_not_describe_these_events() {
    // Another person's record pasted into this backup.
    let theirs = {
        let mut r = sample();
        r.training_events = trainee_events("other");
        lr::for_backup(&r, CourseCatalog::builtin(), today()).unwrap()
    };
    let p = refusal(|r| r.learning_record = Some(serde_json::to_value(&theirs).unwrap()));
    assert!(p.contains("not in this backup"), "{p}");
    // The events were removed but their statements kept.
    let p = refusal(|r| r.training_events.truncate(1));
    assert!(p.contains("not in this backup"), "{p}");
    // A statement repeated.
    let p = refusal(|r| {
        let lr = r.learning_record.as_mut().unwrap();
        let first = lr["statements"][0].clone();
        lr["statements"].as_array_mut().unwrap().push(first);
    });
    assert!(p.contains("duplicate"), "{p}");
    // Made in someone else's name.
    let p = refusal(|r| {
        r.learning_record.as_mut().unwrap()["statements"][1]["actor"]["account"]["name"] =
            json!("learner-somebody-else");
    });
    assert!(p.contains("another learner"), "{p}");
}

#[test]
fn refuses_a_learning_record_of_the_wrong_shape() {
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Edit)> = vec![
        ("a string", Box::new(|v| *v = json!("x"))),
        (
            "another format",
            Box::new(|v| v["format"] = json!("xapi-dump")),
        ),
        (
            "a newer version",
            Box::new(|v| v["version"] = json!(lr::VERSION + 1)),
        ),
        ("no statements", Box::new(|v| v["statements"] = json!({}))),
        (
            "a bad date",
            Box::new(|v| v["generated_on"] = json!("2026-13-40")),
        ),
        (
            "an extra field",
            Box::new(|v| v["script"] = json!("<script>")),
        ),
        (
            "a statement without a verb",
            Box::new(|v| {
                v["statements"][0].as_object_mut().unwrap().remove("verb");
            }),
        ),
        (
            "a hostile, over-long name",
            Box::new(|v| {
                v["statements"][0]["object"]["definition"]["name"]["zh-CN"] =
                    json!("<img src=x onerror=alert(1)>".repeat(500));
            }),
        ),
        (
            "nested too deep",
            Box::new(|v| {
                v["statements"][0]["result"] =
                    (0..MAX_VALUE_DEPTH + 2).fold(json!(1), |v, _| json!([v]));
            }),
        ),
    ];
    for (what, edit) in cases {
        let mut records = with_record();
        edit(records.learning_record.as_mut().unwrap());
        let err = parse(export(records, AT).as_bytes()).unwrap_err();
        assert!(
            matches!(
                err,
                BackupError::BadRecord {
                    section: Section::LearningRecord,
                    ..
                }
            ),
            "{what}: {err:?}"
        );
        assert!(err.message(Lang::Zh).contains("学习记录"), "{what}");
        assert!(err.message(Lang::Zh).contains("没有做任何更改"), "{what}");
    }
    // A hostile but bounded certificate name is data, as everywhere else.
    let records = with_record();
    assert!(
        statements(&records)[3]["object"]["definition"]["name"]["zh-CN"]
            .as_str()
            .unwrap()
            .contains("<b>")
    );
    assert!(parse(export(records, AT).as_bytes()).is_ok());
}

/// `sample()` with a log of `n` study days and its learning record.
fn large(n: u64) -> Records {
    let mut records = sample();
    let start = Date::ymd(1990, 1, 1);
    records.training_events = (0..n)
        .map(|i| {
            let e = Event::new(
                format!("{:011x}-{:010x}", 1_764_000_000_000u64 + i, i * 7919),
                start.add_days(i as i64),
                Some(COURSE),
                if i == 0 {
                    EventKind::Enrolled { target: None }
                } else {
                    EventKind::HoursStudied { minutes: 90 }
                },
            );
            TrainingEventRecord {
                event_id: e.id.0.clone(),
                course_id: COURSE.into(),
                recorded_at_ms: 1_764_000_000_000 + i as i64,
                event: serde_json::to_value(&e).unwrap(),
            }
        })
        .collect();
    let record: LearningRecord =
        lr::for_backup(&records, CourseCatalog::builtin(), today()).unwrap();
    assert_eq!(record.statements.len() as u64, n);
    records.learning_record = Some(serde_json::to_value(record).unwrap());
    records
}

#[test]
fn a_10000_event_log_with_its_learning_record_fits_the_import_limit() {
    let records = large(10_000);
    let text = export(records.clone(), AT);
    assert!(text.len() < MAX_BACKUP_BYTES, "{} bytes", text.len());
    assert_eq!(parse(text.as_bytes()).unwrap().records, records);
}

#[test]
fn a_log_too_large_for_its_record_is_exported_without_it_and_still_imports() {
    let records = large(14_000);
    assert!(export_payload(&records.clone().into_value(), AT).len() > MAX_BACKUP_BYTES);
    let text = export(records.clone(), AT);
    let back = parse(text.as_bytes()).unwrap().records;
    assert_eq!(back.learning_record, None);
    assert_eq!(back.training_events, records.training_events);
}

#[test]
fn records_moved_into_json_are_what_serde_makes_of_them() {
    for records in [sample(), large(3), Records::default()] {
        let expected = serde_json::to_value(&records).unwrap();
        assert_eq!(records.into_value(), expected);
    }
}

#[test]
fn the_file_carries_the_records_in_canonical_form_under_their_checksum() {
    let records = large(5);
    let text = export(records, AT);
    let doc: Value = serde_json::from_str(&text).unwrap();
    let mut canonical = String::new();
    canonical_json(&doc["records"], &mut canonical);
    assert!(text.ends_with(&format!("\"records\":{canonical}}}")));
    assert_eq!(doc["sha256"], Value::String(sha256_hex(&canonical)));
    assert_eq!(doc["exported_at"], AT);
    assert_eq!(doc["format"], BACKUP_FORMAT);
    assert_eq!(doc["schema_version"], BACKUP_SCHEMA_VERSION);
}

#[test]
fn checksum_ignores_key_order_and_whitespace() {
    let a: Value = serde_json::from_str(r#"{"b":1,"a":{"y":[1,2],"x":"枣"}}"#).unwrap();
    let b: Value =
        serde_json::from_str("{ \"a\" : { \"x\":\"枣\", \"y\": [1, 2] }, \"b\": 1 }").unwrap();
    assert_eq!(records_checksum(&a), records_checksum(&b));
    let mut s = String::new();
    canonical_json(&a, &mut s);
    assert_eq!(s, r#"{"a":{"x":"枣","y":[1,2]},"b":1}"#);
    // A pretty-printed export still verifies.
    let doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
    assert!(parse(serde_json::to_string_pretty(&doc).unwrap().as_bytes()).is_ok());
}

#[test]
fn refuses_a_truncated_file() {
    let text = export(sample(), AT);
    for cut in [0, 1, text.len() / 2, text.len() - 1] {
        assert_eq!(
            parse(&text.as_bytes()[..cut]),
            Err(BackupError::NotJson),
            "cut at {cut}"
        );
    }
    assert_eq!(parse(&[0xff, 0xfe, b'{']), Err(BackupError::NotJson));
}

#[test]
fn refuses_another_format() {
    for other in [
        r#"{"format":"other-app","schema_version":1}"#.to_string(),
        r#"{"name":"a package.json"}"#.to_string(),
        "[1,2,3]".to_string(),
        "\"leye-backup\"".to_string(),
        export(sample(), AT).replace("\"leye-backup\"", "\"leye-backup2\""),
    ] {
        assert_eq!(
            parse(other.as_bytes()),
            Err(BackupError::WrongFormat),
            "{other:.60}"
        );
    }
    // Right name, but extra top-level fields: not a file this app wrote.
    let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
    doc["script"] = json!("x");
    assert_eq!(
        parse(&serde_json::to_vec(&doc).unwrap()),
        Err(BackupError::WrongFormat)
    );
}

#[test]
fn refuses_a_wrong_or_missing_version() {
    for v in [json!(2), json!(17)] {
        let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
        doc["schema_version"] = v.clone();
        let err = parse(&serde_json::to_vec(&doc).unwrap()).unwrap_err();
        assert!(
            matches!(err, BackupError::UnsupportedVersion { .. }),
            "{v}: {err:?}"
        );
        assert!(err.message(Lang::Zh).contains("更新版本"), "{v}");
    }
    // Versions no LeYe ever wrote are not blamed on a newer app.
    for v in [json!(0), json!(-1), json!("1"), json!(1.5), Value::Null] {
        let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
        doc["schema_version"] = v.clone();
        let err = parse(&serde_json::to_vec(&doc).unwrap()).unwrap_err();
        assert!(
            matches!(err, BackupError::UnknownVersion { .. }),
            "{v}: {err:?}"
        );
        let (zh, en) = (err.message(Lang::Zh), err.message(Lang::En));
        assert!(
            !zh.contains("更新版本") && !en.contains("newer"),
            "{zh} / {en}"
        );
    }
    let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
    doc.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(
        parse(&serde_json::to_vec(&doc).unwrap()),
        Err(BackupError::WrongFormat)
    );
}

#[test]
fn holdings_count_what_a_person_recognises() {
    let mut records = sample();
    assert_eq!(Holdings::of(&Records::default()), Holdings::default());
    assert!(Holdings::default().is_empty());
    let course = "internet-plus-skills";
    let event = |id: &str, what: Value| TrainingEventRecord {
        event_id: id.into(),
        course_id: course.into(),
        recorded_at_ms: 1,
        event: json!({"id": id, "on": "2026-11-20", "course": course, "what": what}),
    };
    records.training_events = vec![
        event("e1", json!({"type": "enrolled"})),
        event("e2", json!({"type": "hours_studied", "minutes": 120})),
        event("e3", json!({"type": "hours_studied", "minutes": 90})),
        event("e4", json!({"type": "undo", "target": "e3"})),
        event(
            "e5",
            json!({"type": "certificate_added", "certificate": {
            "name": "中式烹调师", "level": null, "number": "A1", "issued_on": "2026-11-20"}}),
        ),
        event("e6", json!({"type": "something_newer"})),
    ];
    let h = Holdings::of(&records);
    assert_eq!((h.courses, h.minutes, h.certificates), (1, 120, 1));
    assert_eq!(h.answers, records.answers.len());
    assert_eq!(h.saved, records.saved.len());
    assert_eq!(h.records, records.len());
    assert!(!h.is_empty());
}

#[test]
fn a_file_saved_again_with_a_byte_order_mark_still_imports() {
    let text = export(sample(), AT);
    let mut bytes = UTF8_BOM.to_vec();
    bytes.extend_from_slice(text.as_bytes());
    assert_eq!(parse(&bytes).unwrap().records, sample());
    // Only one mark, and only in front.
    let mut twice = UTF8_BOM.to_vec();
    twice.extend_from_slice(&bytes);
    assert_eq!(parse(&twice), Err(BackupError::NotJson));
}

#[test]
fn refuses_a_wrong_checksum() {
    let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
    doc["records"]["answers"][0]["value"] = json!(35); // edited by hand
    assert_eq!(
        parse(&serde_json::to_vec(&doc).unwrap()),
        Err(BackupError::ChecksumMismatch)
    );
    let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
    doc["sha256"] = json!("not-hex");
    assert_eq!(
        parse(&serde_json::to_vec(&doc).unwrap()),
        Err(BackupError::ChecksumMismatch)
    );
    doc["sha256"] = json!("0".repeat(64));
    assert_eq!(
        parse(&serde_json::to_vec(&doc).unwrap()),
        Err(BackupError::ChecksumMismatch)
    );
}

#[test]
fn refuses_a_50_mb_file_before_parsing() {
    // Not JSON at all: if it were parsed, the error would be NotJson, not TooLarge.
    let huge = vec![b'x'; 50 * 1024 * 1024];
    assert_eq!(
        parse(&huge),
        Err(BackupError::TooLarge { bytes: huge.len() })
    );
    let just_over = vec![b' '; MAX_BACKUP_BYTES + 1];
    assert!(matches!(
        parse(&just_over),
        Err(BackupError::TooLarge { .. })
    ));
    assert!(BackupError::TooLarge { bytes: huge.len() }
        .message(Lang::Zh)
        .contains("50 MB"));
}

#[test]
fn hostile_strings_are_kept_as_data_when_bounded() {
    let mut records = sample();
    let hostile = "<script>alert(1)</script>\"; DROP TABLE answers; -- \u{202e} \u{200b}";
    records.answers[0].value = json!(hostile);
    records.saved[0].program_id = "<img src=x onerror=alert(1)>".into();
    let backup = parse(export(records, AT).as_bytes()).unwrap();
    assert_eq!(backup.records.answers[0].value, json!(hostile));
    assert_eq!(
        backup.records.saved[0].program_id,
        "<img src=x onerror=alert(1)>"
    );
}

#[test]
fn refuses_hostile_strings_that_break_bounds() {
    let base: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
    let cases: Vec<(&str, Value, Section)> = vec![
        (
            "/answers/0/value",
            json!("x".repeat(MAX_TEXT_CHARS + 1)),
            Section::Answers,
        ),
        (
            "/answers/0/fact_id",
            json!("a".repeat(MAX_ID_CHARS + 1)),
            Section::Answers,
        ),
        ("/answers/0/fact_id", json!(""), Section::Answers),
        ("/answers/0/fact_id", json!("age\u{0}\n"), Section::Answers),
        ("/saved/0/program_id", json!("p\u{1b}[31m"), Section::Saved),
        (
            "/training_events/0/course_id",
            json!("c".repeat(10_000)),
            Section::TrainingEvents,
        ),
        ("/settings/0/key", json!("k\r"), Section::Settings),
        ("/answers/0/updated_at_ms", json!(-5), Section::Answers),
        (
            "/answers/0/updated_at_ms",
            json!(MAX_TIMESTAMP_MS + 1),
            Section::Answers,
        ),
        ("/saved/0/ticked_documents", json!([2, 0]), Section::Saved),
        ("/saved/0/ticked_documents", json!([-1]), Section::Saved),
        ("/answers/0/extra", json!(1), Section::Answers),
        (
            "/training_events/0/event",
            nested(MAX_VALUE_DEPTH + 2),
            Section::TrainingEvents,
        ),
        (
            "/settings/0/value",
            json!(vec![0; MAX_VALUE_ENTRIES + 1]),
            Section::Settings,
        ),
    ];
    for (path, value, section) in cases {
        let mut doc = base.clone();
        let (parent, key) = path.rsplit_once('/').unwrap();
        let slot = doc["records"].pointer_mut(parent).unwrap();
        match slot {
            Value::Object(map) => {
                map.insert(key.into(), value);
            }
            Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
            _ => unreachable!(),
        }
        let err = parse(&resign(doc)).unwrap_err();
        match err {
            BackupError::BadRecord {
                section: s,
                index: 0,
                ..
            } => assert_eq!(s, section, "{path}"),
            other => panic!("{path}: {other:?}"),
        }
    }
}

fn nested(depth: usize) -> Value {
    (0..depth).fold(json!(1), |v, _| json!([v]))
}

#[test]
fn refuses_duplicates_and_missing_sections() {
    let mut records = sample();
    records.answers.push(records.answers[0].clone());
    let err = parse(export(records.clone(), AT).as_bytes()).unwrap_err();
    assert!(
        matches!(
            err,
            BackupError::BadRecord {
                section: Section::Answers,
                index: 2,
                ..
            }
        ),
        "{err:?}"
    );

    let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
    doc["records"].as_object_mut().unwrap().remove("saved");
    assert!(matches!(
        parse(&resign(doc)),
        Err(BackupError::BadRecord {
            section: Section::Saved,
            ..
        })
    ));

    let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
    doc["records"]["learning_record"] = json!("x");
    assert!(matches!(
        parse(&resign(doc)),
        Err(BackupError::BadRecord {
            section: Section::LearningRecord,
            ..
        })
    ));
}

#[test]
fn every_refusal_has_both_languages() {
    let errors = [
        BackupError::TooLarge {
            bytes: 6 * 1024 * 1024,
        },
        BackupError::NotJson,
        BackupError::WrongFormat,
        BackupError::UnsupportedVersion { found: "2".into() },
        BackupError::UnknownVersion { found: "0".into() },
        BackupError::ChecksumMismatch,
        BackupError::BadRecord {
            section: Section::Saved,
            index: 3,
            problem: "x".into(),
        },
    ];
    for e in errors {
        let (zh, en) = (e.message(Lang::Zh), e.message(Lang::En));
        assert!(zh.contains("没有做任何更改"), "{zh}");
        assert!(en.contains("Nothing was changed"), "{en}");
        assert_eq!(e.to_string(), en);
    }
}
