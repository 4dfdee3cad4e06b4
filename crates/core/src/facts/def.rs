//! A question the app may ask and the answers it allows, from `catalog/facts.toml`.

use super::criterion::Criterion;
use super::{Answer, FactError, FactType, FactValue};
use crate::date::Date;
use crate::lang::{Lang, Text};
use crate::params::Num;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
