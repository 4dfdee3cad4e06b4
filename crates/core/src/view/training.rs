//! What the 培训 screens compute from the log, the catalog and the person's answers: the entries of a
//! course, the certificates apart from the bonus, and what a certificate's bonus still asks.

use crate::catalog::Program;
use crate::date::Date;
use crate::facts::{FactDef, FactValue, Facts};
use crate::lang::Text;
use crate::rules::{evaluate_rule, Status};
use crate::training::TextField;
use crate::training::{
    Certificate, CourseId, Event, EventKind, SkillsSubsidy, SubsidyStatus, Target, TrainingError,
    TrainingLog,
};

/// Where a refusal is shown: next to the field the user has to change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Date,
    Hours,
    Text,
    Target,
    Number,
    /// Not tied to one field: shown under the form's button.
    Form,
}

/// The field a refusal is about, so its message sits next to what has to change.
pub fn field_of(e: &TrainingError) -> Field {
    use TrainingError::*;
    match e {
        InFuture { .. }
        | BeforeEnrolment { .. }
        | ClaimBeforeIssue { .. }
        | ClaimAfterDeadline { .. } => Field::Date,
        HoursNotPositive | TooManyHoursInDay { .. } | MoreThanADay | HoursUnreadable(_) => {
            Field::Hours
        }
        TargetOutOfRange { .. } => Field::Target,
        EmptyText { field } | TextTooLong { field, .. }
            if *field == TextField::CertificateNumber =>
        {
            Field::Number
        }
        EmptyText { .. } | TextTooLong { .. } | UnknownModule { .. } | ModuleAlreadyDone(_) => {
            Field::Text
        }
        DuplicateCertificate(_) => Field::Number,
        _ => Field::Form,
    }
}

/// The target chosen on the enrolment or target form: `kind` is the radio's value ("none", "hours",
/// "sessions", "modules"), `amount` what was typed. "none" is no target; an amount that is not a whole
/// number in range is refused with the range.
pub fn target_from(kind: &str, amount: &str) -> Result<Option<Target>, TrainingError> {
    if kind == "none" {
        return Ok(None);
    }
    let Ok(n) = amount.trim().parse::<u16>() else {
        return Err(TrainingError::TargetOutOfRange {
            max: crate::training::event::MAX_TARGET,
        });
    };
    Ok(Some(match kind {
        "sessions" => Target::Sessions(n),
        "modules" => Target::Modules(n),
        _ => Target::Hours(n),
    }))
}

/// A course's entries for 我的记录, newest first (by day, then the later entry first), each with whether it
/// was undone. Undo entries themselves are not listed: they show as the entry they undid.
pub fn course_entries(log: &TrainingLog, course: &CourseId) -> Vec<(Event, bool)> {
    let mut rows: Vec<(usize, Event, bool)> = log
        .events()
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.course.as_ref() == Some(course) && !matches!(e.what, EventKind::Undo { .. })
        })
        .map(|(i, e)| (i, e.clone(), log.is_undone(&e.id)))
        .collect();
    crate::order::sort_by_key(&mut rows, |r| std::cmp::Reverse((r.1.on, r.0)));
    rows.into_iter().map(|(_, e, undone)| (e, undone)).collect()
}

/// The certificates without a level: listed apart, as they unlock no bonus.
pub fn certificates_without_level(log: &TrainingLog) -> Vec<Certificate> {
    log.certificates()
        .into_iter()
        .filter(|(_, c)| c.level.is_none())
        .map(|(_, c)| c.clone())
        .collect()
}

/// The bonus program's own conditions (insurance...) for one certificate, as the engine judges them.
#[derive(Clone, Debug, PartialEq)]
pub enum BonusConditions {
    Met,
    /// The decisive conditions not met (or not known), in the catalog's words.
    Unmet(Vec<Text>),
}

/// The conditions, judged with this certificate's level and date and this year's claims added to the
/// person's answers; `None` once it can no longer be claimed (claimed, expired): then no advice is needed.
pub fn bonus_conditions(
    program: &Program,
    vocabulary: &[FactDef],
    facts: &Facts,
    subsidy: &SkillsSubsidy,
    claims_this_year: usize,
    today: Date,
) -> Option<BonusConditions> {
    let claimable = matches!(
        subsidy.status,
        SubsidyStatus::Open { .. } | SubsidyStatus::YearCapReached { .. }
    );
    if !claimable {
        return None;
    }
    let level = subsidy
        .certificate
        .level
        .expect("subsidies are for certificates with a level");
    let mut f = facts.clone();
    f.set(
        "cert_level",
        FactValue::Choice(level.fact_value().to_string()),
    );
    f.set("cert_date", FactValue::Date(subsidy.certificate.issued_on));
    f.set(
        "skill_subsidy_claims_this_year",
        FactValue::Int(claims_this_year as i64),
    );
    let result = evaluate_rule(&program.eligibility(), vocabulary, &f, today);
    if result.status == Status::Met {
        return Some(BonusConditions::Met);
    }
    Some(BonusConditions::Unmet(
        result
            .trace
            .iter()
            .filter(|c| c.status != Status::Met && c.decisive && !c.not_applicable)
            .map(|c| c.text.clone())
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::training::{CertificateLevel, Fen, SkillsSubsidyTerms};

    #[test]
    fn refusals_sit_next_to_the_field_to_fix() {
        let today = Date::ymd(2026, 11, 26);
        assert_eq!(field_of(&TrainingError::MoreThanADay), Field::Hours);
        assert_eq!(
            field_of(&TrainingError::TooManyHoursInDay {
                date: today,
                already_minutes: 60
            }),
            Field::Hours
        );
        assert_eq!(field_of(&TrainingError::InFuture { today }), Field::Date);
        assert_eq!(
            field_of(&TrainingError::BeforeEnrolment { enrolled_on: today }),
            Field::Date
        );
        assert_eq!(
            field_of(&TrainingError::TextTooLong {
                field: TextField::Note,
                max: 2000
            }),
            Field::Text
        );
        assert_eq!(
            field_of(&TrainingError::EmptyText {
                field: TextField::CertificateNumber
            }),
            Field::Number
        );
        assert_eq!(
            field_of(&TrainingError::DuplicateCertificate("A1".into())),
            Field::Number
        );
        assert_eq!(
            field_of(&TrainingError::TargetOutOfRange { max: 2000 }),
            Field::Target
        );
        assert_eq!(
            field_of(&TrainingError::ClaimCapReached { year: 2026, max: 3 }),
            Field::Form
        );
    }

    #[test]
    fn a_target_is_read_from_the_form_s_choice_and_amount() {
        assert_eq!(target_from("none", "12"), Ok(None));
        assert_eq!(target_from("hours", " 40 "), Ok(Some(Target::Hours(40))));
        assert_eq!(target_from("sessions", "6"), Ok(Some(Target::Sessions(6))));
        assert_eq!(target_from("modules", "3"), Ok(Some(Target::Modules(3))));
        let refused = TrainingError::TargetOutOfRange {
            max: crate::training::event::MAX_TARGET,
        };
        assert_eq!(target_from("hours", "1.5"), Err(refused.clone()));
        assert_eq!(target_from("hours", ""), Err(refused));
    }

    fn day(d: u8) -> Date {
        Date::ymd(2026, 11, d)
    }

    fn event(id: &str, on: Date, course: &str, what: EventKind) -> Event {
        Event::new(id, on, Some(course), what)
    }

    #[test]
    fn a_course_lists_its_own_entries_newest_first_with_undone_ones_marked() {
        let log = TrainingLog::from_events([
            event("a", day(2), "c1", EventKind::Enrolled { target: None }),
            event("b", day(5), "c1", EventKind::HoursStudied { minutes: 60 }),
            event("c", day(5), "c1", EventKind::HoursStudied { minutes: 30 }),
            event("d", day(6), "c2", EventKind::Enrolled { target: None }),
            Event::new(
                "e",
                day(7),
                None,
                EventKind::Undo {
                    target: crate::training::EventId::new("b"),
                },
            ),
        ]);
        let rows = course_entries(&log, &CourseId::new("c1"));
        let ids: Vec<(&str, bool)> = rows.iter().map(|(e, u)| (e.id.0.as_str(), *u)).collect();
        assert_eq!(ids, [("c", false), ("b", true), ("a", false)]);
    }

    fn certificate(level: Option<CertificateLevel>, number: &str) -> Certificate {
        Certificate {
            name: "中式烹调师".into(),
            level,
            number: number.into(),
            issued_on: day(1),
        }
    }

    #[test]
    fn certificates_without_a_level_are_set_apart() {
        let add = |id: &str, c: Certificate| {
            Event::new(
                id,
                day(2),
                None,
                EventKind::CertificateAdded { certificate: c },
            )
        };
        let log = TrainingLog::from_events([
            add("a", certificate(Some(CertificateLevel::Intermediate), "A1")),
            add("b", certificate(None, "B1")),
        ]);
        let apart = certificates_without_level(&log);
        assert_eq!(apart.len(), 1);
        assert_eq!(apart[0].number, "B1");
    }

    fn bonus(status: SubsidyStatus) -> SkillsSubsidy {
        SkillsSubsidy {
            certificate: certificate(Some(CertificateLevel::Intermediate), "A1"),
            amount: Some(Fen::from_yuan(1500)),
            last_day: Date::ymd(2027, 11, 1),
            status,
        }
    }

    fn program() -> &'static Program {
        let catalog = Catalog::builtin();
        let terms = SkillsSubsidyTerms::from_catalog(catalog).unwrap();
        catalog.program(&terms.program_id).unwrap()
    }

    fn conditions(facts: &Facts, status: SubsidyStatus) -> Option<BonusConditions> {
        let vocabulary = Catalog::builtin().facts();
        bonus_conditions(program(), vocabulary, facts, &bonus(status), 0, day(26))
    }

    #[test]
    fn a_claimed_or_expired_bonus_needs_no_advice() {
        assert_eq!(conditions(&Facts::new(), SubsidyStatus::Expired), None);
        let claimed = SubsidyStatus::Claimed { on: day(20) };
        assert_eq!(conditions(&Facts::new(), claimed), None);
    }

    #[test]
    fn an_open_bonus_names_the_insurance_it_still_asks_about() {
        let open = SubsidyStatus::Open {
            months_left: 11,
            days_left: 340,
        };
        match conditions(&Facts::new(), open) {
            Some(BonusConditions::Unmet(lines)) => assert!(!lines.is_empty()),
            other => panic!("expected the unmet conditions, got {other:?}"),
        }
    }

    #[test]
    fn an_open_bonus_whose_conditions_hold_says_so() {
        let mut facts = Facts::new();
        facts.set("receiving_ui_benefit", FactValue::Bool(true));
        facts.set("cert_claimed_before", FactValue::Choice("none".into()));
        let open = SubsidyStatus::Open {
            months_left: 11,
            days_left: 340,
        };
        assert_eq!(conditions(&facts, open), Some(BonusConditions::Met));
    }
}
