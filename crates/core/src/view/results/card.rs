//! What one card of the results says, beyond the program's own name and summary: worked out here so the
//! choices (which lines, which step, which question to answer in place) are tested natively.

use super::{find_out_step, next_step, open_questions, why_line};
use crate::catalog::{Catalog, Channel, ChannelKind, Program};
use crate::date::Date;
use crate::facts::{FactDef, FactValue, Facts};
use crate::lang::Text;
use crate::outcome::{Availability, Group, Outcome, ProgramResult};
use crate::text::policy::PolicyText;

/// The lines of a result's card (not for employer measures, which show only their tag).
#[derive(Clone, Debug)]
pub struct Card {
    /// The verdict, when it says more than the badge.
    pub verdict: Option<Text>,
    /// The day applications open, when that is what stands between the person and applying.
    pub opens: Option<Date>,
    /// Why: the deciding condition.
    pub why: Option<Text>,
    /// Nothing to apply for: the person is covered automatically.
    pub automatic: bool,
    /// The next step, with its label (去哪里办, 下一步, 先弄清楚).
    pub next: Option<(PolicyText, Text)>,
    /// In 需要更多信息: the first question it waits on, to answer right on the card.
    pub ask: Option<FactDef>,
    /// Documents and how to apply, folded under the card.
    pub details: bool,
}

impl Card {
    pub fn new(
        catalog: &Catalog,
        result: &ProgramResult,
        program: &Program,
        facts: &Facts,
    ) -> Card {
        let likely = result.outcome == Outcome::LikelyEligible;
        let badge = if likely {
            result.outcome.label()
        } else {
            result.group.label()
        };
        // The verdict line adds something only when it says more than the badge. A likely one says whom
        // to confirm with in the next step, and 还差一点 its one step there too, so neither is said twice;
        // a date applications open on then gets its own line.
        let almost = result.group == Group::AlmostThere;
        let verdict =
            (result.verdict != badge && !likely && !almost).then(|| result.verdict.clone());
        let opens = match result.availability {
            Availability::NotYetOpen { from } if likely || almost => Some(from),
            _ => None,
        };
        let automatic = program.automatic && result.group == Group::CanApply;
        let needs_info = result.group == Group::NeedsInfo;
        let next = if automatic {
            None
        } else if needs_info {
            find_out_step(catalog, result, facts).map(|t| (PolicyText::FindOut, t))
        } else {
            next_step(result, program)
        };
        let ask = needs_info
            .then(|| {
                open_questions(catalog, result, facts)
                    .first()
                    .map(|d| (*d).clone())
            })
            .flatten();
        Card {
            verdict,
            opens,
            why: why_line(result),
            automatic,
            next,
            ask,
            details: matches!(result.group, Group::CanApply | Group::AlmostThere) && !automatic,
        }
    }
}

/// How to use a service: "你的学校" means nothing to someone who is not a student, so such a channel shows
/// only to students, unless the catalog names the school it means.
pub fn service_channels(program: &Program, facts: &Facts) -> Vec<Channel> {
    let student = facts.value("student_now") == Some(&FactValue::Bool(true));
    program
        .apply
        .iter()
        .filter(|c| c.channel != ChannelKind::School || c.name.is_some() || student)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::evaluate;
    use crate::testing::{driver, today};

    fn catalog() -> &'static Catalog {
        Catalog::builtin()
    }

    fn card(facts: &Facts, program: &str) -> (ProgramResult, Card) {
        let results = evaluate(catalog(), facts, today());
        let r = results.into_iter().find(|r| r.program == program).unwrap();
        let p = catalog().program(program).unwrap();
        let c = Card::new(catalog(), &r, p, facts);
        (r, c)
    }

    #[test]
    fn a_program_to_apply_for_says_why_where_and_what_to_bring() {
        let (r, c) = card(&driver(), "accident-insurance-subsidy");
        assert_eq!(r.group, Group::CanApply);
        assert!(c.why.is_some());
        let p = catalog().program(&r.program).unwrap();
        assert_eq!(c.next, Some((PolicyText::HowToApply, p.apply[0].label())));
        assert!(c.details && !c.automatic);
        assert!(c.ask.is_none());
    }

    #[test]
    fn one_step_away_says_the_step_once_not_in_the_verdict_too() {
        let mut f = driver();
        f.set("employment_registered", FactValue::Bool(false));
        let (r, c) = card(&f, "accident-insurance-subsidy");
        assert_eq!(r.group, Group::AlmostThere);
        assert_eq!(c.verdict, None);
        let (label, step) = c.next.unwrap();
        assert_eq!(label, PolicyText::NextStep);
        assert!(step.zh.contains("就业登记"), "{}", step.zh);
        assert!(c.details);
    }

    #[test]
    fn every_card_keeps_its_lines_consistent() {
        for facts in [Facts::new(), driver()] {
            for r in evaluate(catalog(), &facts, today()) {
                let p = catalog().program(&r.program).unwrap();
                let c = Card::new(catalog(), &r, p, &facts);
                let likely = r.outcome == Outcome::LikelyEligible;
                let badge = if likely {
                    r.outcome.label()
                } else {
                    r.group.label()
                };
                assert_ne!(c.verdict.as_ref(), Some(&badge), "{}", r.program);
                if c.automatic {
                    assert!(c.next.is_none() && !c.details, "{}", r.program);
                }
                if r.group != Group::NeedsInfo {
                    assert!(c.ask.is_none(), "{}", r.program);
                } else {
                    // Something to do: find out, or answer right there.
                    assert!(c.next.is_some() || c.ask.is_some(), "{}", r.program);
                }
                if c.opens.is_some() {
                    assert!(likely || r.group == Group::AlmostThere, "{}", r.program);
                }
                assert_eq!(
                    c.details,
                    matches!(r.group, Group::CanApply | Group::AlmostThere) && !c.automatic
                );
            }
        }
    }

    #[test]
    fn a_school_channel_without_a_name_is_shown_only_to_students() {
        let with_school = catalog().programs().iter().find(|p| {
            p.apply
                .iter()
                .any(|c| c.channel == ChannelKind::School && c.name.is_none())
        });
        let Some(p) = with_school else {
            return; // the catalog names every school it means
        };
        let mut student = Facts::new();
        student.set("student_now", FactValue::Bool(true));
        assert_eq!(service_channels(p, &student).len(), p.apply.len());
        let others = service_channels(p, &Facts::new());
        assert!(others
            .iter()
            .all(|c| c.channel != ChannelKind::School || c.name.is_some()));
        assert!(others.len() < p.apply.len());
    }
}
