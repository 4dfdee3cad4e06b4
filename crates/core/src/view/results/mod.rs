//! The results screen, worked out without the browser: the sections and their ranking for this person,
//! the one-line "why" and "next step", what a result still waits on, and the exclusion hint.

use crate::catalog::{Catalog, Channel, ChannelKind, Kind, Program};
use crate::facts::FactDef;
use crate::lang::{Lang, Text};
use crate::outcome::{Group, Outcome, ProgramResult};
use crate::rules::Status;
use crate::text::policy::{tf, PolicyText};

mod card;
#[cfg(test)]
mod tests;

pub use card::{service_channels, Card};

/// The one line under a verdict saying why: the deciding condition for this person.
pub fn why_line(r: &ProgramResult) -> Option<Text> {
    let wanted = match r.group {
        Group::CanApply => Status::Met,
        Group::NeedsInfo => Status::Unknown,
        Group::AlmostThere | Group::NotEligible => Status::Failed,
        Group::ForEmployers => return None,
    };
    r.trace
        .iter()
        .filter(|c| c.status == wanted && !c.not_applicable)
        .find(|c| c.decisive)
        .or_else(|| r.trace.iter().find(|c| c.status == wanted))
        .map(|c| c.text.clone())
}

/// The one line saying what to do next, with its label: where to apply (去哪里办), what to confirm or
/// what to change (下一步). For 需要更多信息 see [`find_out_step`].
pub fn next_step(r: &ProgramResult, p: &Program) -> Option<(PolicyText, Text)> {
    let channel = |key: PolicyText, c: &Text| {
        Text::new(
            tf(key, Lang::Zh, "channel", &c.zh),
            tf(key, Lang::En, "channel", &c.en),
        )
    };
    match (r.group, r.outcome) {
        (Group::CanApply, Outcome::LikelyEligible) => Some((
            PolicyText::NextStep,
            channel(PolicyText::NextConfirm, &r.confirm_with),
        )),
        // The channel's own label already says who acts ("你的单位或平台代为申请", "爱山东App「…」").
        (Group::CanApply, _) => p.apply.first().map(|c| (PolicyText::HowToApply, c.label())),
        (Group::AlmostThere, _) => r
            .steps
            .first()
            .map(|s| (PolicyText::NextStep, s.text.clone())),
        // What to find out depends on the answers: `find_out_step`.
        _ => None,
    }
}

/// The results screen's groups in the order shown, each with its programs (catalog order).
pub fn grouped(results: &[ProgramResult]) -> Vec<(Group, Vec<&ProgramResult>)> {
    [
        Group::CanApply,
        Group::AlmostThere,
        Group::NeedsInfo,
        Group::NotEligible,
        Group::ForEmployers,
    ]
    .into_iter()
    .map(|g| (g, results.iter().filter(|r| r.group == g).collect()))
    .collect()
}

/// The results screen's sections, in the order shown: what this person can claim now, what is one step
/// away, courses, services to simply use, then what is still open, what does not fit and employer measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// Money and cover (subsidies, loans, insurance, awards) that fit now.
    ClaimNow,
    AlmostThere,
    /// Courses and camps that fit: one card per kind.
    Courses,
    /// Services that fit: nothing to apply for with documents.
    Services,
    NeedsInfo,
    NotEligible,
    ForEmployers,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::ClaimNow,
        Section::AlmostThere,
        Section::Courses,
        Section::Services,
        Section::NeedsInfo,
        Section::NotEligible,
        Section::ForEmployers,
    ];

    /// A stable code for the page (`data-group`).
    pub fn code(self) -> &'static str {
        match self {
            Section::ClaimNow => "can-apply",
            Section::AlmostThere => "almost-there",
            Section::Courses => "courses",
            Section::Services => "services",
            Section::NeedsInfo => "needs-info",
            Section::NotEligible => "not-eligible",
            Section::ForEmployers => "for-employers",
        }
    }

    pub fn label(self) -> Text {
        let key = crate::text::both;
        match self {
            Section::ClaimNow => key(PolicyText::SectionClaimNow),
            Section::AlmostThere => Group::AlmostThere.label(),
            Section::Courses => key(PolicyText::SectionCourses),
            Section::Services => key(PolicyText::SectionServices),
            Section::NeedsInfo => Group::NeedsInfo.label(),
            Section::NotEligible => Group::NotEligible.label(),
            Section::ForEmployers => Group::ForEmployers.label(),
        }
    }

    /// Open when the screen appears: what the person can act on.
    pub fn open(self) -> bool {
        matches!(
            self,
            Section::ClaimNow | Section::AlmostThere | Section::Courses | Section::Services
        )
    }
}

/// The section a result goes in.
pub fn section_of(r: &ProgramResult) -> Section {
    match r.group {
        Group::CanApply => match r.kind {
            Kind::Training | Kind::Camp => Section::Courses,
            Kind::Service => Section::Services,
            _ => Section::ClaimNow,
        },
        Group::AlmostThere => Section::AlmostThere,
        Group::NeedsInfo => Section::NeedsInfo,
        Group::NotEligible => Section::NotEligible,
        Group::ForEmployers => Section::ForEmployers,
    }
}

/// Money and cover first, then courses, then services and the rest.
fn kind_rank(kind: Kind) -> u8 {
    match kind {
        Kind::Subsidy | Kind::Insurance => 0,
        Kind::Loan => 1,
        Kind::Award => 2,
        Kind::Training | Kind::Camp => 3,
        Kind::Service => 4,
        Kind::Employer => 5,
    }
}

/// Every result in its section, the sections in screen order (empty ones included), each ranked by what
/// matters to this person: what is open now before what opens later, a firm "yes" before "likely", money and
/// cover before the rest, a known and larger amount first, fewer steps or fewer open questions first; a
/// program that comes by itself (`automatic`) after what has to be claimed. Ties keep the catalog's order.
pub fn ranked<'a>(
    catalog: &Catalog,
    results: &'a [ProgramResult],
) -> Vec<(Section, Vec<&'a ProgramResult>)> {
    let automatic = |r: &ProgramResult| catalog.program(&r.program).is_some_and(|p| p.automatic);
    Section::ALL
        .into_iter()
        .map(|section| {
            let mut items: Vec<&ProgramResult> = results
                .iter()
                .filter(|r| section_of(r) == section)
                .collect();
            crate::order::sort_by_key(&mut items, |r| {
                let later = !matches!(r.availability, crate::outcome::Availability::Open);
                let open_questions = r.with_status(Status::Unknown).count();
                (
                    later,
                    r.outcome != Outcome::Eligible,
                    automatic(r),
                    kind_rank(r.kind),
                    std::cmp::Reverse(r.amount.map(|a| a.0)),
                    r.steps.len(),
                    open_questions,
                )
            });
            (section, items)
        })
        .collect()
}

/// The courses section's cards: one per kind (培训, 训练营), each with its courses in rank order.
pub fn course_cards<'a>(items: &[&'a ProgramResult]) -> Vec<(Kind, Vec<&'a ProgramResult>)> {
    let mut cards: Vec<(Kind, Vec<&ProgramResult>)> = Vec::new();
    for r in items {
        match cards.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, list)) => list.push(r),
            None => cards.push((r.kind, vec![r])),
        }
    }
    cards
}

/// A course card's title: "你可以参加的培训(5)".
pub fn course_card_title(kind: Kind, n: usize, lang: Lang) -> String {
    let key = if kind == Kind::Camp {
        PolicyText::CoursesOfCamp
    } else {
        PolicyText::CoursesOfTraining
    };
    tf(key, lang, "n", &n.to_string())
}

/// The questions a result still waits on, in trace order: the facts of its conditions not known yet that
/// the person has not answered (a 不清楚 counts as not answered: they may find out).
pub fn open_questions<'a>(
    catalog: &'a Catalog,
    r: &ProgramResult,
    facts: &crate::facts::Facts,
) -> Vec<&'a FactDef> {
    let mut out: Vec<&FactDef> = Vec::new();
    for c in r.with_status(Status::Unknown) {
        if c.fact.is_empty() || facts.value(&c.fact).is_some() {
            continue;
        }
        if let Some(def) = catalog.fact(&c.fact) {
            // An age not given yet: the one-tap age band stands in for the birth date, as in the check (the
            // date is offered once a band was given that straddles the rule's limit).
            let def = catalog
                .facts()
                .iter()
                .find(|b| b.age_of.as_deref() == Some(def.id.as_str()) && !facts.is_answered(&b.id))
                .unwrap_or(def);
            if !out.iter().any(|d| d.id == def.id) {
                out.push(def);
            }
        }
    }
    out
}

/// The one concrete step for a result in 需要更多信息: how to find out the first thing it waits on, from the
/// catalog ("问站长或平台客服:平台(或站点)是否在枣庄注册"). `None` when that question has no such line: the
/// person knows the answer and answers it right there (`open_questions`). When nothing is left to answer
/// (a condition only the office can settle), whom to confirm with. Never "answer the remaining questions":
/// the results screen says so itself while questions remain.
pub fn find_out_step(
    catalog: &Catalog,
    r: &ProgramResult,
    facts: &crate::facts::Facts,
) -> Option<Text> {
    match open_questions(catalog, r, facts).first() {
        Some(first) => first.find_out.clone(),
        None => Some(Text::new(
            tf(
                PolicyText::NextConfirm,
                Lang::Zh,
                "channel",
                &r.confirm_with.zh,
            ),
            tf(
                PolicyText::NextConfirm,
                Lang::En,
                "channel",
                &r.confirm_with.en,
            ),
        )),
    }
}

/// What the exclusion note says after the other program's name: nothing, "ask before choosing" when the
/// person may qualify for both, or that the other one comes by itself. An automatic program is never
/// offered as one of two to choose from.
pub fn exclusion_hint(
    catalog: &Catalog,
    this: &str,
    other: &crate::outcome::Exclusion,
) -> Option<PolicyText> {
    let automatic = |id: &str| catalog.program(id).is_some_and(|p| p.automatic);
    if automatic(&other.program) {
        Some(PolicyText::OtherIsAutomatic)
    } else if other.also_qualifies && !automatic(this) {
        Some(PolicyText::ExcludedChoose)
    } else {
        None
    }
}

/// A `tel:` link for channels that are a phone number people can tap.
pub fn tel_link(c: &Channel) -> Option<&'static str> {
    (c.channel == ChannelKind::Hotline12333).then_some("tel:12333")
}
