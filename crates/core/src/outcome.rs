//! What a person sees for each program: the outcome, why (per-criterion trace), how far away eligibility is,
//! deadlines, exclusions and the amount, all as bilingual text ready to show.

use super::catalog::{Catalog, Kind, Program};
use super::date::Date;
use super::facts::Facts;
use super::lang::{Lang, Text};
use super::money::Yuan;
use super::rules::{CriterionResult, Status, Step};
use serde::Serialize;

/// The verdict for one program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Every condition holds and the published conditions are completely known.
    Eligible,
    /// Every known condition holds, but the published conditions are only partly known: confirm first.
    LikelyEligible,
    /// Some condition that matters is not known yet.
    NeedsInfo,
    NotEligible,
    /// 面向企业: a measure for employers, shown for completeness, never asked about.
    ForEmployers,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Eligible => "eligible",
            Outcome::LikelyEligible => "likely_eligible",
            Outcome::NeedsInfo => "needs_info",
            Outcome::NotEligible => "not_eligible",
            Outcome::ForEmployers => "for_employers",
        }
    }

    pub fn from_code(code: &str) -> Option<Outcome> {
        [
            Outcome::Eligible,
            Outcome::LikelyEligible,
            Outcome::NeedsInfo,
            Outcome::NotEligible,
            Outcome::ForEmployers,
        ]
        .into_iter()
        .find(|o| o.code() == code)
    }

    /// Eligible or likely eligible.
    pub fn qualifies(self) -> bool {
        matches!(self, Outcome::Eligible | Outcome::LikelyEligible)
    }
}

/// How the results screen groups programs (可以申请 / 还差一点 / 需要更多信息 / 不符合 / 面向企业).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    CanApply,
    AlmostThere,
    NeedsInfo,
    NotEligible,
    ForEmployers,
}

/// Whether the program is running on `today`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Availability {
    Open,
    /// Starts (or the next application period opens) on `from`.
    NotYetOpen {
        from: Date,
    },
    /// Ended on `on` (the program, or its last application period). Never shown as open.
    Ended {
        on: Date,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    Open,
    Upcoming,
    Passed,
    /// The date it counts from is not known.
    Unknown,
}

/// A deadline or application period, computed for this person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WindowResult {
    pub window: String,
    pub text: Text,
    pub state: WindowState,
    /// Last day to apply, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
}

/// Another program that cannot be combined with this one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Exclusion {
    pub program: String,
    pub name: Text,
    /// The person also qualifies for it, so they must choose one.
    pub also_qualifies: bool,
}

/// The full result for one program and one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProgramResult {
    pub program: String,
    pub kind: Kind,
    pub outcome: Outcome,
    pub group: Group,
    /// One line: "可以申请" / "可能符合 — 请向…确认" / "还差一点:…" ...
    pub verdict: Text,
    pub availability: Availability,
    pub trace: Vec<CriterionResult>,
    /// For "not eligible": what the person can do, when everything blocking can be changed.
    pub steps: Vec<Step>,
    pub windows: Vec<WindowResult>,
    pub excluded_with: Vec<Exclusion>,
    pub benefit: Text,
    /// The amount (or cap) that applies to this person, when the catalog knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Yuan>,
    /// For likely-eligible and unknown amounts: where to confirm.
    pub confirm_with: Text,
}

impl ProgramResult {
    /// Trace lines with the given status (the "why").
    pub fn with_status(&self, status: Status) -> impl Iterator<Item = &CriterionResult> {
        self.trace.iter().filter(move |c| c.status == status)
    }

    pub fn verdict(&self, lang: Lang) -> &str {
        self.verdict.get(lang)
    }
}

/// Evaluates every program of the catalog for one person on `today`, in catalog order.
pub fn evaluate(catalog: &Catalog, facts: &Facts, today: Date) -> Vec<ProgramResult> {
    if catalog.in_force_on() != Some(today) {
        // The values of `today`, whatever day the catalog was put in force for.
        return evaluate(&catalog.in_force(today), facts, today);
    }
    let mut results: Vec<ProgramResult> = catalog
        .programs()
        .iter()
        .map(|p| evaluate_program(catalog, p, facts, today))
        .collect();
    // Exclusions need every outcome, so they are filled in a second pass.
    let qualifies: Vec<bool> = results.iter().map(|r| r.outcome.qualifies()).collect();
    for (i, r) in results.iter_mut().enumerate() {
        r.excluded_with = catalog
            .exclusions_at(i)
            .iter()
            .filter_map(|id| {
                let j = catalog.programs().iter().position(|p| &p.id == id)?;
                Some(Exclusion {
                    program: id.clone(),
                    name: catalog.programs()[j].name.clone(),
                    also_qualifies: qualifies[j],
                })
            })
            .collect();
    }
    results
}

/// Whether a program is running on `today` (effective dates and fixed application periods).
pub fn availability(p: &Program, today: Date) -> Availability {
    if let Some(until) = p.effective_until {
        if until < today {
            return Availability::Ended { on: until };
        }
    }
    if let Some(from) = p.effective_from {
        if from > today {
            return Availability::NotYetOpen { from };
        }
    }
    // Fixed application periods: open if one is running, else the next one, else ended.
    let periods: Vec<(Option<Date>, Option<Date>)> = p
        .windows
        .iter()
        .filter(|w| w.fact.is_none() && (w.from.is_some() || w.until.is_some()))
        .map(|w| (w.from, w.until))
        .collect();
    if periods.is_empty()
        || periods
            .iter()
            .any(|(a, b)| a.is_none_or(|a| a <= today) && b.is_none_or(|b| today <= b))
    {
        return Availability::Open;
    }
    if let Some(next) = periods
        .iter()
        .filter_map(|(a, _)| a.filter(|a| *a > today))
        .min()
    {
        return Availability::NotYetOpen { from: next };
    }
    let last = periods
        .iter()
        .filter_map(|(_, b)| *b)
        .max()
        .unwrap_or(today);
    Availability::Ended { on: last }
}

/// Evaluates one program (exclusions are left empty: `evaluate` fills them).
pub fn evaluate_program(
    catalog: &Catalog,
    p: &Program,
    facts: &Facts,
    today: Date,
) -> ProgramResult {
    let vocabulary = catalog.facts();
    let rr = p.compiled().evaluate(vocabulary, facts, today);
    let availability = availability(p, today);
    let mut trace = rr.trace;
    let mut steps = rr.steps;
    let mut outcome = if p.is_for_employers() {
        Outcome::ForEmployers
    } else {
        match rr.status {
            Status::Met if p.rules_complete && !rr.doubtful => Outcome::Eligible,
            Status::Met => Outcome::LikelyEligible,
            Status::Failed => Outcome::NotEligible,
            Status::Unknown => Outcome::NeedsInfo,
        }
    };
    if let (Availability::Ended { on }, false) = (availability, p.is_for_employers()) {
        // An ended program is never shown as open, whatever the person's answers.
        outcome = Outcome::NotEligible;
        steps.clear();
        trace.push(CriterionResult {
            criterion: "effective".into(),
            fact: String::new(),
            status: Status::Failed,
            not_applicable: false,
            decisive: true,
            text: Outcome::ended_text(on),
        });
    }
    let windows = p
        .windows
        .iter()
        .map(|w| {
            let (state, deadline) = match (&w.fact, w.span_months()) {
                (Some(f), Some(span)) => match facts.value(f) {
                    Some(super::facts::FactValue::Date(d)) => {
                        let end = d.add_months(span);
                        (
                            if end >= today {
                                WindowState::Open
                            } else {
                                WindowState::Passed
                            },
                            Some(end),
                        )
                    }
                    _ => (WindowState::Unknown, None),
                },
                _ => {
                    let state = match (w.from, w.until) {
                        (Some(a), _) if a > today => WindowState::Upcoming,
                        (_, Some(b)) if b < today => WindowState::Passed,
                        _ => WindowState::Open,
                    };
                    (state, w.until)
                }
            };
            WindowResult {
                window: w.id.clone(),
                text: w.text.clone(),
                state,
                deadline,
            }
        })
        .collect();
    let (benefit, amount) = catalog.describe_benefit(p, Some(facts));
    let confirm_with = p.where_to_check();
    let group = match outcome {
        Outcome::Eligible | Outcome::LikelyEligible => Group::CanApply,
        Outcome::NeedsInfo => Group::NeedsInfo,
        Outcome::NotEligible if !steps.is_empty() => Group::AlmostThere,
        Outcome::NotEligible => Group::NotEligible,
        Outcome::ForEmployers => Group::ForEmployers,
    };
    let verdict = match group {
        Group::CanApply if outcome == Outcome::LikelyEligible => {
            Outcome::likely_text(&confirm_with)
        }
        Group::AlmostThere => Outcome::almost_there_text(&steps[0].text),
        // The one-line reason: the program's end if it ended, else the first decisive failure that is not
        // just a consequence of another answer.
        Group::NotEligible => {
            let ended = trace
                .iter()
                .find(|c| c.criterion == "effective" && c.fact.is_empty());
            let reason = ended.or_else(|| {
                trace
                    .iter()
                    .find(|c| c.status == Status::Failed && c.decisive && !c.not_applicable)
            });
            match reason {
                Some(c) => Outcome::not_eligible_text(&c.text),
                None => outcome.label(),
            }
        }
        _ => outcome.label(),
    };
    let verdict = match availability {
        Availability::NotYetOpen { from } if outcome.qualifies() => {
            Outcome::opens_on_text(&verdict, from)
        }
        _ => verdict,
    };
    ProgramResult {
        program: p.id.clone(),
        kind: p.kind,
        outcome,
        group,
        verdict,
        availability,
        trace,
        steps,
        windows,
        excluded_with: Vec::new(),
        benefit,
        amount,
        confirm_with,
    }
}
