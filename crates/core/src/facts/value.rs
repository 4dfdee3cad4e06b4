//! The type of a fact's answer and the answer itself.

use crate::date::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
