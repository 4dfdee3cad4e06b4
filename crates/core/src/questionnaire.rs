//! The adaptive questionnaire: ask the fact that decides the most still-undecided programs, stop when no
//! answer can change any outcome. "不清楚/跳过" is an answer (recorded as unknown) and is not asked again.

use super::catalog::{Catalog, Program};
use super::date::Date;
use super::facts::{FactDef, FactError, FactType, FactValue, Facts};
use super::lang::Text;
use super::outcome::Availability;
use super::rules::{decide_or_ask, Status, TestKind};
use serde::Serialize;

/// The first screen, "你是做什么的?": a `multi` fact no program tests. It is asked before anything else,
/// sets the facts its choices say for certain, and puts the questions that matter to the chosen roles first.
pub const ROLE_FACT: &str = "roles";

/// What one choice of the first screen means.
struct Role {
    /// The choice value in catalog/facts.toml.
    value: &'static str,
    /// Facts this role settles for certain (a veteran is a veteran).
    sets: &'static [(&'static str, bool)],
    /// Questions to ask before the others, in this order, when they still matter.
    first: &'static [&'static str],
    /// For a `multi` fact: the choice this role rules out (a rider does platform work: not "都没有").
    rules_out: &'static [(&'static str, &'static str)],
    /// The kind of platform work (a `PLATFORM_WORK` value) this role is. The platform roles of the first
    /// screen list every kind a person may tick, so ticking only such roles answers `PLATFORM_WORK` with
    /// exactly their kinds; ticking 其他平台工作 as well leaves it to be asked.
    kind: Option<&'static str>,
}

/// The platform-work question the kinds of the first screen's roles answer.
const PLATFORM_WORK: &str = "platform_work";
/// The platforms, shown on the first screen under a platform role (src/pages/check.rs).
pub const PLATFORMS: &str = "platforms";

/// The questions of a platform worker, after the kind of his work.
const PLATFORM_FIRST: &[&str] = &[
    "platform_work",
    "platforms",
    "platform_registered_local",
    "platform_manager",
    "employment_registered",
];

const ROLES: &[Role] = &[
    Role {
        value: "food_delivery_rider",
        sets: &[],
        first: PLATFORM_FIRST,
        rules_out: &[("platform_work", "none")],
        kind: Some("food_delivery"),
    },
    Role {
        value: "ride_hailing_driver",
        sets: &[],
        first: PLATFORM_FIRST,
        rules_out: &[("platform_work", "none")],
        kind: Some("ride_hailing"),
    },
    Role {
        value: "courier",
        sets: &[],
        first: PLATFORM_FIRST,
        rules_out: &[("platform_work", "none")],
        kind: Some("courier"),
    },
    // 其他平台工作 (freight, an online shop, ...; before 2026-12 the one choice 骑手/司机/快递员).
    Role {
        value: "platform_worker",
        sets: &[],
        first: PLATFORM_FIRST,
        rules_out: &[("platform_work", "none")],
        kind: None,
    },
    Role {
        value: "graduate",
        sets: &[],
        first: &["edu_level", "work_city", "graduation_date"],
        rules_out: &[],
        kind: None,
    },
    Role {
        value: "returning_founder",
        sets: &[("returning_migrant", true)],
        first: &["business_form", "business_registered_date", "hukou_place"],
        rules_out: &[],
        kind: None,
    },
    Role {
        value: "veteran",
        sets: &[("veteran", true)],
        first: &["business_form"],
        rules_out: &[],
        kind: None,
    },
    Role {
        value: "trainee",
        sets: &[],
        first: &["cert_level", "cert_date", "cert_claimed_before"],
        rules_out: &[],
        kind: None,
    },
];

/// The platform roles of the first screen: those whose screen also shows the platforms to tick.
pub fn is_platform_role(value: &str) -> bool {
    ROLES
        .iter()
        .any(|r| r.value == value && r.first == PLATFORM_FIRST)
}

/// What the roles picked say of `PLATFORM_WORK`: its answer when every platform role picked is one kind
/// of work, None when none is picked or 其他平台工作 is (then it is asked).
fn platform_kinds(catalog: &Catalog, picked: Option<&FactValue>) -> Option<FactValue> {
    let Some(FactValue::Multi(l)) = picked else {
        return None;
    };
    let chosen: Vec<&Role> = ROLES
        .iter()
        .filter(|r| r.first == PLATFORM_FIRST && l.iter().any(|x| x == r.value))
        .collect();
    if chosen.is_empty() || chosen.iter().any(|r| r.kind.is_none()) {
        return None;
    }
    // In the order of the question's own choices.
    let def = catalog.fact(PLATFORM_WORK)?;
    let kinds = def
        .choices
        .iter()
        .filter(|c| chosen.iter().any(|r| r.kind == Some(c.value.as_str())))
        .map(|c| c.value.clone())
        .collect();
    Some(FactValue::Multi(kinds))
}

/// The roles picked on the first screen (empty when it was not answered or answered 不清楚).
fn roles(facts: &Facts) -> Vec<&'static Role> {
    match facts.value(ROLE_FACT) {
        Some(FactValue::Multi(picked)) => ROLES
            .iter()
            .filter(|r| picked.iter().any(|p| p == r.value))
            .collect(),
        _ => Vec::new(),
    }
}

/// What answering the first screen changes in the other facts: `(fact, Some(value))` to record,
/// `(fact, None)` to forget (a role taken back: its fact is asked again). Only facts of the vocabulary
/// whose answer is not already known otherwise are set; nothing for any other fact.
pub fn implied(
    catalog: &Catalog,
    facts: &Facts,
    fact: &str,
    value: Option<&FactValue>,
) -> Vec<(String, Option<FactValue>)> {
    if fact != ROLE_FACT {
        return Vec::new();
    }
    let picked = |v: Option<&FactValue>, role: &str| match v {
        Some(FactValue::Multi(l)) => l.iter().any(|x| x == role),
        _ => false,
    };
    let before = facts.value(ROLE_FACT);
    let mut out = Vec::new();
    // The kinds of platform work: set from the roles, or forgotten when it was set from roles taken back.
    let (was, now) = (
        platform_kinds(catalog, before),
        platform_kinds(catalog, value),
    );
    let current = facts.value(PLATFORM_WORK);
    match now {
        Some(kinds) if current != Some(&kinds) => {
            out.push((PLATFORM_WORK.to_string(), Some(kinds)));
        }
        None if was.is_some() && current == was.as_ref() => {
            out.push((PLATFORM_WORK.to_string(), None));
        }
        _ => {}
    }
    for r in ROLES {
        let (was, now) = (picked(before, r.value), picked(value, r.value));
        for &(id, b) in r.sets {
            let Some(def) = catalog.fact(id) else {
                continue;
            };
            if def.fact_type != FactType::Bool {
                continue;
            }
            let current = facts.value(id);
            if now && current != Some(&FactValue::Bool(b)) {
                out.push((id.to_string(), Some(FactValue::Bool(b))));
            } else if was && !now && current == Some(&FactValue::Bool(b)) {
                out.push((id.to_string(), None));
            }
        }
    }
    out
}

/// The choices to show for `def`: all of them, less any the roles picked on the first screen rule out.
pub fn choices_shown<'a>(def: &'a FactDef, facts: &Facts) -> Vec<&'a super::facts::Choice> {
    let out: Vec<_> = roles(facts)
        .iter()
        .flat_map(|r| r.rules_out.iter())
        .filter(|(id, _)| *id == def.id)
        .map(|(_, v)| *v)
        .collect();
    def.choices
        .iter()
        .filter(|c| !out.contains(&c.value.as_str()))
        .collect()
}

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
        Text::new(
            "以下哪些符合你的情况?(可多选,都不符合就直接下一步)",
            "Which of these describe you? (Tick all that apply, or none)",
        )
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

/// How much asking a fact helps: the programs it can still change, and the expected number of them its
/// answer decides (in thousandths, averaging over representative answers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    decided_milli: u64,
    relevant: usize,
    /// The fact still matters but waits for this earlier fact (its `ask_if`).
    gated_by: Option<usize>,
}

/// The programs the check asks questions for: a person's own (not employers'), not ended.
fn asks_for(p: &Program, today: Date) -> bool {
    !p.is_for_employers()
        && !matches!(
            super::outcome::availability(p, today),
            Availability::Ended { .. }
        )
}

/// Scores every vocabulary fact. A fact whose `ask_if` is still open passes half of its relevance on to
/// the fact that opens it, so follow-ups come after the question that makes them apply.
fn scores(catalog: &Catalog, facts: &Facts, today: Date) -> Vec<Score> {
    let vocab = catalog.facts();
    let mut direct: Vec<Vec<usize>> = vec![Vec::new(); vocab.len()];
    let mut gated: Vec<usize> = vec![0; vocab.len()];
    let mut gated_by: Vec<Option<usize>> = vec![None; vocab.len()];
    let mut deciding = Vec::new();
    for (pi, p) in catalog.programs().iter().enumerate() {
        if !asks_for(p, today) {
            continue;
        }
        deciding.clear();
        p.compiled()
            .deciding_facts(vocab, facts, today, &mut deciding);
        for &fi in &deciding {
            match askable(catalog, fi, facts, today, 0) {
                Some(t) if t == fi && !direct[fi].contains(&pi) => direct[fi].push(pi),
                Some(t) if t == fi => {}
                Some(parent) => {
                    gated[parent] += 1;
                    gated_by[fi] = Some(parent);
                }
                None => {}
            }
        }
    }
    let mut scratch = facts.clone();
    let programs = catalog.programs();
    (0..vocab.len())
        .map(|fi| {
            let mut score = Score {
                decided_milli: 500 * gated[fi] as u64,
                relevant: direct[fi].len() + gated[fi],
                gated_by: gated_by[fi],
            };
            if direct[fi].is_empty() {
                return score;
            }
            let id = &vocab[fi].id;
            let values = sample_answers(catalog, fi, today);
            let mut decided = 0u64;
            for v in &values {
                scratch.set(id.clone(), v.clone());
                decided += direct[fi]
                    .iter()
                    .filter(|&&pi| {
                        programs[pi].compiled().status(vocab, &scratch, today) != Status::Unknown
                    })
                    .count() as u64;
            }
            scratch.unset(id);
            score.decided_milli += decided * 1000 / values.len().max(1) as u64;
            score
        })
        .collect()
}

/// Representative answers to a fact: every choice, and for numbers and dates the values just either side
/// of each threshold the catalog tests them against.
fn sample_answers(catalog: &Catalog, fi: usize, today: Date) -> Vec<FactValue> {
    let def = &catalog.facts()[fi];
    let mut out: Vec<FactValue> = match def.fact_type {
        FactType::Bool => vec![FactValue::Bool(true), FactValue::Bool(false)],
        FactType::Choice => def
            .choices
            .iter()
            .map(|c| FactValue::Choice(c.value.clone()))
            .collect(),
        FactType::Multi => def
            .choices
            .iter()
            .map(|c| FactValue::Multi(vec![c.value.clone()]))
            .collect(),
        FactType::Int | FactType::Date => Vec::new(),
    };
    if matches!(def.fact_type, FactType::Int | FactType::Date) {
        let (lo, hi) = (def.min.unwrap_or(0), def.max.unwrap_or(i64::MAX));
        let mut push = |v: FactValue| {
            let ok = match &v {
                FactValue::Int(n) => (lo..=hi).contains(n),
                FactValue::Date(d) => !def.not_future || *d <= today,
                _ => false,
            };
            if ok && !out.contains(&v) {
                out.push(v);
            }
        };
        for p in catalog.programs() {
            for c in p.compiled().criteria.iter().filter(|c| c.fact == def.id) {
                match c.test {
                    TestKind::AtLeast | TestKind::AtMost | TestKind::Below => {
                        if let Some(v) = c.value_n() {
                            push(FactValue::Int(v));
                            push(FactValue::Int(if c.test == TestKind::AtMost {
                                v + 1
                            } else {
                                v - 1
                            }));
                        }
                    }
                    TestKind::Between => {
                        for v in [
                            c.min_n().map(|m| m - 1),
                            c.min_n(),
                            c.max_n(),
                            c.max_n().map(|m| m + 1),
                        ]
                        .into_iter()
                        .flatten()
                        {
                            push(FactValue::Int(v));
                        }
                    }
                    TestKind::Within | TestKind::AtLeastAgo => {
                        if let Some(m) = c.years_n().map(|y| y * 12).or(c.months_n()) {
                            let edge = today.add_months(-m);
                            push(FactValue::Date(edge.add_days(1)));
                            push(FactValue::Date(edge.add_days(-1)));
                        }
                    }
                    TestKind::AgeBetween | TestKind::AgeBelow => {
                        let below = if c.test == TestKind::AgeBelow {
                            c.value_n()
                        } else {
                            None
                        };
                        for years in [c.min_n(), c.max_n().map(|m| m + 1), below]
                            .into_iter()
                            .flatten()
                        {
                            let born = today.add_years(-(years as i32));
                            push(FactValue::Date(born));
                            push(FactValue::Date(born.add_days(1)));
                        }
                    }
                    TestKind::OnOrAfter | TestKind::OnOrBefore => {
                        if let Some(d) = c.date {
                            push(FactValue::Date(d));
                            push(FactValue::Date(d.add_days(
                                if c.test == TestKind::OnOrAfter { -1 } else { 1 },
                            )));
                        }
                    }
                    _ => {}
                }
            }
        }
        if out.is_empty() {
            out.push(match def.fact_type {
                FactType::Int => FactValue::Int(lo),
                _ => FactValue::Date(today.add_years(-1)),
            });
        }
    }
    out
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
    // 不清楚 to the question that opens this one: it is not asked (its answer could not be used). An age
    // condition is opened by the age band, or by the birth date when the band straddles its limit.
    match decide_or_ask(cond, vocab, facts, today)? {
        Ok(holds) => holds.then_some(fi),
        Err(parent) => {
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
