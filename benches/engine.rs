//! Engine speed (`cargo bench --bench engine`): prints figures against the targets of issue 3.
//!   full catalog for one person ≤ 0.2 ms · synthetic 1,000-program catalog ≤ 10 ms · next question ≤ 1 ms

use leye::domain::catalog::{Catalog, CATALOG_JSON};
use leye::domain::date::Date;
use leye::domain::facts::{FactValue, Facts};
use leye::domain::outcome::evaluate;
use leye::domain::questionnaire::next_question;
use serde_json::Value;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Mean time per call over enough calls to run about `budget`.
fn time<T>(budget: Duration, mut f: impl FnMut() -> T) -> (Duration, u32) {
    let start = Instant::now();
    black_box(f());
    let once = start.elapsed().max(Duration::from_nanos(50));
    let n = (budget.as_nanos() / once.as_nanos()).clamp(5, 200_000) as u32;
    let start = Instant::now();
    for _ in 0..n {
        black_box(f());
    }
    (start.elapsed() / n, n)
}

fn report(what: &str, mean: Duration, n: u32, target: Duration) {
    let verdict = if mean <= target { "ok" } else { "OVER TARGET" };
    println!(
        "{what:<52} {:>10.1} µs  (target ≤ {:>6} µs, {n} runs)  {verdict}",
        mean.as_secs_f64() * 1e6,
        target.as_micros()
    );
}

fn driver() -> Facts {
    let mut f = Facts::new();
    f.set("birth_date", FactValue::Date(Date::ymd(1986, 4, 12)))
        .set("work_city", FactValue::Choice("zaozhuang".into()))
        .set(
            "platform_work",
            FactValue::Multi(vec!["ride_hailing".into()]),
        )
        .set("platforms", FactValue::Multi(vec!["didi".into()]))
        .set(
            "platform_registered_local",
            FactValue::Choice("local_branch".into()),
        )
        .set("platform_manager", FactValue::Bool(false))
        .set("employment_registered", FactValue::Bool(true))
        .set("edu_level", FactValue::Choice("senior_high".into()))
        .set("business_form", FactValue::Choice("none".into()))
        .mark_unknown("ui_months");
    f
}

/// The real catalog's programs copied until there are `n`, with fresh ids (exclusions dropped so every
/// copy stays valid).
fn synthetic(n: usize) -> Catalog {
    let mut doc: Value = serde_json::from_str(CATALOG_JSON).expect("embedded catalog");
    let base = doc["programs"].as_array().expect("programs").clone();
    let mut programs = Vec::with_capacity(n);
    for i in 0..n {
        let mut p = base[i % base.len()].clone();
        p["id"] = format!("{}-{i}", p["id"].as_str().unwrap_or("p")).into();
        p["excludes"] = Value::Array(Vec::new());
        programs.push(p);
    }
    doc["programs"] = Value::Array(programs);
    Catalog::from_document(&doc)
}

fn main() {
    let today = Date::ymd(2026, 11, 26);
    let budget = Duration::from_millis(800);
    let catalog = Catalog::builtin();
    let n = catalog.programs().len();
    println!(
        "engine benchmark, catalog {} ({} programs, {} facts)",
        catalog.version(),
        n,
        catalog.facts().len()
    );

    let facts = driver();
    let (mean, runs) = time(budget, || evaluate(catalog, &facts, today));
    report(
        &format!("evaluate full catalog, one person ({n} programs)"),
        mean,
        runs,
        Duration::from_micros(200),
    );

    let empty = Facts::new();
    let (mean, runs) = time(budget, || evaluate(catalog, &empty, today));
    report(
        "evaluate full catalog, no answers yet",
        mean,
        runs,
        Duration::from_micros(200),
    );

    let big = synthetic(1000);
    let (mean, runs) = time(budget, || evaluate(&big, &facts, today));
    report(
        "evaluate synthetic 1,000-program catalog",
        mean,
        runs,
        Duration::from_millis(10),
    );

    let (mean, runs) = time(budget, || {
        next_question(catalog, &empty, today).map(|q| q.fact.id.len())
    });
    report(
        "next question, real catalog, first question",
        mean,
        runs,
        Duration::from_millis(1),
    );

    let (mean, runs) = time(budget, || {
        next_question(catalog, &facts, today).map(|q| q.fact.id.len())
    });
    report(
        "next question, real catalog, mid-questionnaire",
        mean,
        runs,
        Duration::from_millis(1),
    );

    let (mean, runs) = time(budget, || {
        Catalog::from_document(&serde_json::from_str::<Value>(CATALOG_JSON).unwrap())
    });
    report(
        "parse + compile the embedded catalog (cold start)",
        mean,
        runs,
        Duration::from_millis(20),
    );
}
