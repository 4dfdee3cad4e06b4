//! Eligibility rules as data: criteria (one test on one fact each) combined by all / any / not, evaluated in
//! three-valued logic so that "不清楚" can only ever lead to "needs more information", never a wrong verdict.
//!
//! Programs and courses share this format (docs/catalog-format.md). `Rule` is the owned form a course embeds;
//! `evaluate_rule` and `Rule::validate` are the public entry points for it. Programs are compiled once when
//! the catalog loads (`Compiled`), so evaluating the whole catalog does no id lookups.
//!
//! The parts: this file (the rule's data and results), `compile` (compile and evaluate), `truth` (one
//! test for one person), `explain` (the sentences), `validate` and `contradictions` (the catalog checks).

mod compile;
mod contradictions;
mod explain;
mod truth;
mod validate;

pub use compile::Compiled;
pub use explain::{unknown_placeholders, PLACEHOLDERS};
pub use truth::{band_holds, decide_or_ask};
pub use validate::{check_text, validate_rule, validate_test};

use super::date::Date;
use super::facts::criterion::span_months;
use super::facts::{Answer, FactDef, FactType, FactValue, Facts};
pub use super::facts::{Criterion, TestKind};
use super::lang::{Lang, Text};
pub use super::params::Num;
use serde::{Deserialize, Serialize};

/// Three-valued result of a test or a rule, from the person's point of view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Failed,
    Unknown,
}

impl Status {
    fn from_bool(b: bool) -> Status {
        if b {
            Status::Met
        } else {
            Status::Failed
        }
    }
    fn flip(self) -> Status {
        match self {
            Status::Met => Status::Failed,
            Status::Failed => Status::Met,
            Status::Unknown => Status::Unknown,
        }
    }
}

/// How criteria combine: a criterion id, or `{ all = [...] }`, `{ any = [...] }`, `{ not = node }`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RuleNode {
    Criterion(String),
    All(AllNode),
    Any(AnyNode),
    Not(NotNode),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllNode {
    pub all: Vec<RuleNode>,
}
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnyNode {
    pub any: Vec<RuleNode>,
}
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotNode {
    pub not: Box<RuleNode>,
}

/// An eligibility rule: criteria and how they combine (all of them when `rule` is absent).
/// Courses embed it with `#[serde(flatten)]`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Rule {
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleNode>,
}

impl Rule {
    pub fn compile(&self, vocabulary: &[FactDef]) -> Compiled {
        Compiled::new(self.criteria.clone(), self.rule.as_ref(), vocabulary)
    }

    /// Problems of this rule against the vocabulary (unknown facts, type errors, contradictions...).
    pub fn validate(&self, vocabulary: &[FactDef]) -> Vec<String> {
        validate_rule(&self.criteria, self.rule.as_ref(), vocabulary)
    }
}

/// One line of the trace: how one criterion came out for this person, as a sentence in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CriterionResult {
    pub criterion: String,
    pub fact: String,
    pub status: Status,
    pub text: Text,
    /// The fact does not apply to this person (its question is not asked, e.g. a graduation date for
    /// someone without a degree), so the criterion cannot hold. Views may fold these lines away.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
    /// This criterion decides the result: a failure on a failing path, an unknown on an undecided path,
    /// or a met condition of an eligible result. A failed alternative of a met `any` is not decisive.
    pub decisive: bool,
}

/// Something a person can do to become eligible ("完成就业登记后即可申请"), or a day from which time alone
/// fixes it (`ready_on`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub criterion: String,
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ready_on: Option<Date>,
}

/// The result of a rule for one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleResult {
    pub status: Status,
    /// Met, but an `uncertain` criterion does not hold: "likely eligible — confirm" at best.
    pub doubtful: bool,
    pub trace: Vec<CriterionResult>,
    /// For `Failed`: what would make it hold, when every blocking criterion can be changed; else empty.
    pub steps: Vec<Step>,
}

/// Evaluates a course's (or any) rule. Compiles on each call: cheap for a handful of criteria.
pub fn evaluate_rule(
    rule: &Rule,
    vocabulary: &[FactDef],
    facts: &Facts,
    today: Date,
) -> RuleResult {
    rule.compile(vocabulary).evaluate(vocabulary, facts, today)
}

#[cfg(test)]
mod tests;
