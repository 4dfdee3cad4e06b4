//! The training companion (培训 tab): courses, enrolment, progress, certificates, the skills subsidy and
//! deadlines. Pure domain: no browser types; "today" is always passed in.
//!
//! # How the UI uses it
//! ```text
//! let programs = Catalog::builtin();                       // or the installed pack
//! let courses = CourseCatalog::from_catalog(programs)?;    // CourseCatalog::builtin() for the built-in one
//! let terms = SkillsSubsidyTerms::from_catalog(programs).ok();   // amounts, window, cap: from the program entry
//! let mut log = TrainingLog::from_events(stored_events);   // events from IndexedDB, any order, duplicates dropped
//! let ctx = Context { catalog: &courses, today, skills_subsidy: terms.as_ref() };
//! match log.append(event, &ctx) {                          // then persist the event if Added
//!     Ok(Appended::Added) => save(event), Ok(Appended::Duplicate) => {},
//!     Err(e) => show(e.message(lang)),                     // zh/en, says what to fix; nothing recorded
//! }
//! course.may_join(programs.facts(), &facts, today)  -> RuleResult (Met / Failed + steps / Unknown), as programs
//! progress(&log, &courses)                  -> Progress { courses: [CourseProgress { permille, completed_on, .. }], overall_permille }
//! skills_subsidies(&log, &terms, today)     -> [SkillsSubsidy { amount, last_day, status: Open{months_left,days_left} | .. }]
//! skills_facts(&log, &terms, today)         -> cert_level / cert_date / claims this year, for the engine's Facts
//! program_windows(programs, &saved_ids, today) + upcoming(&log, &courses, terms.as_ref(), windows, today)
//!                                           -> [Deadline] soonest first
//! due_within(&deadlines, today, 14)         -> the app-open banner
//! to_ics(&deadlines, lang, Stamp{..})       -> .ics text to download (VALARM 09:00 the day before)
//! camp_view(&log, &courses, &course_id, today) -> sessions x/y, checklist, upcoming sessions, notes
//! learning_record::learning_record(&log, &courses, local_id, today).to_json()
//! ```
//! Undo: append `EventKind::Undo { target }` naming the event; everything derived ignores the target from then on
//! (untick a milestone, unmark a claim, take back hours). A trainee who learns the course's requirement later
//! appends `EventKind::TargetSet`. Free text (notes, labels) is bounded here and must be rendered as text by
//! the UI, never as HTML. Specifics the sources do not state are `Stated::Unknown`: show 以当地最新通知为准 and
//! the course's `check_with` / `channel`, never a guess.

pub mod camp;
pub mod course;
pub mod deadline;
mod error;
pub mod event;
pub mod progress;
pub mod subsidy;
pub mod terms;

pub use camp::{camp_view, CampView, ChecklistItem, NoteEntry};
pub use course::{
    Audience, CertificateLevel, CertificateOffer, Completion, Course, CourseCatalog, CourseId,
    CourseIssue, CourseKind, Delivery, Milestone, Module, Requirement, Source, Stated, Target,
};
pub use deadline::{
    any_open_program_window, due_within, program_windows, to_ics, upcoming, Deadline, DeadlineKind,
};
pub use error::{TextField, TrainingError};
pub use event::{
    parse_hours, Appended, Certificate, Context, Event, EventId, EventKind, TrainingLog,
};
pub use progress::{progress, CourseProgress, Progress, RequirementSource};
pub use subsidy::{
    claims_in_year, skills_facts, skills_subsidies, Fen, LevelAmount, SkillsSubsidy,
    SkillsSubsidyTerms, SubsidyStatus, SKILLS_SUBSIDY_PROGRAM,
};
