//! The sentences a person reads for each criterion: templates with placeholders filled from the answers.

use super::truth::Truth;
use super::*;

/// Placeholder names allowed in criterion sentences.
pub const PLACEHOLDERS: &[&str] = &[
    "value",
    "year",
    "date",
    "age",
    "years_ago",
    "months_ago",
    "short",
    "ready_on",
];

/// Values of the placeholders for one criterion and one person.
#[derive(Default)]
struct Vars {
    value: Option<Text>,
    year: Option<String>,
    date: Option<String>,
    age: Option<Text>,
    years_ago: Option<String>,
    months_ago: Option<String>,
    short: Option<String>,
    ready_on: Option<String>,
}

impl Vars {
    fn new(c: &Criterion, def: Option<&FactDef>, facts: &Facts, today: Date) -> Vars {
        let mut v = Vars::default();
        let Some(value) = facts.value(&c.fact) else {
            return v;
        };
        v.value = Some(match value {
            FactValue::Bool(b) => Criterion::yes_no_text(*b),
            FactValue::Int(n) => Text::new(n.to_string(), n.to_string()),
            FactValue::Date(d) => Text::new(d.to_string(), d.to_string()),
            FactValue::Choice(ch) => match def.and_then(|d| d.choice(ch)) {
                Some(choice) => choice.label.clone(),
                None => Text::new(ch.clone(), ch.clone()),
            },
            FactValue::Multi(list) => {
                let label = |lang| -> Vec<&str> {
                    list.iter()
                        .map(|x| def.map_or(x.as_str(), |d| d.label(x, lang)))
                        .collect()
                };
                Criterion::choices_text(&label(Lang::Zh), &label(Lang::En))
            }
        });
        match value {
            FactValue::Int(n) => {
                if let (TestKind::AtLeast, Some(need)) = (c.test, c.value_n()) {
                    if need > *n {
                        v.short = Some((need - n).to_string());
                    }
                }
            }
            FactValue::Date(d) => {
                v.year = Some(d.year().to_string());
                v.date = Some(d.to_string());
                let age = d.age_on(today).to_string();
                v.age = Some(Text::new(age.clone(), age));
                v.years_ago = Some((d.whole_months_until(today) / 12).to_string());
                v.months_ago = Some(d.whole_months_until(today).to_string());
                if let Some(m) = span_months(c) {
                    let edge = d.add_months(m);
                    match c.test {
                        TestKind::AtLeastAgo => {
                            v.ready_on = Some(edge.to_string());
                            if edge > today {
                                // Round up: waiting "0 months" while the day is still ahead would mislead.
                                let whole = today.whole_months_until(edge);
                                let left = if today.add_months(whole) < edge {
                                    whole + 1
                                } else {
                                    whole
                                };
                                v.short = Some(left.to_string());
                            }
                        }
                        TestKind::Within => v.ready_on = Some(edge.to_string()),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        v
    }

    fn get(&self, name: &str, lang: Lang) -> Option<&str> {
        match name {
            "value" => self.value.as_ref().map(|t| t.get(lang)),
            "year" => self.year.as_deref(),
            "date" => self.date.as_deref(),
            "age" => self.age.as_ref().map(|t| t.get(lang)),
            "years_ago" => self.years_ago.as_deref(),
            "months_ago" => self.months_ago.as_deref(),
            "short" => self.short.as_deref(),
            "ready_on" => self.ready_on.as_deref(),
            _ => None,
        }
    }

    fn fill(&self, template: &Text) -> Text {
        Text::new(
            fill(&template.zh, self, Lang::Zh),
            fill(&template.en, self, Lang::En),
        )
    }
}

fn fill(t: &str, vars: &Vars, lang: Lang) -> String {
    if !t.contains('{') {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len() + 8);
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                let name = &after[..j];
                match vars.get(name, lang) {
                    Some(v) => out.push_str(v),
                    None if PLACEHOLDERS.contains(&name) => {}
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Placeholder names used in a text that do not exist (for validation).
pub fn unknown_placeholders(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else { break };
        let name = &after[..j];
        // Parameters (`{skill_subsidy.max_claims}`) are checked with the catalog's parameters.
        if !PLACEHOLDERS.contains(&name) && !crate::params::is_parameter_name(name) {
            out.push(name.to_string());
        }
        rest = &after[j + 1..];
    }
    out
}

/// Fills a template, computing placeholder values only when it has any (most sentences have none).
fn render(
    template: &Text,
    c: &Criterion,
    def: Option<&FactDef>,
    facts: &Facts,
    today: Date,
) -> Text {
    if template.zh.contains('{') || template.en.contains('{') {
        Vars::new(c, def, facts, today).fill(template)
    } else {
        template.clone()
    }
}

/// `{age}` for an age band: "16到24" / "16 to 24", "不到16" / "under 16", "满50" / "50 or older", so that
/// "你{age}岁" and "You are {age}" read as with an exact age.
fn band_age(lo: Option<i64>, hi: Option<i64>) -> Text {
    match (lo.filter(|l| *l > 0), hi) {
        (Some(l), Some(h)) if l == h => Text::new(l.to_string(), l.to_string()),
        (Some(l), Some(h)) => Criterion::age_between_text(l, h),
        (None, Some(h)) => Criterion::age_under_text(h + 1),
        (Some(l), None) => Criterion::age_from_text(l),
        (None, None) => Text::new("", ""),
    }
}

pub(super) fn sentence(
    c: &Criterion,
    def: Option<&FactDef>,
    t: &Truth,
    facts: &Facts,
    today: Date,
) -> Text {
    match t {
        Truth::Known(true) => render(&c.met, c, def, facts, today),
        Truth::Known(false) => render(&c.failed, c, def, facts, today),
        Truth::Band { holds, lo, hi } => {
            let vars = Vars {
                age: Some(band_age(*lo, *hi)),
                ..Vars::default()
            };
            vars.fill(if *holds { &c.met } else { &c.failed })
        }
        Truth::NotApplicable => {
            if c.failed.zh.contains('{') || c.failed.en.contains('{') {
                let q = def.map_or_else(|| Text::new(&c.fact, &c.fact), |d| d.question.clone());
                Criterion::not_applicable_text(&q)
            } else {
                c.failed.clone()
            }
        }
        Truth::Unknown => match &c.unknown {
            Some(u) => render(u, c, def, facts, today),
            None => {
                let q = def.map_or_else(|| Text::new(&c.fact, &c.fact), |d| d.question.clone());
                Criterion::still_needed_text(&q)
            }
        },
    }
}

pub(super) fn step(c: &Criterion, def: Option<&FactDef>, facts: &Facts, today: Date) -> Step {
    let vars = Vars::new(c, def, facts, today);
    let ready_on = match (c.test, facts.value(&c.fact), span_months(c)) {
        (TestKind::AtLeastAgo, Some(FactValue::Date(d)), Some(m)) => Some(d.add_months(m)),
        _ => None,
    };
    let text = match (&c.change, ready_on) {
        (Some(t), _) => vars.fill(t),
        (None, Some(d)) => Criterion::met_on_text(d),
        (None, None) => c.failed.clone(),
    };
    Step {
        criterion: c.id.clone(),
        text,
        ready_on,
    }
}
