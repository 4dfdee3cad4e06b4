//! The learning record (xAPI-style statements) and the camp view, both derived from the same events.

// Reads the catalog and fixtures from disk: runs under native `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

mod training_support;

use leye_core::learning_record::{learning_record, statements, LearningRecord, FORMAT};
use leye_core::training::*;
use training_support::*;

fn trained(catalog: &CourseCatalog) -> Trainee<'_> {
    let mut t = Trainee::new(catalog);
    t.enrol("2026-10-01", "modules-course");
    t.log(
        "2026-10-02",
        Some("modules-course"),
        EventKind::ModuleDone {
            module: "m1".into(),
        },
    );
    t.log(
        "2026-10-02",
        Some("modules-course"),
        EventKind::HoursStudied { minutes: 95 },
    );
    let oops = t.log(
        "2026-10-03",
        Some("modules-course"),
        EventKind::ModuleDone {
            module: "m3".into(),
        },
    );
    t.undo("2026-10-03", &oops).unwrap();
    t.log(
        "2026-10-04",
        Some("modules-course"),
        EventKind::ModuleDone {
            module: "m2".into(),
        },
    );
    t.log(
        "2026-10-05",
        Some("modules-course"),
        EventKind::ModuleDone {
            module: "m3".into(),
        },
    );
    t.log(
        "2026-10-06",
        Some("modules-course"),
        EventKind::ExamPassed {
            exam: "理论考试".into(),
        },
    );
    t.log(
        "2026-10-06",
        Some("modules-course"),
        EventKind::Note {
            text: "private".into(),
        },
    );
    t.certificate(
        "2026-10-20",
        Some("modules-course"),
        Some(CertificateLevel::Junior),
        "NO/1 2",
    );
    t
}

#[test]
fn statements_follow_the_effective_events_in_date_order() {
    let catalog = fixture_catalog();
    let t = trained(&catalog);
    let s = statements(&t.log, &catalog, "device-7f3a");
    let verbs: Vec<(&str, &str)> = s
        .iter()
        .map(|s| (s.timestamp.as_str(), s.verb.id.rsplit('/').next().unwrap()))
        .collect();
    assert_eq!(
        verbs,
        vec![
            ("2026-10-01T00:00:00+08:00", "registered"),
            ("2026-10-02T00:00:00+08:00", "completed"),
            ("2026-10-02T00:00:00+08:00", "experienced"),
            ("2026-10-04T00:00:00+08:00", "completed"),
            ("2026-10-05T00:00:00+08:00", "completed"),
            ("2026-10-05T00:00:00+08:00", "completed"), // the course itself, derived
            ("2026-10-06T00:00:00+08:00", "passed"),
            ("2026-10-20T00:00:00+08:00", "earned"),
        ]
    );
    assert!(s
        .iter()
        .all(|s| s.actor.account.name == "device-7f3a" && s.actor.object_type == "Agent"));
    assert_eq!(
        s[2].result.as_ref().unwrap().duration.as_deref(),
        Some("PT1H35M")
    );
    assert_eq!(s[1].object.id, "urn:leye:course:modules-course:module:m1");
    assert_eq!(s[1].object.definition.name["zh-CN"], "一");
    assert_eq!(s[5].object.id, "urn:leye:course:modules-course");
    assert_eq!(s[5].result.as_ref().unwrap().completion, Some(true));
    // Ids that are not IRI-safe are percent-encoded.
    assert_eq!(s[7].object.id, "urn:leye:certificate:NO%2F1%202");
    assert_eq!(
        s[7].result.as_ref().unwrap().response.as_deref(),
        Some("初级(五级)")
    );
    // The private note and the undone module are not in the record.
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("private"));
}

#[test]
fn statement_ids_are_stable_uuids() {
    let catalog = fixture_catalog();
    let t = trained(&catalog);
    let a = statements(&t.log, &catalog, "device-7f3a");
    let b = statements(
        &leye_core::training::TrainingLog::from_events(t.log.events().to_vec()),
        &catalog,
        "device-7f3a",
    );
    assert_eq!(a, b, "re-deriving from stored events gives the same record");
    let mut ids = std::collections::HashSet::new();
    for s in &a {
        let id = &s.id;
        assert_eq!(id.len(), 36);
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('8'), "version 8: {id}");
        assert!(
            matches!(parts[3].chars().next(), Some('8' | '9' | 'a' | 'b')),
            "RFC variant: {id}"
        );
        assert!(ids.insert(id.clone()), "unique");
    }
}

#[test]
fn the_download_round_trips_through_json() {
    let catalog = fixture_catalog();
    let t = trained(&catalog);
    let record = learning_record(&t.log, &catalog, "device-7f3a", today());
    let json = record.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["format"], FORMAT);
    assert_eq!(v["generated_on"], "2026-11-26");
    assert_eq!(
        v["statements"][0]["actor"]["account"]["homePage"],
        "urn:leye:device"
    );
    assert_eq!(v["statements"][0]["verb"]["display"]["en-US"], "registered");
    assert!(
        v["statements"][0].get("result").is_none(),
        "absent results are left out, not null"
    );
    let back: LearningRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
}

#[test]
fn the_camp_view_shows_sessions_checklist_upcoming_and_notes() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-10-01", "camp");
    t.log(
        "2026-10-10",
        Some("camp"),
        EventKind::SessionAttended { title: None },
    );
    t.log(
        "2026-10-17",
        Some("camp"),
        EventKind::SessionAttended { title: None },
    );
    let ticked = t.log(
        "2026-10-18",
        Some("camp"),
        EventKind::MilestoneTicked {
            milestone: "plan".into(),
        },
    );
    t.log(
        "2026-12-12",
        Some("camp"),
        EventKind::SessionScheduled {
            title: "第三次课".into(),
        },
    );
    t.log(
        "2026-12-05",
        Some("camp"),
        EventKind::SessionScheduled {
            title: "路演".into(),
        },
    );
    t.log(
        "2026-10-10",
        Some("camp"),
        EventKind::Note {
            text: "导师建议先做市场调查".into(),
        },
    );
    t.log(
        "2026-10-18",
        Some("camp"),
        EventKind::Note {
            text: "成本表要细化".into(),
        },
    );
    let v = camp_view(&t.log, &catalog, &CourseId::new("camp"), today()).unwrap();
    assert_eq!(
        (v.sessions_attended, v.sessions_required, v.completed_on),
        (2, Some(4), None)
    );
    assert_eq!(v.checklist.len(), 2);
    assert_eq!(v.checklist[0].ticked, None);
    assert_eq!(
        v.checklist[1].ticked,
        Some((d("2026-10-18"), ticked.clone()))
    );
    assert_eq!(
        v.upcoming_sessions,
        vec![
            (d("2026-12-05"), "路演".to_string()),
            (d("2026-12-12"), "第三次课".to_string())
        ]
    );
    assert_eq!(
        v.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(),
        ["成本表要细化", "导师建议先做市场调查"]
    );
    // Unticking is an undo of the tick.
    t.undo("2026-10-19", &ticked).unwrap();
    let v = camp_view(&t.log, &catalog, &CourseId::new("camp"), today()).unwrap();
    assert_eq!(v.checklist[1].ticked, None);
    // A camp the trainee has not joined has no view.
    assert!(camp_view(&t.log, &catalog, &CourseId::new("hours-course"), today()).is_none());
}
