//! Refusals: each says what to fix (in both languages) and records nothing.

// Reads the catalog and fixtures from disk: runs under native `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

mod training_support;

use leye_core::lang::Lang;
use leye_core::training::*;
use training_support::*;

fn hours(minutes: u16) -> EventKind {
    EventKind::HoursStudied { minutes }
}

/// Appends `what` and expects a refusal; checks the log did not change and the messages are usable.
fn refused(t: &mut Trainee, on: &str, course: Option<&str>, what: EventKind) -> TrainingError {
    let before = t.log.events().len();
    let err = t.try_log(on, course, what).expect_err("should be refused");
    assert_eq!(
        t.log.events().len(),
        before,
        "a refusal must record nothing"
    );
    let (zh, en) = (err.message(Lang::Zh), err.message(Lang::En));
    assert!(!zh.is_empty() && !en.is_empty() && zh != en);
    assert_eq!(err.to_string(), zh, "Display is the default language");
    err
}

#[test]
fn hours_must_be_positive() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-11-01", "hours-course");
    assert_eq!(
        refused(&mut t, "2026-11-02", Some("hours-course"), hours(0)),
        TrainingError::HoursNotPositive
    );
}

#[test]
fn a_day_holds_at_most_24_hours_over_all_courses() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-11-01", "hours-course");
    t.enrol("2026-11-01", "modules-course");
    let big = t.log("2026-11-02", Some("hours-course"), hours(20 * 60));
    let err = refused(&mut t, "2026-11-02", Some("modules-course"), hours(5 * 60));
    assert_eq!(
        err,
        TrainingError::TooManyHoursInDay {
            date: d("2026-11-02"),
            already_minutes: 1200
        }
    );
    assert!(
        err.message(Lang::Zh).contains("4小时0分钟"),
        "{}",
        err.message(Lang::Zh)
    );
    // Exactly up to 24 hours is fine; another day is a new day.
    t.log("2026-11-02", Some("modules-course"), hours(4 * 60));
    t.log("2026-11-03", Some("hours-course"), hours(24 * 60));
    refused(&mut t, "2026-11-02", Some("hours-course"), hours(1));
    // Undoing the 20 hours frees the day again.
    t.undo("2026-11-03", &big).unwrap();
    t.log("2026-11-02", Some("hours-course"), hours(60));
}

#[test]
fn something_done_cannot_be_dated_in_the_future_but_a_scheduled_session_can() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    assert_eq!(
        refused(
            &mut t,
            "2026-11-27",
            Some("camp"),
            EventKind::Enrolled { target: None }
        ),
        TrainingError::InFuture { today: today() }
    );
    t.enrol("2026-11-26", "camp");
    let attended = EventKind::SessionAttended { title: None };
    assert!(matches!(
        refused(&mut t, "2027-01-01", Some("camp"), attended),
        TrainingError::InFuture { .. }
    ));
    t.log(
        "2027-01-01",
        Some("camp"),
        EventKind::SessionScheduled {
            title: "第二次课".into(),
        },
    );
    let cert = Certificate {
        name: "x".into(),
        level: None,
        number: "1".into(),
        issued_on: d("2026-12-01"),
    };
    assert!(matches!(
        refused(
            &mut t,
            "2026-11-26",
            None,
            EventKind::CertificateAdded { certificate: cert }
        ),
        TrainingError::InFuture { .. }
    ));
}

#[test]
fn unknown_course_missing_course_and_not_enrolled() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    assert_eq!(
        refused(
            &mut t,
            "2026-11-01",
            Some("no-such"),
            EventKind::Enrolled { target: None }
        ),
        TrainingError::UnknownCourse("no-such".into())
    );
    assert_eq!(
        refused(&mut t, "2026-11-01", None, hours(60)),
        TrainingError::CourseRequired
    );
    assert!(matches!(
        refused(&mut t, "2026-11-01", Some("camp"), hours(60)),
        TrainingError::NotEnrolled(_)
    ));
    t.enrol("2026-11-05", "camp");
    assert!(matches!(
        refused(
            &mut t,
            "2026-11-05",
            Some("camp"),
            EventKind::Enrolled { target: None }
        ),
        TrainingError::AlreadyEnrolled(_)
    ));
    assert_eq!(
        refused(&mut t, "2026-11-04", Some("camp"), hours(60)),
        TrainingError::BeforeEnrolment {
            enrolled_on: d("2026-11-05")
        }
    );
}

#[test]
fn modules_and_milestones_must_exist_and_count_once() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-11-01", "modules-course");
    let err = refused(
        &mut t,
        "2026-11-02",
        Some("modules-course"),
        EventKind::ModuleDone {
            module: "m9".into(),
        },
    );
    assert!(
        err.message(Lang::En).contains("m1, m2, m3"),
        "{}",
        err.message(Lang::En)
    );
    t.log(
        "2026-11-02",
        Some("modules-course"),
        EventKind::ModuleDone {
            module: "m1".into(),
        },
    );
    assert!(matches!(
        refused(
            &mut t,
            "2026-11-03",
            Some("modules-course"),
            EventKind::ModuleDone {
                module: "m1".into()
            }
        ),
        TrainingError::ModuleAlreadyDone(_)
    ));
    // A course whose modules are unknown accepts the trainee's own labels.
    t.enrol("2026-11-01", "unknown-course");
    t.log(
        "2026-11-02",
        Some("unknown-course"),
        EventKind::ModuleDone {
            module: "第1章 市场调查".into(),
        },
    );

    t.enrol("2026-11-01", "camp");
    t.log(
        "2026-11-02",
        Some("camp"),
        EventKind::MilestoneTicked {
            milestone: "market".into(),
        },
    );
    assert!(matches!(
        refused(
            &mut t,
            "2026-11-03",
            Some("camp"),
            EventKind::MilestoneTicked {
                milestone: "market".into()
            }
        ),
        TrainingError::MilestoneAlreadyTicked(_)
    ));
    assert!(matches!(
        refused(
            &mut t,
            "2026-11-03",
            Some("camp"),
            EventKind::MilestoneTicked {
                milestone: "ipo".into()
            }
        ),
        TrainingError::UnknownMilestone(_)
    ));
}

#[test]
fn targets_must_be_plausible() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    let zero = EventKind::Enrolled {
        target: Some(Target::Hours(0)),
    };
    assert!(matches!(
        refused(&mut t, "2026-11-01", Some("camp"), zero),
        TrainingError::TargetOutOfRange { .. }
    ));
    t.enrol("2026-11-01", "camp");
    let huge = EventKind::TargetSet {
        target: Target::Sessions(60_000),
    };
    assert!(matches!(
        refused(&mut t, "2026-11-01", Some("camp"), huge),
        TrainingError::TargetOutOfRange { .. }
    ));
}

#[test]
fn free_text_is_bounded_and_kept_verbatim() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.enrol("2026-11-01", "camp");
    assert_eq!(
        refused(
            &mut t,
            "2026-11-02",
            Some("camp"),
            EventKind::Note {
                text: "  \n ".into()
            }
        ),
        TrainingError::EmptyText {
            field: TextField::Note
        }
    );
    let long = "字".repeat(2001);
    assert_eq!(
        refused(
            &mut t,
            "2026-11-02",
            Some("camp"),
            EventKind::Note { text: long }
        ),
        TrainingError::TextTooLong {
            field: TextField::Note,
            max: 2000
        }
    );
    t.log(
        "2026-11-02",
        Some("camp"),
        EventKind::Note {
            text: "字".repeat(2000),
        },
    );
    // Markup is data: stored as typed, for the UI to render as text.
    let hostile = "<img src=x onerror=alert(1)> 计划&成本";
    t.log(
        "2026-11-03",
        Some("camp"),
        EventKind::Note {
            text: hostile.into(),
        },
    );
    let view = camp_view(&t.log, &catalog, &CourseId::new("camp"), today()).unwrap();
    assert_eq!(view.notes[0].text, hostile);
    assert!(matches!(
        refused(
            &mut t,
            "2026-11-03",
            Some("camp"),
            EventKind::SessionScheduled {
                title: "x".repeat(81)
            }
        ),
        TrainingError::TextTooLong { .. }
    ));
}

#[test]
fn certificates_need_a_number_and_a_unique_one() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.certificate("2026-05-01", None, Some(CertificateLevel::Junior), "S0001");
    let again = Certificate {
        name: "电工".into(),
        level: None,
        number: " S0001 ".into(),
        issued_on: d("2026-05-02"),
    };
    assert_eq!(
        refused(
            &mut t,
            "2026-05-02",
            None,
            EventKind::CertificateAdded { certificate: again }
        ),
        TrainingError::DuplicateCertificate("S0001".into())
    );
    let blank = Certificate {
        name: "电工".into(),
        level: None,
        number: "".into(),
        issued_on: d("2026-05-02"),
    };
    assert_eq!(
        refused(
            &mut t,
            "2026-05-02",
            None,
            EventKind::CertificateAdded { certificate: blank }
        ),
        TrainingError::EmptyText {
            field: TextField::CertificateNumber
        }
    );
}

#[test]
fn malformed_event_ids_are_refused() {
    let catalog = fixture_catalog();
    let ctx = Context {
        catalog: &catalog,
        today: today(),
        skills_subsidy: None,
    };
    let mut log = TrainingLog::new();
    for id in ["", "has space", "<script>", &"x".repeat(65)] {
        let e = Event::new(
            id,
            d("2026-11-01"),
            Some("camp"),
            EventKind::Enrolled { target: None },
        );
        assert_eq!(
            log.append(e, &ctx),
            Err(TrainingError::BadEventId),
            "{id:?}"
        );
    }
    let ok = Event::new(
        "01J2-abc_9:1.x",
        d("2026-11-01"),
        Some("camp"),
        EventKind::Enrolled { target: None },
    );
    assert_eq!(log.append(ok, &ctx), Ok(Appended::Added));
}

#[test]
fn hours_are_read_without_floating_point() {
    assert_eq!(parse_hours("2"), Ok(120));
    assert_eq!(parse_hours("1.5"), Ok(90));
    assert_eq!(parse_hours(" 0.25 "), Ok(15));
    assert_eq!(parse_hours("1,5"), Ok(90));
    assert_eq!(parse_hours(".5"), Ok(30));
    assert_eq!(parse_hours("24"), Ok(1440));
    assert_eq!(parse_hours("0"), Err(TrainingError::HoursNotPositive));
    assert_eq!(
        parse_hours("0.001").unwrap_err(),
        TrainingError::HoursUnreadable("0.001".into())
    );
    assert_eq!(parse_hours("24.5"), Err(TrainingError::MoreThanADay));
    for bad in ["", "abc", "-1", "1.2.3", "1e2", "1000", "."] {
        assert!(
            matches!(parse_hours(bad), Err(TrainingError::HoursUnreadable(_))),
            "{bad:?}"
        );
    }
}
