//! The adaptive questionnaire: ask the fact that decides the most still-undecided programs, stop when no
//! answer can change any outcome. "不清楚/跳过" is an answer (recorded as unknown) and is not asked again.
//!
//! The parts: `roles` (the first screen), `score` (how much a question helps); this file asks the next
//! question, records answers and counts progress.

mod roles;
mod score;

pub use roles::{choices_shown, implied, is_platform_role, PLATFORMS, ROLE_FACT};
use roles::{platform_kinds, roles, PLATFORM_FIRST, PLATFORM_WORK};
use score::{asks_for, scores, Score};

use super::catalog::{Catalog, Program};
use super::date::Date;
use super::facts::{FactDef, FactError, FactType, FactValue, Facts};
use super::lang::Text;
use super::outcome::Availability;
use super::rules::{decide_or_ask, Status, TestKind};
use serde::Serialize;

/// The next question to ask: one fact, or a checklist of grouped yes/no facts shown on one screen.
#[derive(Clone, Debug)]
pub struct Question<'a> {
    /// The fact that decides the most (for a checklist: its first item).
    pub fact: &'a FactDef,
    /// For a checklist: every fact on the screen (ticked = yes, unticked = no, 不清楚 = unknown for all).
    /// Empty for a single question.
    pub checklist: Vec<&'a FactDef>,
    /// How many still-undecided programs this answer can decide (directly or by opening a follow-up).
    pub deciding: usize,
}

impl Question<'_> {
    /// The heading of a checklist screen.
    pub fn checklist_title() -> Text {
        crate::text::both(crate::text::questions::QuestionText::ChecklistTitle)
    }

    /// Fact ids this screen answers.
    pub fn fact_ids(&self) -> Vec<&str> {
        if self.checklist.is_empty() {
            vec![self.fact.id.as_str()]
        } else {
            self.checklist.iter().map(|f| f.id.as_str()).collect()
        }
    }
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
        (self.answered * 100)
            .checked_div(self.answered + self.remaining)
            .map_or(100, |p| p as u8)
    }
}

/// The question that decides the most still-undecided programs; ties go to the fact written first in
/// catalog/facts.toml. None when no answer can change any outcome.
pub fn next_question<'a>(catalog: &'a Catalog, facts: &Facts, today: Date) -> Option<Question<'a>> {
    let score = scores(catalog, facts, today);
    if score.iter().all(|s| s.relevant == 0) {
        return None;
    }
    // The first screen, while something is still open: who the person is.
    if let Some(role) = catalog.fact(ROLE_FACT) {
        if !facts.is_answered(ROLE_FACT) {
            return Some(Question {
                fact: role,
                checklist: Vec::new(),
                deciding: 0,
            });
        }
    }
    // A checklist scores as the sum of its items: one screen answers them all.
    let vocab = catalog.facts();
    let group_score = |fi: usize| -> Score {
        match &vocab[fi].group {
            None => score[fi],
            Some(g) => vocab
                .iter()
                .zip(&score)
                .filter(|(d, _)| d.group.as_ref() == Some(g))
                .fold(Score::default(), |acc, (_, s)| Score {
                    decided_milli: acc.decided_milli + s.decided_milli,
                    relevant: acc.relevant + s.relevant,
                    gated_by: None,
                }),
        }
    };
    // Most programs decided by the answer, then most programs touched, then the earlier fact.
    // The questions of the roles picked on the first screen come first, in the order the role lists them.
    let preferred = roles(facts)
        .iter()
        .flat_map(|r| r.first.iter())
        .filter_map(|id| vocab.iter().position(|d| d.id == *id))
        .find(|&fi| score[fi].relevant > 0);
    let best = match preferred {
        Some(fi) => fi,
        None => {
            (0..vocab.len())
                .filter(|&fi| score[fi].relevant > 0)
                .map(|fi| (fi, group_score(fi)))
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?
                .0
        }
    };
    // A checklist waits for the questions that open its other items, so it is shown once, complete.
    let best = match &vocab[best].group {
        Some(g) => vocab
            .iter()
            .zip(&score)
            .filter(|(d, _)| d.group.as_ref() == Some(g))
            .find_map(|(_, s)| s.gated_by.filter(|p| vocab[*p].group.as_ref() != Some(g)))
            .unwrap_or(best),
        None => best,
    };
    let s = group_score(best);
    let checklist = match &vocab[best].group {
        None => Vec::new(),
        Some(g) => vocab
            .iter()
            .enumerate()
            .filter(|(fi, d)| {
                d.group.as_ref() == Some(g) && score[*fi].relevant > 0 && !facts.is_answered(&d.id)
            })
            .map(|(_, d)| d)
            .collect(),
    };
    Some(Question {
        fact: &vocab[best],
        checklist,
        deciding: s.relevant,
    })
}

/// Every unanswered fact that may still be asked: those an undecided program depends on, with the
/// unanswered questions that open them. Answering a question only ever removes facts from this set (a
/// decided program stays decided, a follow-up whose opener was answered otherwise or 不清楚 is dropped), so
/// the estimate built on it never goes up while the person moves forward.
fn open_questions(catalog: &Catalog, facts: &Facts, today: Date) -> Vec<usize> {
    let vocab = catalog.facts();
    let mut open = vec![false; vocab.len()];
    let mut deciding = Vec::new();
    for p in catalog.programs().iter().filter(|p| asks_for(p, today)) {
        deciding.clear();
        p.compiled()
            .deciding_facts(vocab, facts, today, &mut deciding);
        for &fi in &deciding {
            if let Some(chain) = opening_chain(catalog, fi, facts, today) {
                for c in chain {
                    open[c] = true;
                }
            }
        }
    }
    (0..vocab.len()).filter(|&fi| open[fi]).collect()
}

/// The fact and the unanswered questions that must be answered first to open it, or None when it
/// can no longer be asked (answered, or an opener answered otherwise or 不清楚).
fn opening_chain(catalog: &Catalog, fi: usize, facts: &Facts, today: Date) -> Option<Vec<usize>> {
    let vocab = catalog.facts();
    let mut chain = Vec::new();
    let mut at = fi;
    loop {
        let def = &vocab[at];
        if facts.is_answered(&def.id) || chain.contains(&at) || chain.len() > 4 {
            return None;
        }
        chain.push(at);
        let Some(cond) = &def.ask_if else {
            return Some(chain);
        };
        match decide_or_ask(cond, vocab, facts, today)? {
            Ok(holds) => return holds.then_some(chain),
            Err(parent) => at = parent,
        }
    }
}

/// Questions answered and an upper estimate of how many remain.
pub fn progress(catalog: &Catalog, facts: &Facts, today: Date) -> Progress {
    let mut answered_groups: Vec<&str> = Vec::new();
    // Facts the first screen settled were not questions the person answered.
    let mut settled: Vec<&str> = roles(facts)
        .iter()
        .flat_map(|r| r.sets.iter().map(|(id, _)| *id))
        .collect();
    if platform_kinds(catalog, facts.value(ROLE_FACT))
        .is_some_and(|k| facts.value(PLATFORM_WORK) == Some(&k))
    {
        settled.push(PLATFORM_WORK);
    }
    // A platform role's first screen also shows the platforms: one screen for both answers.
    if roles(facts).iter().any(|r| r.first == PLATFORM_FIRST) {
        settled.push(PLATFORMS);
    }
    let answered = catalog
        .facts()
        .iter()
        .filter(|d| facts.is_answered(&d.id) && !settled.contains(&d.id.as_str()))
        .filter(|d| match d.group.as_deref() {
            Some(g) if answered_groups.contains(&g) => false,
            Some(g) => {
                answered_groups.push(g);
                true
            }
            None => true,
        })
        .count();
    // Every question that some answer could still bring up; a group of checklist facts is one screen.
    let vocab = catalog.facts();
    let mut groups: Vec<&str> = Vec::new();
    let mut remaining = 0;
    let open = open_questions(catalog, facts, today);
    let role_left =
        !open.is_empty() && catalog.fact(ROLE_FACT).is_some() && !facts.is_answered(ROLE_FACT);
    remaining += usize::from(role_left);
    for fi in open {
        match vocab[fi].group.as_deref() {
            Some(g) if groups.contains(&g) => {}
            Some(g) => {
                groups.push(g);
                remaining += 1;
            }
            None => remaining += 1,
        }
    }
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
            for (id, change) in implied(catalog, facts, fact, Some(&v)) {
                match change {
                    Some(x) => {
                        facts.set(id, x);
                    }
                    None => {
                        facts.unset(&id);
                    }
                }
            }
            facts.set(fact, v);
        }
        None => {
            for (id, change) in implied(catalog, facts, fact, None) {
                if change.is_none() {
                    facts.unset(&id);
                }
            }
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
