//! Dated parameters: every amount, cap, share, age limit, count, period and date a rule uses or a text shows,
//! named once, with its values keyed by the day they took effect and a source for each value (as OpenFisca
//! and PolicyEngine keep theirs). Criteria refer to a parameter by id (`value = "skill_subsidy.max_claims"`),
//! texts by placeholder (`{skill_subsidy.amount.level4}`); `Catalog::in_force` puts in the value in force on
//! a given day, so a figure is written in one place and can never disagree with itself.

use super::date::Date;
use super::lang::{Lang, Text};
use super::money::{Share, Yuan};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How a parameter's value is counted and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Whole yuan, shown as money ("1.2万元", "12,000 yuan").
    Yuan,
    /// A span in months, shown with its unit ("6个月", "6 months").
    Months,
    /// A span in years, shown with its unit ("1年", "1 year").
    Years,
    /// An age in whole years, shown as a bare number (the text says 岁 / years old).
    Age,
    /// A count of claims, people, hours..., shown as a bare number (the text names what is counted).
    Count,
    /// A share of a cost ("2/3", "50%").
    Share,
    /// A calendar day ("2025年7月1日", "1 July 2025").
    Date,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Yuan => "yuan",
            Unit::Months => "months",
            Unit::Years => "years",
            Unit::Age => "age",
            Unit::Count => "count",
            Unit::Share => "share",
            Unit::Date => "date",
        }
    }
}

/// One value of a parameter, as written in the file: a whole number, or a string for shares and dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RawValue {
    Int(i64),
    Text(String),
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match d.deserialize_any(IntOrText)? {
            Ok(n) => RawValue::Int(n),
            Err(s) => RawValue::Text(s),
        })
    }
}

/// A number or a string, read without serde's buffering of untagged enums (smaller wasm: the catalog's
/// rules are read on the phone).
struct IntOrText;

impl serde::de::Visitor<'_> for IntOrText {
    type Value = Result<i64, String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number or a parameter id")
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Ok(v))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        i64::try_from(v)
            .map(Ok)
            .map_err(|_| E::custom("number too large"))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Err(v.to_string()))
    }
}

/// A parameter's value, typed by its unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Int(i64),
    Share(Share),
    Date(Date),
}

impl Value {
    pub fn int(self) -> Option<i64> {
        match self {
            Value::Int(n) => Some(n),
            _ => None,
        }
    }

    /// The value in words, in one language.
    pub fn show(self, unit: Unit, lang: Lang) -> String {
        let plural = |n: i64, one: &str, many: &str| {
            if n == 1 {
                format!("{n} {one}")
            } else {
                format!("{n} {many}")
            }
        };
        match (self, lang) {
            (Value::Int(n), _) if unit == Unit::Yuan => {
                let y = Yuan(n.max(0) as u64);
                match lang {
                    Lang::Zh => y.zh(),
                    Lang::En => y.en(),
                }
            }
            (Value::Int(n), Lang::Zh) => match unit {
                Unit::Months => format!("{n}个月"),
                Unit::Years => format!("{n}年"),
                _ => n.to_string(),
            },
            (Value::Int(n), Lang::En) => match unit {
                Unit::Months => plural(n, "month", "months"),
                Unit::Years => plural(n, "year", "years"),
                _ => n.to_string(),
            },
            (Value::Share(s), Lang::Zh) => s.zh(),
            (Value::Share(s), Lang::En) => s.en(),
            (Value::Date(d), Lang::Zh) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
            (Value::Date(d), Lang::En) => {
                const MONTHS: [&str; 12] = [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ];
                format!(
                    "{} {} {}",
                    d.day(),
                    MONTHS[usize::from(d.month() - 1)],
                    d.year()
                )
            }
        }
    }
}

/// How sure we are of a source (../shared/policy/facts.md uses the same letters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confidence {
    H,
    M,
    L,
}

impl Confidence {
    /// What a source that does not say is taken as: the lowest.
    fn unstated() -> Confidence {
        Confidence::L
    }
}

/// One value from the day it took effect, with where it comes from.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedValue {
    /// First day this value applies.
    pub from: Date,
    pub value: RawValue,
    /// A `catalog/sources.toml` id.
    pub source: String,
    /// The day a person last checked this value against its source ("as of").
    pub checked: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A named figure with its dated values.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    pub id: String,
    pub label: Text,
    pub unit: Unit,
    pub values: Vec<DatedValue>,
    #[serde(default)]
    pub file: String,
}

impl Parameter {
    /// The value written on `from` in force on `day`, with its index: the last one that started on or
    /// before that day. None before the first one (the figure was not in force yet).
    pub fn entry_on(&self, day: Date) -> Option<&DatedValue> {
        self.values.iter().rev().find(|v| v.from <= day)
    }

    pub fn value_on(&self, day: Date) -> Option<Value> {
        self.entry_on(day).and_then(|v| self.typed(&v.value).ok())
    }

    /// The file value as the unit asks for it, or why it does not fit.
    pub fn typed(&self, raw: &RawValue) -> Result<Value, String> {
        match (self.unit, raw) {
            (Unit::Share, RawValue::Text(s)) => Share::parse(s).map(Value::Share),
            (Unit::Date, RawValue::Text(s)) => {
                Date::parse(s).map(Value::Date).map_err(|e| e.to_string())
            }
            (Unit::Share | Unit::Date, RawValue::Int(n)) => Err(format!(
                "a {} needs a quoted value, not {n}",
                self.unit.name()
            )),
            (_, RawValue::Int(n)) if *n < 0 => Err(format!("{n} is negative")),
            (_, RawValue::Int(n)) => Ok(Value::Int(*n)),
            (_, RawValue::Text(s)) => Err(format!(
                "a {} needs a whole number, not \"{s}\"",
                self.unit.name()
            )),
        }
    }
}

/// A document a figure or a rule comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// Empty in a program's `sources` that only names a catalog-wide source by `id` (filled in at load).
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default = "Confidence::unstated")]
    pub confidence: Confidence,
    /// When the document was issued, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

/// A figure as a person sees it on a program's page: the value in force, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub parameter: String,
    pub label: Text,
    /// The value in force, in words; None when no value is in force that day.
    pub shown: Option<Text>,
    pub source_title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    pub confidence: Confidence,
    /// Effective since.
    pub from: Option<Date>,
    /// Last checked against the source.
    pub checked: Option<Date>,
}

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
                        None => out.push_str(match lang {
                            Lang::Zh => "(以当地最新通知为准)",
                            Lang::En => "(see the latest local notice)",
                        }),
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

/// A whole number in a rule: written as a number in courses' and tests' own data, or as the id of a
/// parameter in the catalog (`value = "labour.min_working_age"`), replaced by its value in force when the
/// catalog is put in force for a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Num {
    Lit(i64),
    Param(String),
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match d.deserialize_any(IntOrText)? {
            Ok(n) => Num::Lit(n),
            Err(s) => Num::Param(s),
        })
    }
}

impl Num {
    /// The number, once resolved; None for a parameter not (yet) replaced by its value: never a verdict.
    pub fn lit(&self) -> Option<i64> {
        match self {
            Num::Lit(n) => Some(*n),
            Num::Param(_) => None,
        }
    }

    pub fn param(&self) -> Option<&str> {
        match self {
            Num::Param(id) => Some(id),
            Num::Lit(_) => None,
        }
    }
}

impl From<i64> for Num {
    fn from(n: i64) -> Num {
        Num::Lit(n)
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Num::Lit(n) => write!(f, "{n}"),
            Num::Param(id) => write!(f, "{id}"),
        }
    }
}

/// A share in a benefit: a parameter id in the catalog's files (`share = "flexible_si.share"`), the share
/// itself once in force. Written as one string either way; a string that reads as a share is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareRef {
    Lit(Share),
    Param(String),
}

impl ShareRef {
    pub fn lit(&self) -> Option<Share> {
        match self {
            ShareRef::Lit(s) => Some(*s),
            ShareRef::Param(_) => None,
        }
    }
}

impl Serialize for ShareRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ShareRef::Lit(x) => x.serialize(s),
            ShareRef::Param(id) => s.serialize_str(id),
        }
    }
}

impl<'de> Deserialize<'de> for ShareRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match Share::parse(&s) {
            Ok(x) => ShareRef::Lit(x),
            Err(_) => ShareRef::Param(s),
        })
    }
}

/// Figures written by hand in a text that should come from a parameter: digits, and Chinese numerals
/// before a unit ("满一年", "三分之二", "一半"). Placeholders and the catalog's listed names that contain
/// digits (the 12333 hotline, certificate levels...) are not figures.
pub fn hand_written_figures(text: &str, names: &[String]) -> Vec<String> {
    let mut t = String::with_capacity(text.len());
    // Drop placeholders.
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        t.push_str(&rest[..i]);
        match rest[i..].find('}') {
            Some(j) => {
                t.push(' ');
                rest = &rest[i + j + 1..];
            }
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    t.push_str(rest);
    let mut names: Vec<&String> = names.iter().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for n in names {
        if !n.is_empty() {
            t = t.replace(n.as_str(), " ");
        }
    }
    let chars: Vec<char> = t.chars().collect();
    let mut found = Vec::new();
    let numeral = |c: char| "一二两三四五六七八九十百千万半".contains(c);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let units = [
        "元", "年", "个月", "月", "次", "岁", "周岁", "人", "分之", "倍", "天", "日", "小时",
        "学时", "课时", "家", "名",
    ];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if digit(c) {
            let start = i;
            while i < chars.len() && (digit(chars[i]) || matches!(chars[i], '.' | ',' | '%' | '％'))
            {
                i += 1;
            }
            // 1.2万元, 2万人: the numeral after the digits belongs to the same figure.
            while i < chars.len() && "万千百亿".contains(chars[i]) {
                i += 1;
            }
            found.push(chars[start..i].iter().collect());
            continue;
        }
        if numeral(c) && (i == 0 || chars[i - 1] != '第') {
            let start = i;
            while i < chars.len() && numeral(chars[i]) {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            let after: String = chars[i..chars.len().min(i + 2)].iter().collect();
            let unit = units.iter().find(|u| after.starts_with(*u));
            // 一次性 is a name (一次性创业补贴), not a count.
            let is_name = after.starts_with("次性");
            if (unit.is_some() && !is_name) || run == "一半" || run.ends_with('半') && run.len() > 1
            {
                found.push(format!("{run}{}", unit.copied().unwrap_or("")));
            }
            continue;
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> Parameters {
        let p: Parameter = serde_json::from_value(serde_json::json!({
            "id": "skill.level4", "label": {"zh": "中级", "en": "Intermediate"}, "unit": "yuan",
            "values": [
                {"from": "2021-01-01", "value": 1500, "source": "sd", "checked": "2026-12-01"},
                {"from": "2027-01-01", "value": 1800, "source": "sd", "checked": "2026-12-01"}
            ]
        }))
        .unwrap();
        Parameters {
            params: vec![p],
            sources: vec![Source {
                id: "sd".into(),
                title: "山东".into(),
                url: None,
                confidence: Confidence::H,
                date: None,
                note: None,
                file: String::new(),
            }],
        }
    }

    #[test]
    fn the_value_in_force_is_the_last_that_started() {
        let p = params();
        assert_eq!(
            p.int_on("skill.level4", Date::ymd(2026, 12, 31)),
            Some(1500)
        );
        assert_eq!(p.int_on("skill.level4", Date::ymd(2027, 1, 1)), Some(1800));
        assert_eq!(p.int_on("skill.level4", Date::ymd(2020, 12, 31)), None);
    }

    #[test]
    fn texts_get_the_value_of_the_day_and_leave_fact_placeholders() {
        let p = params();
        let mut used = Vec::new();
        let t = Text::new("中级{skill.level4},你{age}岁", "{skill.level4} ({age})");
        let out = p.fill(&t, Date::ymd(2026, 12, 7), &mut used);
        assert_eq!(out.zh, "中级1500元,你{age}岁");
        assert_eq!(out.en, "1,500 yuan ({age})");
        assert_eq!(used, ["skill.level4"]);
        let before = p.fill(&t, Date::ymd(2020, 1, 1), &mut used);
        assert!(before.zh.contains("以当地最新通知为准"), "{}", before.zh);
    }

    #[test]
    fn finds_figures_written_by_hand() {
        let names = vec!["12333".to_string()];
        assert_eq!(hand_written_figures("最高20万元", &names), ["20万"]);
        assert_eq!(hand_written_figures("满一年后", &names), ["一年"]);
        assert_eq!(hand_written_figures("补贴三分之二", &names), ["三分之"]);
        assert_eq!(hand_written_figures("补一半保费", &names), ["一半"]);
        assert!(hand_written_figures("拨打12333,一次性创业补贴,第一次创业", &names).is_empty());
        assert!(hand_written_figures("最高{loan.max}", &names).is_empty());
        assert_eq!(
            hand_written_figures("up to 200,000 yuan", &names),
            ["200,000"]
        );
    }
}
