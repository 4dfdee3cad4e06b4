//! What issue 11 corrected, as a person reads it: the texts the app shows for the corrected programs,
//! with the figures the catalog's parameters put in (no figure is written by hand in a text).

use leye_core::catalog::Catalog;
use leye_core::date::Date;
use leye_core::facts::{FactValue, Facts};
use leye_core::outcome::{evaluate, Outcome, ProgramResult};

fn today() -> Date {
    Date::ymd(2026, 12, 7)
}

fn result(facts: &Facts, id: &str) -> ProgramResult {
    evaluate(Catalog::builtin(), facts, today())
        .into_iter()
        .find(|r| r.program == id)
        .unwrap()
}

#[test]
fn the_loan_limit_reads_up_to_per_the_latest_notice() {
    let r = result(&Facts::new(), "startup-guaranteed-loan");
    assert_eq!(r.benefit.zh, "最高20万元(以当地最新通知为准)");
    assert_eq!(
        r.benefit.en,
        "up to 200,000 yuan (check the latest local notice)"
    );
}

#[test]
fn an_individual_business_is_never_told_ten_thousand_first() {
    let mut f = Facts::new();
    f.set("business_form", FactValue::Choice("individual".into()));
    let r = result(&f, "first-startup-subsidy");
    assert!(
        r.benefit.zh.starts_with("个体工商户:2000元"),
        "{}",
        r.benefit.zh
    );
    assert_eq!(r.amount.map(|y| y.0), Some(2000));
    let p = Catalog::builtin().in_force(today());
    let summary = &p.program("first-startup-subsidy").unwrap().summary.zh;
    let individual = summary.find("个体工商户").unwrap();
    for big in ["1万", "1.2万"] {
        if let Some(at) = summary.find(big) {
            assert!(at > individual, "the summary leads with {big}: {summary}");
        }
    }
    assert!(
        summary.contains("滕州"),
        "the amounts are given as 滕州's: {summary}"
    );
}

#[test]
fn injury_cover_tells_the_national_extension_and_needs_working_age() {
    let c = Catalog::builtin().in_force(today());
    let p = c.program("occupational-injury-protection").unwrap();
    assert!(p.summary.zh.contains("2025年7月1日"), "{}", p.summary.zh);
    assert!(
        p.summary.zh.contains("2026年内把它扩大到全国"),
        "{}",
        p.summary.zh
    );
    let mut f = Facts::new();
    f.set("birth_date", FactValue::Date(Date::ymd(2011, 3, 1)))
        .set(
            "platform_work",
            FactValue::Multi(vec!["food_delivery".into()]),
        )
        .set("platforms", FactValue::Multi(vec!["meituan".into()]))
        .set("work_city", FactValue::Choice("zaozhuang".into()));
    assert_eq!(
        result(&f, "occupational-injury-protection").outcome,
        Outcome::NotEligible,
        "a 15-year-old is never covered"
    );
}

#[test]
fn every_figure_on_a_program_page_has_a_source_and_an_as_of_date() {
    let c = Catalog::builtin().in_force(today());
    let p = c.program("skill-upgrade-subsidy").unwrap();
    assert!(p.figures.len() >= 5);
    for f in &p.figures {
        assert!(f.shown.is_some(), "{} has a value in force", f.parameter);
        assert!(
            !f.source_title.is_empty(),
            "{} names its source",
            f.parameter
        );
        assert!(
            f.checked.is_some(),
            "{} says when it was checked",
            f.parameter
        );
    }
    assert!(p
        .benefit_figures
        .contains(&"skill_subsidy.amount.level4".to_string()));
}

#[test]
fn the_value_in_force_follows_the_day() {
    // 滕州 published its amounts on 2025-08-07: before it the text has no figure, from it 1.2万元.
    let before = Catalog::builtin().in_force(Date::ymd(2025, 8, 6));
    let after = Catalog::builtin().in_force(Date::ymd(2025, 8, 7));
    let s = |c: &Catalog| {
        c.program("first-startup-subsidy")
            .unwrap()
            .summary
            .zh
            .clone()
    };
    assert!(s(&before).contains("以当地最新通知为准"));
    assert!(!s(&before).contains("1.2万元"), "{}", s(&before));
    assert!(s(&after).contains("小微企业1.2万元"), "{}", s(&after));
}
