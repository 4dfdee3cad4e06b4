//! The fact vocabulary (what the app may ask) and a person's answers (`Facts`).
//!
//! Definitions come from `catalog/facts.toml`; answers are a JSON map `fact id -> value`, with `null` for
//! "不清楚/跳过" (see docs/facts-json.md). Answers are checked against their definition here, so an impossible
//! answer (age 200, a graduation date in the future) is refused at the question with a message in zh and en.
//!
//! The parts: `value` (a fact's type and a known answer), `def` (the question and its choices),
//! `criterion` (one test on one fact), `answers` (`Facts`), `error` (why an answer was refused).

mod answers;
pub mod criterion;
mod def;
mod error;
mod value;

pub use answers::Facts;
pub use criterion::{Criterion, TestKind};
pub use def::{Choice, FactDef};
pub use error::FactError;
pub use value::{Answer, FactType, FactValue};

#[cfg(test)]
mod tests;
