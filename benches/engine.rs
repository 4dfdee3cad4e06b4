//! Engine speed (`cargo bench --bench engine`): prints figures against the targets of issue 3.
//!   full catalog for one person ≤ 0.2 ms · synthetic 1,000-program catalog ≤ 10 ms · next question ≤ 1 ms
//! Built with the release profile (opt-level "z", the size-first settings the wasm ships with).

use leye_core::catalog::{Catalog, CATALOG_JSON};
use leye_core::date::Date;
use leye_core::facts::{FactValue, Facts};
use leye_core::outcome::evaluate;
use leye_core::questionnaire::next_question;
use serde_json::Value;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Time this thread has spent on a CPU (Linux `schedstat`, ns). On a shared, overloaded machine the wall
/// clock also counts time spent waiting for a core, so both are printed.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

struct Timing {
    wall: Duration,
    cpu: Option<Duration>,
    runs: u32,
}

/// Mean time per call over enough calls to run about `budget`.
fn time<T>(budget: Duration, mut f: impl FnMut() -> T) -> Timing {
    let start = Instant::now();
    black_box(f());
    let once = start.elapsed().max(Duration::from_nanos(50));
    let runs = (budget.as_nanos() / once.as_nanos()).clamp(200, 200_000) as u32;
    let cpu0 = cpu_ns();
    let start = Instant::now();
    for _ in 0..runs {
        black_box(f());
    }
    let wall = start.elapsed() / runs;
    let cpu = cpu0
        .zip(cpu_ns())
        .map(|(a, b)| Duration::from_nanos(b.saturating_sub(a)) / runs);
    Timing { wall, cpu, runs }
}

fn report(what: &str, t: Timing, target: Duration) {
    let measured = t.cpu.unwrap_or(t.wall);
    let verdict = if measured <= target {
        "ok"
    } else {
        "OVER TARGET"
    };
    let cpu = t.cpu.map_or("n/a".to_string(), |c| {
        format!("{:.1}", c.as_secs_f64() * 1e6)
    });
    println!(
        "{what:<50} cpu {cpu:>8} µs  wall {:>8.1} µs  (target ≤ {} µs, {} runs)  {verdict}",
        t.wall.as_secs_f64() * 1e6,
        target.as_micros(),
        t.runs
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
    // In force on the day evaluated, as the app keeps it (src/state/load.rs): otherwise every call would
    // first put the whole catalog in force again, which is what `outcome::evaluate` does for another day.
    let catalog = &Catalog::builtin().in_force(today);
    let n = catalog.programs().len();
    println!(
        "engine benchmark, catalog {} ({n} programs, {} facts)",
        catalog.version(),
        catalog.facts().len()
    );

    let facts = driver();
    let empty = Facts::new();
    let big = synthetic(1000).in_force(today);
    report(
        &format!("evaluate full catalog, one person ({n} programs)"),
        time(budget, || evaluate(catalog, &facts, today)),
        Duration::from_micros(200),
    );
    report(
        "evaluate full catalog, no answers yet",
        time(budget, || evaluate(catalog, &empty, today)),
        Duration::from_micros(200),
    );
    report(
        "evaluate synthetic 1,000-program catalog",
        time(budget, || evaluate(&big, &facts, today)),
        Duration::from_millis(10),
    );
    report(
        "next question, real catalog, first question",
        time(budget, || {
            next_question(catalog, &empty, today).map(|q| q.fact.id.len())
        }),
        Duration::from_millis(1),
    );
    report(
        "next question, real catalog, mid-questionnaire",
        time(budget, || {
            next_question(catalog, &facts, today).map(|q| q.fact.id.len())
        }),
        Duration::from_millis(1),
    );
    report(
        "parse + compile the embedded catalog (cold start)",
        time(budget, || Catalog::from_json(CATALOG_JSON)),
        Duration::from_millis(20),
    );
    // What the web app does at start-up: the same catalog from the compact form its build.rs writes.
    let compact = catalog.to_compact();
    report(
        &format!(
            "read + compile the compact catalog, Chinese without courses (web start-up, {} KB)",
            compact.data.len() / 1024
        ),
        time(budget, || {
            Catalog::from_compact(leye_core::catalog::CompactParts {
                english: None,
                courses: None,
                ..compact.whole()
            })
        }),
        Duration::from_millis(20),
    );
}
