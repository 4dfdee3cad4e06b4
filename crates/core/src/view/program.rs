//! A program page (/policies/:id), worked out without the browser: the person's result with the lines
//! it shows, the figures behind the amount, the dates the program is in force and each window's state.

use crate::catalog::{Catalog, Figure, Program};
use crate::date::Date;
use crate::facts::{FactDef, Facts};
use crate::i18n::Message;
use crate::lang::{Lang, Text};
use crate::outcome::{Group, Outcome, ProgramResult, WindowState};
use crate::rules::CriterionResult;
use crate::text::policy::{tf, PolicyText};
use crate::view::results::{find_out_step, next_step, open_questions, why_line};

/// 你的结果 on a program page.
#[derive(Clone, Debug)]
pub struct YourResult {
    /// The verdict, when it says more than the badge; for a likely result, whom to confirm with.
    pub verdict: Option<Text>,
    /// Why, shown only while the result waits on answers.
    pub why: Option<Text>,
    /// In 需要更多信息: how to find out the first thing it waits on.
    pub find_out: Option<Text>,
    /// In 需要更多信息: every question it waits on, each answerable on the page.
    pub open: Vec<FactDef>,
    /// The conditions checked, without those that do not apply to this person unless they decided it.
    pub trace: Vec<CriterionResult>,
}

impl YourResult {
    pub fn new(catalog: &Catalog, r: &ProgramResult, facts: &Facts) -> YourResult {
        let likely = r.outcome == Outcome::LikelyEligible;
        let badge = if likely {
            r.outcome.label()
        } else {
            r.group.label()
        };
        // A likely result says whom to confirm with instead of repeating "likely eligible".
        let verdict = if likely {
            catalog
                .program(&r.program)
                .and_then(|p| next_step(r, p))
                .map(|(_, t)| t)
        } else {
            (r.verdict != badge).then(|| r.verdict.clone())
        };
        let needs_info = r.group == Group::NeedsInfo;
        YourResult {
            verdict,
            why: why_line(r).filter(|_| needs_info),
            find_out: needs_info
                .then(|| find_out_step(catalog, r, facts))
                .flatten(),
            open: if needs_info {
                open_questions(catalog, r, facts)
                    .into_iter()
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            },
            // Conditions that do not apply to this person (a graduation date for a non-graduate) would
            // only confuse; their outcome is already in the decisive lines.
            trace: r
                .trace
                .iter()
                .filter(|c| !c.not_applicable || c.decisive)
                .cloned()
                .collect(),
        }
    }
}

/// The figures the amount is made of, each opening its source.
pub fn benefit_figures(program: &Program) -> Vec<Figure> {
    program
        .figures
        .iter()
        .filter(|f| program.benefit_figures.contains(&f.parameter))
        .cloned()
        .collect()
}

/// "2025-01-01起施行 长期有效": when the program is in force.
pub fn effective_line(from: Option<Date>, until: Option<Date>, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(d) = from {
        parts.push(tf(PolicyText::EffectiveFrom, lang, "date", &d.to_string()));
    }
    match until {
        Some(d) => parts.push(tf(PolicyText::EffectiveUntil, lang, "date", &d.to_string())),
        None => parts.push(PolicyText::EffectiveOpenEnded.text(lang).to_string()),
    }
    parts.join(" ")
}

/// What an application window's state is called.
pub fn window_state(state: WindowState) -> PolicyText {
    match state {
        WindowState::Open => PolicyText::WindowOpen,
        WindowState::Upcoming => PolicyText::WindowUpcoming,
        WindowState::Passed => PolicyText::WindowPassed,
        WindowState::Unknown => PolicyText::WindowUnknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::evaluate;
    use crate::testing::{driver, today};

    fn catalog() -> &'static Catalog {
        Catalog::builtin()
    }

    #[test]
    fn with_no_answers_a_result_says_what_to_find_out_and_what_to_answer() {
        let facts = Facts::new();
        let results = evaluate(catalog(), &facts, today());
        let waiting: Vec<&ProgramResult> = results
            .iter()
            .filter(|r| r.group == Group::NeedsInfo)
            .collect();
        assert!(!waiting.is_empty());
        for r in waiting {
            let y = YourResult::new(catalog(), r, &facts);
            assert!(y.find_out.is_some() || !y.open.is_empty(), "{}", r.program);
            assert!(y.trace.iter().all(|c| !c.not_applicable || c.decisive));
        }
    }

    #[test]
    fn a_decided_result_asks_nothing_and_says_why_only_while_waiting() {
        let facts = driver();
        let results = evaluate(catalog(), &facts, today());
        let r = results
            .iter()
            .find(|r| r.program == "accident-insurance-subsidy")
            .unwrap();
        let y = YourResult::new(catalog(), r, &facts);
        assert!(y.open.is_empty() && y.find_out.is_none() && y.why.is_none());
        let badge = if r.outcome == Outcome::LikelyEligible {
            r.outcome.label()
        } else {
            r.group.label()
        };
        assert_ne!(y.verdict, Some(badge));
    }

    #[test]
    fn the_amount_opens_only_its_own_figures() {
        for p in catalog().programs() {
            for f in benefit_figures(p) {
                assert!(p.benefit_figures.contains(&f.parameter), "{}", p.id);
            }
        }
    }

    #[test]
    fn in_force_dates_read_in_both_languages() {
        let from = Some(Date::ymd(2025, 1, 1));
        let zh = effective_line(from, None, Lang::Zh);
        assert!(zh.contains("2025-01-01"), "{zh}");
        assert!(zh.ends_with(PolicyText::EffectiveOpenEnded.text(Lang::Zh)));
        let en = effective_line(None, Some(Date::ymd(2027, 12, 31)), Lang::En);
        assert_eq!(
            en,
            tf(PolicyText::EffectiveUntil, Lang::En, "date", "2027-12-31")
        );
        assert_eq!(window_state(WindowState::Open), PolicyText::WindowOpen);
        assert_eq!(window_state(WindowState::Passed), PolicyText::WindowPassed);
    }
}
