//! Progress derived from the log: a bar per course and an overall one.
//!
//! A course's requirement is the trainee's own target from enrolment if they gave one, else the catalog's
//! stated one. It completes on the first date its rule is met (all modules, the hours, or the sessions): a
//! certificate recorded for it does not finish a course whose hours or modules are still short. Only when no
//! requirement is known does a certificate for the course complete it, on its issue date. No completion date
//! falls before the enrolment date (a certificate issued before it is not from this enrolment and is ignored).
//! With no known requirement and no certificate, the bar has no fraction: the UI says the requirement is unknown
//! and where to ask.

use super::course::{CourseCatalog, CourseId, Requirement, Target};
use super::event::{Event, EventKind, TrainingLog};
use crate::date::Date;
use serde::Serialize;

/// Where the requirement in force came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequirementSource {
    Catalog,
    Trainee,
    /// Neither states one.
    Unknown,
}

/// One enrolled course's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CourseProgress {
    pub course: CourseId,
    pub enrolled_on: Date,
    pub requirement: Option<Requirement>,
    pub requirement_from: RequirementSource,
    /// Modules done, in the order they were done (by date, then entry id).
    pub modules_done: Vec<String>,
    pub minutes_studied: u32,
    pub sessions_attended: u32,
    pub exams_passed: Vec<(Date, String)>,
    pub milestones_ticked: Vec<String>,
    /// Progress in the requirement's unit (modules, minutes, sessions), and what is required.
    pub done: u32,
    pub required: Option<u32>,
    /// The bar: 0..=1000 (‰), `None` if the requirement is unknown and the course is not complete.
    pub permille: Option<u16>,
    pub completed_on: Option<Date>,
    /// The earliest issue date of a certificate recorded for this course on or after the enrolment, whether or
    /// not it completes the course (it does only when the requirement is unknown).
    pub certificate_on: Option<Date>,
}

/// All enrolled courses and an overall bar (the mean of the known per-course bars).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub courses: Vec<CourseProgress>,
    pub overall_permille: Option<u16>,
}

impl Progress {
    pub fn course(&self, id: &CourseId) -> Option<&CourseProgress> {
        self.courses.iter().find(|c| &c.course == id)
    }
}

fn permille(done: u32, required: u32) -> u16 {
    if required == 0 {
        return 1000;
    }
    (u64::from(done.min(required)) * 1000 / u64::from(required)) as u16
}

/// Derives every enrolled course's progress, in catalog order; then the courses the person enrolled in
/// that the catalog no longer lists (after a catalog update), by id, measured against the trainee's own
/// target only: their records stay visible rather than vanish with the listing.
pub fn progress(log: &TrainingLog, catalog: &CourseCatalog) -> Progress {
    let mut courses: Vec<CourseProgress> = catalog
        .courses()
        .iter()
        .filter_map(|c| {
            log.enrolment(&c.id)
                .map(|en| course_progress(log, &c.id, c.stated_requirement(), en))
        })
        .collect();
    let mut unlisted: Vec<&CourseId> = log
        .effective()
        .filter(|e| matches!(e.what, EventKind::Enrolled { .. }))
        .filter_map(|e| e.course.as_ref())
        .filter(|id| catalog.course(id).is_none())
        .collect();
    crate::order::sort(&mut unlisted);
    unlisted.dedup();
    for id in unlisted {
        if let Some(en) = log.enrolment(id) {
            courses.push(course_progress(log, id, None, en));
        }
    }
    let known: Vec<u32> = courses
        .iter()
        .filter_map(|c| c.permille.map(u32::from))
        .collect();
    let overall_permille =
        (!known.is_empty()).then(|| (known.iter().sum::<u32>() / known.len() as u32) as u16);
    Progress {
        courses,
        overall_permille,
    }
}

fn course_progress(
    log: &TrainingLog,
    course: &CourseId,
    stated: Option<Requirement>,
    enrolment: &Event,
) -> CourseProgress {
    let trainee_target = log.target(course);
    let (requirement, requirement_from) = match (trainee_target, stated) {
        (Some(t), _) => (Some(Requirement::Target(t)), RequirementSource::Trainee),
        (None, Some(r)) => (Some(r), RequirementSource::Catalog),
        (None, None) => (None, RequirementSource::Unknown),
    };

    // The course's effective events in date order, same-day ties by event id (the app's ids start with the
    // time), so the result does not depend on the order storage returns events in.
    let mut events: Vec<&Event> = log.effective_for(course).collect();
    crate::order::sort_by(&mut events, |a, b| (a.on, &a.id).cmp(&(b.on, &b.id)));

    let mut p = CourseProgress {
        course: course.clone(),
        enrolled_on: enrolment.on,
        requirement: requirement.clone(),
        requirement_from,
        modules_done: Vec::new(),
        minutes_studied: 0,
        sessions_attended: 0,
        exams_passed: Vec::new(),
        milestones_ticked: Vec::new(),
        done: 0,
        required: None,
        permille: None,
        completed_on: None,
        certificate_on: None,
    };
    let required = requirement.as_ref().map(|r| match r {
        Requirement::AllModules(list) => list.len() as u32,
        Requirement::Target(Target::Modules(n)) | Requirement::Target(Target::Sessions(n)) => {
            u32::from(*n)
        }
        Requirement::Target(Target::Hours(h)) => u32::from(*h) * 60,
    });
    let mut certificate_on: Option<Date> = None;
    for e in events {
        match &e.what {
            EventKind::ModuleDone { module } if !p.modules_done.contains(module) => {
                p.modules_done.push(module.clone())
            }
            EventKind::HoursStudied { minutes } => p.minutes_studied += u32::from(*minutes),
            EventKind::SessionAttended { .. } => p.sessions_attended += 1,
            EventKind::ExamPassed { exam } => p.exams_passed.push((e.on, exam.clone())),
            EventKind::MilestoneTicked { milestone }
                if !p.milestones_ticked.contains(milestone) =>
            {
                p.milestones_ticked.push(milestone.clone())
            }
            // A certificate issued before the enrolment is not from it (the log refuses one on append; an
            // imported backup may still hold one).
            EventKind::CertificateAdded { certificate }
                if certificate.issued_on >= enrolment.on =>
            {
                certificate_on = Some(
                    certificate_on.map_or(certificate.issued_on, |d| d.min(certificate.issued_on)),
                )
            }
            _ => {}
        }
        let done = match &requirement {
            Some(Requirement::AllModules(list)) => {
                list.iter().filter(|m| p.modules_done.contains(m)).count() as u32
            }
            Some(Requirement::Target(Target::Modules(_))) => p.modules_done.len() as u32,
            Some(Requirement::Target(Target::Hours(_))) => p.minutes_studied,
            Some(Requirement::Target(Target::Sessions(_))) => p.sessions_attended,
            None => 0,
        };
        p.done = done;
        if p.completed_on.is_none() && required.is_some_and(|r| done >= r) {
            // Never before the enrolment, even for events an imported backup dates earlier.
            p.completed_on = Some(e.on.max(enrolment.on));
        }
    }
    // With no known requirement, a certificate for the course is the only proof of completion. With one, the
    // hours, modules or sessions decide: a certificate does not fill them in.
    if required.is_none() {
        p.completed_on = certificate_on;
    }
    p.certificate_on = certificate_on;
    p.required = required;
    p.permille = match (required, p.completed_on) {
        (_, Some(_)) => Some(1000),
        (Some(r), None) => Some(permille(p.done, r)),
        (None, None) => None,
    };
    p
}
