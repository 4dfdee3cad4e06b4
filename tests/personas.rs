//! Persona scenarios: each scripted person answers the adaptive questionnaire until it stops, within at
//! most 12 questions after the first screen ("你是做什么的?"), and the key outcomes are what the policy says
//! for them.

use leye_core::catalog::Catalog;
use leye_core::date::Date;
use leye_core::facts::{Answer, Facts};
use leye_core::outcome::{evaluate, Group, Outcome, ProgramResult};
use leye_core::questionnaire::{answer, next_question, progress};
use leye_core::rules::Status;
use serde_json::{json, Value};

/// Twelve questions, plus the first screen ("你是做什么的?").
const MAX_QUESTIONS: usize = 13;

fn today() -> Date {
    Date::ymd(2026, 11, 26)
}

/// Answers the questionnaire from `script` (fact -> JSON answer; null = 不清楚). A question the script does
/// not cover is answered 不清楚, as a real person might, and listed in the failure message if the limit is hit.
fn run(name: &str, script: Value) -> (Facts, Vec<String>, Vec<ProgramResult>) {
    run_with_limit(name, script, MAX_QUESTIONS, Value::Bool(false))
}

/// `unticked`: what a checklist item the script does not mention means (false, or null for 不清楚).
fn run_with_limit(
    name: &str,
    script: Value,
    limit: usize,
    unticked: Value,
) -> (Facts, Vec<String>, Vec<ProgramResult>) {
    let catalog = Catalog::builtin();
    let mut script = script.as_object().expect("script is an object").clone();
    // Whoever knows his birth date knows his age band: the check asks the band (one tap) and the date
    // only when the band cannot decide a rule.
    if let (Some(born), false) = (script.get("birth_date"), script.contains_key("age_band")) {
        let born: Date = serde_json::from_value(born.clone()).unwrap();
        let age = i64::from(born.age_on(today()));
        let band = catalog.fact("age_band").unwrap().choices.iter().find(|c| {
            let (lo, hi) = c.ages().unwrap();
            lo.is_none_or(|l| age >= l) && hi.is_none_or(|h| age <= h)
        });
        script.insert("age_band".into(), json!(band.unwrap().value));
    }
    let mut facts = Facts::new();
    let mut asked: Vec<String> = Vec::new();
    while let Some(q) = next_question(catalog, &facts, today()) {
        let screen = q.fact_ids().join("+");
        assert!(
            !asked.contains(&screen),
            "{name}: `{screen}` asked twice (asked: {asked:?})"
        );
        asked.push(screen);
        assert!(
            asked.len() <= limit,
            "{name}: more than {limit} questions: {asked:?}"
        );
        for id in q.fact_ids() {
            let def = catalog.fact(id).unwrap();
            // On a checklist an item the person does not tick is a "no"; a single question left
            // unanswered by the script is 不清楚.
            let default = if q.checklist.is_empty() {
                Value::Null
            } else {
                unticked.clone()
            };
            let raw = script.get(id).cloned().unwrap_or(default);
            let value = match def
                .parse(&raw, today())
                .unwrap_or_else(|e| panic!("{name}: script answer to `{id}`: {e}"))
            {
                Answer::Known(v) => Some(v),
                Answer::Unknown => None,
            };
            answer(catalog, &mut facts, id, value, today()).unwrap();
        }
    }
    eprintln!("{name}: {} screens: {}", asked.len(), asked.join(", "));
    let p = progress(catalog, &facts, today());
    assert_eq!(
        p.remaining, 0,
        "{name}: the questionnaire stopped with questions left"
    );
    assert!(
        p.answered <= asked.len(),
        "{name}: progress counts {} answered screens",
        p.answered
    );
    (facts.clone(), asked, evaluate(catalog, &facts, today()))
}

fn result<'a>(results: &'a [ProgramResult], id: &str) -> &'a ProgramResult {
    results
        .iter()
        .find(|r| r.program == id)
        .unwrap_or_else(|| panic!("no program `{id}` in the catalog"))
}

fn outcome(results: &[ProgramResult], id: &str) -> Outcome {
    result(results, id).outcome
}

/// No program is left undecided because of a question the questionnaire never asked.
fn assert_complete(name: &str, facts: &Facts, results: &[ProgramResult]) {
    for r in results.iter().filter(|r| r.outcome == Outcome::NeedsInfo) {
        for c in r.with_status(Status::Unknown).filter(|c| c.decisive) {
            assert!(
                facts.is_answered(&c.fact),
                "{name}: `{}` still needs `{}`, which was never asked",
                r.program,
                c.fact
            );
        }
    }
}

#[test]
fn ride_hailing_driver() {
    let name = "网约车司机";
    let (facts, asked, results) = run(
        name,
        json!({
            "roles": ["platform_worker"], "birth_date": "1986-04-12", "hukou_place": "zaozhuang", "work_city": "zaozhuang",
            "platform_work": ["ride_hailing"], "platforms": ["didi"], "platform_registered_local": "local_branch",
            "platform_manager": false, "employment_registered": true, "edu_level": "senior_high",
            "student_now": false, "business_form": "none", "pension_enrolment": "resident",
            "hard_to_employ": false, "cert_level": "none", "ui_months": 0, "receiving_ui_benefit": false,
        }),
    );
    assert_complete(name, &facts, &results);
    assert_eq!(
        outcome(&results, "accident-insurance-subsidy"),
        Outcome::Eligible,
        "{asked:?}"
    );
    // What is paid after an injury is not in our sources, and the exam fee is unknown: confirm first.
    assert_eq!(
        outcome(&results, "occupational-injury-protection"),
        Outcome::LikelyEligible
    );
    assert_eq!(
        outcome(&results, "ride-hailing-exam-fee"),
        Outcome::LikelyEligible
    );
    // The two insurance programs cannot be combined, and each says so.
    let acc = result(&results, "accident-insurance-subsidy");
    assert!(acc
        .excluded_with
        .iter()
        .any(|e| e.program == "occupational-injury-protection" && e.also_qualifies));
    let inj = result(&results, "occupational-injury-protection");
    assert!(inj
        .excluded_with
        .iter()
        .any(|e| e.program == "accident-insurance-subsidy" && e.also_qualifies));
    assert_eq!(acc.amount.map(|y| y.0), Some(100));
    assert_eq!(
        outcome(&results, "startup-guaranteed-loan"),
        Outcome::NotEligible
    );
}

#[test]
fn meituan_food_delivery_rider_without_employment_registration() {
    let name = "美团外卖骑手";
    let (facts, asked, results) = run(
        name,
        json!({
            "roles": ["platform_worker"], "birth_date": "1995-09-01", "hukou_place": "zaozhuang", "work_city": "zaozhuang",
            "platform_work": ["food_delivery"], "platforms": ["meituan"], "platform_registered_local": "zaozhuang",
            "platform_manager": false, "employment_registered": false, "edu_level": "junior_high_or_less",
            "student_now": false, "business_form": "none", "pension_enrolment": "none",
            "hard_to_employ": false, "cert_level": "none", "ui_months": 0,
        }),
    );
    assert_complete(name, &facts, &results);
    let acc = result(&results, "accident-insurance-subsidy");
    assert_eq!(acc.outcome, Outcome::NotEligible, "{asked:?}");
    // Only the registration is missing: the result says exactly what to do.
    assert_eq!(acc.group, Group::AlmostThere);
    assert!(acc
        .steps
        .iter()
        .any(|s| s.criterion == "employment-registered" && s.text.zh.contains("就业登记")));
    assert_eq!(
        outcome(&results, "occupational-injury-protection"),
        Outcome::LikelyEligible
    );
    assert_eq!(
        outcome(&results, "flexible-worker-pension"),
        Outcome::LikelyEligible
    );
}

#[test]
fn courier_on_a_platform_registered_elsewhere() {
    let name = "外地注册平台的快递员";
    let (facts, asked, results) = run(
        name,
        json!({
            "roles": ["platform_worker"], "birth_date": "1990-02-20", "hukou_place": "zaozhuang", "work_city": "zaozhuang",
            "platform_work": ["courier"], "platforms": ["other"], "platform_registered_local": "elsewhere",
            "platform_manager": false, "employment_registered": true, "edu_level": "senior_high",
            "student_now": false, "business_form": "none", "pension_enrolment": "employee_via_employer",
            "hard_to_employ": false, "cert_level": "none", "ui_months": 30,
        }),
    );
    assert_complete(name, &facts, &results);
    let acc = result(&results, "accident-insurance-subsidy");
    assert_eq!(acc.outcome, Outcome::NotEligible, "{asked:?}");
    // Where the platform is registered is not something the courier can change: no "almost there".
    assert_eq!(acc.group, Group::NotEligible);
    assert!(acc
        .with_status(Status::Failed)
        .any(|c| c.criterion == "platform-local" && c.decisive));
    // Not one of the 11 platforms of the occupational injury pilot.
    assert_eq!(
        outcome(&results, "occupational-injury-protection"),
        Outcome::NotEligible
    );
}

#[test]
fn returning_migrant_worker_opening_a_shop() {
    let name = "返乡开店的农民工";
    let (facts, asked, results) = run(
        name,
        json!({
            "roles": ["returning_founder"], "birth_date": "1978-06-30", "hukou_place": "zaozhuang", "work_city": "zaozhuang",
            "platform_work": ["none"], "returning_migrant": true, "business_form": "planning",
            "first_business": true, "edu_level": "junior_high_or_less", "student_now": false,
            "registered_unemployed": false, "hard_to_employ": false, "veteran": false, "online_merchant": false,
            "pension_enrolment": "resident", "cert_level": "none", "ui_months": 0, "other_loans": false,
        }),
    );
    assert_complete(name, &facts, &results);
    // A newer Shandong loan rule exists whose contents were not found: confirm with the office first.
    assert_eq!(
        outcome(&results, "startup-guaranteed-loan"),
        Outcome::LikelyEligible,
        "{asked:?}"
    );
    assert_eq!(
        result(&results, "startup-guaranteed-loan")
            .amount
            .map(|y| y.0),
        Some(200_000)
    );
    assert_eq!(
        outcome(&results, "returnee-startup-parks"),
        Outcome::LikelyEligible
    );
    assert_eq!(
        outcome(&results, "startup-training"),
        Outcome::LikelyEligible
    );
    // No licence yet: the one-time subsidy needs a licensed business and months of paid insurance.
    assert_eq!(
        outcome(&results, "first-startup-subsidy"),
        Outcome::NotEligible
    );
}

#[test]
fn fresh_bachelor_graduate_working_in_zaozhuang() {
    let name = "在枣就业的应届本科毕业生";
    let (facts, asked, results) = run(
        name,
        json!({
            "roles": ["graduate"], "birth_date": "2003-05-10", "hukou_place": "shandong_other", "work_city": "zaozhuang",
            "platform_work": ["none"], "edu_level": "bachelor", "graduation_date": "2026-06-30",
            "studied_abroad": false, "student_now": false, "business_form": "none",
            "pension_enrolment": "employee_via_employer", "hard_to_employ": false, "cert_level": "none",
            "ui_months": 4,
        }),
    );
    assert_complete(name, &facts, &results);
    let rent = result(&results, "graduate-living-rent-subsidy");
    // The plan names graduates working in Zaozhuang; the rest is unconfirmed, so never a plain "eligible".
    assert_eq!(rent.outcome, Outcome::LikelyEligible, "{asked:?}");
    assert!(
        rent.verdict.zh.starts_with("可能符合 — 请向") && rent.verdict.zh.ends_with("确认"),
        "{}",
        rent.verdict.zh
    );
    assert!(rent.benefit.zh.contains("以当地最新通知为准"));
    assert_eq!(outcome(&results, "campus-job-fairs"), Outcome::Eligible);
    assert_eq!(
        outcome(&results, "startup-guaranteed-loan"),
        Outcome::NotEligible
    );
}

#[test]
fn graduate_of_six_years_ago_starting_a_business() {
    let name = "六年前毕业的创业者";
    let (facts, asked, results) = run(
        name,
        json!({
            "roles": ["graduate"], "birth_date": "1997-03-03", "hukou_place": "zaozhuang", "work_city": "zaozhuang",
            "platform_work": ["none"], "edu_level": "bachelor", "graduation_date": "2020-07-01",
            "studied_abroad": false, "student_now": false, "business_form": "individual",
            "business_registered_date": "2025-03-01", "first_business": true, "business_staff": 2,
            "business_in_zaozhuang": true, "registered_unemployed": false, "hard_to_employ": false,
            "veteran": false, "returning_migrant": false, "online_merchant": false, "loan_other_groups": ["none"],
            "pension_enrolment": "employee_flexible", "cert_level": "none", "ui_months": 0, "other_loans": false,
        }),
    );
    assert_complete(name, &facts, &results);
    let loan = result(&results, "startup-guaranteed-loan");
    assert_eq!(loan.outcome, Outcome::NotEligible, "{asked:?}");
    let grad = loan
        .trace
        .iter()
        .find(|c| c.criterion == "graduated-5y")
        .unwrap();
    assert_eq!(grad.status, Status::Failed);
    assert!(grad.text.zh.contains("2020年毕业"), "{}", grad.text.zh);
    // More than 2 years out of school: no flexible-work social insurance subsidy as a graduate.
    assert_eq!(
        outcome(&results, "flexible-social-insurance-subsidy"),
        Outcome::NotEligible
    );
    // Six years out of school, not a returning migrant, not certified hard to employ: none of the three
    // groups the one-off grant is for.
    assert_eq!(
        outcome(&results, "first-startup-subsidy"),
        Outcome::NotEligible
    );
}

#[test]
fn veteran_starting_a_business() {
    let name = "退役军人";
    let (facts, asked, results) = run(
        name,
        json!({
            "roles": ["veteran"], "birth_date": "1992-08-08", "hukou_place": "zaozhuang", "work_city": "zaozhuang",
            "platform_work": ["none"], "veteran": true, "business_form": "planning", "first_business": true,
            "edu_level": "college", "graduation_date": "2012-07-01", "studied_abroad": false,
            "student_now": false, "registered_unemployed": false, "hard_to_employ": false,
            "pension_enrolment": "none", "cert_level": "none", "ui_months": 0, "other_loans": false,
        }),
    );
    assert_complete(name, &facts, &results);
    assert_eq!(
        outcome(&results, "startup-guaranteed-loan"),
        Outcome::LikelyEligible,
        "{asked:?}"
    );
    assert_eq!(
        outcome(&results, "veteran-startup-fund"),
        Outcome::LikelyEligible
    );
}

#[test]
fn returned_overseas_student() {
    let name = "留学回国人员";
    let (facts, asked, results) = run(
        name,
        json!({
            "roles": ["graduate"], "birth_date": "1998-01-15", "hukou_place": "zaozhuang", "work_city": "zaozhuang",
            "platform_work": ["none"], "edu_level": "postgraduate", "graduation_date": "2025-09-30",
            "studied_abroad": true, "student_now": false, "business_form": "planning", "first_business": true,
            "registered_unemployed": false, "hard_to_employ": false, "veteran": false,
            "pension_enrolment": "none", "cert_level": "none", "ui_months": 0, "public_researcher": false,
            "other_loans": false,
        }),
    );
    assert_complete(name, &facts, &results);
    assert_eq!(
        outcome(&results, "overseas-returnee-startup"),
        Outcome::LikelyEligible,
        "{asked:?}"
    );
    assert_eq!(
        outcome(&results, "startup-guaranteed-loan"),
        Outcome::LikelyEligible
    );
    assert_eq!(
        outcome(&results, "student-startup-program"),
        Outcome::LikelyEligible
    );
}

fn trainee(cert_date: &str) -> (Facts, Vec<String>, Vec<ProgramResult>) {
    run(
        &format!("中级证书 {cert_date}"),
        json!({
            "roles": ["trainee"], "birth_date": "1989-12-01", "hukou_place": "zaozhuang", "work_city": "zaozhuang",
            "platform_work": ["none"], "edu_level": "senior_high", "student_now": false, "business_form": "none",
            "pension_enrolment": "employee_via_employer", "hard_to_employ": false,
            "cert_level": "level4", "cert_date": cert_date, "skill_subsidy_claims_this_year": 0,
            "ui_months": 26, "receiving_ui_benefit": false, "ui_insured_now": true,
            "cert_claimed_before": "no",
        }),
    )
}

#[test]
fn trainee_with_an_intermediate_certificate_from_eight_months_ago() {
    let (facts, asked, results) = trainee("2026-03-26");
    assert_complete("trainee 8", &facts, &results);
    let r = result(&results, "skill-upgrade-subsidy");
    assert_eq!(r.outcome, Outcome::Eligible, "{asked:?}");
    assert_eq!(r.amount.map(|y| y.0), Some(1500));
    let w = r
        .windows
        .iter()
        .find(|w| w.deadline.is_some())
        .expect("a claim deadline");
    assert_eq!(w.deadline, Some(Date::ymd(2027, 3, 26)));
}

#[test]
fn trainee_with_an_intermediate_certificate_from_fourteen_months_ago() {
    let (facts, asked, results) = trainee("2025-09-26");
    assert_complete("trainee 14", &facts, &results);
    let r = result(&results, "skill-upgrade-subsidy");
    assert_eq!(r.outcome, Outcome::NotEligible, "{asked:?}");
    let late = r
        .with_status(Status::Failed)
        .find(|c| c.decisive)
        .expect("a decisive failure");
    assert!(late.text.zh.contains("已超过申请期限"), "{}", late.text.zh);
    assert!(late.text.zh.contains("2026-09-26"), "{}", late.text.zh);
}

#[test]
fn not_sure_answers_lead_to_needs_information_never_a_verdict() {
    // Someone who answers 不清楚 to everything: no program may be eligible or refused on that basis.
    // Unknown answers decide nothing, so every question that matters gets asked: no 12-question limit.
    let (_, _, results) = run_with_limit("全部不清楚", json!({}), 60, Value::Null);
    for r in &results {
        assert!(
            matches!(r.outcome, Outcome::NeedsInfo | Outcome::ForEmployers)
                || r.trace
                    .iter()
                    .all(|c| c.status != Status::Unknown || !c.decisive),
            "{}: {:?} from unknown answers",
            r.program,
            r.outcome
        );
        assert_ne!(
            r.outcome,
            Outcome::NotEligible,
            "{} refused on 不清楚 answers",
            r.program
        );
    }
}

/// Issue 12's rider: Meituan, 34, his platform registered in Zaozhuang, 就业登记 done, not a manager, high
/// school, no certificate, no unemployment insurance. He picks 外卖骑手 first, which says his kind of platform
/// work (the app shows the platforms on that screen too); his age is one tap, a band; the checklist says he
/// is not a manager and has no unemployment insurance now, so neither his certificate nor his birth date is
/// asked; the questions added for business owners and certificate holders are never his.
#[test]
fn meituan_rider_of_issue_12() {
    let name = "美团骑手(issue 12)";
    let (facts, asked, results) = run_with_limit(
        name,
        json!({
            "roles": ["food_delivery_rider"], "age_band": "adult", "hukou_place": "zaozhuang",
            "work_city": "zaozhuang", "platform_work": ["food_delivery"], "platforms": ["meituan"],
            "platform_registered_local": "zaozhuang", "platform_manager": false, "employment_registered": true,
            "edu_level": "senior_high", "student_now": false, "business_form": "none", "cert_level": "none",
            "ui_months": 0, "ui_insured_now": false, "receiving_ui_benefit": false, "hard_to_employ": false,
            "pension_enrolment": "none",
        }),
        30,
        Value::Bool(false),
    );
    assert_complete(name, &facts, &results);
    assert_eq!(asked[0], "roles");
    assert_eq!(asked[1], "platforms", "{asked:?}");
    assert_eq!(asked.len(), 10, "{asked:?}");
    for late in [
        "platform_work",
        "birth_date",
        "cert_level",
        "cert_claimed_before",
        "other_loans",
        "startup_subsidy_received",
        "operator_changed",
        "hard_to_employ_before_licence",
        "founder_si_months",
        "work_district",
    ] {
        assert!(
            !asked.iter().any(|s| s.split('+').any(|f| f == late)),
            "{late} asked: {asked:?}"
        );
    }
    assert_eq!(
        outcome(&results, "accident-insurance-subsidy"),
        Outcome::Eligible,
        "{asked:?}"
    );
}
