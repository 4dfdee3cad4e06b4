//! How long the training views take on a heavy log (10,000 events: years of daily logging), natively.
//! Prints figures; it does not gate anything. Run: `cargo bench --bench training`.
//! Targets (storage layer, issue 4): load 10,000 events <= 100 ms; the phone is ~5-10x slower than this machine.

use leye_core::date::Date;
use leye_core::ics::Stamp;
use leye_core::lang::Lang;
use leye_core::learning_record::learning_record;
use leye_core::training::*;
use std::time::Instant;

#[path = "../tests/heavy_log/mod.rs"]
mod heavy_log;
use heavy_log::events;

fn catalog() -> CourseCatalog {
    // The built-in courses plus their requirements set by the trainee, so every view has work to do.
    CourseCatalog::builtin().clone()
}

fn terms() -> SkillsSubsidyTerms {
    SkillsSubsidyTerms::from_catalog(leye_core::catalog::Catalog::builtin())
        .expect("catalog has the subsidy")
}

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let mut result = f();
    let start = Instant::now();
    for _ in 0..runs {
        result = std::hint::black_box(f());
    }
    let per = start.elapsed() / runs;
    println!("{label:<48} {:>10.3} ms", per.as_secs_f64() * 1000.0);
    result
}

fn main() {
    let today = Date::ymd(2026, 11, 26);
    let catalog = catalog();
    let terms = terms();
    for n in [1_000, 10_000] {
        println!("-- {n} events");
        let evs = events(n, &catalog, today);
        let json = serde_json::to_string(&evs).unwrap();
        time("parse stored events (JSON)", 10, || {
            serde_json::from_str::<Vec<Event>>(&json).unwrap()
        });
        let log = time("TrainingLog::from_events", 10, || {
            TrainingLog::from_events(evs.clone())
        });
        time("append every event, validated", 3, || {
            let ctx = Context {
                catalog: &catalog,
                today,
                skills_subsidy: Some(&terms),
            };
            let mut l = TrainingLog::new();
            let mut refused = 0;
            for e in evs.iter().cloned() {
                if l.append(e, &ctx).is_err() {
                    refused += 1;
                }
            }
            refused
        });
        time("progress (all courses)", 10, || progress(&log, &catalog));
        time("skills subsidies", 10, || {
            skills_subsidies(&log, &terms, today)
        });
        let deadlines = time("upcoming deadlines", 10, || {
            upcoming(&log, &catalog, Some(&terms), [], today)
        });
        time("deadlines to .ics", 10, || {
            to_ics(&deadlines, Lang::Zh, Stamp::day(today))
        });
        let record = time("learning record (statements)", 3, || {
            learning_record(&log, &catalog, "device", today)
        });
        let json = time("learning record to JSON", 3, || record.to_json());
        println!(
            "{:<48} {:>10} KB",
            "learning record size",
            json.len() / 1024
        );
    }
}
