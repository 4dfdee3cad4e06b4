//! Properties of the derivation over random logs: storage order and duplicates never change the result, bars
//! stay within 0..=1000, no day ever holds more than 24 hours, and undoing everything leaves nothing counted.

// Reads the catalog's TOML or uses proptest (native-only dependencies): runs under native `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

mod training_support;

use leye_core::training::*;
use proptest::prelude::*;
use training_support::*;

#[derive(Clone, Debug)]
enum Step {
    Study {
        course: usize,
        day: i64,
        minutes: u16,
    },
    Module {
        course: usize,
        day: i64,
        module: usize,
    },
    Session {
        course: usize,
        day: i64,
    },
    UndoEarlier(usize),
}

const COURSES: [&str; 4] = ["modules-course", "hours-course", "camp", "unknown-course"];

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..4usize, 0..20i64, 0..1500u16).prop_map(|(course, day, minutes)| Step::Study {
            course,
            day,
            minutes
        }),
        (0..4usize, 0..20i64, 0..4usize).prop_map(|(course, day, module)| Step::Module {
            course,
            day,
            module
        }),
        (0..4usize, 0..20i64).prop_map(|(course, day)| Step::Session { course, day }),
        (0..200usize).prop_map(Step::UndoEarlier),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn derivation_is_order_free_bounded_and_undoable(steps in prop::collection::vec(step(), 1..80), seed in any::<u64>()) {
        let catalog = fixture_catalog();
        let mut t = Trainee::new(&catalog);
        for c in COURSES {
            t.enrol("2026-11-01", c);
        }
        let start = d("2026-11-01");
        for s in &steps {
            let (on, course, what) = match s {
                Step::Study { course, day, minutes } => (start.add_days(*day), Some(COURSES[*course]), EventKind::HoursStudied { minutes: *minutes }),
                Step::Module { course, day, module } => (start.add_days(*day), Some(COURSES[*course]), EventKind::ModuleDone { module: format!("m{}", module) }),
                Step::Session { course, day } => (start.add_days(*day), Some(COURSES[*course]), EventKind::SessionAttended { title: None }),
                Step::UndoEarlier(k) => {
                    let events = t.log.events();
                    let target = events[k % events.len()].id.clone();
                    (d("2026-11-26"), None, EventKind::Undo { target })
                }
            };
            // Refusals are fine here (bad module, 24 h exceeded, undo twice); they must just record nothing.
            let before = t.log.events().len();
            if t.try_log(&on.to_string(), course, what).is_err() {
                prop_assert_eq!(t.log.events().len(), before);
            }
        }
        let expected = t.progress();
        for c in &expected.courses {
            prop_assert!(c.permille.is_none_or(|p| p <= 1000));
            prop_assert!(c.completed_on.is_none() || c.permille == Some(1000));
        }
        for day in 0..20 {
            prop_assert!(t.log.minutes_on(start.add_days(day)) <= 24 * 60);
        }

        // Any storage order, with every event stored twice, gives the same log and the same progress.
        let mut stored: Vec<Event> = t.log.events().to_vec();
        stored.extend(t.log.events().iter().cloned());
        let mut x = seed | 1;
        for i in (1..stored.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            stored.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let reloaded = TrainingLog::from_events(stored);
        prop_assert_eq!(reloaded.events().len(), t.log.events().len());
        prop_assert_eq!(progress(&reloaded, &catalog), expected);
        for day in 0..20 {
            prop_assert_eq!(reloaded.minutes_on(start.add_days(day)), t.log.minutes_on(start.add_days(day)));
        }

        // Undo every event still in force except the enrolments: nothing is left counted.
        let live: Vec<EventId> = t.log.effective()
            .filter(|e| !matches!(e.what, EventKind::Enrolled { .. }))
            .map(|e| e.id.clone())
            .collect();
        for id in live {
            t.undo("2026-11-26", &id).unwrap();
        }
        for c in t.progress().courses {
            prop_assert_eq!((c.done, c.minutes_studied, c.sessions_attended, c.completed_on), (0, 0, 0, None));
        }
        for day in 0..20 {
            prop_assert_eq!(t.log.minutes_on(start.add_days(day)), 0);
        }
    }
}
