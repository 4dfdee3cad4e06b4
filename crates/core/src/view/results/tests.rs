//! The results screen's choices for real people against the built-in catalog.

use super::*;
use crate::facts::FactValue;
use crate::facts::Facts;
use crate::i18n::Message;
use crate::outcome::evaluate;
use crate::testing::{driver, today};
use crate::view::policies::{browse, matches_search};

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

#[test]
fn search_finds_the_startup_loan_by_typing_loan_in_chinese() {
    let found = browse(catalog(), &[], "贷款", None, false);
    assert!(
        found.iter().any(|p| p.name.zh.contains("创业担保贷款")),
        "贷款 finds 创业担保贷款"
    );
    assert!(found.iter().all(|p| matches_search(p, "贷款")));
    assert!(
        found.len() < catalog().programs().len(),
        "the search narrows the list"
    );
    assert!(browse(catalog(), &[], "没有这种政策xyz", None, false).is_empty());
    assert_eq!(
        browse(catalog(), &[], "  ", None, false).len(),
        catalog().programs().len()
    );
}

#[test]
fn employer_measures_are_listed_last() {
    let all = browse(catalog(), &[], "", None, false);
    let first_employer = all.iter().position(|p| p.is_for_employers()).unwrap();
    assert!(all[first_employer..].iter().all(|p| p.is_for_employers()));
    let only = browse(catalog(), &[], "", Some(Kind::Employer), false);
    assert!(!only.is_empty() && only.iter().all(|p| p.kind == Kind::Employer));
}

#[test]
fn for_me_keeps_what_the_driver_can_apply_for_or_nearly() {
    let results = evaluate(catalog(), &driver(), today());
    let mine = browse(catalog(), &results, "", None, true);
    assert!(mine.iter().any(|p| p.id == "accident-insurance-subsidy"));
    for p in &mine {
        let r = results.iter().find(|r| r.program == p.id).unwrap();
        assert!(
            matches!(r.group, Group::CanApply | Group::AlmostThere),
            "{}",
            p.id
        );
    }
    // Nothing answered: only what is open to everyone (no condition left to know) is "for me".
    let none = evaluate(catalog(), &Facts::new(), today());
    let open = browse(catalog(), &none, "", None, true);
    assert!(!open.iter().any(|p| p.id == "accident-insurance-subsidy"));
    for p in open {
        let r = none.iter().find(|r| r.program == p.id).unwrap();
        assert!(
            r.trace.iter().all(|c| c.status == Status::Met),
            "{} needs no answer",
            p.id
        );
    }
}

#[test]
fn the_driver_gets_the_accident_insurance_with_why_and_where_to_apply() {
    let results = evaluate(catalog(), &driver(), today());
    let r = results
        .iter()
        .find(|r| r.program == "accident-insurance-subsidy")
        .unwrap();
    assert_eq!(r.group, Group::CanApply);
    assert!(
        r.benefit.zh.contains("50%") && r.benefit.zh.contains("100元"),
        "{}",
        r.benefit.zh
    );
    let p = catalog().program(&r.program).unwrap();
    assert!(why_line(r).is_some());
    let (label, next) = next_step(r, p).unwrap();
    assert_eq!(label, PolicyText::HowToApply);
    assert_eq!(next, p.apply[0].label());
}

#[test]
fn unregistered_driver_is_told_exactly_what_to_do() {
    let mut f = driver();
    f.set("employment_registered", FactValue::Bool(false));
    let results = evaluate(catalog(), &f, today());
    let r = results
        .iter()
        .find(|r| r.program == "accident-insurance-subsidy")
        .unwrap();
    assert_eq!(r.group, Group::AlmostThere);
    let (label, next) = next_step(r, catalog().program(&r.program).unwrap()).unwrap();
    assert_eq!(label, PolicyText::NextStep);
    assert!(next.zh.contains("就业登记"), "{}", next.zh);
    assert!(why_line(r).unwrap().zh.contains("就业登记"));
}

#[test]
fn not_knowing_leads_to_needs_info_and_a_way_to_find_out() {
    let mut f = Facts::new();
    f.set(
        "platform_work",
        FactValue::Multi(vec!["ride_hailing".into()]),
    );
    f.mark_unknown("platform_registered_local");
    let results = evaluate(catalog(), &f, today());
    let r = results
        .iter()
        .find(|r| r.program == "accident-insurance-subsidy")
        .unwrap();
    assert_eq!(r.group, Group::NeedsInfo);
    // The step is the catalog's way to find out, never "answer the remaining questions".
    let next = find_out_step(catalog(), r, &f).unwrap();
    assert_eq!(
        Some(&next),
        catalog()
            .fact("platform_registered_local")
            .unwrap()
            .find_out
            .as_ref()
    );
    assert!(next.zh.contains("站长"), "{}", next.zh);
    assert!(!next.zh.contains("剩下的问题"), "{}", next.zh);
    assert_eq!(
        open_questions(catalog(), r, &f)[0].id,
        "platform_registered_local"
    );
    // Once answered, it is no longer open.
    f.set(
        "platform_registered_local",
        FactValue::Choice("zaozhuang".into()),
    );
    let results = evaluate(catalog(), &f, today());
    let r = results
        .iter()
        .find(|r| r.program == "accident-insurance-subsidy")
        .unwrap();
    assert!(open_questions(catalog(), r, &f)
        .iter()
        .all(|d| d.id != "platform_registered_local"));
}

#[test]
fn a_result_waiting_on_an_age_asks_the_band_in_place_and_the_date_only_after_a_band() {
    let mut f = driver();
    f.unset("birth_date");
    let waiting_on_age = |f: &Facts| {
        evaluate(catalog(), f, today())
            .into_iter()
            .filter(|r| {
                r.group == Group::NeedsInfo
                    && r.with_status(Status::Unknown)
                        .any(|c| c.fact == "birth_date")
            })
            .collect::<Vec<_>>()
    };
    let results = waiting_on_age(&f);
    assert!(
        !results.is_empty(),
        "a platform program tests the working age"
    );
    for r in &results {
        let open = open_questions(catalog(), r, &f);
        assert!(open.iter().any(|d| d.id == "age_band"), "{}", r.program);
        assert!(open.iter().all(|d| d.id != "birth_date"), "{}", r.program);
    }
    // Once a band is given the date is what is left to offer wherever an age is still unknown.
    f.set("age_band", FactValue::Choice("adult".into()));
    for r in waiting_on_age(&f) {
        let open = open_questions(catalog(), &r, &f);
        assert!(open.iter().all(|d| d.id != "age_band"), "{}", r.program);
    }
}

#[test]
fn every_card_in_needs_info_says_what_to_find_out_or_asks_it_right_there() {
    let mut unsure = driver();
    unsure.mark_unknown("platform_registered_local");
    unsure.mark_unknown("employment_registered");
    for facts in [Facts::new(), driver(), unsure] {
        let results = evaluate(catalog(), &facts, today());
        for r in results.iter().filter(|r| r.group == Group::NeedsInfo) {
            let open = open_questions(catalog(), r, &facts);
            let step = find_out_step(catalog(), r, &facts);
            assert!(
                step.is_some() || !open.is_empty(),
                "{}: nothing to do",
                r.program
            );
            if let Some(first) = open.first() {
                assert_eq!(step, first.find_out.clone(), "{}", r.program);
                assert!(facts.value(&first.id).is_none());
            }
            if let Some(s) = step {
                assert!(!s.zh.contains("剩下的问题"), "{}", s.zh);
            }
        }
    }
}

#[test]
fn search_finds_programs_by_the_words_people_use() {
    let ids = |q: &str| {
        browse(catalog(), &[], q, None, false)
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    };
    assert!(ids("住房补贴").contains(&"graduate-living-rent-subsidy".to_string()));
    assert!(ids("受伤").contains(&"occupational-injury-protection".to_string()));
    assert!(ids("我受伤了").contains(&"occupational-injury-protection".to_string()));
    assert!(ids("rent").contains(&"graduate-living-rent-subsidy".to_string()));
    // Keywords do not make everything match.
    assert!(!ids("住房补贴").contains(&"occupational-injury-protection".to_string()));
    let p = catalog().program("graduate-living-rent-subsidy").unwrap();
    assert!(
        !p.name.zh.contains("住房补贴") && !p.summary.zh.contains("住房补贴"),
        "the keyword is what finds it"
    );
}

#[test]
fn partly_known_rules_say_likely_eligible_and_whom_to_confirm_with() {
    // 圆梦计划: the plan names graduates working in Zaozhuang; the rest is unconfirmed.
    let mut f = Facts::new();
    f.set("edu_level", FactValue::Choice("bachelor".into()))
        .set("work_city", FactValue::Choice("zaozhuang".into()));
    let results = evaluate(catalog(), &f, today());
    let r = results
        .iter()
        .find(|r| r.program == "graduate-living-rent-subsidy")
        .unwrap();
    assert_eq!(
        (r.group, r.outcome),
        (Group::CanApply, Outcome::LikelyEligible)
    );
    let (label, next) = next_step(r, catalog().program(&r.program).unwrap()).unwrap();
    assert_eq!(label, PolicyText::NextStep);
    assert!(
        next.zh.starts_with("先向") && next.zh.contains(&r.confirm_with.zh),
        "{}",
        next.zh
    );
    assert!(next.en.contains("confirm with"), "{}", next.en);
}

#[test]
fn groups_come_in_screen_order_and_hold_every_program_once() {
    let results = evaluate(catalog(), &driver(), today());
    let groups = grouped(&results);
    assert_eq!(groups[0].0, Group::CanApply);
    assert_eq!(groups[4].0, Group::ForEmployers);
    assert_eq!(
        groups.iter().map(|g| g.1.len()).sum::<usize>(),
        results.len()
    );
    assert!(groups[4]
        .1
        .iter()
        .all(|r| r.outcome == Outcome::ForEmployers));
}

#[test]
fn results_are_ranked_money_and_cover_first_then_one_step_then_courses_then_services() {
    let results = evaluate(catalog(), &driver(), today());
    let sections = ranked(catalog(), &results);
    assert_eq!(
        sections.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
        Section::ALL.to_vec()
    );
    // Every result exactly once.
    let mut seen: Vec<&str> = sections
        .iter()
        .flat_map(|(_, items)| items.iter().map(|r| r.program.as_str()))
        .collect();
    seen.sort();
    let mut all: Vec<&str> = results.iter().map(|r| r.program.as_str()).collect();
    all.sort();
    assert_eq!(seen, all);
    let section = |s: Section| &sections.iter().find(|(x, _)| *x == s).unwrap().1;
    // The driver's accident-insurance rebate is the first thing on the screen.
    let claim = section(Section::ClaimNow);
    assert_eq!(claim[0].program, "accident-insurance-subsidy");
    for r in claim {
        assert_eq!(r.group, Group::CanApply);
        assert!(!matches!(
            r.kind,
            Kind::Training | Kind::Camp | Kind::Service | Kind::Employer
        ));
    }
    // A firm yes before a likely one; what comes by itself after what has to be claimed.
    let keys: Vec<(bool, bool)> = claim
        .iter()
        .map(|r| {
            (
                r.outcome != Outcome::Eligible,
                catalog().program(&r.program).unwrap().automatic,
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "{claim:?}");
    for r in section(Section::Courses) {
        assert!(matches!(r.kind, Kind::Training | Kind::Camp) && r.group == Group::CanApply);
    }
    let services = section(Section::Services);
    assert!(
        !services.is_empty(),
        "the driver can simply use the job services"
    );
    for r in services {
        assert!(r.kind == Kind::Service && r.group == Group::CanApply);
    }
    assert!(section(Section::ForEmployers)
        .iter()
        .all(|r| r.outcome == Outcome::ForEmployers));
}

#[test]
fn the_one_step_away_section_puts_money_before_courses_and_fewer_steps_first() {
    let mut f = driver();
    f.set("employment_registered", FactValue::Bool(false));
    let results = evaluate(catalog(), &f, today());
    let sections = ranked(catalog(), &results);
    let almost = &sections
        .iter()
        .find(|(s, _)| *s == Section::AlmostThere)
        .unwrap()
        .1;
    assert_eq!(almost[0].program, "accident-insurance-subsidy");
    let keys: Vec<(u8, usize)> = almost
        .iter()
        .map(|r| (kind_rank(r.kind), r.steps.len()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn courses_of_one_kind_are_one_card() {
    // Nothing answered: every course open to all is "can apply".
    let results = evaluate(catalog(), &Facts::new(), today());
    let sections = ranked(catalog(), &results);
    let courses = &sections
        .iter()
        .find(|(s, _)| *s == Section::Courses)
        .unwrap()
        .1;
    let cards = course_cards(courses);
    let kinds: Vec<Kind> = cards.iter().map(|(k, _)| *k).collect();
    let mut unique = kinds.clone();
    unique.dedup();
    assert_eq!(kinds, unique, "one card per kind");
    assert_eq!(
        cards.iter().map(|(_, l)| l.len()).sum::<usize>(),
        courses.len()
    );
    assert_eq!(
        course_card_title(Kind::Training, 5, Lang::Zh),
        "你可以参加的培训(5)"
    );
    assert_eq!(
        course_card_title(Kind::Camp, 1, Lang::En),
        "Startup camps you can join (1)"
    );
}

#[test]
fn an_automatic_program_is_never_one_of_two_to_choose() {
    let results = evaluate(catalog(), &driver(), today());
    let injury = catalog().program("occupational-injury-protection").unwrap();
    assert!(injury.automatic);
    let rebate = results
        .iter()
        .find(|r| r.program == "accident-insurance-subsidy")
        .unwrap();
    let other = rebate
        .excluded_with
        .iter()
        .find(|e| e.program == injury.id)
        .unwrap();
    assert_eq!(
        exclusion_hint(catalog(), &rebate.program, other),
        Some(PolicyText::OtherIsAutomatic)
    );
    let r = results.iter().find(|r| r.program == injury.id).unwrap();
    for e in &r.excluded_with {
        assert_ne!(
            exclusion_hint(catalog(), &r.program, e),
            Some(PolicyText::ExcludedChoose)
        );
    }
    // What the source says: it may not combine, and the local notice decides.
    assert!(PolicyText::ExcludedWith
        .text(Lang::Zh)
        .contains("可能不能和这项同时享受,以当地最新通知为准"));
}

#[test]
fn only_the_hotline_gets_a_phone_link() {
    let p = catalog().program("accident-insurance-subsidy").unwrap();
    let links: Vec<_> = p.apply.iter().filter_map(tel_link).collect();
    assert_eq!(links, vec!["tel:12333"]);
}
