//! One test on one fact (`Criterion`): what rules combine and a question's `ask_if` asks. It sits with
//! the facts it tests, below the rules engine, so a fact's definition can hold one without the facts
//! reaching up into the rules.

use super::{FactType, FactValue};
use crate::date::Date;
use crate::lang::Text;
use crate::params::Num;
use serde::{Deserialize, Serialize};

/// The test a criterion applies to its fact (see the table in docs/catalog-format.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestKind {
    IsTrue,
    IsFalse,
    In,
    NotIn,
    AnyOf,
    AllOf,
    NoneOf,
    AtLeast,
    AtMost,
    /// The number is less than `value` ("fewer than 3 claims this year").
    Below,
    Between,
    Within,
    AtLeastAgo,
    AgeBetween,
    /// The fact is a birth date and the age today is less than `value` ("under 50").
    AgeBelow,
    OnOrAfter,
    OnOrBefore,
    Answered,
}

impl TestKind {
    pub fn name(self) -> &'static str {
        match self {
            TestKind::IsTrue => "is_true",
            TestKind::IsFalse => "is_false",
            TestKind::In => "in",
            TestKind::NotIn => "not_in",
            TestKind::AnyOf => "any_of",
            TestKind::AllOf => "all_of",
            TestKind::NoneOf => "none_of",
            TestKind::AtLeast => "at_least",
            TestKind::AtMost => "at_most",
            TestKind::Below => "below",
            TestKind::Between => "between",
            TestKind::Within => "within",
            TestKind::AtLeastAgo => "at_least_ago",
            TestKind::AgeBetween => "age_between",
            TestKind::AgeBelow => "age_below",
            TestKind::OnOrAfter => "on_or_after",
            TestKind::OnOrBefore => "on_or_before",
            TestKind::Answered => "answered",
        }
    }

    /// The fact type this test applies to (None: any type).
    pub fn fact_type(self) -> Option<FactType> {
        use TestKind::*;
        match self {
            IsTrue | IsFalse => Some(FactType::Bool),
            In | NotIn => Some(FactType::Choice),
            AnyOf | AllOf | NoneOf => Some(FactType::Multi),
            AtLeast | AtMost | Below | Between => Some(FactType::Int),
            Within | AtLeastAgo | AgeBetween | AgeBelow | OnOrAfter | OnOrBefore => {
                Some(FactType::Date)
            }
            Answered => None,
        }
    }
}

/// One condition of a rule: a test on one fact, with the sentences a person reads.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    #[serde(default)]
    pub id: String,
    pub fact: String,
    pub test: TestKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Shown when the test holds. (Optional in `ask_if`, required in rules.)
    #[serde(default)]
    pub met: Text,
    /// Shown when the test does not hold.
    #[serde(default)]
    pub failed: Text,
    /// Shown when the fact is not known; default "还需要知道:<question>".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown: Option<Text>,
    /// How a person can make this criterion hold; present = changeable (shown under 还差一点).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Text>,
    /// The sources are not sure of this condition: when it does not hold the rule is not failed, but the
    /// best outcome is "likely eligible — confirm" (e.g. a second claim in one year, a district whose rules
    /// were not found).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub uncertain: bool,
}

/// Month span of `years` / `months` (years win if both are given; validation refuses both).
pub(crate) fn span_months(c: &Criterion) -> Option<i32> {
    match (c.years_n(), c.months_n()) {
        (Some(y), _) => Some(y.saturating_mul(12)),
        (None, Some(m)) => Some(m),
        _ => None,
    }
}

impl Criterion {
    /// The numbers of the test once parameters are replaced by their values (`Catalog::in_force`); a
    /// parameter reference still in place reads as None, so the test stays undecided.
    pub fn value_n(&self) -> Option<i64> {
        self.value.as_ref().and_then(Num::lit)
    }
    pub fn min_n(&self) -> Option<i64> {
        self.min.as_ref().and_then(Num::lit)
    }
    pub fn max_n(&self) -> Option<i64> {
        self.max.as_ref().and_then(Num::lit)
    }
    pub fn years_n(&self) -> Option<i32> {
        self.years
            .as_ref()
            .and_then(Num::lit)
            .and_then(|n| i32::try_from(n).ok())
    }
    pub fn months_n(&self) -> Option<i32> {
        self.months
            .as_ref()
            .and_then(Num::lit)
            .and_then(|n| i32::try_from(n).ok())
    }

    /// Every number of the test with the unit it must have, for checking parameter references.
    pub fn numbers(&self) -> Vec<(&'static str, &Num)> {
        [
            ("value", &self.value),
            ("min", &self.min),
            ("max", &self.max),
            ("years", &self.years),
            ("months", &self.months),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
        .collect()
    }

    /// Whether the test holds for a known value; None when the value has the wrong type for the test
    /// (a stale or hand-edited answer): treated as unknown, never as a verdict.
    pub fn holds(&self, v: &FactValue, today: Date) -> Option<bool> {
        use TestKind::*;
        let has = |x: &String| self.values.iter().any(|w| w == x);
        Some(match (self.test, v) {
            (Answered, _) => true,
            (IsTrue, FactValue::Bool(b)) => *b,
            (IsFalse, FactValue::Bool(b)) => !*b,
            (In, FactValue::Choice(c)) => has(c),
            (NotIn, FactValue::Choice(c)) => !has(c),
            (AnyOf, FactValue::Multi(l)) => l.iter().any(has),
            (AllOf, FactValue::Multi(l)) => self.values.iter().all(|w| l.contains(w)),
            (NoneOf, FactValue::Multi(l)) => !l.iter().any(has),
            (AtLeast, FactValue::Int(n)) => *n >= self.value_n()?,
            (AtMost, FactValue::Int(n)) => *n <= self.value_n()?,
            (Below, FactValue::Int(n)) => *n < self.value_n()?,
            (Between, FactValue::Int(n)) => {
                self.min_n().is_none_or(|m| *n >= m) && self.max_n().is_none_or(|m| *n <= m)
            }
            (Within, FactValue::Date(d)) => *d >= today.add_months(-span_months(self)?),
            (AtLeastAgo, FactValue::Date(d)) => *d <= today.add_months(-span_months(self)?),
            (AgeBetween, FactValue::Date(d)) => {
                let age = i64::from(d.age_on(today));
                self.min_n().is_none_or(|m| age >= m) && self.max_n().is_none_or(|m| age <= m)
            }
            (AgeBelow, FactValue::Date(d)) => i64::from(d.age_on(today)) < self.value_n()?,
            (OnOrAfter, FactValue::Date(d)) => *d >= self.date?,
            (OnOrBefore, FactValue::Date(d)) => *d <= self.date?,
            _ => return None,
        })
    }
}
