//! The training log: append-only events, validated on the way in.
//!
//! Nothing is ever edited or deleted; a mistake is compensated by an [`EventKind::Undo`] that names the earlier
//! event. Everything the UI shows (progress, certificates, subsidies, deadlines, the learning record) is derived
//! from the effective events, i.e. those not undone, so derivation never depends on storage order.

use super::course::{CertificateLevel, CourseCatalog, CourseId, Target};
use super::terms::SkillsSubsidyTerms;
use super::TrainingError;
use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

// The checks an event passes on its way in.
mod check;

pub use check::parse_hours;

/// Bounds on free text: it is stored and rendered as plain text, never as markup.
pub const MAX_NOTE_CHARS: usize = 2000;
pub const MAX_LABEL_CHARS: usize = 80;
pub const MAX_CERTIFICATE_NUMBER_CHARS: usize = 64;
pub const MAX_EVENT_ID_CHARS: usize = 64;
/// A trainee-set target above this is a typing slip, not a course.
pub const MAX_TARGET: u16 = 2000;
const MINUTES_PER_DAY: u32 = 24 * 60;

/// An event's id, chosen by the caller (e.g. a random or time-based id). Re-sending the same id is a no-op.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(pub String);

impl EventId {
    pub fn new(id: impl Into<String>) -> EventId {
        EventId(id.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    fn is_well_formed(&self) -> bool {
        !self.0.is_empty()
            && self.0.len() <= MAX_EVENT_ID_CHARS
            && self
                .0
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A certificate the trainee holds (职业资格证书 / 职业技能等级证书 / 培训合格证).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// Occupation or title as printed, e.g. 中式烹调师.
    pub name: String,
    /// `None` for a certificate without a skill level (no skills subsidy).
    pub level: Option<CertificateLevel>,
    /// The certificate number (证书编号), as printed; it identifies the certificate in claims.
    pub number: String,
    pub issued_on: Date,
}

/// What happened. Serialised with a `type` tag in snake_case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// Enrolled in the event's course; `target` is the trainee's own completion target from their enrolment
    /// notice, used when the catalog does not state one (or states a different one for their class).
    Enrolled {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target: Option<Target>,
    },
    /// The trainee's completion target, set or changed after enrolment (the latest one counts).
    TargetSet {
        target: Target,
    },
    /// A module finished: a catalog module id, or the trainee's own label when the catalog lists none.
    ModuleDone {
        module: String,
    },
    /// Time studied on the event's date, in minutes (see [`parse_hours`]).
    HoursStudied {
        minutes: u16,
    },
    /// A class session attended (camps count these).
    SessionAttended {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
    },
    /// A session the trainee has been told about, on the event's date (may be in the future): feeds deadlines.
    SessionScheduled {
        title: String,
    },
    ExamPassed {
        exam: String,
    },
    /// A certificate obtained; the course is optional (certificates from elsewhere count for the subsidy too).
    CertificateAdded {
        certificate: Certificate,
    },
    /// The skills subsidy for a certificate was received (marked by the trainee), on the event's date.
    SubsidyClaimed {
        certificate_number: String,
    },
    /// A business-plan checklist item done (catalog milestone id).
    MilestoneTicked {
        milestone: String,
    },
    /// The trainee's own note. Plain text.
    Note {
        text: String,
    },
    /// Compensates an earlier event: it no longer counts anywhere.
    Undo {
        target: EventId,
    },
}

impl EventKind {
    /// Whether the event records something already done (so it cannot be dated after today).
    pub fn is_past_fact(&self) -> bool {
        !matches!(self, EventKind::SessionScheduled { .. })
    }

    fn needs_course(&self) -> bool {
        !matches!(
            self,
            EventKind::CertificateAdded { .. }
                | EventKind::SubsidyClaimed { .. }
                | EventKind::Note { .. }
                | EventKind::Undo { .. }
        )
    }
}

/// One entry of the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    /// The day it happened (or, for a scheduled session, the day it will happen).
    pub on: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course: Option<CourseId>,
    pub what: EventKind,
}

impl Event {
    pub fn new(id: impl Into<String>, on: Date, course: Option<&str>, what: EventKind) -> Event {
        Event {
            id: EventId::new(id),
            on,
            course: course.map(CourseId::new),
            what,
        }
    }
}

/// What [`TrainingLog::append`] did with a valid event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Appended {
    Added,
    /// The id was already in the log: ignored (a retried save, a re-imported backup).
    Duplicate,
}

/// What an append is checked against: the catalog, today's date, and the subsidy's terms if loaded.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub catalog: &'a CourseCatalog,
    pub today: Date,
    pub skills_subsidy: Option<&'a SkillsSubsidyTerms>,
}

/// The append-only log of one trainee, with indexes so each check and view touches only what it needs.
#[derive(Clone, Debug, Default)]
pub struct TrainingLog {
    events: Vec<Event>,
    index: HashMap<EventId, usize>,
    /// `undone[i]`: event i is compensated by an effective undo.
    undone: Vec<bool>,
    /// Positions of each course's events, in append order.
    by_course: HashMap<CourseId, Vec<usize>>,
    /// Effective minutes studied per day, over all courses (the 24-hour check).
    minutes_by_day: HashMap<Date, u32>,
}

impl TrainingLog {
    pub fn new() -> TrainingLog {
        TrainingLog::default()
    }

    /// Rebuilds the log from stored events (any order). Duplicate ids keep the first copy. Events are not
    /// re-validated: they were on append, and the backup importer checks shapes.
    pub fn from_events(events: impl IntoIterator<Item = Event>) -> TrainingLog {
        let mut log = TrainingLog::new();
        for e in events {
            log.push_raw(e);
        }
        // Storage order is arbitrary (an undo may come before its target), so undos are resolved at the end.
        let targets: Vec<usize> = log
            .events
            .iter()
            .filter_map(|e| match &e.what {
                EventKind::Undo { target } => log.index.get(target).copied(),
                _ => None,
            })
            .filter(|&t| !matches!(log.events[t].what, EventKind::Undo { .. }))
            .collect();
        for t in targets {
            log.undone[t] = true;
        }
        for (i, e) in log.events.iter().enumerate() {
            if let (EventKind::HoursStudied { minutes }, false) = (&e.what, log.undone[i]) {
                *log.minutes_by_day.entry(e.on).or_default() += u32::from(*minutes);
            }
        }
        log
    }

    fn push_raw(&mut self, e: Event) -> bool {
        if self.index.contains_key(&e.id) {
            return false;
        }
        let i = self.events.len();
        self.index.insert(e.id.clone(), i);
        if let Some(c) = &e.course {
            self.by_course.entry(c.clone()).or_default().push(i);
        }
        self.events.push(e);
        self.undone.push(false);
        true
    }

    /// Appends a checked event: its undo target (if any) exists and is not an undo, so it takes effect now.
    fn push(&mut self, e: Event) -> Appended {
        let target = match &e.what {
            EventKind::Undo { target } => self.index.get(target).copied(),
            _ => None,
        };
        let studied = match (&e.what, e.on) {
            (EventKind::HoursStudied { minutes }, on) => Some((on, u32::from(*minutes))),
            _ => None,
        };
        if !self.push_raw(e) {
            return Appended::Duplicate;
        }
        if let Some((on, m)) = studied {
            *self.minutes_by_day.entry(on).or_default() += m;
        }
        if let Some(t) = target {
            self.undone[t] = true;
            if let EventKind::HoursStudied { minutes } = self.events[t].what {
                let day = self.minutes_by_day.entry(self.events[t].on).or_default();
                *day = day.saturating_sub(u32::from(minutes));
            }
        }
        Appended::Added
    }

    /// Every event, undone or not, in append order: what storage and the backup keep.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn get(&self, id: &EventId) -> Option<&Event> {
        self.index.get(id).map(|&i| &self.events[i])
    }

    pub fn is_undone(&self, id: &EventId) -> bool {
        self.index.get(id).is_some_and(|&i| self.undone[i])
    }

    fn counts(&self, i: usize) -> bool {
        !self.undone[i] && !matches!(self.events[i].what, EventKind::Undo { .. })
    }

    /// The events that count: not undone, and not undos themselves.
    pub fn effective(&self) -> impl Iterator<Item = &Event> {
        (0..self.events.len())
            .filter(|&i| self.counts(i))
            .map(|i| &self.events[i])
    }

    /// The effective events of one course, in append order.
    pub fn effective_for<'a>(&'a self, course: &CourseId) -> impl Iterator<Item = &'a Event> + 'a {
        self.by_course
            .get(course)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter(|&&i| self.counts(i))
            .map(|&i| &self.events[i])
    }

    /// The enrolment in force for a course, if any (the earliest effective one).
    pub fn enrolment(&self, course: &CourseId) -> Option<&Event> {
        self.effective_for(course)
            .filter(|e| matches!(e.what, EventKind::Enrolled { .. }))
            .min_by_key(|e| e.on)
    }

    /// The trainee's target for a course: the latest effective `TargetSet`, else the enrolment's.
    pub fn target(&self, course: &CourseId) -> Option<Target> {
        let set = self
            .effective_for(course)
            .enumerate()
            .filter_map(|(i, e)| match &e.what {
                EventKind::TargetSet { target } => Some(((e.on, i), *target)),
                _ => None,
            })
            .max_by_key(|(k, _)| *k)
            .map(|(_, t)| t);
        set.or_else(|| match self.enrolment(course).map(|e| &e.what) {
            Some(EventKind::Enrolled { target }) => *target,
            _ => None,
        })
    }

    /// Certificates in force, earliest issued first.
    pub fn certificates(&self) -> Vec<(&Event, &Certificate)> {
        let mut certs: Vec<_> = self
            .effective()
            .filter_map(|e| match &e.what {
                EventKind::CertificateAdded { certificate } => Some((e, certificate)),
                _ => None,
            })
            .collect();
        crate::order::sort_by(&mut certs, |a, b| {
            (a.1.issued_on, &a.1.number).cmp(&(b.1.issued_on, &b.1.number))
        });
        certs
    }

    /// Subsidy claims in force: certificate number -> claim date.
    pub fn claims(&self) -> HashMap<&str, Date> {
        let mut claims = HashMap::new();
        for e in self.effective() {
            if let EventKind::SubsidyClaimed { certificate_number } = &e.what {
                claims
                    .entry(certificate_number.as_str())
                    .and_modify(|d: &mut Date| *d = (*d).min(e.on))
                    .or_insert(e.on);
            }
        }
        claims
    }

    /// Minutes studied on a date, over all courses.
    pub fn minutes_on(&self, date: Date) -> u32 {
        self.minutes_by_day.get(&date).copied().unwrap_or(0)
    }
}
