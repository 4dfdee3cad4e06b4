use super::*;
use crate::facts::{FactValue, Facts};
use crate::outcome::evaluate;
use crate::testing::today;

/// A food-delivery rider registered in Zaozhuang (the catalog's own case for the accident insurance).
fn rider() -> Facts {
    let mut f = Facts::new();
    f.set(
        "platform_work",
        FactValue::Multi(vec!["food_delivery".into()]),
    );
    f.set(
        "platform_registered_local",
        FactValue::Choice("zaozhuang".into()),
    );
    f.set("birth_date", FactValue::Date(Date::ymd(1990, 5, 1)));
    f.set("employment_registered", FactValue::Bool(true));
    f.set("platform_manager", FactValue::Bool(false));
    f
}

fn rider_summary() -> Summary {
    let catalog = Catalog::builtin();
    Summary::new(catalog, &evaluate(catalog, &rider(), today()), today())
}

#[test]
fn a_rider_can_apply_for_the_accident_insurance_subsidy_with_its_amount() {
    let s = rider_summary();
    let e = s
        .can_apply
        .iter()
        .find(|e| e.program == "accident-insurance-subsidy")
        .expect("the rider qualifies");
    assert!(e.benefit.zh.contains("100元"), "{}", e.benefit.zh);
    assert!(!e.amount_unknown);
    assert!(!e.apply.is_empty());
}

#[test]
fn only_programs_that_fit_or_almost_fit_are_listed() {
    let catalog = Catalog::builtin();
    let results = evaluate(catalog, &rider(), today());
    let s = Summary::new(catalog, &results, today());
    for e in s.can_apply.iter().chain(&s.almost) {
        let r = results.iter().find(|r| r.program == e.program).unwrap();
        assert!(matches!(r.group, Group::CanApply | Group::AlmostThere));
    }
    for e in &s.almost {
        assert!(!e.missing.is_empty(), "{} says what is missing", e.program);
    }
    let expected = results
        .iter()
        .filter(|r| r.group == Group::CanApply)
        .count();
    assert_eq!(s.can_apply.len(), expected);
}

#[test]
fn documents_are_merged_without_duplicates() {
    let s = rider_summary();
    let mut keys: Vec<String> = s
        .documents
        .iter()
        .map(|d| d.text.zh.replace(' ', ""))
        .collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "no document twice");
    // Every program's documents are somewhere in the list.
    let catalog = Catalog::builtin();
    for e in s.can_apply.iter().chain(&s.almost) {
        for d in &catalog.program(&e.program).unwrap().documents {
            assert!(
                s.documents.iter().any(|i| same(&i.text, d)),
                "{} missing",
                d.zh
            );
        }
    }
}

#[test]
fn a_document_asked_twice_is_listed_once_with_both_programs() {
    let mut s = Summary {
        today: today(),
        catalog_version: "t".into(),
        can_apply: vec![],
        almost: vec![],
        documents: vec![],
        channels: vec![],
    };
    s.add_document(&Text::new("身份证", "ID card"), &Text::new("甲", "A"));
    s.add_document(&Text::new(" 身份证。", "ID card."), &Text::new("乙", "B"));
    s.add_document(
        &Text::new("户口本", "Household register"),
        &Text::new("乙", "B"),
    );
    assert_eq!(s.documents.len(), 2);
    assert_eq!(s.documents[0].needed_for.len(), 2);
}

#[test]
fn unknown_amounts_say_per_the_latest_local_notice() {
    let catalog = Catalog::builtin();
    let offices = Offices::builtin();
    // Every program at once: whatever is in the summary with an unknown amount must say so.
    let all: Vec<ProgramResult> = evaluate(catalog, &Facts::new(), today())
        .into_iter()
        .map(|mut r| {
            r.group = Group::CanApply;
            r
        })
        .collect();
    let s = Summary::new(catalog, &all, today());
    let unknown: Vec<&SummaryEntry> = s.can_apply.iter().filter(|e| e.amount_unknown).collect();
    assert!(
        !unknown.is_empty(),
        "the catalog has programs without a known amount"
    );
    for e in &unknown {
        assert!(
            e.benefit.zh.contains("以当地最新通知为准"),
            "{}",
            e.benefit.zh
        );
    }
    let text = s.compact_text(Lang::Zh, offices, 900);
    assert!(text.contains("金额以当地最新通知为准"));
}

#[test]
fn the_compact_text_fits_its_budget_and_keeps_where_to_ask() {
    let catalog = Catalog::builtin();
    let offices = Offices::builtin();
    let all: Vec<ProgramResult> = evaluate(catalog, &Facts::new(), today())
        .into_iter()
        .map(|mut r| {
            r.group = Group::CanApply;
            r
        })
        .collect();
    let s = Summary::new(catalog, &all, today());
    for lang in [Lang::Zh, Lang::En] {
        for budget in [300, 600, 1200] {
            let t = s.compact_text(lang, offices, budget);
            assert!(
                t.len() <= budget,
                "{lang:?} {budget}: {} bytes\n{t}",
                t.len()
            );
            assert!(t.contains("12333"));
            assert!(t.contains("zzhrss.zaozhuang.gov.cn"));
        }
    }
    let t = s.compact_text(Lang::Zh, offices, 600);
    assert!(t.contains("另有"), "what does not fit is counted:\n{t}");
    // The full share text lists every program.
    let full = s.share_text(Lang::Zh, offices);
    for e in &s.can_apply {
        assert!(full.contains(&e.name.zh));
    }
}

#[test]
fn the_rider_summary_text_names_the_program_and_amount() {
    let s = rider_summary();
    let offices = Offices::builtin();
    let t = s.compact_text(Lang::Zh, offices, 600);
    let name = &Catalog::builtin()
        .program("accident-insurance-subsidy")
        .unwrap()
        .name
        .zh;
    assert!(t.contains(name.as_str()), "{t}");
    assert!(t.starts_with("乐业通·我的政策清单(2026-11-26)"));
    let en = s.share_text(Lang::En, offices);
    assert!(en.starts_with("LeYe: my programs (2026-11-26)"));
    // Written for the worker reading it: a space after each colon and before each bracket, whole
    // sentences, and "Likely eligible" never twice in one line.
    assert!(en.contains("\nBring: ID card"), "{en}");
    assert!(
        en.contains("Where to go: the public employment service"),
        "{en}"
    );
    for line in en.lines() {
        assert!(
            line.match_indices([':', ';'])
                .all(|(i, _)| line[i + 1..].is_empty() || line[i + 1..].starts_with(' ')),
            "a space after each colon: {line}"
        );
        assert!(
            !line
                .chars()
                .zip(line.chars().skip(1))
                .any(|(a, b)| a.is_ascii_alphanumeric() && b == '('),
            "no space before a bracket: {line}"
        );
        assert!(line.matches("Likely eligible").count() <= 1, "{line}");
    }
}

#[test]
fn an_empty_summary_says_so() {
    let s = Summary::new(Catalog::builtin(), &[], today());
    assert!(s.is_empty());
    let t = s.share_text(Lang::Zh, Offices::builtin());
    assert!(t.contains("还没有找到可以申请的项目"));
    assert!(t.contains("12333"));
}

#[test]
fn read_aloud_names_the_program_and_where_to_go_without_brackets() {
    let catalog = Catalog::builtin();
    let results = evaluate(catalog, &rider(), today());
    let r = results
        .iter()
        .find(|r| r.program == "accident-insurance-subsidy")
        .unwrap();
    let p = catalog.program(&r.program).unwrap();
    let text = read_aloud_text(p, &r.benefit, Some(r));
    assert!(text.starts_with(&p.name.zh));
    assert!(text.contains("100元"));
    assert!(text.contains("你的结果:可以申请"));
    assert!(text.contains("去哪里办"));
    assert!(!text.contains('「') && !text.contains('“'));
    // Without a result (browsing), no verdict is invented.
    let text = read_aloud_text(p, &r.benefit, None);
    assert!(!text.contains("你的结果"));
}

#[test]
fn speech_is_cut_at_sentence_ends_but_never_inside_an_amount() {
    let chunks = speech_chunks("开店贷款。最高1.2万元;先交后补!还要带身份证");
    assert_eq!(
        chunks,
        vec!["开店贷款。", "最高1.2万元;", "先交后补!", "还要带身份证"]
    );
    let long = "甲".repeat(70) + "，乙。";
    assert_eq!(
        speech_chunks(&long).len(),
        2,
        "a long clause breaks at its comma"
    );
    assert_eq!(speech_chunks("  "), Vec::<String>::new());
    // Nothing is lost.
    let text = read_aloud_text(
        Catalog::builtin()
            .program("accident-insurance-subsidy")
            .unwrap(),
        &Text::new("最多100元", "up to 100 yuan"),
        None,
    );
    assert_eq!(speech_chunks(&text).concat(), text.replace(' ', ""));
}
