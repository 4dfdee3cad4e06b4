//! Why the training log refused an entry, as data: the wording a person reads is in `text::errors`.

use crate::date::Date;

/// A refusal of the training layer. Nothing is recorded when one is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrainingError {
    /// The built course catalog could not be read (a build problem, not the user's).
    CatalogUnreadable(String),
    /// An event id is empty, too long or has characters outside `A-Z a-z 0-9 - _ . :`.
    BadEventId,
    /// The course is not in the catalog.
    UnknownCourse(String),
    /// This kind of entry needs a course.
    CourseRequired,
    /// Progress logged for a course the trainee has not enrolled in.
    NotEnrolled(String),
    AlreadyEnrolled(String),
    /// The entry is dated before the enrolment.
    BeforeEnrolment {
        enrolled_on: Date,
    },
    /// Something that already happened is dated after today.
    InFuture {
        today: Date,
    },
    /// Zero hours studied.
    HoursNotPositive,
    /// The day's hours would exceed 24; `already` minutes were logged that day.
    TooManyHoursInDay {
        date: Date,
        already_minutes: u32,
    },
    /// A single entry of more than 24 hours.
    MoreThanADay,
    /// An hours amount that is not a number of hours (e.g. "abc", "1.234").
    HoursUnreadable(String),
    /// A completion target of zero or an implausibly large one.
    TargetOutOfRange {
        max: u16,
    },
    UnknownModule {
        module: String,
        known: Vec<String>,
    },
    ModuleAlreadyDone(String),
    UnknownMilestone(String),
    MilestoneAlreadyTicked(String),
    /// A required text is empty.
    EmptyText {
        field: TextField,
    },
    /// A text is longer than allowed (counted in characters).
    TextTooLong {
        field: TextField,
        max: usize,
    },
    DuplicateCertificate(String),
    UnknownCertificate(String),
    /// The certificate has no skill level, so the skills subsidy does not apply to it.
    CertificateHasNoLevel(String),
    AlreadyClaimed(String),
    ClaimBeforeIssue {
        issued_on: Date,
    },
    ClaimAfterDeadline {
        last_day: Date,
    },
    /// The yearly cap of claims is already reached in that calendar year.
    ClaimCapReached {
        year: i32,
        max: u8,
    },
    /// The program catalog's entry for the subsidy lacks a part this module needs (a data problem).
    SubsidyTermsUnreadable(String),
    /// Claims can only be recorded when the subsidy's terms are loaded from the program catalog.
    SubsidyTermsMissing,
    UnknownEvent(String),
    AlreadyUndone(String),
    /// An undo cannot itself be undone: log the entry again instead.
    CannotUndoUndo,
}

/// The texts a trainee types into the log, named in the text layer (`text::errors::training`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    Note,
    CertificateNumber,
    CertificateName,
    Module,
    Session,
    Exam,
}

impl TextField {
    pub const ALL: [TextField; 6] = [
        TextField::Note,
        TextField::CertificateNumber,
        TextField::CertificateName,
        TextField::Module,
        TextField::Session,
        TextField::Exam,
    ];
}
