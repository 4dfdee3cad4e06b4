//! 失业保险技能提升补贴: what each certificate is worth, by when to claim it, and the yearly cap.
//!
//! The amounts, the claim window and the cap are NOT written here: they come from the program catalog's entry
//! for the subsidy ([`SkillsSubsidyTerms`]), so a policy change is a data change. Whether the person meets the
//! program's own conditions (insured at least a year, or receiving unemployment benefit) is the rules engine's
//! verdict on that program; the UI shows it next to these figures.

use super::event::{Certificate, TrainingLog};
pub use super::terms::{Fen, LevelAmount, SkillsSubsidyTerms, SKILLS_SUBSIDY_PROGRAM};
use crate::date::Date;
use crate::facts::FactValue;
use serde::Serialize;

/// Where one certificate stands with the subsidy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum SubsidyStatus {
    /// Claimable: `months_left` whole months and `days_left` days until the last day (0 = today is the last day).
    Open {
        months_left: i32,
        days_left: i64,
    },
    /// Still within its window, but this calendar year's claims are used up. If the window reaches into next
    /// year, `next_possible` is 1 January of next year.
    YearCapReached {
        year: i32,
        next_possible: Option<Date>,
    },
    Claimed {
        on: Date,
    },
    /// The window closed on `last_day` without a recorded claim.
    Expired,
}

/// The subsidy as it applies to one certificate the trainee holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SkillsSubsidy {
    pub certificate: Certificate,
    /// `None`: the level has no amount in the catalog's table — show 以当地最新通知为准.
    pub amount: Option<Fen>,
    pub last_day: Date,
    pub status: SubsidyStatus,
}

/// Claims recorded in a calendar year.
pub fn claims_in_year(log: &TrainingLog, year: i32) -> usize {
    log.claims().values().filter(|d| d.year() == year).count()
}

/// The subsidy for every certificate with a skill level, earliest issued first.
pub fn skills_subsidies(
    log: &TrainingLog,
    terms: &SkillsSubsidyTerms,
    today: Date,
) -> Vec<SkillsSubsidy> {
    let claims = log.claims();
    let used_this_year = claims_in_year(log, today.year());
    log.certificates()
        .into_iter()
        .filter_map(|(_, cert)| {
            let level = cert.level?;
            let last_day = terms.last_day_to_claim(cert.issued_on);
            let status = if let Some(&on) = claims.get(cert.number.as_str()) {
                SubsidyStatus::Claimed { on }
            } else if today > last_day {
                SubsidyStatus::Expired
            } else if used_this_year >= usize::from(terms.max_claims_per_year) {
                let next_year = Date::ymd(today.year() + 1, 1, 1);
                SubsidyStatus::YearCapReached {
                    year: today.year(),
                    next_possible: (next_year <= last_day).then_some(next_year),
                }
            } else {
                SubsidyStatus::Open {
                    months_left: today.whole_months_until(last_day),
                    days_left: today.days_until(last_day),
                }
            };
            Some(SkillsSubsidy {
                certificate: cert.clone(),
                amount: terms.amount_for(level),
                last_day,
                status,
            })
        })
        .collect()
}

/// The skills-subsidy facts the trainee's log already answers, for the rules engine's questionnaire and
/// outcome (catalog/facts.toml): `cert_level` and `cert_date` of the certificate most worth claiming now (still
/// in its window and unclaimed; the highest level, then the soonest deadline), and `skill_subsidy_claims_this_year`.
/// With no such certificate only the claim count is given, so the app still asks about certificates held
/// elsewhere instead of answering "none" for the person.
pub fn skills_facts(
    log: &TrainingLog,
    terms: &SkillsSubsidyTerms,
    today: Date,
) -> Vec<(&'static str, FactValue)> {
    let best = skills_subsidies(log, terms, today)
        .into_iter()
        .filter(|s| {
            matches!(
                s.status,
                SubsidyStatus::Open { .. } | SubsidyStatus::YearCapReached { .. }
            )
        })
        .filter_map(|s| s.certificate.level.map(|l| (l, s)))
        // CertificateLevel orders Junior first, so the highest level is the maximum.
        .max_by(|(la, a), (lb, b)| la.cmp(lb).then(b.last_day.cmp(&a.last_day)));
    let mut facts = Vec::new();
    if let Some((level, s)) = best {
        facts.push((
            "cert_level",
            FactValue::Choice(level.fact_value().to_string()),
        ));
        facts.push(("cert_date", FactValue::Date(s.certificate.issued_on)));
    }
    facts.push((
        "skill_subsidy_claims_this_year",
        FactValue::Int(claims_in_year(log, today.year()) as i64),
    ));
    facts
}
