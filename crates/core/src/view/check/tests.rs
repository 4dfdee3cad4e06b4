//! The check's flow against the built-in catalog: what the address shows and where each tap leads.

use super::*;
use crate::facts::FactValue;
use crate::testing::today;

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn screen(ids: &[&str]) -> Screen {
    ids.iter().map(|s| s.to_string()).collect()
}

fn rider() -> Facts {
    let mut f = Facts::new();
    f.set("roles", FactValue::Multi(vec!["platform_worker".into()]))
        .set(
            "platform_work",
            FactValue::Multi(vec!["food_delivery".into()]),
        );
    f
}

#[test]
fn a_trail_reads_back_from_its_address() {
    let trail = vec![
        screen(&["roles"]),
        screen(&["a", "b"]),
        screen(&[RESULTS_MARK]),
    ];
    let url = trail_url(&trail);
    assert_eq!(url, "/check?s=roles~a.b~results");
    let raw = url.split_once("s=").map(|(_, s)| s.to_string());
    assert_eq!(parse_trail(raw), trail);
    assert!(parse_trail(None).is_empty());
    assert!(parse_trail(Some("~~".into())).is_empty());
    assert!(is_results(&trail[2]));
    assert!(!is_results(&trail[0]));
}

#[test]
fn an_empty_trail_starts_the_questionnaire() {
    let reading = read_trail(&[], catalog(), &Facts::new());
    assert_eq!(
        reading,
        TrailReading {
            history: Vec::new(),
            peek: false,
            editing: None
        }
    );
    match step(None, false, catalog(), &Facts::new(), today()) {
        Step::Ask {
            facts,
            editing: false,
            ..
        } => assert!(facts.iter().any(|f| f == "roles"), "{facts:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn back_to_an_answered_screen_shows_it_again_with_its_answer() {
    let facts = rider();
    let trail = vec![screen(&["roles"]), screen(&["platform_work"])];
    let reading = read_trail(&trail, catalog(), &facts);
    assert_eq!(reading.history, vec![(screen(&["roles"]), false)]);
    assert!(!reading.peek);
    assert_eq!(reading.editing, Some((screen(&["platform_work"]), false)));
    assert_eq!(
        step(reading.editing, reading.peek, catalog(), &facts, today()),
        Step::Ask {
            facts: screen(&["platform_work"]),
            checklist: false,
            editing: true
        }
    );
}

#[test]
fn the_results_mark_shows_the_results_and_unknown_facts_are_passed_over() {
    let facts = rider();
    let trail = vec![
        screen(&["roles"]),
        screen(&["no_such_fact"]),
        screen(&[RESULTS_MARK]),
    ];
    let reading = read_trail(&trail, catalog(), &facts);
    assert!(reading.peek);
    assert_eq!(reading.editing, None);
    assert_eq!(reading.history, vec![(screen(&["roles"]), false)]);
    assert_eq!(step(None, true, catalog(), &facts, today()), Step::Results);
}

#[test]
fn a_checklist_screen_is_remembered_as_one() {
    let mut facts = Facts::new();
    facts
        .set("a_fact", FactValue::Bool(true))
        .set("roles", FactValue::Multi(vec!["graduate".into()]));
    let trail = vec![screen(&["roles"]), screen(&["roles", "roles"])];
    let reading = read_trail(&trail, catalog(), &facts);
    assert_eq!(reading.editing, Some((screen(&["roles", "roles"]), true)));
}

#[test]
fn an_answer_adds_its_screen_and_the_next_one() {
    let facts = rider();
    let trail = vec![screen(&["roles"])];
    let after = after_answer(
        &trail,
        &screen(&["platform_work"]),
        catalog(),
        &facts,
        today(),
    );
    assert_eq!(after[..2], [screen(&["roles"]), screen(&["platform_work"])]);
    assert_eq!(after[2], next_screen(catalog(), &facts, today()));
    assert_eq!(after.len(), 3);
    // Answering the last screen of the trail again does not repeat it.
    let again = after_answer(
        &after[..2],
        &screen(&["platform_work"]),
        catalog(),
        &facts,
        today(),
    );
    assert_eq!(again, after);
}

#[test]
fn screens_forgotten_by_start_over_leave_the_trail() {
    let mut facts = Facts::new();
    facts.set("roles", FactValue::Multi(vec!["graduate".into()]));
    let trail = vec![
        screen(&["platform_work"]),
        screen(&[RESULTS_MARK]),
        screen(&["roles"]),
    ];
    let after = after_answer(&trail, &screen(&["roles"]), catalog(), &facts, today());
    assert_eq!(after[0], screen(&["roles"]));
    assert_eq!(after.len(), 2);
}

#[test]
fn when_nothing_is_left_to_ask_the_next_screen_is_the_results() {
    // Everything answered 不清楚: the questionnaire still stops.
    let mut facts = Facts::new();
    for def in catalog().facts() {
        facts.mark_unknown(def.id.clone());
    }
    assert_eq!(
        next_screen(catalog(), &facts, today()),
        screen(&[RESULTS_MARK])
    );
    assert_eq!(step(None, false, catalog(), &facts, today()), Step::Results);
    let resumed = after_resume(&[screen(&["roles"])], catalog(), &facts, today());
    assert_eq!(resumed, vec![screen(&["roles"]), screen(&[RESULTS_MARK])]);
}

#[test]
fn see_results_and_change_are_screens_of_their_own() {
    assert_eq!(
        after_see_results(&[], &screen(&["roles"])),
        vec![screen(&["roles"]), screen(&[RESULTS_MARK])]
    );
    let trail = vec![screen(&["roles"]), screen(&["platform_work"])];
    assert_eq!(
        after_see_results(&trail, &screen(&["platform_work"])),
        vec![
            screen(&["roles"]),
            screen(&["platform_work"]),
            screen(&[RESULTS_MARK])
        ]
    );
    assert_eq!(
        after_change(&trail, "ui_months"),
        vec![
            screen(&["roles"]),
            screen(&["platform_work"]),
            screen(&["ui_months"])
        ]
    );
}

#[test]
fn the_first_screen_says_the_count_depends_on_the_choice() {
    let line = ProgressLine::new(
        catalog(),
        &Facts::new(),
        today(),
        &screen(&["roles"]),
        false,
        0,
    );
    assert_eq!(line.number, 1);
    assert!(line.roles_first);
    assert_eq!(line.number_text(Lang::Zh), "第1题");
    assert_eq!(line.left_text(Lang::Zh), "还有几题,看你怎么选");
    assert_eq!(
        line.left_text(Lang::En),
        "how many more depends on your choice"
    );
}

#[test]
fn later_screens_count_what_is_left_and_a_screen_seen_again_keeps_its_place() {
    let facts = rider();
    let next = next_screen(catalog(), &facts, today());
    let line = ProgressLine::new(catalog(), &facts, today(), &next, false, 0);
    assert!(!line.roles_first);
    let progress = questionnaire::progress(catalog(), &facts, today());
    assert_eq!(line.number, progress.answered + 1);
    assert_eq!(line.left, progress.remaining.saturating_sub(1));
    assert_eq!(line.percent, progress.percent());
    if line.left > 0 {
        assert_eq!(
            line.left_text(Lang::Zh),
            format!("还有约{}个问题", line.left)
        );
    }
    let again = ProgressLine::new(
        catalog(),
        &facts,
        today(),
        &screen(&["platform_work"]),
        true,
        1,
    );
    assert_eq!(again.number, 2);
    let last = ProgressLine { left: 0, ..again };
    assert_eq!(last.left_text(Lang::Zh), "快完成了");
    assert_eq!(last.left_text(Lang::En), "almost done");
}
