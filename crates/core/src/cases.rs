//! Per-program test cases (catalog/cases/*.toml, read as JSON): facts -> expected outcome.
//! Shared by `cargo test --test catalog_cases` and `catalog check`, so both report the same failures.

use super::catalog::Catalog;
use super::date::Date;
use super::facts::Facts;
use super::outcome::{evaluate, Outcome};
use super::rules::Status;
use serde::Deserialize;
use serde_json::Value;

/// One `[[case]]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub program: String,
    pub name: String,
    pub today: Date,
    pub expect: String,
    #[serde(default)]
    pub expect_yuan: Option<u64>,
    #[serde(default)]
    pub expect_failed: Option<Vec<String>>,
    #[serde(default)]
    pub expect_unknown: Option<Vec<String>>,
    #[serde(default)]
    pub facts: serde_json::Map<String, Value>,
    #[serde(default)]
    pub file: String,
}

impl Case {
    /// "catalog/cases/x.toml: [program] name".
    pub fn label(&self) -> String {
        format!("{}: [{}] {}", self.file, self.program, self.name)
    }

    /// The case's facts, checked against the vocabulary (`unknown = [...]` lists facts answered 不清楚).
    pub fn facts(&self, catalog: &Catalog) -> Result<Facts, String> {
        let mut map = self.facts.clone();
        let unknown = map.remove("unknown");
        let json = Value::Object(map).to_string();
        let mut facts =
            Facts::from_json_checked(&json, catalog.facts(), self.today).map_err(|errs| {
                errs.iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            })?;
        for id in unknown
            .as_ref()
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let id = id.as_str().ok_or("`unknown` must list fact ids")?;
            if catalog.fact(id).is_none() {
                return Err(format!("`unknown` names `{id}`, which is not a fact"));
            }
            facts.mark_unknown(id);
        }
        Ok(facts)
    }

    /// Runs the case; Err says what differed.
    pub fn run(&self, catalog: &Catalog) -> Result<(), String> {
        let expect = Outcome::from_code(&self.expect).ok_or_else(|| {
            format!("`expect = \"{}\"` is not an outcome (eligible, likely_eligible, not_eligible, needs_info, for_employers)", self.expect)
        })?;
        let Some(index) = catalog.programs().iter().position(|p| p.id == self.program) else {
            return Err(format!("no program `{}` in the catalog", self.program));
        };
        let facts = self.facts(catalog)?;
        let result = evaluate(catalog, &facts, self.today).swap_remove(index);
        let mut problems = Vec::new();
        if result.outcome != expect {
            problems.push(format!(
                "expected {}, got {}",
                expect.code(),
                result.outcome.code()
            ));
        }
        if let Some(y) = self.expect_yuan {
            if result.amount.map(|a| a.0) != Some(y) {
                problems.push(format!(
                    "expected amount {y} yuan, got {:?}",
                    result.amount.map(|a| a.0)
                ));
            }
        }
        // Expectations must name every decisive criterion (what explains the outcome) and may name any
        // other criterion with that status. Criteria that fail only because their question does not
        // apply (`not_applicable`) follow from another answer, so they may be left out.
        for (want, status, what) in [
            (&self.expect_failed, Status::Failed, "failed"),
            (&self.expect_unknown, Status::Unknown, "unknown"),
        ] {
            if let Some(want) = want {
                let all: Vec<&str> = result
                    .with_status(status)
                    .map(|c| c.criterion.as_str())
                    .collect();
                let required: Vec<&str> = result
                    .with_status(status)
                    .filter(|c| c.decisive && !c.not_applicable)
                    .map(|c| c.criterion.as_str())
                    .collect();
                let wrong = want.iter().any(|w| !all.contains(&w.as_str()))
                    || required.iter().any(|r| !want.iter().any(|w| w == r));
                if wrong {
                    let mut want: Vec<&str> = want.iter().map(String::as_str).collect();
                    crate::order::sort(&mut want);
                    problems.push(format!("expected {what} criteria {want:?}, got {all:?}"));
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            let trace: Vec<String> = result
                .trace
                .iter()
                .map(|c| format!("{:?} {}: {}", c.status, c.criterion, c.text.zh))
                .collect();
            Err(format!(
                "{}\n    trace: {}",
                problems.join("; "),
                trace.join(" | ")
            ))
        }
    }
}

/// Runs every case entry (JSON objects as read from catalog/cases); returns `(cases run, failures)`.
pub fn run_all(catalog: &Catalog, entries: &[Value]) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    for (i, raw) in entries.iter().enumerate() {
        match serde_json::from_value::<Case>(raw.clone()) {
            Ok(case) => {
                if let Err(e) = case.run(catalog) {
                    failures.push(format!("{}: {e}", case.label()));
                }
            }
            Err(e) => {
                let file = raw.get("file").and_then(Value::as_str).unwrap_or("?");
                failures.push(format!("{file}: case #{}: cannot read it: {e}", i + 1));
            }
        }
    }
    (entries.len(), failures)
}
