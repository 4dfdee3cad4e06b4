//! Properties of the engine over the real catalog: evaluation and the questionnaire never panic on any
//! facts (including wrongly typed ones), and adding an answer never turns "eligible" into "needs more
//! information".

use leye::domain::catalog::Catalog;
use leye::domain::date::Date;
use leye::domain::facts::{FactDef, FactType, FactValue, Facts};
use leye::domain::outcome::{evaluate, Outcome};
use leye::domain::questionnaire::{next_question, progress};
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
