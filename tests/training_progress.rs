//! Progress is derived from events: per-course bars, completion rules, undo, duplicates, order independence.

// Reads the catalog and fixtures from disk: runs under native `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

mod training_support;

use leye_core::training::*;
use training_support::*;

fn module(m: &str) -> EventKind {
    EventKind::ModuleDone { module: m.into() }
}

fn hours(minutes: u16) -> EventKind {
    EventKind::HoursStudied { minutes }
}

#[test]
fn modules_course_completes_when_every_module_is_done() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-11-01", "modules-course");
    let p = t.progress();
    let c = p.course(&CourseId::new("modules-course")).unwrap();
    assert_eq!(
        (c.done, c.required, c.permille, c.completed_on),
        (0, Some(3), Some(0), None)
    );
    assert_eq!(c.requirement_from, RequirementSource::Catalog);

    t.log("2026-11-02", Some("modules-course"), module("m2"));
    t.log("2026-11-05", Some("modules-course"), module("m1"));
    let c = t.course("modules-course");
    assert_eq!((c.done, c.permille, c.completed_on), (2, Some(666), None));
    assert_eq!(c.modules_done, vec!["m2", "m1"]);

    t.log("2026-11-09", Some("modules-course"), module("m3"));
    let c = t.course("modules-course");
    assert_eq!(
        (c.permille, c.completed_on),
        (Some(1000), Some(d("2026-11-09")))
    );
}

#[test]
fn hours_course_completes_on_the_day_the_hours_are_reached() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-10-01", "hours-course");
    t.log("2026-10-02", Some("hours-course"), hours(240));
    t.log("2026-10-03", Some("hours-course"), hours(210));
    let c = t.course("hours-course");
    assert_eq!(
        (c.minutes_studied, c.required, c.permille, c.completed_on),
        (450, Some(600), Some(750), None)
    );
    t.log("2026-10-10", Some("hours-course"), hours(150));
    t.log("2026-10-12", Some("hours-course"), hours(60));
    let c = t.course("hours-course");
    // 600 minutes were reached on 10-10; more study afterwards does not move the completion date.
    assert_eq!(
        (c.minutes_studied, c.permille, c.completed_on),
        (660, Some(1000), Some(d("2026-10-10")))
    );
}

#[test]
fn camp_completes_by_sessions() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-09-01", "camp");
    for day in ["2026-09-05", "2026-09-12", "2026-09-19"] {
        t.log(
            day,
            Some("camp"),
            EventKind::SessionAttended { title: None },
        );
    }
    let c = t.course("camp");
    assert_eq!(
        (c.sessions_attended, c.required, c.permille, c.completed_on),
        (3, Some(4), Some(750), None)
    );
    t.log(
        "2026-09-26",
        Some("camp"),
        EventKind::SessionAttended {
            title: Some("路演".into()),
        },
    );
    let c = t.course("camp");
    assert_eq!(c.completed_on, Some(d("2026-09-26")));
}

#[test]
fn unknown_requirement_has_no_bar_until_the_trainee_sets_a_target() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-11-01", "unknown-course");
    t.log("2026-11-02", Some("unknown-course"), hours(120));
    let c = t.course("unknown-course");
    assert_eq!(
        (c.requirement.clone(), c.permille, c.requirement_from),
        (None, None, RequirementSource::Unknown)
    );
    assert_eq!(t.progress().overall_permille, None);

    // Told by the provider: 8 hours.
    t.log(
        "2026-11-03",
        Some("unknown-course"),
        EventKind::TargetSet {
            target: Target::Hours(8),
        },
    );
    let c = t.course("unknown-course");
    assert_eq!(
        (c.requirement_from, c.required, c.permille),
        (RequirementSource::Trainee, Some(480), Some(250))
    );
    // A later correction wins.
    let fix = t.log(
        "2026-11-04",
        Some("unknown-course"),
        EventKind::TargetSet {
            target: Target::Hours(2),
        },
    );
    let c = t.course("unknown-course");
    assert_eq!(
        (c.permille, c.completed_on),
        (Some(1000), Some(d("2026-11-02")))
    );
    // Undoing the correction brings the earlier target back.
    t.undo("2026-11-04", &fix).unwrap();
    let c = t.course("unknown-course");
    assert_eq!((c.permille, c.completed_on), (Some(250), None));
}

#[test]
fn target_given_at_enrolment_counts() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.log(
        "2026-11-01",
        Some("unknown-course"),
        EventKind::Enrolled {
            target: Some(Target::Sessions(2)),
        },
    );
    t.log(
        "2026-11-02",
        Some("unknown-course"),
        EventKind::SessionAttended { title: None },
    );
    let c = t.course("unknown-course");
    assert_eq!((c.required, c.permille), (Some(2), Some(500)));
}

#[test]
fn a_certificate_for_the_course_completes_it_even_with_unknown_requirement() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-06-01", "unknown-course");
    t.certificate("2026-08-15", Some("unknown-course"), None, "SYB-001");
    let c = t.course("unknown-course");
    assert_eq!(
        (c.permille, c.completed_on),
        (Some(1000), Some(d("2026-08-15")))
    );
}

#[test]
fn a_certificate_does_not_finish_a_course_whose_hours_are_not_met() {
    // Issue 12: enrolled 2026-10-15, 5 of 10 hours logged, a certificate for the course: not finished.
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-10-15", "hours-course");
    t.log("2026-10-20", Some("hours-course"), hours(300));
    t.certificate("2026-11-01", Some("hours-course"), None, "HC-1");
    let c = t.course("hours-course");
    assert_eq!(
        (c.done, c.required, c.permille, c.completed_on),
        (300, Some(600), Some(500), None)
    );
    assert_eq!(c.certificate_on, Some(d("2026-11-01")));
    // The hours, once met, finish it on the day they are met.
    t.log("2026-11-10", Some("hours-course"), hours(300));
    let c = t.course("hours-course");
    assert_eq!(
        (c.permille, c.completed_on),
        (Some(1000), Some(d("2026-11-10")))
    );
}

#[test]
fn a_certificate_for_the_course_cannot_predate_the_enrolment() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-10-15", "unknown-course");
    let cert = Certificate {
        name: "中式烹调师".into(),
        level: None,
        number: "OLD-1".into(),
        issued_on: d("2026-03-20"),
    };
    assert_eq!(
        t.try_log(
            "2026-10-20",
            Some("unknown-course"),
            EventKind::CertificateAdded {
                certificate: cert.clone()
            }
        ),
        Err(TrainingError::BeforeEnrolment {
            enrolled_on: d("2026-10-15")
        })
    );
    // The same certificate from elsewhere (no course) is fine and finishes nothing.
    t.log(
        "2026-10-20",
        None,
        EventKind::CertificateAdded { certificate: cert },
    );
    let c = t.course("unknown-course");
    assert_eq!((c.permille, c.completed_on), (None, None));
}

#[test]
fn no_completion_date_falls_before_the_enrolment_even_from_an_imported_log() {
    // A backup written by an older version may hold a linked certificate issued before the enrolment, and
    // hours dated before it: neither dates the completion before the enrolment.
    let catalog = fixture_catalog();
    let old_cert = Event::new(
        "c",
        d("2026-10-20"),
        Some("unknown-course"),
        EventKind::CertificateAdded {
            certificate: Certificate {
                name: "中式烹调师".into(),
                level: None,
                number: "OLD-1".into(),
                issued_on: d("2026-03-20"),
            },
        },
    );
    let enrol = |course: &str| {
        Event::new(
            format!("en-{course}"),
            d("2026-10-15"),
            Some(course),
            EventKind::Enrolled { target: None },
        )
    };
    let early_hours = Event::new("h", d("2026-10-01"), Some("hours-course"), hours(600));
    let log = TrainingLog::from_events([
        enrol("unknown-course"),
        old_cert,
        enrol("hours-course"),
        early_hours,
    ]);
    let p = progress(&log, &catalog);
    let unknown = p.course(&CourseId::new("unknown-course")).unwrap();
    assert_eq!((unknown.completed_on, unknown.certificate_on), (None, None));
    let hours_course = p.course(&CourseId::new("hours-course")).unwrap();
    assert_eq!(hours_course.completed_on, Some(d("2026-10-15")));
}

#[test]
fn overall_bar_is_the_mean_of_the_known_course_bars() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-11-01", "modules-course");
    t.enrol("2026-11-01", "camp");
    t.enrol("2026-11-01", "unknown-course");
    t.log("2026-11-02", Some("modules-course"), module("m1"));
    t.log(
        "2026-11-02",
        Some("camp"),
        EventKind::SessionAttended { title: None },
    );
    let p = t.progress();
    assert_eq!(p.courses.len(), 3);
    // (333 + 250) / 2; the unknown course has no bar and does not drag the mean down.
    assert_eq!(p.overall_permille, Some(291));
}

#[test]
fn undo_removes_an_event_from_everything_derived() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-11-01", "modules-course");
    let wrong = t.log("2026-11-02", Some("modules-course"), module("m1"));
    assert_eq!(t.progress().courses[0].done, 1);
    let undo = t.undo("2026-11-02", &wrong).unwrap();
    assert_eq!(t.progress().courses[0].done, 0);
    assert!(t.log.is_undone(&wrong));
    // The log keeps everything: undo compensates, it does not delete.
    assert_eq!(t.log.events().len(), 3);
    // The same module can be logged again after the undo.
    t.log("2026-11-03", Some("modules-course"), module("m1"));
    assert_eq!(t.progress().courses[0].done, 1);
    // Undo twice, undo an undo, undo something unknown: refused.
    assert!(matches!(
        t.undo("2026-11-03", &wrong),
        Err(TrainingError::AlreadyUndone(_))
    ));
    assert_eq!(
        t.undo("2026-11-03", &undo),
        Err(TrainingError::CannotUndoUndo)
    );
    assert!(matches!(
        t.undo("2026-11-03", &EventId::new("nope")),
        Err(TrainingError::UnknownEvent(_))
    ));
}

#[test]
fn undoing_the_enrolment_takes_the_course_off_the_list() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    let enrolled = t.enrol("2026-11-01", "camp");
    t.log(
        "2026-11-02",
        Some("camp"),
        EventKind::SessionAttended { title: None },
    );
    t.undo("2026-11-03", &enrolled).unwrap();
    assert!(t.progress().courses.is_empty());
    assert!(matches!(
        t.try_log(
            "2026-11-04",
            Some("camp"),
            EventKind::SessionAttended { title: None }
        ),
        Err(TrainingError::NotEnrolled(_))
    ));
}

#[test]
fn a_duplicate_event_id_is_ignored() {
    let catalog = fixture_catalog();
    let ctx = Context {
        catalog: &catalog,
        today: today(),
        skills_subsidy: None,
    };
    let mut log = TrainingLog::new();
    let enrol = Event::new(
        "a1",
        d("2026-11-01"),
        Some("hours-course"),
        EventKind::Enrolled { target: None },
    );
    let study = Event::new("a2", d("2026-11-02"), Some("hours-course"), hours(120));
    assert_eq!(log.append(enrol, &ctx), Ok(Appended::Added));
    assert_eq!(log.append(study.clone(), &ctx), Ok(Appended::Added));
    assert_eq!(log.append(study, &ctx), Ok(Appended::Duplicate));
    // Same id, different content: still the first one that counts.
    let altered = Event::new("a2", d("2026-11-02"), Some("hours-course"), hours(600));
    assert_eq!(log.append(altered, &ctx), Ok(Appended::Duplicate));
    assert_eq!(log.events().len(), 2);
    assert_eq!(progress(&log, &catalog).courses[0].minutes_studied, 120);
}

#[test]
fn progress_does_not_depend_on_storage_order_and_reload_dedups() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-10-01", "hours-course");
    t.enrol("2026-10-01", "modules-course");
    let e = t.log("2026-10-02", Some("hours-course"), hours(300));
    t.log("2026-10-03", Some("hours-course"), hours(300));
    t.log("2026-10-04", Some("modules-course"), module("m3"));
    t.undo("2026-10-05", &e).unwrap();
    let expected = t.progress();

    // IndexedDB returns events by key, a backup may repeat them: reload reversed, with duplicates.
    let mut stored: Vec<Event> = t.log.events().to_vec();
    stored.reverse();
    stored.extend(t.log.events().iter().cloned());
    let reloaded = TrainingLog::from_events(stored);
    assert_eq!(reloaded.events().len(), t.log.events().len());
    assert_eq!(progress(&reloaded, &catalog), expected);
    assert_eq!(
        expected
            .course(&CourseId::new("hours-course"))
            .unwrap()
            .minutes_studied,
        300
    );
}

#[test]
fn events_round_trip_through_json() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.log(
        "2026-11-01",
        Some("camp"),
        EventKind::Enrolled {
            target: Some(Target::Sessions(6)),
        },
    );
    t.log(
        "2026-11-02",
        Some("camp"),
        EventKind::MilestoneTicked {
            milestone: "market".into(),
        },
    );
    t.certificate(
        "2026-11-03",
        None,
        Some(CertificateLevel::Intermediate),
        "No.1",
    );
    let json = serde_json::to_string(t.log.events()).unwrap();
    assert!(
        json.contains(r#""type":"enrolled""#)
            && json.contains(r#""target":{"by":"sessions","amount":6}"#),
        "{json}"
    );
    assert!(json.contains(r#""level":"level4""#), "{json}");
    let back: Vec<Event> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, t.log.events());
}

/// Issue 14: a catalog update that no longer lists a course the person enrolled in must not hide what
/// they logged for it. The course stays in the list, by id, with its hours, against their own target.
#[test]
fn a_course_the_catalog_no_longer_lists_keeps_its_hours_in_the_list() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-10-01", "hours-course");
    t.log("2026-10-02", Some("hours-course"), hours(240));
    let smaller = CourseCatalog::new(
        catalog
            .courses()
            .iter()
            .filter(|c| c.id.as_str() != "hours-course")
            .cloned()
            .collect(),
    );
    let p = progress(&t.log, &smaller);
    let c = p
        .course(&CourseId::new("hours-course"))
        .expect("still listed among my courses");
    assert_eq!(c.minutes_studied, 240);
    assert_eq!(c.enrolled_on, d("2026-10-01"));
    // The catalog's requirement is gone with it: no bar until the trainee's own target says one.
    assert_eq!(c.requirement_from, RequirementSource::Unknown);
    assert_eq!(c.permille, None);
    // Listed courses come first, in catalog order; the ones no longer listed after them.
    assert_eq!(
        p.courses.last().unwrap().course,
        CourseId::new("hours-course")
    );
}
