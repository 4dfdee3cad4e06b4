//! What the log refuses, checked before an event is appended: nothing is recorded when a check fails.

use super::*;
use crate::training::TextField;

impl TrainingLog {
    /// Validates `event` against the log and `ctx`, then appends it. A known id is ignored ([`Appended::Duplicate`]),
    /// even if its content differs, so a retried save never doubles anything.
    pub fn append(&mut self, event: Event, ctx: &Context<'_>) -> Result<Appended, TrainingError> {
        if !event.id.is_well_formed() {
            return Err(TrainingError::BadEventId);
        }
        if self.index.contains_key(&event.id) {
            return Ok(Appended::Duplicate);
        }
        self.check(&event, ctx)?;
        Ok(self.push(event))
    }

    fn check(&self, event: &Event, ctx: &Context<'_>) -> Result<(), TrainingError> {
        use EventKind::*;
        if event.what.is_past_fact() && event.on > ctx.today {
            return Err(TrainingError::InFuture { today: ctx.today });
        }
        let course = match &event.course {
            Some(id) => Some(
                ctx.catalog
                    .course(id)
                    .ok_or_else(|| TrainingError::UnknownCourse(id.0.clone()))?,
            ),
            None if event.what.needs_course() => return Err(TrainingError::CourseRequired),
            None => None,
        };
        // Everything but enrolment and course-free entries needs an enrolment dated on or before it.
        if let Some(c) = course {
            let name = c.name.zh.clone();
            match (&event.what, self.enrolment(&c.id)) {
                (Enrolled { .. }, Some(_)) => return Err(TrainingError::AlreadyEnrolled(name)),
                (Enrolled { .. }, None) => {}
                (_, None) => return Err(TrainingError::NotEnrolled(name)),
                (_, Some(en)) if event.on < en.on && event.what.is_past_fact() => {
                    return Err(TrainingError::BeforeEnrolment { enrolled_on: en.on })
                }
                _ => {}
            }
        }
        match &event.what {
            Enrolled { target: Some(t) } | TargetSet { target: t }
                if t.amount() == 0 || t.amount() > MAX_TARGET =>
            {
                return Err(TrainingError::TargetOutOfRange { max: MAX_TARGET });
            }
            Enrolled { .. } | TargetSet { .. } => {}
            ModuleDone { module } => {
                let c = course.expect("checked above");
                bounded(TextField::Module, module, MAX_LABEL_CHARS)?;
                if let Some(list) = c.modules.known() {
                    if c.module(module).is_none() {
                        return Err(TrainingError::UnknownModule {
                            module: module.clone(),
                            known: list.iter().map(|m| m.id.clone()).collect(),
                        });
                    }
                }
                let done = self
                    .effective_for(&c.id)
                    .any(|e| matches!(&e.what, ModuleDone { module: m } if m == module));
                if done {
                    return Err(TrainingError::ModuleAlreadyDone(module.clone()));
                }
            }
            HoursStudied { minutes } => {
                if *minutes == 0 {
                    return Err(TrainingError::HoursNotPositive);
                }
                let already = self.minutes_on(event.on);
                if already + u32::from(*minutes) > MINUTES_PER_DAY {
                    return Err(TrainingError::TooManyHoursInDay {
                        date: event.on,
                        already_minutes: already,
                    });
                }
            }
            SessionAttended { title } => {
                if let Some(t) = title {
                    bounded_optional(TextField::Session, t, MAX_LABEL_CHARS)?;
                }
            }
            SessionScheduled { title } => bounded(TextField::Session, title, MAX_LABEL_CHARS)?,
            ExamPassed { exam } => bounded(TextField::Exam, exam, MAX_LABEL_CHARS)?,
            CertificateAdded { certificate } => {
                bounded(
                    TextField::CertificateName,
                    &certificate.name,
                    MAX_LABEL_CHARS,
                )?;
                bounded(
                    TextField::CertificateNumber,
                    &certificate.number,
                    MAX_CERTIFICATE_NUMBER_CHARS,
                )?;
                if certificate.issued_on > ctx.today {
                    return Err(TrainingError::InFuture { today: ctx.today });
                }
                // A certificate from this course cannot be issued before the enrolment in it.
                if let Some(en) = course.and_then(|c| self.enrolment(&c.id)) {
                    if certificate.issued_on < en.on {
                        return Err(TrainingError::BeforeEnrolment { enrolled_on: en.on });
                    }
                }
                let number = certificate.number.trim();
                if self
                    .certificates()
                    .iter()
                    .any(|(_, c)| c.number.trim() == number)
                {
                    return Err(TrainingError::DuplicateCertificate(number.to_string()));
                }
            }
            SubsidyClaimed { certificate_number } => {
                self.check_claim(event.on, certificate_number.trim(), ctx)?
            }
            MilestoneTicked { milestone } => {
                let c = course.expect("checked above");
                if c.milestone(milestone).is_none() {
                    return Err(TrainingError::UnknownMilestone(milestone.clone()));
                }
                let ticked = self
                    .effective_for(&c.id)
                    .any(|e| matches!(&e.what, MilestoneTicked { milestone: m } if m == milestone));
                if ticked {
                    return Err(TrainingError::MilestoneAlreadyTicked(milestone.clone()));
                }
            }
            Note { text } => bounded(TextField::Note, text, MAX_NOTE_CHARS)?,
            Undo { target } => {
                let t = self
                    .get(target)
                    .ok_or_else(|| TrainingError::UnknownEvent(target.0.clone()))?;
                if matches!(t.what, Undo { .. }) {
                    return Err(TrainingError::CannotUndoUndo);
                }
                if self.is_undone(target) {
                    return Err(TrainingError::AlreadyUndone(target.0.clone()));
                }
            }
        }
        Ok(())
    }

    fn check_claim(&self, on: Date, number: &str, ctx: &Context<'_>) -> Result<(), TrainingError> {
        let terms = ctx
            .skills_subsidy
            .ok_or(TrainingError::SubsidyTermsMissing)?;
        let (_, cert) = self
            .certificates()
            .into_iter()
            .find(|(_, c)| c.number.trim() == number)
            .ok_or_else(|| TrainingError::UnknownCertificate(number.to_string()))?;
        if cert.level.is_none() {
            return Err(TrainingError::CertificateHasNoLevel(number.to_string()));
        }
        if self.claims().keys().any(|n| n.trim() == number) {
            return Err(TrainingError::AlreadyClaimed(number.to_string()));
        }
        if on < cert.issued_on {
            return Err(TrainingError::ClaimBeforeIssue {
                issued_on: cert.issued_on,
            });
        }
        let last_day = terms.last_day_to_claim(cert.issued_on);
        if on > last_day {
            return Err(TrainingError::ClaimAfterDeadline { last_day });
        }
        let in_year = self
            .claims()
            .values()
            .filter(|d| d.year() == on.year())
            .count();
        if in_year >= usize::from(terms.max_claims_per_year) {
            return Err(TrainingError::ClaimCapReached {
                year: on.year(),
                max: terms.max_claims_per_year,
            });
        }
        Ok(())
    }
}

fn bounded(field: TextField, text: &str, max: usize) -> Result<(), TrainingError> {
    if text.trim().is_empty() {
        return Err(TrainingError::EmptyText { field });
    }
    bounded_optional(field, text, max)
}

fn bounded_optional(field: TextField, text: &str, max: usize) -> Result<(), TrainingError> {
    if text.chars().count() > max {
        return Err(TrainingError::TextTooLong { field, max });
    }
    Ok(())
}

/// Reads an hours amount as typed ("2", "1.5", "0.25", "1,5") into whole minutes, without floating point.
/// At most two decimals; the result must be more than 0 and at most 24 hours.
pub fn parse_hours(input: &str) -> Result<u16, TrainingError> {
    let s = input.trim().replace([',', '，', '。'], ".");
    let unreadable = || TrainingError::HoursUnreadable(input.chars().take(20).collect());
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    if (whole.is_empty() && frac.is_empty())
        || frac.len() > 2
        || whole.len() > 3
        || !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return Err(unreadable());
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| unreadable())?
    };
    // Hundredths of an hour, then minutes rounded to the nearest (0.01 h = 0.6 min).
    let hundredths: u32 = format!("{frac:0<2}").parse().map_err(|_| unreadable())?;
    let total_hundredths = whole * 100 + hundredths;
    let minutes = (total_hundredths * 60 + 50) / 100;
    if minutes == 0 {
        return Err(TrainingError::HoursNotPositive);
    }
    if minutes > MINUTES_PER_DAY {
        return Err(TrainingError::MoreThanADay);
    }
    Ok(minutes as u16)
}
