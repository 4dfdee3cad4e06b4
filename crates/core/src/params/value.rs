//! One parameter: its unit, its values dated by the day they took effect, and their sources.

use super::*;

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
pub(super) struct IntOrText;

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
