//! The bounds every record meets, checked on import and before storage writes user input.

use super::{BackupError, Section};
use crate::records::*;
use std::collections::HashSet;

pub(super) fn bad(section: Section, index: usize, problem: impl Into<String>) -> BackupError {
    BackupError::BadRecord {
        section,
        index,
        problem: problem.into(),
    }
}

/// Checks every bound a record must meet. Storage also runs this before writing user input,
/// so the database never holds a record a backup of it would refuse.
pub fn validate(records: &Records) -> Result<(), BackupError> {
    let mut seen = HashSet::new();
    for (i, a) in records.answers.iter().enumerate() {
        let at = |p: String| bad(Section::Answers, i, p);
        check_id(&a.fact_id).map_err(at)?;
        check_value(&a.value, 0).map_err(at)?;
        check_time(a.updated_at_ms).map_err(at)?;
        if !seen.insert(a.fact_id.as_str()) {
            return Err(at(format!("duplicate id {}", clip(&a.fact_id))));
        }
    }
    seen.clear();
    for (i, s) in records.saved.iter().enumerate() {
        let at = |p: String| bad(Section::Saved, i, p);
        check_id(&s.program_id).map_err(at)?;
        check_time(s.saved_at_ms).map_err(at)?;
        if s.ticked_documents.len() > MAX_TICKED_DOCUMENTS {
            return Err(at(format!(
                "more than {MAX_TICKED_DOCUMENTS} ticked documents"
            )));
        }
        if s.ticked_documents.windows(2).any(|w| w[0] >= w[1]) {
            return Err(at("ticked documents not sorted and unique".into()));
        }
        if !seen.insert(s.program_id.as_str()) {
            return Err(at(format!("duplicate id {}", clip(&s.program_id))));
        }
    }
    seen.clear();
    for (i, e) in records.training_events.iter().enumerate() {
        let at = |p: String| bad(Section::TrainingEvents, i, p);
        check_id(&e.event_id).map_err(at)?;
        check_id(&e.course_id).map_err(at)?;
        check_time(e.recorded_at_ms).map_err(at)?;
        check_value(&e.event, 0).map_err(at)?;
        if !seen.insert(e.event_id.as_str()) {
            return Err(at(format!("duplicate id {}", clip(&e.event_id))));
        }
    }
    seen.clear();
    for (i, s) in records.settings.iter().enumerate() {
        let at = |p: String| bad(Section::Settings, i, p);
        check_id(&s.key).map_err(at)?;
        check_value(&s.value, 0).map_err(at)?;
        if !seen.insert(s.key.as_str()) {
            return Err(at(format!("duplicate key {}", clip(&s.key))));
        }
    }
    // The learning record is never stored (it is re-derived from the events): `parse` checks it
    // against the events, statement by statement, and the file limit bounds its size.
    Ok(())
}
