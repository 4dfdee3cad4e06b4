//! Properties of the engine over the real catalog: evaluation and the questionnaire never panic on any
//! facts (including wrongly typed ones), adding an answer never turns "eligible" into "needs more
//! information", the remaining-question estimate never goes up, a question opened by a 不清楚 answer is
//! not asked, and the first screen ("你是做什么的?") settles only what it says for certain.

// proptest is a native dev-dependency: these properties run under native `cargo test` only.
#![cfg(not(target_arch = "wasm32"))]

use leye_core::catalog::Catalog;
use leye_core::date::Date;
use leye_core::facts::{FactDef, FactType, FactValue, Facts};
use leye_core::outcome::{evaluate, Outcome};
use leye_core::questionnaire::{answer, choices_shown, next_question, progress, ROLE_FACT};
use proptest::prelude::*;

fn vocab() -> &'static [FactDef] {
    Catalog::builtin().facts()
}

/// A value of the fact's own type (what the app can store after checking an answer), including
/// out-of-range numbers and odd dates: the engine must cope with them even though the app refuses them.
fn typed_value(def: &'static FactDef) -> BoxedStrategy<FactValue> {
    let choices: Vec<String> = def.choices.iter().map(|c| c.value.clone()).collect();
    match def.fact_type {
        FactType::Bool => any::<bool>().prop_map(FactValue::Bool).boxed(),
        FactType::Int => prop_oneof![
            (def.min.unwrap_or(0)..=def.max.unwrap_or(100)).prop_map(FactValue::Int),
            any::<i64>().prop_map(FactValue::Int),
        ]
        .boxed(),
        FactType::Date => (-800_000i64..2_900_000)
            .prop_map(|d| FactValue::Date(Date::from_days(d)))
            .boxed(),
        FactType::Choice => proptest::sample::select(choices)
            .prop_map(FactValue::Choice)
            .boxed(),
        FactType::Multi => proptest::sample::subsequence(choices.clone(), 0..=choices.len())
            .prop_map(FactValue::Multi)
            .boxed(),
    }
}

/// Any value at all, of any type.
fn any_value() -> impl Strategy<Value = FactValue> {
    prop_oneof![
        any::<bool>().prop_map(FactValue::Bool),
        any::<i64>().prop_map(FactValue::Int),
        (-800_000i64..2_900_000).prop_map(|d| FactValue::Date(Date::from_days(d))),
        "[a-z_]{0,12}".prop_map(FactValue::Choice),
        proptest::collection::vec("[a-z_]{0,8}", 0..4).prop_map(FactValue::Multi),
    ]
}

#[derive(Clone, Debug)]
enum Slot {
    Absent,
    Unknown,
    Value(FactValue),
}

fn typed_facts() -> impl Strategy<Value = Vec<Slot>> {
    vocab()
        .iter()
        .map(|def| {
            prop_oneof![
                2 => Just(Slot::Absent),
                1 => Just(Slot::Unknown),
                3 => typed_value(def).prop_map(Slot::Value),
            ]
        })
        .collect::<Vec<_>>()
}

fn build(slots: &[Slot]) -> Facts {
    let mut f = Facts::new();
    for (def, slot) in vocab().iter().zip(slots) {
        match slot {
            Slot::Absent => {}
            Slot::Unknown => {
                f.mark_unknown(&def.id);
            }
            Slot::Value(v) => {
                f.set(&def.id, v.clone());
            }
        }
    }
    f
}

fn today() -> impl Strategy<Value = Date> {
    (18_000i64..25_000).prop_map(Date::from_days)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn evaluation_and_questions_never_panic_on_any_facts(
        typed in typed_facts(),
        junk in proptest::collection::vec(("[a-z_]{1,24}", proptest::option::of(any_value())), 0..8),
        today in today(),
    ) {
        let catalog = Catalog::builtin();
        let mut facts = build(&typed);
        // Wrongly typed values on real ids, and ids no catalog knows.
        for (i, (id, v)) in junk.into_iter().enumerate() {
            let id = if i % 2 == 0 { vocab()[i % vocab().len()].id.clone() } else { id };
            match v {
                Some(v) => { facts.set(id, v); }
                None => { facts.mark_unknown(id); }
            }
        }
        let results = evaluate(catalog, &facts, today);
        prop_assert_eq!(results.len(), catalog.programs().len());
        for r in &results {
            prop_assert!(!r.verdict.zh.is_empty() && !r.verdict.en.is_empty());
        }
        let _ = next_question(catalog, &facts, today);
        let _ = progress(catalog, &facts, today);
    }

    #[test]
    fn adding_an_answer_never_turns_eligible_into_needs_information(
        slots in typed_facts(),
        pick in any::<proptest::sample::Index>(),
        extra in any::<proptest::sample::Index>(),
        today in today(),
    ) {
        let catalog = Catalog::builtin();
        // Find an absent or 不清楚 fact and give it a value of its type.
        let open: Vec<usize> = slots.iter().enumerate().filter(|(_, s)| !matches!(s, Slot::Value(_))).map(|(i, _)| i).collect();
        prop_assume!(!open.is_empty());
        let fi = open[pick.index(open.len())];
        let def = &vocab()[fi];
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let mut value = typed_value(def).new_tree(&mut runner).unwrap().current();
        // Vary the value with the second index so more of the space is covered.
        for _ in 0..extra.index(4) {
            value = typed_value(def).new_tree(&mut runner).unwrap().current();
        }
        let before = evaluate(catalog, &build(&slots), today);
        let mut more = slots.clone();
        more[fi] = Slot::Value(value.clone());
        // An age band and a birth date are two answers to one question (the date, more precise, wins): a
        // date outside the band given is the answer changed, not one added.
        prop_assume!(band_agrees_with_date(&build(&more), today));
        let after = evaluate(catalog, &build(&more), today);
        for (b, a) in before.iter().zip(&after) {
            if b.outcome.qualifies() {
                prop_assert_ne!(a.outcome, Outcome::NeedsInfo, "{}: {:?} after adding {} = {:?}", b.program, b.outcome, def.id, value);
            }
            // More generally, a decided program never becomes undecided.
            if b.outcome != Outcome::NeedsInfo {
                prop_assert_ne!(a.outcome, Outcome::NeedsInfo, "{}: {:?} became undecided after {} = {:?}", b.program, b.outcome, def.id, value);
            }
        }
    }
}

/// Whether the age band and the birth date, when both are given, say the same: the date's age is in the band.
fn band_agrees_with_date(facts: &Facts, today: Date) -> bool {
    let (Some(FactValue::Choice(band)), Some(FactValue::Date(born))) =
        (facts.value("age_band"), facts.value("birth_date"))
    else {
        return true;
    };
    let catalog = Catalog::builtin().in_force(today);
    let Some((lo, hi)) = catalog
        .fact("age_band")
        .and_then(|d| d.choice(band))
        .and_then(|c| c.ages())
    else {
        return true;
    };
    let age = i64::from(born.age_on(today));
    lo.is_none_or(|l| age >= l) && hi.is_none_or(|h| age <= h)
}

/// Walks the questionnaire forward from `start`, answering each screen with the value `pick` chooses
/// (None = 不清楚), and returns the remaining-question estimates seen before each screen and at the end.
fn walk(
    start: Facts,
    today: Date,
    mut pick: impl FnMut(&'static FactDef) -> Option<FactValue>,
) -> (Facts, Vec<usize>, Vec<Vec<String>>) {
    let catalog = Catalog::builtin();
    let mut facts = start;
    let mut seen = vec![progress(catalog, &facts, today).remaining];
    let mut screens = Vec::new();
    while let Some(q) = next_question(catalog, &facts, today) {
        let ids: Vec<String> = q.fact_ids().iter().map(|s| s.to_string()).collect();
        assert!(
            !screens.contains(&ids),
            "{ids:?} asked twice: {screens:?} with {facts:?}"
        );
        assert!(
            screens.len() < 80,
            "the questionnaire never ends: {screens:?}"
        );
        for id in &ids {
            let def = catalog.fact(id).unwrap();
            let v = pick(def).filter(|v| def.check(v, today).is_ok());
            answer(catalog, &mut facts, id, v, today).unwrap();
        }
        screens.push(ids);
        seen.push(progress(catalog, &facts, today).remaining);
    }
    (facts, seen, screens)
}

/// A strategy's worth of answers: for each fact, a value of its type or 不清楚, fixed per run.
fn answers() -> impl Strategy<Value = Vec<Option<FactValue>>> {
    vocab()
        .iter()
        .map(|def| {
            let v = match def.fact_type {
                // Birth and other dates a person could give: within the last 80 years.
                FactType::Date => (0i64..80 * 365)
                    .prop_map(|back| FactValue::Date(Date::ymd(2026, 11, 26).add_days(-back)))
                    .boxed(),
                FactType::Int => (def.min.unwrap_or(0)..=def.max.unwrap_or(100).min(120))
                    .prop_map(FactValue::Int)
                    .boxed(),
                _ => typed_value(def),
            };
            proptest::option::weighted(0.75, v)
        })
        .collect::<Vec<_>>()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// "还有约N个问题" never goes up from one screen to the next and is 0 once the questionnaire stops.
    #[test]
    fn the_remaining_estimate_never_goes_up_and_ends_at_zero(answers in answers()) {
        let today = Date::ymd(2026, 11, 26);
        let (_, seen, screens) = walk(Facts::new(), today, |def| {
            let i = vocab().iter().position(|d| d.id == def.id).unwrap();
            answers[i].clone()
        });
        for (i, w) in seen.windows(2).enumerate() {
            prop_assert!(w[1] <= w[0], "estimate rose from {} to {} after {:?} ({:?})", w[0], w[1], screens[i], seen);
        }
        prop_assert_eq!(*seen.last().unwrap(), 0);
        // And it is an upper estimate: never fewer than the screens actually left.
        for (i, &left) in seen.iter().enumerate() {
            prop_assert!(left >= screens.len() - i, "said {} left with {} to go: {:?}", left, screens.len() - i, seen);
        }
    }

    /// A question is not asked when the answer that would open it (its `ask_if`) was 不清楚.
    #[test]
    fn a_question_whose_opener_is_unknown_is_not_asked(answers in answers()) {
        let catalog = Catalog::builtin();
        let today = Date::ymd(2026, 11, 26);
        let mut facts = Facts::new();
        let mut asked = Vec::new();
        while let Some(q) = next_question(catalog, &facts, today) {
            for id in q.fact_ids() {
                let def = catalog.fact(id).unwrap();
                if let Some(cond) = &def.ask_if {
                    prop_assert!(
                        facts.value(&cond.fact).is_some() || !facts.is_answered(&cond.fact),
                        "{} asked although {} was answered 不清楚 (asked: {:?})", id, cond.fact, asked
                    );
                }
                let i = vocab().iter().position(|d| d.id == id).unwrap();
                let v = answers[i].clone().filter(|v| def.check(v, today).is_ok());
                answer(catalog, &mut facts, id, v, today).unwrap();
                asked.push(id.to_string());
            }
            prop_assert!(asked.len() < 100);
        }
    }
}

#[test]
fn the_first_screen_is_who_you_are_and_settles_only_what_it_says() {
    let catalog = Catalog::builtin();
    let today = Date::ymd(2026, 11, 26);
    let first = next_question(catalog, &Facts::new(), today).expect("a first question");
    assert_eq!(first.fact.id, ROLE_FACT);
    assert_eq!(
        vocab()[0].id,
        ROLE_FACT,
        "written first in catalog/facts.toml"
    );
    let multi = |l: &[&str]| FactValue::Multi(l.iter().map(|s| s.to_string()).collect());

    // 退役军人 and 返乡创业 settle their facts; nothing else is set.
    let mut facts = Facts::new();
    answer(
        catalog,
        &mut facts,
        ROLE_FACT,
        Some(multi(&["veteran", "returning_founder"])),
        today,
    )
    .unwrap();
    assert_eq!(facts.value("veteran"), Some(&FactValue::Bool(true)));
    assert_eq!(
        facts.value("returning_migrant"),
        Some(&FactValue::Bool(true))
    );
    assert_eq!(facts.len(), 3, "{facts:?}");
    // They are not counted as questions the person answered.
    assert_eq!(progress(catalog, &facts, today).answered, 1);
    // Taking 退役军人 back forgets what it set, so the question is asked again.
    answer(
        catalog,
        &mut facts,
        ROLE_FACT,
        Some(multi(&["returning_founder"])),
        today,
    )
    .unwrap();
    assert!(!facts.is_answered("veteran"));
    assert_eq!(
        facts.value("returning_migrant"),
        Some(&FactValue::Bool(true))
    );
    // A returning founder is asked about the business first.
    let q = next_question(catalog, &facts, today).unwrap();
    assert_eq!(q.fact.id, "business_form");

    // 其他 or 不清楚 settle nothing.
    for v in [Some(multi(&["other"])), None] {
        let mut f = Facts::new();
        answer(catalog, &mut f, ROLE_FACT, v, today).unwrap();
        assert_eq!(f.len(), 1);
    }

    // A rider: the platform questions come first, and "no platform work" is not offered.
    let mut rider = Facts::new();
    answer(
        catalog,
        &mut rider,
        ROLE_FACT,
        Some(multi(&["platform_worker"])),
        today,
    )
    .unwrap();
    let q = next_question(catalog, &rider, today).unwrap();
    assert_eq!(q.fact.id, "platform_work");
    let shown: Vec<&str> = choices_shown(q.fact, &rider)
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert!(
        !shown.contains(&"none") && shown.contains(&"food_delivery"),
        "{shown:?}"
    );
    // Without that role every choice is shown.
    assert_eq!(
        choices_shown(q.fact, &Facts::new()).len(),
        q.fact.choices.len()
    );
    // A trainee: the certificate first.
    let mut t = Facts::new();
    answer(catalog, &mut t, ROLE_FACT, Some(multi(&["trainee"])), today).unwrap();
    assert_eq!(
        next_question(catalog, &t, today).unwrap().fact.id,
        "cert_level"
    );

    // The platform roles are kinds of platform work, and the screen lists every kind: ticking only such
    // roles answers the platform-work question with exactly those kinds, not counted as a question.
    let mut r = Facts::new();
    let riders = multi(&["food_delivery_rider", "ride_hailing_driver", "graduate"]);
    answer(catalog, &mut r, ROLE_FACT, Some(riders), today).unwrap();
    assert_eq!(
        r.value("platform_work"),
        Some(&multi(&["ride_hailing", "food_delivery"]))
    );
    assert_eq!(progress(catalog, &r, today).answered, 1);
    assert_eq!(
        next_question(catalog, &r, today).unwrap().fact.id,
        "platforms"
    );
    // 其他平台工作 as well: the kinds are not all known, so the question is asked (without 都没有).
    let also_other = multi(&["food_delivery_rider", "platform_worker"]);
    answer(catalog, &mut r, ROLE_FACT, Some(also_other), today).unwrap();
    assert!(!r.is_answered("platform_work"), "{r:?}");
    assert_eq!(
        next_question(catalog, &r, today).unwrap().fact.id,
        "platform_work"
    );
    // A kind answered on its own screen is the person's answer: taking the roles back keeps it.
    r.set("platform_work", multi(&["freight"]));
    answer(
        catalog,
        &mut r,
        ROLE_FACT,
        Some(multi(&["graduate"])),
        today,
    )
    .unwrap();
    assert_eq!(r.value("platform_work"), Some(&multi(&["freight"])));
    // Kinds set by the roles are forgotten when the roles are taken back.
    let mut k = Facts::new();
    answer(catalog, &mut k, ROLE_FACT, Some(multi(&["courier"])), today).unwrap();
    assert_eq!(k.value("platform_work"), Some(&multi(&["courier"])));
    answer(catalog, &mut k, ROLE_FACT, Some(multi(&["other"])), today).unwrap();
    assert!(!k.is_answered("platform_work"), "{k:?}");
}

/// The age asked as a band (issue 12): every age rule of every program and course is decided by every
/// band, and exactly as a birth date of any age in that band decides it, on any day the catalog's age
/// limits may be in force. A band that could not decide a rule would have to leave it unknown.
#[test]
fn every_age_band_decides_every_age_rule_as_a_birth_date_in_it_would() {
    use leye_core::rules::{evaluate_rule, Rule, Status};
    let published = Catalog::builtin().published();
    let band_def = Catalog::builtin().fact("age_band").expect("the age band");
    assert_eq!(band_def.age_of.as_deref(), Some("birth_date"));
    let mut checked = 0;
    for today in [published, published.add_years(1), published.add_years(3)] {
        let catalog = Catalog::builtin().in_force(today);
        let courses: Vec<Rule> = catalog
            .courses()
            .iter()
            .map(|c| serde_json::from_value(c.clone()).expect("a course's rule"))
            .collect();
        let band = catalog.fact("age_band").unwrap();
        for choice in &band.choices {
            let (lo, hi) = choice.ages().expect("the band's limits are in force");
            let by_band = {
                let mut f = Facts::new();
                f.set("age_band", FactValue::Choice(choice.value.clone()));
                f
            };
            let statuses = |f: &Facts| -> Vec<(String, Status)> {
                let mut out: Vec<(String, Status)> = evaluate(&catalog, f, today)
                    .into_iter()
                    .flat_map(|r| {
                        let p = r.program.clone();
                        r.trace
                            .into_iter()
                            .filter(|c| c.fact == "birth_date")
                            .map(move |c| (format!("{p}/{}", c.criterion), c.status))
                    })
                    .collect();
                for (i, rule) in courses.iter().enumerate() {
                    let r = evaluate_rule(rule, catalog.facts(), f, today);
                    out.extend(
                        r.trace
                            .into_iter()
                            .filter(|c| c.fact == "birth_date")
                            .map(|c| (format!("course {i}/{}", c.criterion), c.status)),
                    );
                }
                out
            };
            let from_band = statuses(&by_band);
            assert!(from_band.len() >= 10, "age rules found: {from_band:?}");
            for (id, s) in &from_band {
                assert_ne!(
                    *s,
                    Status::Unknown,
                    "{id}: the band `{}` does not decide it on {today}",
                    choice.value
                );
            }
            let (first, last) = (lo.unwrap_or(0), hi.unwrap_or(100).min(100));
            for age in first..=last {
                // The youngest and the oldest birth date of that age on `today`.
                let youngest = today.add_years(-(age as i32));
                let oldest = today.add_years(-(age as i32 + 1)).add_days(1);
                for born in [youngest, oldest] {
                    assert_eq!(i64::from(born.age_on(today)), age, "{born} on {today}");
                    let mut by_date = Facts::new();
                    by_date.set("birth_date", FactValue::Date(born));
                    assert_eq!(
                        statuses(&by_date),
                        from_band,
                        "born {born}, {age} on {today}: band `{}`",
                        choice.value
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 500, "{checked}");
}
