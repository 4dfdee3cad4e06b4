//! Dated parameters: every amount, cap, share, age limit, count, period and date a rule uses or a text shows,
//! named once, with its values keyed by the day they took effect and a source for each value (as OpenFisca
//! and PolicyEngine keep theirs). Criteria refer to a parameter by id (`value = "skill_subsidy.max_claims"`),
//! texts by placeholder (`{skill_subsidy.amount.level4}`); `Catalog::in_force` puts in the value in force on
//! a given day, so a figure is written in one place and can never disagree with itself.
//!
//! The parts: `value` (one parameter, its dated values and sources), `reference` (`Num`, `ShareRef`: a
//! literal or a parameter's id) and `figures` (hand-written figures the check reports); this file holds
//! the catalog's set of parameters and the lookups on it.

mod figures;
mod reference;
mod value;

pub use figures::hand_written_figures;
pub use reference::{Num, ShareRef};
pub use value::{Confidence, DatedValue, Figure, Parameter, RawValue, Source, Unit, Value};

use super::date::Date;
use super::lang::{Lang, Text};
use super::money::Share;
use serde::{Deserialize, Serialize};
use std::fmt;

/// All parameters and sources of a catalog.
#[derive(Clone, Debug, Default)]
pub struct Parameters {
    pub params: Vec<Parameter>,
    pub sources: Vec<Source>,
}

/// Where a placeholder is a parameter: its name has a dot (fact placeholders such as `{value}` never do).
pub fn is_parameter_name(name: &str) -> bool {
    name.contains('.')
}

/// The placeholder names in a text (`{...}`), in order.
pub fn placeholders(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else { break };
        out.push(&after[..j]);
        rest = &after[j + 1..];
    }
    out
}

impl Parameters {
    pub fn get(&self, id: &str) -> Option<&Parameter> {
        self.params.iter().find(|p| p.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The whole number a criterion or benefit refers to, in force on `day`.
    pub fn int_on(&self, id: &str, day: Date) -> Option<i64> {
        self.get(id)?.value_on(day)?.int()
    }

    /// A text with every parameter placeholder filled with the value in force on `day`; placeholders of
    /// fact values (`{value}`, `{year}`...) are left for the rule engine. A parameter with no value that day
    /// reads "以当地最新通知为准": never a figure that is not in force.
    pub fn fill(&self, t: &Text, day: Date, used: &mut Vec<String>) -> Text {
        if !t.zh.contains('{') && !t.en.contains('{') {
            return t.clone();
        }
        Text::new(
            self.fill_str(&t.zh, Lang::Zh, day, used),
            self.fill_str(&t.en, Lang::En, day, used),
        )
    }

    fn fill_str(&self, t: &str, lang: Lang, day: Date, used: &mut Vec<String>) -> String {
        let mut out = String::with_capacity(t.len() + 8);
        let mut rest = t;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let Some(j) = after.find('}') else {
                out.push_str(&rest[i..]);
                return out;
            };
            let name = &after[..j];
            match self.get(name).filter(|_| is_parameter_name(name)) {
                Some(p) => {
                    if !used.iter().any(|u| u == name) {
                        used.push(name.to_string());
                    }
                    match p.value_on(day) {
                        Some(v) => out.push_str(&v.show(p.unit, lang)),
                        None => out.push_str(Self::not_in_force_text(lang)),
                    }
                }
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[j + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The figure a person can tap to see where it comes from.
    pub fn figure(&self, id: &str, day: Date) -> Option<Figure> {
        let p = self.get(id)?;
        let entry = p.entry_on(day);
        let source = entry.and_then(|e| self.source(&e.source));
        Some(Figure {
            parameter: p.id.clone(),
            label: p.label.clone(),
            shown: p
                .value_on(day)
                .map(|v| Text::new(v.show(p.unit, Lang::Zh), v.show(p.unit, Lang::En))),
            source_title: source.map_or_else(String::new, |s| s.title.clone()),
            source_url: source.and_then(|s| s.url.clone()),
            confidence: source.map_or(Confidence::L, |s| s.confidence),
            from: entry.map(|e| e.from),
            checked: entry.map(|e| e.checked),
        })
    }

    /// Problems of the parameters and sources themselves (see `Catalog::validate`): `(file, entry, message)`.
    /// `published`: the catalog's publication day; nothing can have been checked after it.
    pub fn validate(&self, published: Date) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for (i, s) in self.sources.iter().enumerate() {
            let mut m = |msg: String| out.push((s.file.clone(), s.id.clone(), msg));
            if self.sources[..i].iter().any(|o| o.id == s.id) {
                m("duplicate source id".into());
            }
            if s.title.trim().is_empty() {
                m("a source needs a `title`".into());
            }
        }
        for (i, p) in self.params.iter().enumerate() {
            let mut m = |msg: String| out.push((p.file.clone(), p.id.clone(), msg));
            let id_ok = p.id.split('.').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            }) && is_parameter_name(&p.id);
            if !id_ok {
                m("id must be dotted lowercase words (`skill_subsidy.amount.level4`)".into());
            }
            if self.params[..i].iter().any(|o| o.id == p.id) {
                m("duplicate parameter id".into());
            }
            if p.label.zh.trim().is_empty() || p.label.en.trim().is_empty() {
                m("`label` needs zh and en".into());
            }
            if p.values.is_empty() {
                m("no `values`: give at least one dated value with its source".into());
            }
            for (j, v) in p.values.iter().enumerate() {
                if let Err(e) = p.typed(&v.value) {
                    m(format!("value from {}: {e}", v.from));
                }
                if j > 0 && p.values[j - 1].from >= v.from {
                    m(format!(
                        "values must be in date order, each `from` later than the one before ({} is not)",
                        v.from
                    ));
                }
                if self.source(&v.source).is_none() {
                    m(format!(
                        "value from {}: source `{}` is not in catalog/sources: every value needs a source",
                        v.from, v.source
                    ));
                }
                if v.checked > published {
                    m(format!(
                        "value from {}: `checked` {} is after the catalog's `published` {published}",
                        v.from, v.checked
                    ));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
