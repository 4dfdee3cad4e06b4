//! Criteria of one `all` that can never hold together, and single criteria that can never hold.

use super::compile::Node;
use super::*;

/// Reports sets of criteria in one `all` that can never hold together, and single criteria that can never
/// hold (a range outside the fact's limits).
pub(super) fn contradictions(
    node: &Node,
    criteria: &[Criterion],
    negated: &[bool],
    vocabulary: &[FactDef],
    issues: &mut Vec<String>,
) {
    let kids: Vec<&Node> = match node {
        Node::All(k) | Node::Any(k) => k.iter().collect(),
        _ => return,
    };
    for k in &kids {
        contradictions(k, criteria, negated, vocabulary, issues);
    }
    let leaves: Vec<usize> = kids
        .iter()
        .filter_map(|k| {
            if let Node::Leaf(i) = k {
                Some(*i)
            } else {
                None
            }
        })
        .collect();
    // Under `any` only single criteria are checked; under `all` criteria on the same fact are combined.
    let groups: Vec<Vec<usize>> = if matches!(node, Node::All(_)) {
        let mut facts: Vec<&str> = leaves.iter().map(|i| criteria[*i].fact.as_str()).collect();
        facts.dedup();
        let mut seen = Vec::new();
        facts
            .into_iter()
            .filter(|f| {
                let new = !seen.contains(f);
                seen.push(*f);
                new
            })
            .map(|f| {
                leaves
                    .iter()
                    .copied()
                    .filter(|i| criteria[*i].fact == f)
                    .collect()
            })
            .collect()
    } else {
        leaves.iter().map(|i| vec![*i]).collect()
    };
    for g in groups {
        if g.iter().any(|i| negated[*i]) {
            continue;
        }
        let Some(def) = vocabulary.iter().find(|d| d.id == criteria[g[0]].fact) else {
            continue;
        };
        if !satisfiable(&g, criteria, def) {
            let ids: Vec<String> = g.iter().map(|i| format!("`{}`", criteria[*i].id)).collect();
            if g.len() == 1 {
                issues.push(format!(
                    "criterion {} can never hold for any answer to `{}`",
                    ids[0], def.id
                ));
            } else {
                issues.push(format!(
                    "criteria {} contradict each other: no answer to `{}` meets all of them",
                    ids.join(" and "),
                    def.id
                ));
            }
        }
    }
    // A criterion whose question is only asked under a condition (`ask_if`) that its `all` siblings rule
    // out can never hold: e.g. a graduation date next to "education is senior high".
    if matches!(node, Node::All(_)) {
        for &i in leaves.iter().filter(|i| !negated[**i]) {
            let Some(cond) = vocabulary
                .iter()
                .find(|d| d.id == criteria[i].fact)
                .and_then(|d| d.ask_if.as_ref())
            else {
                continue;
            };
            let Some(parent) = vocabulary.iter().find(|d| d.id == cond.fact) else {
                continue;
            };
            let siblings: Vec<usize> = leaves
                .iter()
                .copied()
                .filter(|j| !negated[*j] && criteria[*j].fact == cond.fact)
                .collect();
            if siblings.is_empty() {
                continue;
            }
            let mut together: Vec<Criterion> =
                siblings.iter().map(|j| criteria[*j].clone()).collect();
            together.push(cond.clone());
            let all: Vec<usize> = (0..together.len()).collect();
            if !satisfiable(&all, &together, parent) {
                let ids: Vec<String> = siblings
                    .iter()
                    .map(|j| format!("`{}`", criteria[*j].id))
                    .collect();
                issues.push(format!(
                    "criterion `{}` can never hold: `{}` is only asked when its `ask_if` on `{}` holds, which {} rule out",
                    criteria[i].id,
                    criteria[i].fact,
                    cond.fact,
                    ids.join(" and ")
                ));
            }
        }
    }
}

/// Whether some answer to `def` meets every criterion in `group` (all on that fact).
pub(super) fn satisfiable(group: &[usize], criteria: &[Criterion], def: &FactDef) -> bool {
    use TestKind::*;
    let cs: Vec<&Criterion> = group.iter().map(|i| &criteria[*i]).collect();
    if cs
        .iter()
        .any(|c| c.test.fact_type().is_some_and(|t| t != def.fact_type))
    {
        return true; // type errors are reported elsewhere
    }
    match def.fact_type {
        FactType::Bool => {
            !(cs.iter().any(|c| c.test == IsTrue) && cs.iter().any(|c| c.test == IsFalse))
        }
        FactType::Choice => def.choices.iter().any(|ch| {
            cs.iter().all(|c| match c.test {
                In => c.values.contains(&ch.value),
                NotIn => !c.values.contains(&ch.value),
                _ => true,
            })
        }),
        FactType::Multi => {
            // A set meeting all: take every value required by all_of, plus one value per any_of; none_of
            // forbids values. Satisfiable iff required values are not forbidden and each any_of has an
            // allowed value.
            let forbidden: Vec<&String> = cs
                .iter()
                .filter(|c| c.test == NoneOf)
                .flat_map(|c| &c.values)
                .collect();
            let all_ok = cs
                .iter()
                .filter(|c| c.test == AllOf)
                .flat_map(|c| &c.values)
                .all(|v| !forbidden.contains(&v));
            let any_ok = cs
                .iter()
                .filter(|c| c.test == AnyOf)
                .all(|c| c.values.iter().any(|v| !forbidden.contains(&v)));
            all_ok && any_ok
        }
        FactType::Int => {
            let (mut lo, mut hi) = (def.min.unwrap_or(i64::MIN), def.max.unwrap_or(i64::MAX));
            for c in &cs {
                match c.test {
                    AtLeast => lo = lo.max(c.value_n().unwrap_or(i64::MIN)),
                    AtMost => hi = hi.min(c.value_n().unwrap_or(i64::MAX)),
                    Below => hi = hi.min(c.value_n().map_or(i64::MAX, |v| v - 1)),
                    Between => {
                        lo = lo.max(c.min_n().unwrap_or(i64::MIN));
                        hi = hi.min(c.max_n().unwrap_or(i64::MAX));
                    }
                    _ => {}
                }
            }
            lo <= hi
        }
        FactType::Date => {
            // In "months before today": within N means age <= N, at_least_ago M means age >= M.
            let (mut lo, mut hi) = (i64::MIN, i64::MAX);
            let (mut age_lo, mut age_hi) = (i64::MIN, i64::MAX);
            let (mut after, mut before) = (None::<Date>, None::<Date>);
            for c in &cs {
                let span = span_months(c).map(i64::from);
                match c.test {
                    Within => hi = hi.min(span.unwrap_or(i64::MAX)),
                    AtLeastAgo => lo = lo.max(span.unwrap_or(i64::MIN)),
                    AgeBelow => age_hi = age_hi.min(c.value_n().map_or(i64::MAX, |v| v - 1)),
                    AgeBetween => {
                        age_lo = age_lo.max(c.min_n().unwrap_or(i64::MIN));
                        age_hi = age_hi.min(c.max_n().unwrap_or(i64::MAX));
                    }
                    OnOrAfter => after = after.max(c.date),
                    OnOrBefore => {
                        before = Some(
                            before.map_or(c.date.unwrap_or(Date::ymd(9999, 12, 31)), |b| {
                                b.min(c.date.unwrap_or(b))
                            }),
                        )
                    }
                    _ => {}
                }
            }
            let future_ok = !def.not_future || hi >= 0;
            lo <= hi
                && age_lo <= age_hi
                && future_ok
                && !matches!((after, before), (Some(a), Some(b)) if a > b)
        }
    }
}
