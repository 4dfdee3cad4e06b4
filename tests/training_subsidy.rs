//! Certificate -> 失业保险技能提升补贴: amount by level, claim deadline countdown, the yearly cap, marking claimed.
//! "Today" is injected everywhere (2026-11-26 unless a test moves it).

// Reads the catalog and fixtures from disk: runs under native `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

mod training_support;

use leye_core::training::*;
use training_support::*;

const JUNIOR: Option<CertificateLevel> = Some(CertificateLevel::Junior);
const INTERMEDIATE: Option<CertificateLevel> = Some(CertificateLevel::Intermediate);

fn claim(number: &str) -> EventKind {
    EventKind::SubsidyClaimed {
        certificate_number: number.into(),
    }
}

#[test]
fn an_eight_month_old_certificate_is_open_with_four_months_left() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.certificate("2026-03-26", None, INTERMEDIATE, "Z-4-001");
    let s = skills_subsidies(&t.log, &terms(), today());
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].amount, Some(Fen::from_yuan(1500)));
    assert_eq!(s[0].amount.unwrap().to_string(), "1,500元");
    // Within 12 months of 2026-03-26: the last day is 2027-03-26 (民法典 第二百零二条).
    assert_eq!(s[0].last_day, d("2027-03-26"));
    assert_eq!(
        s[0].status,
        SubsidyStatus::Open {
            months_left: 4,
            days_left: 120
        }
    );
}

#[test]
fn a_fourteen_month_old_certificate_has_expired() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.certificate("2025-09-26", None, JUNIOR, "Z-5-001");
    let s = skills_subsidies(&t.log, &terms(), today());
    assert_eq!(
        (s[0].status.clone(), s[0].last_day),
        (SubsidyStatus::Expired, d("2026-09-26"))
    );
    // And it offers no deadline any more.
    assert!(upcoming(&t.log, &catalog, Some(&terms()), [], today()).is_empty());
}

#[test]
fn the_window_ends_on_its_last_day_not_after() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.certificate("2025-11-26", None, JUNIOR, "A1");
    let s = &skills_subsidies(&t.log, &terms(), today())[0];
    assert_eq!(
        s.status,
        SubsidyStatus::Open {
            months_left: 0,
            days_left: 0
        }
    );
    let tomorrow = skills_subsidies(&t.log, &terms(), d("2026-11-27"));
    assert_eq!(tomorrow[0].status, SubsidyStatus::Expired);
}

#[test]
fn the_amount_comes_from_the_terms_not_from_code() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.certificate("2026-06-01", None, Some(CertificateLevel::Senior), "S3");
    t.certificate("2026-06-02", None, Some(CertificateLevel::Technician), "T2");
    t.certificate("2026-06-03", None, None, "SYB-1");
    let mut changed = terms();
    changed.amounts[2].amount = Fen::from_yuan(2500);
    let s = skills_subsidies(&t.log, &changed, today());
    // A certificate without a skill level does not get the subsidy at all.
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].amount, Some(Fen::from_yuan(2500)));
    // A level the table does not list has no known amount (shown as 以当地最新通知为准), but the window still runs.
    assert_eq!(s[1].amount, None);
    assert!(matches!(s[1].status, SubsidyStatus::Open { .. }));
}

#[test]
fn marking_claimed_and_what_is_refused() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.certificate("2026-03-26", None, INTERMEDIATE, "Z-4-001");
    t.certificate("2026-04-01", None, None, "SYB-1");
    assert_eq!(
        t.try_log("2026-03-25", None, claim("Z-4-001")),
        Err(TrainingError::ClaimBeforeIssue {
            issued_on: d("2026-03-26")
        })
    );
    assert!(matches!(
        t.try_log("2026-11-01", None, claim("nope")),
        Err(TrainingError::UnknownCertificate(_))
    ));
    assert!(matches!(
        t.try_log("2026-11-01", None, claim("SYB-1")),
        Err(TrainingError::CertificateHasNoLevel(_))
    ));
    let claimed = t.log("2026-11-01", None, claim("Z-4-001"));
    assert_eq!(
        skills_subsidies(&t.log, &terms(), today())[0].status,
        SubsidyStatus::Claimed {
            on: d("2026-11-01")
        }
    );
    assert!(matches!(
        t.try_log("2026-11-02", None, claim("Z-4-001")),
        Err(TrainingError::AlreadyClaimed(_))
    ));
    // Marked by mistake: undo, and it is open again.
    t.undo("2026-11-02", &claimed).unwrap();
    assert!(matches!(
        skills_subsidies(&t.log, &terms(), today())[0].status,
        SubsidyStatus::Open { .. }
    ));
    // Without the terms loaded a claim cannot be checked, so it is not recorded.
    t.terms = None;
    assert_eq!(
        t.try_log("2026-11-03", None, claim("Z-4-001")),
        Err(TrainingError::SubsidyTermsMissing)
    );
}

#[test]
fn a_claim_after_the_window_is_refused() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.certificate("2025-09-26", None, JUNIOR, "OLD");
    assert_eq!(
        t.try_log("2026-09-27", None, claim("OLD")),
        Err(TrainingError::ClaimAfterDeadline {
            last_day: d("2026-09-26")
        })
    );
    t.log("2026-09-26", None, claim("OLD"));
}

#[test]
fn at_most_three_claims_in_a_calendar_year() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    for (i, day) in ["2026-02-01", "2026-03-01", "2026-04-01", "2026-09-01"]
        .iter()
        .enumerate()
    {
        t.certificate(day, None, JUNIOR, &format!("C{i}"));
    }
    t.log("2026-05-01", None, claim("C0"));
    t.log("2026-05-02", None, claim("C1"));
    t.log("2026-05-03", None, claim("C2"));
    assert_eq!(claims_in_year(&t.log, 2026), 3);
    // The fourth certificate's window runs to 2027-09-01: capped now, possible again from 1 January.
    let s = skills_subsidies(&t.log, &terms(), today());
    assert_eq!(
        s[3].status,
        SubsidyStatus::YearCapReached {
            year: 2026,
            next_possible: Some(d("2027-01-01"))
        }
    );
    assert_eq!(
        t.try_log("2026-11-20", None, claim("C3")),
        Err(TrainingError::ClaimCapReached { year: 2026, max: 3 })
    );
    // Its deadline stays on the list, since it can still be claimed next year.
    let deadlines = upcoming(&t.log, &catalog, Some(&terms()), [], today());
    assert_eq!(
        deadlines.iter().map(|d| d.date).collect::<Vec<_>>(),
        vec![d("2027-09-01")]
    );
    // In the new year it is open and can be marked claimed.
    t.today = d("2027-01-05");
    let s = skills_subsidies(&t.log, &terms(), t.today);
    assert!(matches!(s[3].status, SubsidyStatus::Open { .. }));
    t.log("2027-01-05", None, claim("C3"));
}

#[test]
fn a_capped_certificate_whose_window_ends_this_year_has_no_next_chance() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    // C3's window ends 2026-12-25, before the year turns.
    for (i, day) in ["2026-01-10", "2026-01-11", "2026-01-12", "2025-12-25"]
        .iter()
        .enumerate()
    {
        t.certificate(day, None, JUNIOR, &format!("C{i}"));
    }
    t.today = d("2026-06-01");
    for n in ["C0", "C1", "C2"] {
        t.log("2026-06-01", None, claim(n));
    }
    t.today = d("2026-12-20");
    let s = skills_subsidies(&t.log, &terms(), t.today);
    let c3 = s.iter().find(|s| s.certificate.number == "C3").unwrap();
    assert_eq!(c3.last_day, d("2026-12-25"));
    assert_eq!(
        c3.status,
        SubsidyStatus::YearCapReached {
            year: 2026,
            next_possible: None
        }
    );
    assert!(upcoming(&t.log, &catalog, Some(&terms()), [], t.today).is_empty());
}

#[test]
fn the_log_answers_the_engine_and_both_agree_on_amount_and_deadline() {
    use leye_core::catalog::Catalog;
    use leye_core::facts::{FactValue, Facts};
    use leye_core::outcome::{evaluate_program, Outcome};
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.certificate("2025-01-10", None, Some(CertificateLevel::Senior), "OLD-3"); // expired: not the one to claim
    t.certificate("2026-03-26", None, INTERMEDIATE, "Z-4-001");
    t.certificate("2026-06-01", None, JUNIOR, "Z-5-002");
    t.log("2026-07-01", None, claim("Z-5-002"));

    let facts_from_log = skills_facts(&t.log, &terms(), today());
    assert_eq!(
        facts_from_log,
        vec![
            ("cert_level", FactValue::Choice("level4".into())),
            ("cert_date", FactValue::Date(d("2026-03-26"))),
            ("skill_subsidy_claims_this_year", FactValue::Int(1)),
        ]
    );

    let programs = Catalog::builtin();
    let program = programs.program(SKILLS_SUBSIDY_PROGRAM).unwrap();
    let mut facts = Facts::new();
    for (id, v) in facts_from_log {
        facts.set(id, v);
    }
    facts.set("ui_months", FactValue::Int(14));
    facts.set("ui_insured_now", FactValue::Bool(true));
    facts.set("cert_claimed_before", FactValue::Choice("no".into()));
    let result = evaluate_program(programs, program, &facts, today());
    // The log's earlier claim this year makes this a second one: possibly capped at one a year by the
    // newer national rule, so "likely — confirm" (facts.md item 10).
    assert_eq!(result.outcome, Outcome::LikelyEligible);
    let ours = &skills_subsidies(&t.log, &terms(), today())[1];
    assert_eq!(result.amount.map(|y| y.fen()), ours.amount.map(|f| f.0));
    let window = result
        .windows
        .iter()
        .find_map(|w| w.deadline)
        .expect("the engine computes the claim deadline");
    assert_eq!(
        window, ours.last_day,
        "the program page and the training tab must show the same last day"
    );
}

#[test]
fn with_no_claimable_certificate_only_the_claim_count_is_answered() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.certificate("2024-01-10", None, JUNIOR, "OLD");
    t.certificate("2026-01-10", None, None, "SYB");
    let facts = skills_facts(&t.log, &terms(), today());
    assert_eq!(
        facts,
        vec![(
            "skill_subsidy_claims_this_year",
            leye_core::facts::FactValue::Int(0)
        )]
    );
}
