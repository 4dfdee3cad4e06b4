//! The camp view (创业训练营, 创业培训, 中青年企业家培训班): sessions attended out of required, the
//! business-plan checklist, upcoming sessions and the trainee's own notes.

use super::course::{CourseCatalog, CourseId, Milestone};
use super::event::{EventId, EventKind, TrainingLog};
use super::progress::progress;
use crate::date::Date;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    pub milestone: Milestone,
    /// The day it was ticked, and the event to undo to untick it.
    pub ticked: Option<(Date, EventId)>,
}

/// A note as the trainee wrote it: render as text, never as markup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoteEntry {
    pub id: EventId,
    pub on: Date,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CampView {
    pub course: CourseId,
    pub sessions_attended: u32,
    /// Required sessions, from the trainee's enrolment notice or the catalog; `None` if neither says.
    pub sessions_required: Option<u32>,
    pub checklist: Vec<ChecklistItem>,
    /// Sessions scheduled today or later, soonest first.
    pub upcoming_sessions: Vec<(Date, String)>,
    /// Notes on this course, newest first (same day: by entry id, later first).
    pub notes: Vec<NoteEntry>,
    pub completed_on: Option<Date>,
}

/// The camp view of an enrolled course; `None` if the course is unknown or not enrolled.
pub fn camp_view(
    log: &TrainingLog,
    catalog: &CourseCatalog,
    course: &CourseId,
    today: Date,
) -> Option<CampView> {
    let c = catalog.course(course)?;
    let all = progress(log, catalog);
    let p = all.course(course)?;
    let sessions_required = match &p.requirement {
        Some(super::course::Requirement::Target(super::course::Target::Sessions(n))) => {
            Some(u32::from(*n))
        }
        _ => c.sessions.known().map(|&n| u32::from(n)),
    };
    let mine = || log.effective_for(course);
    let checklist = c
        .milestones
        .iter()
        .map(|m| ChecklistItem {
            milestone: m.clone(),
            ticked: mine().find_map(|e| match &e.what {
                EventKind::MilestoneTicked { milestone } if *milestone == m.id => {
                    Some((e.on, e.id.clone()))
                }
                _ => None,
            }),
        })
        .collect();
    let mut upcoming_sessions: Vec<(Date, String)> = mine()
        .filter_map(|e| match &e.what {
            EventKind::SessionScheduled { title } if e.on >= today => Some((e.on, title.clone())),
            _ => None,
        })
        .collect();
    crate::order::sort(&mut upcoming_sessions);
    let mut notes: Vec<NoteEntry> = mine()
        .filter_map(|e| match &e.what {
            EventKind::Note { text } => Some(NoteEntry {
                id: e.id.clone(),
                on: e.on,
                text: text.clone(),
            }),
            _ => None,
        })
        .collect();
    // Newest first; same-day notes by entry id, later first (the app's ids start with the time), so the
    // order does not depend on the order storage returns events in.
    crate::order::sort_by(&mut notes, |a, b| (b.on, &b.id).cmp(&(a.on, &a.id)));
    Some(CampView {
        course: course.clone(),
        sessions_attended: p.sessions_attended,
        sessions_required,
        checklist,
        upcoming_sessions,
        notes,
        completed_on: p.completed_on,
    })
}
