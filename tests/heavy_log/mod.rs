//! A heavy but plausible training log (years of daily logging), shared by the native training bench
//! (`benches/training.rs`) and the browser storage bench (`tests/web_bench.rs`), so both time the same log.

use leye_core::date::Date;
use leye_core::training::{
    Certificate, CertificateLevel, CourseCatalog, Event, EventId, EventKind, Target,
};

/// `n` events ending `today`: every course enrolled, then mostly hours, sessions, notes (Chinese text),
/// undos and now and then a certificate.
pub fn events(n: usize, catalog: &CourseCatalog, today: Date) -> Vec<Event> {
    let courses: Vec<&str> = catalog.courses().iter().map(|c| c.id.as_str()).collect();
    let start = today.add_days(-(n as i64) / 4);
    let mut out = Vec::with_capacity(n);
    for (i, c) in courses.iter().enumerate() {
        out.push(Event::new(
            format!("en{i}"),
            start,
            Some(c),
            EventKind::Enrolled {
                target: Some(Target::Hours(400)),
            },
        ));
    }
    let mut i = 0;
    while out.len() < n {
        let day = start.add_days((i / 4) as i64 + 1).min(today);
        let what = match i % 10 {
            0..=5 => EventKind::HoursStudied { minutes: 45 },
            6 => EventKind::SessionAttended { title: None },
            7 => EventKind::Note {
                text: "今天学了成本核算,要再练习".into(),
            },
            8 => EventKind::Undo {
                target: EventId(format!("ev{}", i - 3)),
            },
            _ if i % 400 == 9 => EventKind::CertificateAdded {
                certificate: Certificate {
                    name: "中式烹调师".into(),
                    level: Some(CertificateLevel::Junior),
                    number: format!("C{i}"),
                    issued_on: day,
                },
            },
            _ => EventKind::HoursStudied { minutes: 30 },
        };
        let course = match what {
            EventKind::Undo { .. } | EventKind::CertificateAdded { .. } => None,
            _ => Some(courses[i % courses.len()]),
        };
        out.push(Event::new(format!("ev{i}"), day, course, what));
        i += 1;
    }
    out
}
