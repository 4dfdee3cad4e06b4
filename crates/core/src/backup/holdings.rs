//! What a set of records holds, counted the way the restore question shows it.

use crate::records::Records;
use std::collections::HashSet;

/// What a set of records holds, in the terms a person recognises: what the restore question shows for
/// the file and for the phone side by side, so nobody replaces a course, its hours or a certificate
/// without seeing it first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Holdings {
    pub answers: usize,
    pub saved: usize,
    /// Courses enrolled in (an undone enrolment does not count).
    pub courses: usize,
    /// Minutes of study logged, undone entries left out.
    pub minutes: u64,
    pub certificates: usize,
    /// Every stored record, settings included: zero means there is nothing to replace.
    pub records: usize,
}

impl Holdings {
    /// Counts `records`; a training event this build cannot read still counts as a record.
    pub fn of(records: &Records) -> Holdings {
        use crate::training::{Event, EventKind, TrainingLog};
        let log = TrainingLog::from_events(
            records
                .training_events
                .iter()
                .filter_map(|r| serde_json::from_value::<Event>(r.event.clone()).ok()),
        );
        let mut courses = HashSet::new();
        let mut minutes = 0u64;
        let mut certificates = 0;
        for e in log.effective() {
            match &e.what {
                EventKind::Enrolled { .. } => {
                    if let Some(c) = &e.course {
                        courses.insert(c.clone());
                    }
                }
                EventKind::HoursStudied { minutes: m } => minutes += u64::from(*m),
                EventKind::CertificateAdded { .. } => certificates += 1,
                _ => {}
            }
        }
        Holdings {
            answers: records.answers.len(),
            saved: records.saved.len(),
            courses: courses.len(),
            minutes,
            certificates,
            records: records.answers.len()
                + records.saved.len()
                + records.training_events.len()
                + records.settings.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.records == 0
    }
}
