//! Why an answer was refused, as data; the wording is in `text::errors`.

use super::FactType;
use crate::date::Date;
use crate::lang::Text;

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
