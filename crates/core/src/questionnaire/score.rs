//! How much asking a fact helps: the programs it can still change and how many its answer decides.

use super::*;

/// How much asking a fact helps: the programs it can still change, and the expected number of them its
/// answer decides (in thousandths, averaging over representative answers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Score {
    pub(super) decided_milli: u64,
    pub(super) relevant: usize,
    /// The fact still matters but waits for this earlier fact (its `ask_if`).
    pub(super) gated_by: Option<usize>,
}

/// The programs the check asks questions for: a person's own (not employers'), not ended.
pub(super) fn asks_for(p: &Program, today: Date) -> bool {
    !p.is_for_employers()
        && !matches!(
            crate::outcome::availability(p, today),
            Availability::Ended { .. }
        )
}

/// Scores every vocabulary fact. A fact whose `ask_if` is still open passes half of its relevance on to
/// the fact that opens it, so follow-ups come after the question that makes them apply.
pub(super) fn scores(catalog: &Catalog, facts: &Facts, today: Date) -> Vec<Score> {
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
pub(super) fn askable(
    catalog: &Catalog,
    fi: usize,
    facts: &Facts,
    today: Date,
    depth: u8,
) -> Option<usize> {
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
