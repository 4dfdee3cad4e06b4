//! Checking criteria and their combination against the vocabulary (the catalog's own checks).

use super::compile::{compile_node, Node};
use super::contradictions::contradictions;
use super::*;

/// Checks criteria and their combination against the vocabulary. Messages name the criterion.
pub fn validate_rule(
    criteria: &[Criterion],
    rule: Option<&RuleNode>,
    vocabulary: &[FactDef],
) -> Vec<String> {
    let mut issues = Vec::new();
    for (i, c) in criteria.iter().enumerate() {
        let name = if c.id.is_empty() {
            format!("criterion #{}", i + 1)
        } else {
            format!("criterion `{}`", c.id)
        };
        if c.id.is_empty() {
            issues.push(format!("{name}: missing `id`"));
        } else if criteria[..i].iter().any(|o| o.id == c.id) {
            issues.push(format!("{name}: duplicate criterion id"));
        }
        for (what, t) in [("met", &c.met), ("failed", &c.failed)] {
            check_text(&mut issues, &format!("{name}: `{what}`"), t);
        }
        for (what, t) in [("unknown", &c.unknown), ("change", &c.change)] {
            if let Some(t) = t {
                check_text(&mut issues, &format!("{name}: `{what}`"), t);
            }
        }
        issues.extend(
            validate_test(c, vocabulary)
                .into_iter()
                .map(|m| format!("{name}: {m}")),
        );
    }
    if let Some(node) = rule {
        let mut used = vec![0u32; criteria.len()];
        check_node(node, criteria, &mut used, &mut issues);
        for (c, n) in criteria.iter().zip(&used) {
            match n {
                0 => issues.push(format!(
                    "criterion `{}` is not used in `rule`: it would never be checked",
                    c.id
                )),
                1 => {}
                _ => issues.push(format!(
                    "criterion `{}` is used {n} times in `rule`: use it once",
                    c.id
                )),
            }
        }
    }
    // Contradictions: an `all` whose direct criteria on one fact can never hold together.
    let mut negated = vec![false; criteria.len()];
    let root = match rule {
        Some(n) => compile_node(n, false, criteria, &mut negated),
        None => Node::All((0..criteria.len()).map(Node::Leaf).collect()),
    };
    contradictions(&root, criteria, &negated, vocabulary, &mut issues);
    issues
}

/// Both languages present (a missing translation is a bug the person would see).
pub fn check_text(issues: &mut Vec<String>, what: &str, t: &Text) {
    if t.zh.trim().is_empty() {
        issues.push(format!("{what}: Chinese text (zh) is missing"));
    }
    if t.en.trim().is_empty() {
        issues.push(format!("{what}: English text (en) is missing"));
    }
    for name in unknown_placeholders(&t.zh)
        .into_iter()
        .chain(unknown_placeholders(&t.en))
    {
        issues.push(format!(
            "{what}: unknown placeholder {{{name}}} (allowed: {})",
            PLACEHOLDERS.join(", ")
        ));
    }
}

/// Checks one test against its fact: type, parameters and choice values.
pub fn validate_test(c: &Criterion, vocabulary: &[FactDef]) -> Vec<String> {
    use TestKind::*;
    let mut out = Vec::new();
    let Some(def) = vocabulary.iter().find(|d| d.id == c.fact) else {
        return vec![format!(
            "unknown fact `{}` (not in catalog/facts.toml)",
            c.fact
        )];
    };
    if let Some(want) = c.test.fact_type() {
        if want != def.fact_type {
            out.push(format!(
                "test `{}` needs a {} fact, but `{}` is {}",
                c.test.name(),
                want.name(),
                def.id,
                def.fact_type.name()
            ));
            return out;
        }
    }
    let needs_values = matches!(c.test, In | NotIn | AnyOf | AllOf | NoneOf);
    if needs_values {
        if c.values.is_empty() {
            out.push(format!(
                "test `{}` needs a non-empty `values` list",
                c.test.name()
            ));
        }
        for v in &c.values {
            if def.choice(v).is_none() {
                let allowed: Vec<&str> = def.choices.iter().map(|c| c.value.as_str()).collect();
                out.push(format!(
                    "`{v}` is not a choice of `{}` (choices: {})",
                    def.id,
                    allowed.join(", ")
                ));
            }
        }
    } else if !c.values.is_empty() {
        out.push(format!("`values` is not used by test `{}`", c.test.name()));
    }
    match c.test {
        AtLeast | AtMost | Below | AgeBelow if c.value.is_none() => {
            out.push(format!("test `{}` needs `value`", c.test.name()));
        }
        // Parameters are checked for existence and unit by the catalog; numbers only where both are known.
        Between | AgeBetween if c.min.is_none() && c.max.is_none() => {
            out.push(format!("test `{}` needs `min` and/or `max`", c.test.name()))
        }
        Between | AgeBetween => {
            if let (Some(a), Some(b)) = (c.min_n(), c.max_n()) {
                if a > b {
                    out.push(format!("`min` {a} is above `max` {b}: this can never hold"))
                }
            }
        }
        Within | AtLeastAgo => match (&c.years, &c.months) {
            (None, None) => out.push(format!(
                "test `{}` needs `years` or `months`",
                c.test.name()
            )),
            (Some(_), Some(_)) => out.push("give either `years` or `months`, not both".to_string()),
            (Some(n), None) | (None, Some(n)) if n.lit().is_some_and(|n| n <= 0) => {
                out.push(format!("the span must be positive (got {n})"))
            }
            _ => {}
        },
        OnOrAfter | OnOrBefore if c.date.is_none() => {
            out.push(format!("test `{}` needs `date`", c.test.name()));
        }
        _ => {}
    }
    let stray = |present: bool, key: &str, out: &mut Vec<String>| {
        if present {
            out.push(format!("`{key}` is not used by test `{}`", c.test.name()));
        }
    };
    stray(
        c.value.is_some() && !matches!(c.test, AtLeast | AtMost | Below | AgeBelow),
        "value",
        &mut out,
    );
    stray(
        (c.min.is_some() || c.max.is_some()) && !matches!(c.test, Between | AgeBetween),
        "min/max",
        &mut out,
    );
    stray(
        (c.years.is_some() || c.months.is_some()) && !matches!(c.test, Within | AtLeastAgo),
        "years/months",
        &mut out,
    );
    stray(
        c.date.is_some() && !matches!(c.test, OnOrAfter | OnOrBefore),
        "date",
        &mut out,
    );
    out
}

fn check_node(node: &RuleNode, criteria: &[Criterion], used: &mut [u32], issues: &mut Vec<String>) {
    match node {
        RuleNode::Criterion(id) => match criteria.iter().position(|c| &c.id == id) {
            Some(i) => used[i] += 1,
            None => issues.push(format!(
                "`rule` refers to `{id}`, which is not a criterion of this entry"
            )),
        },
        RuleNode::All(n) if n.all.is_empty() => issues.push("`rule`: an empty `all` list".into()),
        RuleNode::Any(n) if n.any.is_empty() => {
            issues.push("`rule`: an empty `any` list: it can never hold".into())
        }
        RuleNode::All(AllNode { all: kids }) | RuleNode::Any(AnyNode { any: kids }) => {
            for k in kids {
                check_node(k, criteria, used, issues)
            }
        }
        RuleNode::Not(n) => check_node(&n.not, criteria, used, issues),
    }
}
