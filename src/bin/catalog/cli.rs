//! The command-line tool itself (native only; see ../catalog.rs).

use leye_catalog_source as catalog_source;

use leye_core::{cases, catalog::Catalog, date::Date, facts::Facts, lang::Lang, outcome, pack};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:
  catalog check [DIR] [--today YYYY-MM-DD]
  catalog eval --facts FILE.json [--today YYYY-MM-DD] [--dir DIR]
  catalog pack --out FILE [--dir DIR]
  catalog report [--today YYYY-MM-DD] [--dir DIR]   what to re-verify, oldest first, with sources";

/// Today's civil date (UTC). The tool is the edge of the system: the domain always gets it injected.
fn system_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400) as i64)
}

struct Args {
    positional: Vec<String>,
    today: Option<Date>,
    facts: Option<PathBuf>,
    out: Option<PathBuf>,
    dir: Option<PathBuf>,
}

fn parse_args(raw: &[String]) -> Result<Args, String> {
    let mut a = Args {
        positional: Vec::new(),
        today: None,
        facts: None,
        out: None,
        dir: None,
    };
    let mut it = raw.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--today" => {
                a.today =
                    Some(Date::parse(&value("--today")?).map_err(|e| format!("--today: {e}"))?)
            }
            "--facts" => a.facts = Some(value("--facts")?.into()),
            "--out" => a.out = Some(value("--out")?.into()),
            "--dir" => a.dir = Some(value("--dir")?.into()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => a.positional.push(s.to_string()),
        }
    }
    Ok(a)
}

fn load(dir: &Path) -> (serde_json::Value, Catalog) {
    let doc = catalog_source::read_catalog_dir(dir, &dir.to_string_lossy());
    let catalog = Catalog::from_document(&doc);
    (doc, catalog)
}

fn check(dir: &Path, today: Date) -> ExitCode {
    if !dir.is_dir() {
        eprintln!(
            "{}: not a folder (expected the catalog folder with facts.toml and programs/)",
            dir.display()
        );
        return ExitCode::from(2);
    }
    let (_, catalog) = load(dir);
    let issues = catalog.validate(today);
    for i in &issues {
        println!("{i}");
    }
    // Past a review date is a reason to re-check, not a broken catalog.
    let warnings = catalog.review_warnings(today);
    for w in &warnings {
        println!("warning: {w}");
    }
    let (case_entries, case_errors) = catalog_source::read_cases(dir, &dir.to_string_lossy());
    let mut failures: Vec<String> = case_errors
        .iter()
        .map(|e| {
            format!(
                "{}: {}",
                e["file"].as_str().unwrap_or("?"),
                e["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    let (ran, case_failures) = cases::run_all(&catalog, &case_entries);
    failures.extend(case_failures);
    for f in &failures {
        println!("case failed: {f}");
    }
    let summary = format!(
        "{} programs, {} facts, {} parameters, {} cases checked as of {today}: {} problems, {} failing cases, {} to re-verify",
        catalog.programs().len(),
        catalog.facts().len(),
        catalog.parameters().params.len(),
        ran,
        issues.len(),
        failures.len(),
        warnings.len()
    );
    if issues.is_empty() && failures.is_empty() {
        println!("ok: {summary}");
        ExitCode::SUCCESS
    } else {
        eprintln!("FAILED: {summary}");
        ExitCode::FAILURE
    }
}

fn eval(dir: &Path, facts_path: &Path, today: Date) -> ExitCode {
    let (_, catalog) = load(dir);
    let text = match std::fs::read_to_string(facts_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: cannot read: {e}", facts_path.display());
            return ExitCode::from(2);
        }
    };
    let facts = match Facts::from_json_checked(&text, catalog.facts(), today) {
        Ok(f) => f,
        Err(errors) => {
            for e in errors {
                eprintln!(
                    "{}: {} / {}",
                    facts_path.display(),
                    e.message(Lang::Zh),
                    e.message(Lang::En)
                );
            }
            return ExitCode::FAILURE;
        }
    };
    let results = outcome::evaluate(&catalog, &facts, today);
    match serde_json::to_string_pretty(&results) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write the results: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Every program in the order to re-verify it (earliest review date, then oldest check), with the sources
/// of its rules and of each figure it shows.
fn report(dir: &Path, today: Date) -> ExitCode {
    let (_, catalog) = load(dir);
    let catalog = catalog.in_force(today);
    println!("What to re-verify, oldest first (as of {today}):");
    for p in catalog.review_order() {
        let due = p
            .review_by
            .map_or_else(|| "no review date".to_string(), |d| d.to_string());
        let flag = if p.may_be_outdated(today) {
            "  OVERDUE"
        } else {
            ""
        };
        let plan = if p.plan_only { " [plan only]" } else { "" };
        println!(
            "\n{due}  {}  (last verified {}){flag}{plan}\n  {}  {}",
            p.id, p.last_verified, p.name.zh, p.file
        );
        for s in &p.sources {
            let url = s
                .url
                .as_deref()
                .map(|u| format!(" <{u}>"))
                .unwrap_or_default();
            println!("  rule source [{:?}] {}{url}", s.confidence, s.title);
        }
        for f in &p.figures {
            let shown = f
                .shown
                .as_ref()
                .map_or("(no value in force)", |t| t.zh.as_str());
            let checked = f
                .checked
                .map_or_else(String::new, |d| format!(", checked {d}"));
            println!(
                "  figure {} = {shown} [{:?}] {}{checked}",
                f.parameter, f.confidence, f.source_title
            );
        }
    }
    ExitCode::SUCCESS
}

fn write_pack(dir: &Path, out: &Path) -> ExitCode {
    let (doc, _) = load(dir);
    match pack::build_pack(&doc) {
        Ok(text) => {
            if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
                if let Err(e) = std::fs::create_dir_all(parent) {
                    eprintln!("{}: {e}", parent.display());
                    return ExitCode::FAILURE;
                }
            }
            match std::fs::write(out, text) {
                Ok(()) => {
                    println!("wrote {}", out.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}: {e}", out.display());
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("not packed: {e}");
            ExitCode::FAILURE
        }
    }
}

pub fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&raw) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let today = args.today.unwrap_or_else(system_today);
    let default_dir = || args.dir.clone().unwrap_or_else(|| PathBuf::from("catalog"));
    match args.positional.first().map(String::as_str) {
        Some("check") => {
            let dir = args
                .positional
                .get(1)
                .map(PathBuf::from)
                .unwrap_or_else(default_dir);
            check(&dir, today)
        }
        Some("eval") => match &args.facts {
            Some(f) => eval(&default_dir(), f, today),
            None => {
                eprintln!("eval needs --facts FILE.json\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("report") => report(&default_dir(), today),
        Some("pack") => match &args.out {
            Some(o) => write_pack(&default_dir(), o),
            None => {
                eprintln!("pack needs --out FILE\n{USAGE}");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
