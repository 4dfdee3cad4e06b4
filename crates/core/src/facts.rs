//! The fact vocabulary (what the app may ask) and a person's answers (`Facts`).
//!
//! Definitions come from `catalog/facts.toml`; answers are a JSON map `fact id -> value`, with `null` for
//! "不清楚/跳过" (see docs/facts-json.md). Answers are checked against their definition here, so an impossible
//! answer (age 200, a graduation date in the future) is refused at the question with a message in zh and en.

use super::date::Date;
use super::lang::{Lang, Text};
use super::params::Num;
use super::rules::Criterion;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The type of a fact's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactType {
    Bool,
    Date,
    Int,
    Choice,
    Multi,
}

impl FactType {
    pub fn name(self) -> &'static str {
        match self {
            FactType::Bool => "bool",
            FactType::Date => "date",
            FactType::Int => "int",
            FactType::Choice => "choice",
            FactType::Multi => "multi",
        }
    }
}

/// One allowed answer of a `choice` or `multi` fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: Text,
    /// For a band of ages (a fact with `age_of`): the ages this choice covers, as parameters of unit age.
    /// `min_age` / `max_age` are inclusive ("16 to 24"), `over_age` / `under_age` exclusive ("under 16").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub over_age: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub under_age: Option<Num>,
}

impl Choice {
    /// The ages of a band choice as an inclusive range (None: no bound on that side), once its parameters
    /// are in force; None while a bound is still an unresolved parameter (then nothing is decided from it).
    pub fn ages(&self) -> Option<(Option<i64>, Option<i64>)> {
        let num = |n: &Option<Num>| -> Option<Option<i64>> {
            match n {
                None => Some(None),
                Some(n) => n.lit().map(Some),
            }
        };
        let (min, max) = (num(&self.min_age)?, num(&self.max_age)?);
        let (over, under) = (num(&self.over_age)?, num(&self.under_age)?);
        let lo = match (min, over.map(|n| n + 1)) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let hi = match (max, under.map(|n| n - 1)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Some((lo, hi))
    }

    /// The bounds written on this choice, for checking and putting parameters in force.
    pub fn age_bounds_mut(&mut self) -> [&mut Option<Num>; 4] {
        [
            &mut self.min_age,
            &mut self.max_age,
            &mut self.over_age,
            &mut self.under_age,
        ]
    }

    /// Whether this choice is a band of ages.
    pub fn is_age_band(&self) -> bool {
        self.min_age.is_some()
            || self.max_age.is_some()
            || self.over_age.is_some()
            || self.under_age.is_some()
    }
}

/// A question the app may ask, from `catalog/facts.toml`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactDef {
    pub id: String,
    #[serde(rename = "type")]
    pub fact_type: FactType,
    pub question: Text,
    #[serde(default)]
    pub help: Option<Text>,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub unit: Option<Text>,
    #[serde(default)]
    pub not_future: bool,
    #[serde(default)]
    pub max_years_ago: Option<i32>,
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// For `multi`: the choice ("none") that cannot be combined with others.
    #[serde(default)]
    pub exclusive: Option<String>,
    /// Ask only when this test on an earlier fact holds (graduation date only for graduates).
    #[serde(default)]
    pub ask_if: Option<Criterion>,
    /// Bool facts of one group are asked together on one screen, as a checklist.
    #[serde(default)]
    pub group: Option<String>,
    /// The checklist label of a grouped fact ("退役军人").
    #[serde(default)]
    pub short: Option<Text>,
    /// Source file, added by the catalog reader.
    #[serde(default)]
    pub file: String,
    /// How a person who does not know the answer finds it out, as one step: whom to ask or where to look
    /// ("问站长:平台是否在枣庄注册"). Shown on a result that waits on this fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub find_out: Option<Text>,
    /// For a `choice` fact whose choices are bands of ages (`min_age` ... on each choice): the birth-date
    /// fact it stands in for. An age test on that birth date is decided from the band when the band lies
    /// wholly on one side of the test's limits, and stays unknown (the birth date is then asked) when not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_of: Option<String>,
}

impl FactDef {
    pub fn choice(&self, value: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.value == value)
    }

    /// The label of a choice value in `lang`, or the raw value if it is not a known choice.
    pub fn label<'a>(&'a self, value: &'a str, lang: Lang) -> &'a str {
        self.choice(value).map_or(value, |c| c.label.get(lang))
    }

    /// Checks an answer against this definition. `today` bounds dates ("not in the future").
    pub fn check(&self, value: &FactValue, today: Date) -> Result<(), FactError> {
        let id = self.id.clone();
        match (self.fact_type, value) {
            (FactType::Bool, FactValue::Bool(_)) => Ok(()),
            (FactType::Int, FactValue::Int(n)) => {
                let (min, max) = (self.min.unwrap_or(i64::MIN), self.max.unwrap_or(i64::MAX));
                if *n < min || *n > max {
                    Err(FactError::OutOfRange {
                        fact: id,
                        value: *n,
                        min,
                        max,
                    })
                } else {
                    Ok(())
                }
            }
            (FactType::Date, FactValue::Date(d)) => {
                if self.not_future && *d > today {
                    return Err(FactError::InFuture {
                        fact: id,
                        date: *d,
                        question: self.question.clone(),
                    });
                }
                if let Some(years) = self.max_years_ago {
                    let earliest = today.add_years(-years);
                    if *d < earliest {
                        return Err(FactError::TooLongAgo {
                            fact: id,
                            earliest,
                            question: self.question.clone(),
                        });
                    }
                }
                Ok(())
            }
            (FactType::Choice, FactValue::Choice(c)) => match self.choice(c) {
                Some(_) => Ok(()),
                None => Err(FactError::NotAChoice {
                    fact: id,
                    value: c.clone(),
                }),
            },
            (FactType::Multi, FactValue::Multi(list)) => {
                if let Some(bad) = list.iter().find(|v| self.choice(v).is_none()) {
                    return Err(FactError::NotAChoice {
                        fact: id,
                        value: bad.clone(),
                    });
                }
                if let Some(ex) = &self.exclusive {
                    if list.len() > 1 && list.iter().any(|v| v == ex) {
                        let label = self
                            .choice(ex)
                            .map(|c| c.label.clone())
                            .unwrap_or_else(|| Text::new(ex, ex));
                        return Err(FactError::ExclusiveCombined { fact: id, label });
                    }
                }
                Ok(())
            }
            (expected, _) => Err(FactError::WrongType { fact: id, expected }),
        }
    }

    /// Parses a raw JSON value for this fact (date strings become dates) and checks it.
    pub fn parse(&self, raw: &Value, today: Date) -> Result<Answer, FactError> {
        let answer = Answer::from_json(raw, Some(self.fact_type)).ok_or(FactError::WrongType {
            fact: self.id.clone(),
            expected: self.fact_type,
        })?;
        if let Answer::Known(v) = &answer {
            self.check(v, today)?;
        }
        Ok(answer)
    }
}

/// A known answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactValue {
    Bool(bool),
    Int(i64),
    Date(Date),
    Choice(String),
    Multi(Vec<String>),
}

impl FactValue {
    pub fn to_json(&self) -> Value {
        match self {
            FactValue::Bool(b) => Value::Bool(*b),
            FactValue::Int(n) => Value::from(*n),
            FactValue::Date(d) => Value::String(d.to_string()),
            FactValue::Choice(c) => Value::String(c.clone()),
            FactValue::Multi(l) => Value::Array(l.iter().cloned().map(Value::String).collect()),
        }
    }
}

/// What is recorded for a fact: a value, or "不清楚/跳过".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Known(FactValue),
    Unknown,
}

impl Answer {
    /// Reads a JSON value; `hint` decides whether a string is a date or a choice. Without a hint a string
    /// that parses as a date is a date. Returns None for shapes no fact can have (objects, floats).
    pub fn from_json(raw: &Value, hint: Option<FactType>) -> Option<Answer> {
        Some(Answer::Known(match raw {
            Value::Null => return Some(Answer::Unknown),
            Value::Bool(b) => FactValue::Bool(*b),
            Value::Number(n) => FactValue::Int(n.as_i64()?),
            Value::String(s) => match hint {
                Some(FactType::Date) => FactValue::Date(Date::parse(s).ok()?),
                Some(FactType::Choice) => FactValue::Choice(s.clone()),
                _ => Date::parse(s)
                    .map(FactValue::Date)
                    .unwrap_or_else(|_| FactValue::Choice(s.clone())),
            },
            Value::Array(items) => FactValue::Multi(
                items
                    .iter()
                    .map(|v| v.as_str().map(str::to_string))
                    .collect::<Option<_>>()?,
            ),
            Value::Object(_) => return None,
        }))
    }

    pub fn to_json(&self) -> Value {
        match self {
            Answer::Known(v) => v.to_json(),
            Answer::Unknown => Value::Null,
        }
    }
}

/// A person's answers. Absent = not asked yet; `Answer::Unknown` = asked, "不清楚".
/// Serialises as the facts JSON object of docs/facts-json.md.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    answers: BTreeMap<String, Answer>,
}

impl Facts {
    pub fn new() -> Facts {
        Facts::default()
    }

    /// Records a value (no checking: use `questionnaire::answer` or `FactDef::check` for user input).
    pub fn set(&mut self, fact: impl Into<String>, value: FactValue) -> &mut Facts {
        self.answers.insert(fact.into(), Answer::Known(value));
        self
    }

    /// Records "不清楚/跳过".
    pub fn mark_unknown(&mut self, fact: impl Into<String>) -> &mut Facts {
        self.answers.insert(fact.into(), Answer::Unknown);
        self
    }

    /// Forgets the answer, so the question can be asked again.
    pub fn unset(&mut self, fact: &str) -> Option<Answer> {
        self.answers.remove(fact)
    }

    pub fn answer(&self, fact: &str) -> Option<&Answer> {
        self.answers.get(fact)
    }

    /// The known value, if any.
    pub fn value(&self, fact: &str) -> Option<&FactValue> {
        match self.answers.get(fact) {
            Some(Answer::Known(v)) => Some(v),
            _ => None,
        }
    }

    /// True once the question was answered, including "不清楚".
    pub fn is_answered(&self, fact: &str) -> bool {
        self.answers.contains_key(fact)
    }

    pub fn len(&self) -> usize {
        self.answers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.answers.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Reads facts JSON, checking every answer against the vocabulary. All problems are returned.
    pub fn from_json_checked(
        json: &str,
        vocabulary: &[FactDef],
        today: Date,
    ) -> Result<Facts, Vec<FactError>> {
        let map: BTreeMap<String, Value> =
            serde_json::from_str(json).map_err(|e| vec![FactError::Malformed(e.to_string())])?;
        let mut facts = Facts::new();
        let mut errors = Vec::new();
        for (id, raw) in map {
            match vocabulary.iter().find(|d| d.id == id) {
                None => errors.push(FactError::UnknownFact(id)),
                Some(def) => match def.parse(&raw, today) {
                    Ok(a) => {
                        facts.answers.insert(id, a);
                    }
                    Err(e) => errors.push(e),
                },
            }
        }
        if errors.is_empty() {
            Ok(facts)
        } else {
            Err(errors)
        }
    }
}

impl Serialize for Facts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.answers.len()))?;
        for (k, v) in &self.answers {
            m.serialize_entry(k, &v.to_json())?;
        }
        m.end()
    }
}

/// Lenient reading (no vocabulary at hand): strings that look like dates become dates. Unreadable values
/// (objects, floats) are refused. Use `Facts::from_json_checked` for user files.
impl<'de> Deserialize<'de> for Facts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Facts, D::Error> {
        let map = BTreeMap::<String, Value>::deserialize(d)?;
        let mut answers = BTreeMap::new();
        for (k, raw) in map {
            let a = Answer::from_json(&raw, None).ok_or_else(|| {
                serde::de::Error::custom(format!("fact `{k}`: not a valid answer: {raw}"))
            })?;
            answers.insert(k, a);
        }
        Ok(Facts { answers })
    }
}

/// Why an answer was refused. `message(lang)` is what the person reads under the question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactError {
    Malformed(String),
    UnknownFact(String),
    WrongType {
        fact: String,
        expected: FactType,
    },
    OutOfRange {
        fact: String,
        value: i64,
        min: i64,
        max: i64,
    },
    InFuture {
        fact: String,
        date: Date,
        question: Text,
    },
    TooLongAgo {
        fact: String,
        earliest: Date,
        question: Text,
    },
    NotAChoice {
        fact: String,
        value: String,
    },
    ExclusiveCombined {
        fact: String,
        label: Text,
    },
}

/// The built-in vocabulary, in the order questions are preferred.
pub fn vocabulary() -> &'static [FactDef] {
    super::catalog::Catalog::builtin().facts()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(json: &str) -> FactDef {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn refuses_impossible_dates_with_messages_in_both_languages() {
        let birth = def(
            r#"{"id":"birth_date","type":"date","question":{"zh":"出生日期?","en":"Birth date?"},
            "not_future":true,"max_years_ago":100}"#,
        );
        let today = Date::ymd(2026, 11, 26);
        assert!(birth
            .check(&FactValue::Date(Date::ymd(1990, 1, 1)), today)
            .is_ok());
        let e = birth
            .check(&FactValue::Date(Date::ymd(1826, 1, 1)), today)
            .unwrap_err();
        assert!(matches!(e, FactError::TooLongAgo { .. }));
        assert!(
            e.message(Lang::Zh).contains("1926-11-26"),
            "{}",
            e.message(Lang::Zh)
        );
        let e = birth
            .check(&FactValue::Date(Date::ymd(2027, 1, 1)), today)
            .unwrap_err();
        assert!(e.message(Lang::Zh).contains("还没到"));
        assert!(e.message(Lang::En).contains("future"));
    }

    #[test]
    fn refuses_out_of_range_numbers_wrong_types_and_unknown_choices() {
        let months = def(
            r#"{"id":"ui_months","type":"int","question":{"zh":"月数?","en":"Months?"},"min":0,"max":600}"#,
        );
        let today = Date::ymd(2026, 11, 26);
        assert!(months.check(&FactValue::Int(600), today).is_ok());
        assert!(matches!(
            months.check(&FactValue::Int(601), today),
            Err(FactError::OutOfRange { .. })
        ));
        assert!(matches!(
            months.check(&FactValue::Bool(true), today),
            Err(FactError::WrongType { .. })
        ));
        let multi = def(
            r#"{"id":"w","type":"multi","question":{"zh":"?","en":"?"},"exclusive":"none",
            "choices":[{"value":"a","label":{"zh":"甲","en":"A"}},{"value":"none","label":{"zh":"都没有","en":"None"}}]}"#,
        );
        let v = |l: &[&str]| FactValue::Multi(l.iter().map(|s| s.to_string()).collect());
        assert!(multi.check(&v(&["a"]), today).is_ok());
        assert!(multi.check(&v(&["none"]), today).is_ok());
        assert!(matches!(
            multi.check(&v(&["a", "none"]), today),
            Err(FactError::ExclusiveCombined { .. })
        ));
        assert!(matches!(
            multi.check(&v(&["b"]), today),
            Err(FactError::NotAChoice { .. })
        ));
    }

    #[test]
    fn facts_round_trip_through_json_with_null_for_unknown() {
        let mut f = Facts::new();
        f.set("veteran", FactValue::Bool(true))
            .set("graduation_date", FactValue::Date(Date::ymd(2019, 7, 1)))
            .set("platform_work", FactValue::Multi(vec!["courier".into()]))
            .mark_unknown("ui_months");
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(
            json,
            r#"{"graduation_date":"2019-07-01","platform_work":["courier"],"ui_months":null,"veteran":true}"#
        );
        let back: Facts = serde_json::from_str(&json).unwrap();
        assert_eq!(back, f);
        assert!(back.is_answered("ui_months") && back.value("ui_months").is_none());
        assert!(serde_json::from_str::<Facts>(r#"{"x":{"a":1}}"#).is_err());
        assert!(serde_json::from_str::<Facts>(r#"{"x":1.5}"#).is_err());
    }
}
