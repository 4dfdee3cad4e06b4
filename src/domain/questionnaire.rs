//! The adaptive questionnaire: ask the fact that decides the most still-undecided programs, stop when no
//! answer can change any outcome. "不清楚/跳过" is an answer (recorded as unknown) and is not asked again.

use super::catalog::Catalog;
use super::date::Date;
use super::facts::{Answer, FactDef, FactError, FactValue, Facts};
use super::outcome::Availability;
use super::rules::Status;
use serde::Serialize;

/// The next question to ask.
#[derive(Clone, Copy, Debug)]
pub struct Question<'a> {
    pub fact: &'a FactDef,
    /// How many still-undecided programs this answer can decide (directly or by opening a follow-up).
    pub deciding: usize,
}

/// Where the person is: questions answered so far and about how many remain at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub answered: usize,
    /// Upper estimate of remaining questions ("还有约N个问题"); 0 means the result is complete.
    pub remaining: usize,
}

impl Progress {
    /// Share done, 0..=100, for a progress bar.
    pub fn percent(self) -> u8 {
        let total = self.answered + self.remaining;
        if total == 0 {
            100
        } else {
            (self.answered * 100 / total) as u8
        }
    }
}

/// Score of each vocabulary fact: how many undecided programs its answer could decide.
fn scores(catalog: &Catalog, facts: &Facts, today: Date) -> Vec<usize> {
    let vocab = catalog.facts();
    let mut score = vec![0usize; vocab.len()];
    let mut deciding = Vec::new();
    let mut credited = Vec::new();
    for p in catalog.programs() {
        if p.is_for_employers() {
            continue;
        }
        if let Availability::Ended { .. } = super::outcome::availability(p, today) {
            continue;
        }
        deciding.clear();
        p.compiled()
            .deciding_facts(vocab, facts, today, &mut deciding);
        credited.clear();
        for &fi in &deciding {
            if let Some(target) = askable(catalog, fi, facts, today, 0) {
                if !credited.contains(&target) {
                    credited.push(target);
                    score[target] += 1;
                }
            }
        }
    }
    score
}

/// The fact to ask so that `fact` gets decided: itself if its `ask_if` holds (or it has none), the
/// `ask_if` fact if that is still open, None if it does not apply or was already answered.
fn askable(catalog: &Catalog, fi: usize, facts: &Facts, today: Date, depth: u8) -> Option<usize> {
    let vocab = catalog.facts();
    let def = &vocab[fi];
    if facts.is_answered(&def.id) {
        return None;
    }
    let Some(cond) = &def.ask_if else {
        return Some(fi);
    };
    match facts.answer(&cond.fact) {
        Some(Answer::Known(v)) => match cond.holds(v, today) {
            Some(true) => Some(fi),
            _ => None,
        },
        Some(Answer::Unknown) => Some(fi),
        None => {
            let parent = vocab.iter().position(|d| d.id == cond.fact)?;
            if depth > 3 {
                return Some(fi);
            }
            askable(catalog, parent, facts, today, depth + 1)
        }
    }
}

/// The question that decides the most still-undecided programs; ties go to the fact written first in
/// catalog/facts.toml. None when no answer can change any outcome.
pub fn next_question<'a>(catalog: &'a Catalog, facts: &Facts, today: Date) -> Option<Question<'a>> {
    let score = scores(catalog, facts, today);
    let (best, &deciding) = score
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > 0)
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
    Some(Question {
        fact: &catalog.facts()[best],
        deciding,
    })
}

/// Questions answered and an upper estimate of how many remain.
pub fn progress(catalog: &Catalog, facts: &Facts, today: Date) -> Progress {
    let answered = catalog
        .facts()
        .iter()
        .filter(|d| facts.is_answered(&d.id))
        .count();
    let remaining = scores(catalog, facts, today)
        .iter()
        .filter(|s| **s > 0)
        .count();
    Progress {
        answered,
        remaining,
    }
}

/// Records an answer after checking it against the fact's definition; `None` records "不清楚/跳过".
/// Changing an earlier answer is the same call.
pub fn answer(
    catalog: &Catalog,
    facts: &mut Facts,
    fact: &str,
    value: Option<FactValue>,
    today: Date,
) -> Result<(), FactError> {
    let def = catalog
        .fact(fact)
        .ok_or_else(|| FactError::UnknownFact(fact.to_string()))?;
    match value {
        Some(v) => {
            def.check(&v, today)?;
            facts.set(fact, v);
        }
        None => {
            facts.mark_unknown(fact);
        }
    }
    Ok(())
}

/// Whether any program's outcome could still change with more answers.
pub fn is_complete(catalog: &Catalog, facts: &Facts, today: Date) -> bool {
    next_question(catalog, facts, today).is_none()
}

/// How many programs are still undecided (needs more information) — for "还有N项待确认".
pub fn undecided(catalog: &Catalog, facts: &Facts, today: Date) -> usize {
    catalog
        .programs()
        .iter()
        .filter(|p| {
            !p.is_for_employers()
                && p.compiled().status(catalog.facts(), facts, today) == Status::Unknown
        })
        .count()
}
