//! Engine behaviour on small hand-made catalogs (real fact vocabulary, synthetic programs): dates and
//! windows, partly-known rules, exclusions, employer entries, the questionnaire and answer checking.

use leye_core::catalog::{Catalog, CATALOG_JSON};
use leye_core::date::Date;
use leye_core::facts::{FactError, FactValue, Facts};
use leye_core::lang::Lang;
use leye_core::outcome::{evaluate, Availability, Group, Outcome, WindowState};
use leye_core::questionnaire::{answer, next_question, progress, ROLE_FACT};
use leye_core::rules::Status;
use serde_json::{json, Value};

fn today() -> Date {
    Date::ymd(2026, 11, 26)
}

/// A program on the `veteran` fact; `extra` overrides or adds fields.
fn program(id: &str, extra: Value) -> Value {
    let mut p = json!({
        "id": id, "kind": "subsidy", "file": "test.toml",
        "name": {"zh": format!("测试{id}"), "en": format!("Test {id}")},
        "summary": {"zh": "测试用。", "en": "For tests."},
        "plan_clause": "二、(一)1",
        "departments": [{"zh": "市人社局", "en": "HRSS bureau"}],
        "benefit": {"kind": "unknown"},
        "criteria": [{"id": "vet", "fact": "veteran", "test": "is_true",
            "met": {"zh": "你是退役军人", "en": "You are a veteran"},
            "failed": {"zh": "你不是退役军人", "en": "You are not a veteran"}}],
        "rules_complete": true,
        "documents": [],
        "apply": [{"channel": "district_office"}],
        "sources": [{"id": "s", "title": "测试来源", "confidence": "M"}],
        "last_verified": "2026-11-01",
        "effective_from": "2021-01-01", "open_ended": true, "review_by": "2027-06-30"
    });
    for (k, v) in extra.as_object().unwrap() {
        p[k] = v.clone();
    }
    p
}

fn catalog(programs: Vec<Value>) -> Catalog {
    let mut doc: Value = serde_json::from_str(CATALOG_JSON).unwrap();
    doc["programs"] = Value::Array(programs);
    doc["load_errors"] = json!([]);
    // Only the figures the real facts and courses use; the synthetic programs name none.
    if let Some(params) = doc["parameters"].as_array_mut() {
        params.retain(|p| {
            p["id"].as_str().is_some_and(|id| {
                id.starts_with("labour.")
                    || id == "loan.consumer_loan_limit"
                    || id == "internship.youth_max_age"
            })
        });
    }
    Catalog::from_document(&doc)
}

fn veteran(yes: bool) -> Facts {
    let mut f = Facts::new();
    f.set("veteran", FactValue::Bool(yes));
    f
}

#[test]
fn an_ended_program_is_never_open_and_check_flags_it() {
    let c = catalog(vec![program(
        "ended",
        json!({"effective_until": "2025-12-31"}),
    )]);
    let r = &evaluate(&c, &veteran(true), today())[0];
    assert_eq!(r.outcome, Outcome::NotEligible);
    assert_eq!(
        r.availability,
        Availability::Ended {
            on: Date::ymd(2025, 12, 31)
        }
    );
    assert!(r.verdict.zh.contains("2025-12-31结束"), "{}", r.verdict.zh);
    let issues = c.validate(today());
    assert!(
        issues
            .iter()
            .any(|i| i.entry == "ended" && i.message.starts_with("expired on 2025-12-31")),
        "{issues:?}"
    );
    // An ended program is not worth a question either.
    assert!(next_question(&c, &Facts::new(), today()).is_none());
}

#[test]
fn a_program_not_yet_open_says_when_it_opens() {
    let c = catalog(vec![program(
        "later",
        json!({"windows": [{"id": "round", "text": {"zh": "2027年春季申报", "en": "Spring 2027 round"},
        "from": "2027-03-01", "until": "2027-04-30"}]}),
    )]);
    let r = &evaluate(&c, &veteran(true), today())[0];
    assert_eq!(r.outcome, Outcome::Eligible);
    assert_eq!(
        r.availability,
        Availability::NotYetOpen {
            from: Date::ymd(2027, 3, 1)
        }
    );
    assert!(
        r.verdict.zh.contains("2027-03-01起可申请"),
        "{}",
        r.verdict.zh
    );
    assert_eq!(r.windows[0].state, WindowState::Upcoming);
    // After the round: closed, never shown as open.
    let r = &evaluate(&c, &veteran(true), Date::ymd(2027, 5, 1))[0];
    assert_eq!(
        (r.outcome, r.availability),
        (
            Outcome::NotEligible,
            Availability::Ended {
                on: Date::ymd(2027, 4, 30)
            }
        )
    );
}

#[test]
fn partly_known_rules_give_likely_eligible_with_the_place_to_confirm() {
    let c = catalog(vec![program(
        "partial",
        json!({"rules_complete": false, "confirm_with": {"channel": "district_office"}}),
    )]);
    let r = &evaluate(&c, &veteran(true), today())[0];
    assert_eq!(r.outcome, Outcome::LikelyEligible);
    assert_eq!(r.group, Group::CanApply);
    assert_eq!(
        r.verdict.zh,
        "可能符合 — 请向区(市)公共就业和人才服务机构确认"
    );
    assert_eq!(
        r.verdict.en,
        "Likely eligible — confirm with your district public employment service office"
    );
    assert!(
        r.benefit.zh.starts_with("金额以当地最新通知为准"),
        "{}",
        r.benefit.zh
    );
    assert!(c.validate(today()).is_empty(), "{:?}", c.validate(today()));
    // Without confirm_with the entry is refused.
    let c = catalog(vec![program("partial", json!({"rules_complete": false}))]);
    assert!(c
        .validate(today())
        .iter()
        .any(|i| i.message.contains("needs `confirm_with`")));
}

#[test]
fn exclusions_are_flagged_on_both_programs_and_must_be_declared_on_both() {
    let c = catalog(vec![
        program("a", json!({"excludes": ["b"]})),
        program("b", json!({"excludes": ["a"]})),
    ]);
    assert!(c.validate(today()).is_empty());
    let rs = evaluate(&c, &veteran(true), today());
    assert_eq!(rs[0].excluded_with[0].program, "b");
    assert_eq!(rs[1].excluded_with[0].program, "a");
    assert!(rs[0].excluded_with[0].also_qualifies && rs[1].excluded_with[0].also_qualifies);
    let c = catalog(vec![
        program("a", json!({"excludes": ["b"]})),
        program("b", json!({})),
    ]);
    let issues = c.validate(today());
    assert!(
        issues
            .iter()
            .any(|i| i.entry == "a" && i.message.contains("one-sided")),
        "{issues:?}"
    );
    // The app still flags it on both sides.
    assert_eq!(c.excluded_with("b"), ["a".to_string()]);
}

#[test]
fn claim_deadlines_count_from_the_persons_date() {
    let c = catalog(vec![program(
        "claim",
        json!({
            "criteria": [{"id": "cert", "fact": "cert_level", "test": "in", "values": ["level4"],
                "met": {"zh": "你有{value}证书", "en": "You hold a {value} certificate"},
                "failed": {"zh": "没有中级证书", "en": "No intermediate certificate"}}],
            "windows": [{"id": "claim-12m", "text": {"zh": "取证12个月内申请", "en": "Claim within 12 months"}, "fact": "cert_date", "months": 12}]
        }),
    )]);
    let mut f = Facts::new();
    f.set("cert_level", FactValue::Choice("level4".into()))
        .set("cert_date", FactValue::Date(Date::ymd(2026, 3, 26)));
    let r = &evaluate(&c, &f, today())[0];
    assert_eq!(r.outcome, Outcome::Eligible);
    assert_eq!(r.trace[0].text.zh, "你有中级(四级)证书");
    assert_eq!(
        (r.windows[0].state, r.windows[0].deadline),
        (WindowState::Open, Some(Date::ymd(2027, 3, 26)))
    );
    assert!(
        r.trace[1].text.zh.contains("请在2027-03-26前申请"),
        "{}",
        r.trace[1].text.zh
    );
    f.set("cert_date", FactValue::Date(Date::ymd(2025, 9, 26)));
    let r = &evaluate(&c, &f, today())[0];
    assert_eq!(r.outcome, Outcome::NotEligible);
    assert_eq!(r.windows[0].state, WindowState::Passed);
    assert!(r.trace[1].text.zh.contains("已超过申请期限"));
    // Date unknown: the deadline may have passed, so no verdict.
    f.mark_unknown("cert_date");
    assert_eq!(evaluate(&c, &f, today())[0].outcome, Outcome::NeedsInfo);
}

#[test]
fn waiting_time_is_a_step_with_the_day_it_is_met() {
    let c = catalog(vec![program(
        "running",
        json!({
            "criteria": [{"id": "1y", "fact": "business_registered_date", "test": "at_least_ago", "years": 1,
                "met": {"zh": "营业满1年", "en": "Running for a year"},
                "failed": {"zh": "营业不满1年(还差{short}个月)", "en": "Running for less than a year ({short} months to go)"}}]
        }),
    )]);
    let mut f = Facts::new();
    f.set("business_form", FactValue::Choice("individual".into()))
        .set(
            "business_registered_date",
            FactValue::Date(Date::ymd(2026, 5, 10)),
        );
    let r = &evaluate(&c, &f, today())[0];
    assert_eq!(
        (r.outcome, r.group),
        (Outcome::NotEligible, Group::AlmostThere)
    );
    assert_eq!(r.trace[0].text.zh, "营业不满1年(还差6个月)");
    assert_eq!(r.steps[0].ready_on, Some(Date::ymd(2027, 5, 10)));
    assert_eq!(r.steps[0].text.zh, "到2027-05-10即满足此条件");
}

#[test]
fn employer_entries_are_for_employers_and_never_asked_about() {
    let c = catalog(vec![program(
        "boss",
        json!({"kind": "employer", "criteria": []}),
    )]);
    assert!(c.validate(today()).is_empty(), "{:?}", c.validate(today()));
    assert_eq!(
        evaluate(&c, &Facts::new(), today())[0].outcome,
        Outcome::ForEmployers
    );
    assert!(next_question(&c, &Facts::new(), today()).is_none());
}

#[test]
fn the_questionnaire_asks_what_matters_accepts_not_sure_and_lets_answers_change() {
    let c = catalog(vec![program("v", json!({}))]);
    let mut f = Facts::new();
    // The first screen asks who the person is; it counts as a question.
    let q = next_question(&c, &f, today()).expect("a question");
    assert_eq!(q.fact_ids(), [ROLE_FACT]);
    assert_eq!(progress(&c, &f, today()).remaining, 2);
    answer(&c, &mut f, ROLE_FACT, None, today()).unwrap();
    let q = next_question(&c, &f, today()).expect("a question");
    assert_eq!(q.fact_ids(), ["veteran"]);
    assert_eq!(progress(&c, &f, today()).remaining, 1);
    // 不清楚: recorded, not asked again, and the result says more information is needed.
    answer(&c, &mut f, "veteran", None, today()).unwrap();
    assert!(next_question(&c, &f, today()).is_none());
    let r = &evaluate(&c, &f, today())[0];
    assert_eq!(r.outcome, Outcome::NeedsInfo);
    assert_eq!(r.trace[0].status, Status::Unknown);
    // Changing the answer changes the result.
    answer(&c, &mut f, "veteran", Some(FactValue::Bool(true)), today()).unwrap();
    assert_eq!(evaluate(&c, &f, today())[0].outcome, Outcome::Eligible);
    answer(&c, &mut f, "veteran", Some(FactValue::Bool(false)), today()).unwrap();
    assert_eq!(evaluate(&c, &f, today())[0].outcome, Outcome::NotEligible);
    assert_eq!(progress(&c, &f, today()).percent(), 100);
}

#[test]
fn impossible_answers_are_refused_at_the_question() {
    let c = Catalog::builtin();
    let mut f = Facts::new();
    let err = answer(
        c,
        &mut f,
        "birth_date",
        Some(FactValue::Date(Date::ymd(1826, 5, 1))),
        today(),
    )
    .unwrap_err();
    assert!(matches!(err, FactError::TooLongAgo { .. }));
    assert!(
        err.message(Lang::Zh).contains("不能早于1926-11-26"),
        "{}",
        err.message(Lang::Zh)
    );
    let err = answer(
        c,
        &mut f,
        "graduation_date",
        Some(FactValue::Date(Date::ymd(2027, 7, 1))),
        today(),
    )
    .unwrap_err();
    assert!(matches!(err, FactError::InFuture { .. }), "{err:?}");
    assert!(err.message(Lang::En).contains("in the future"));
    let err = answer(c, &mut f, "ui_months", Some(FactValue::Int(-1)), today()).unwrap_err();
    assert!(
        err.message(Lang::Zh).contains("0到600"),
        "{}",
        err.message(Lang::Zh)
    );
    let err = answer(
        c,
        &mut f,
        "platform_work",
        Some(FactValue::Multi(vec!["courier".into(), "none".into()])),
        today(),
    )
    .unwrap_err();
    assert!(matches!(err, FactError::ExclusiveCombined { .. }));
    assert!(f.is_empty(), "refused answers must not be stored");
}

#[test]
fn a_figure_by_hand_a_literal_limit_or_an_unsourced_value_fails_the_check() {
    let by_hand = catalog(vec![program(
        "hand",
        json!({"summary": {"zh": "最高20万元,满一年可申请。", "en": "Up to 200,000 yuan."}}),
    )]);
    let msgs: Vec<String> = by_hand
        .validate(today())
        .iter()
        .map(|i| i.to_string())
        .collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("[hand]") && m.contains("20万") && m.contains("一年")),
        "{msgs:?}"
    );
    assert!(msgs.iter().any(|m| m.contains("200,000")), "{msgs:?}");

    let literal = catalog(vec![program(
        "literal",
        json!({"criteria": [{"id": "age", "fact": "birth_date", "test": "age_between", "min": 16,
            "met": {"zh": "符合", "en": "met"}, "failed": {"zh": "不符合", "en": "not met"}}]}),
    )]);
    assert!(literal
        .validate(today())
        .iter()
        .any(|i| i.message.contains("is the number 16")));

    let mut doc: Value = serde_json::from_str(CATALOG_JSON).unwrap();
    doc["parameters"][0]["values"][0]["source"] = json!("nowhere");
    let unsourced = Catalog::from_document(&doc);
    assert!(unsourced.validate(today()).iter().any(|i| i
        .message
        .contains("source `nowhere` is not in catalog/sources")));
}

#[test]
fn a_program_past_its_review_date_is_a_warning_not_a_failure() {
    let c = catalog(vec![program("old", json!({"review_by": "2026-06-30"}))]);
    assert!(c.validate(today()).is_empty());
    let w = c.review_warnings(today());
    assert_eq!(w.len(), 1);
    assert!(w[0].message.contains("2026-06-30"));
    assert!(c.program("old").unwrap().may_be_outdated(today()));
    assert!(c.review_warnings(Date::ymd(2026, 6, 30)).is_empty());
}

#[test]
fn a_parameter_is_used_with_the_value_in_force_on_the_day_evaluated() {
    // A program whose limit is a dated parameter: the age limit rises on 2027-01-01.
    let mut doc: Value = serde_json::from_str(CATALOG_JSON).unwrap();
    doc["programs"] = json!([program(
        "dated",
        json!({"criteria": [{"id": "age", "fact": "birth_date", "test": "age_between", "min": "test.min_age",
            "met": {"zh": "你{age}岁,满{test.min_age}岁", "en": "You are {age}, at least {test.min_age}"},
            "failed": {"zh": "你{age}岁,未满{test.min_age}岁", "en": "You are {age}, under {test.min_age}"}}]})
    )]);
    doc["load_errors"] = json!([]);
    doc["parameters"].as_array_mut().unwrap().push(json!({
        "id": "test.min_age", "label": {"zh": "测试年龄", "en": "Test age"}, "unit": "age",
        "values": [
            {"from": "2020-01-01", "value": 16, "source": "labour-law-15", "checked": "2026-11-01"},
            {"from": "2027-01-01", "value": 18, "source": "labour-law-15", "checked": "2026-11-01"}
        ]
    }));
    let c = Catalog::from_document(&doc);
    let mut f = Facts::new();
    f.set("birth_date", FactValue::Date(Date::ymd(2010, 6, 1)));
    let on = |d: Date| evaluate(&c, &f, d).remove(0);
    let before = on(Date::ymd(2026, 12, 31));
    assert_eq!(before.outcome, Outcome::Eligible);
    assert_eq!(before.trace[0].text.zh, "你16岁,满16岁");
    let after = on(Date::ymd(2027, 1, 1));
    assert_eq!(after.outcome, Outcome::NotEligible);
    assert_eq!(after.trace[0].text.zh, "你16岁,未满18岁");
}

/// An age band that straddles a rule's age limit decides nothing about it: the rule stays undecided and
/// the birth date is asked next; after 不清楚 to the band, the date is not asked.
#[test]
fn an_age_band_that_straddles_a_limit_leaves_the_rule_open_and_asks_the_birth_date() {
    // Thirty is no limit of the real bands (16-24, 25-49, ...).
    let c = catalog(vec![program(
        "under-thirty",
        json!({"criteria": [{"id": "young", "fact": "birth_date", "test": "age_below", "value": 30,
            "met": {"zh": "你{age}岁,不到30岁", "en": "You are {age}, under 30"},
            "failed": {"zh": "你{age}岁,已满30岁", "en": "You are {age}, 30 or older"}}]}),
    )]);
    let c = c.in_force(today());
    let mut f = Facts::new();
    answer(&c, &mut f, ROLE_FACT, None, today()).unwrap();
    assert_eq!(next_question(&c, &f, today()).unwrap().fact.id, "age_band");

    // 16 to 24: all under thirty, decided, and said with the band.
    let mut young = f.clone();
    young.set("age_band", FactValue::Choice("youth".into()));
    let r = evaluate(&c, &young, today()).remove(0);
    assert_eq!(r.outcome, Outcome::Eligible);
    assert_eq!(r.trace[0].text.zh, "你16到24岁,不到30岁");
    assert_eq!(r.trace[0].text.en, "You are 16 to 24, under 30");
    assert!(next_question(&c, &young, today()).is_none());

    // 25 to 49: some under thirty, some not. Undecided, and the birth date is asked.
    let mut adult = f.clone();
    adult.set("age_band", FactValue::Choice("adult".into()));
    let r = evaluate(&c, &adult, today()).remove(0);
    assert_eq!(r.outcome, Outcome::NeedsInfo);
    assert_eq!(
        next_question(&c, &adult, today()).unwrap().fact.id,
        "birth_date"
    );
    adult.set("birth_date", FactValue::Date(Date::ymd(1990, 1, 1)));
    let r = evaluate(&c, &adult, today()).remove(0);
    assert_eq!(r.outcome, Outcome::NotEligible, "the date decides: 36");

    // 50 or older: decided against, "满50".
    let mut older = f.clone();
    older.set("age_band", FactValue::Choice("older".into()));
    let r = evaluate(&c, &older, today()).remove(0);
    assert_eq!(r.outcome, Outcome::NotEligible);
    assert_eq!(r.trace[0].text.zh, "你满50岁,已满30岁");

    // 不清楚 to the band: nothing more about age is asked.
    let mut unsure = f.clone();
    unsure.mark_unknown("age_band");
    assert!(next_question(&c, &unsure, today()).is_none());
    assert_eq!(
        evaluate(&c, &unsure, today()).remove(0).outcome,
        Outcome::NeedsInfo
    );
}

/// The band's labels come from the age limits in force, with no figure written in the catalog.
#[test]
fn the_age_band_labels_name_the_ages_of_the_limits_in_force() {
    let c = Catalog::builtin();
    let band = c.fact("age_band").unwrap();
    let labels: Vec<&str> = band.choices.iter().map(|ch| ch.label.zh.as_str()).collect();
    assert_eq!(labels, ["不到16岁", "16到24岁", "25到49岁", "50岁及以上"]);
    let en: Vec<&str> = band.choices.iter().map(|ch| ch.label.en.as_str()).collect();
    assert_eq!(en, ["Under 16", "16 to 24", "25 to 49", "50 or older"]);
}
