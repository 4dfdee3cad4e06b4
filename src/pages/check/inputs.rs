//! The control for one fact on a screen of the check.

use leptos::prelude::*;
use std::rc::Rc;

use super::question::ErrorLine;
use super::{record, submit, Flow};
use crate::components::policy::text;
use crate::state::{tr, use_app, AppState};
use leye_core::facts::{Answer, Choice, FactDef, FactType, FactValue};
use leye_core::lang::Text;
use leye_core::questionnaire::{self, PLATFORMS};
use leye_core::text::both;
use leye_core::text::policy::PolicyText;
use leye_core::view::answer;

/// The control for one fact: big buttons for yes/no and choices, checkboxes for several, a stepper
/// for numbers, a date picker for dates.
#[component]
pub(super) fn SingleInput(
    def: FactDef,
    error: RwSignal<Option<Text>>,
    flow: Flow,
) -> impl IntoView {
    let app = use_app();
    let current = app.facts.with_untracked(|f| f.value(&def.id).cloned());
    match def.fact_type {
        FactType::Bool | FactType::Choice => {
            // Yes/no is a choice of two: one list of big buttons for both.
            let options: Vec<(FactValue, Text)> = if def.fact_type == FactType::Bool {
                vec![
                    (FactValue::Bool(true), both(PolicyText::Yes)),
                    (FactValue::Bool(false), both(PolicyText::No)),
                ]
            } else {
                def.choices
                    .iter()
                    .map(|c| (FactValue::Choice(c.value.clone()), c.label.clone()))
                    .collect()
            };
            let options = options
                .into_iter()
                .map(|(value, label)| {
                    let def = def.clone();
                    let pressed = current.as_ref() == Some(&value);
                    view! {
                        <button type="button" class="choice choice-button" aria-pressed=pressed.to_string()
                            on:click=move |_| submit(app, &def, value.clone(), error, flow)>
                            {text(label)}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="choice-buttons" role="group" aria-labelledby="question-title">{options}</div>
                <ErrorLine error/>
            }
            .into_any()
        }
        FactType::Multi => several(def, current, error, flow),
        FactType::Int => {
            let start = match current {
                Some(FactValue::Int(n)) => n,
                _ => def.min.unwrap_or(0).max(0),
            };
            let raw = RwSignal::new(start.to_string());
            let unit = def.unit.clone();
            let (d1, d2, d3) = (def.clone(), def.clone(), def.clone());
            let bump = move |delta: i64| {
                let now = raw.get_untracked().trim().parse::<i64>().unwrap_or(start);
                raw.set(answer::step_int(&d1, now, delta).to_string());
            };
            let bump2 = bump.clone();
            let next = typed_next(app, d2, raw, PolicyText::EnterNumber, error, flow);
            view! {
                <div class="stepper">
                    <button type="button" class="stepper-button" on:click=move |_| bump(-1)
                        aria-label=tr(PolicyText::Less)>"−"</button>
                    <input type="number" inputmode="numeric" class="stepper-value"
                        aria-labelledby="question-title"
                        min=d3.min.map(|m| m.to_string()) max=d3.max.map(|m| m.to_string())
                        prop:value=move || raw.get()
                        on:input=move |ev| raw.set(event_target_value(&ev))/>
                    <button type="button" class="stepper-button" on:click=move |_| bump2(1)
                        aria-label=tr(PolicyText::More)>"+"</button>
                    {unit.map(|u| view! { <span class="stepper-unit">{text(u)}</span> })}
                </div>
                <ErrorLine error/>
                <button type="button" class="button button-primary" on:click=next>{tr(PolicyText::Next)}</button>
            }
            .into_any()
        }
        FactType::Date => {
            let start = match current {
                Some(FactValue::Date(d)) => d.to_string(),
                _ => String::new(),
            };
            let raw = RwSignal::new(start);
            let max = def.not_future.then(|| app.today.to_string());
            let min = def
                .max_years_ago
                .map(|y| app.today.add_years(-y).to_string());
            let next = typed_next(app, def.clone(), raw, PolicyText::PickDate, error, flow);
            view! {
                <label class="date-field">
                    <span class="visually-hidden">{tr(PolicyText::DateLabel)}</span>
                    <input type="date" class="date-input" min=min max=max
                        prop:value=move || raw.get()
                        on:input=move |ev| raw.set(event_target_value(&ev))
                        on:change=move |ev| raw.set(event_target_value(&ev))/>
                </label>
                <ErrorLine error/>
                <button type="button" class="button button-primary" on:click=next>{tr(PolicyText::Next)}</button>
            }
            .into_any()
        }
    }
}

/// 下一步 under a typed answer (a number, a date): the answer read from `raw`, or `unreadable` at the question.
fn typed_next(
    app: AppState,
    def: FactDef,
    raw: RwSignal<String>,
    unreadable: PolicyText,
    error: RwSignal<Option<Text>>,
    flow: Flow,
) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |_| match answer::parse_input(&def, &raw.get_untracked()) {
        Some(v) => submit(app, &def, v, error, flow),
        None => error.set(Some(both(unreadable))),
    }
}

/// Several choices, ticked and then 下一步. On the first screen a platform role picked opens the list of
/// platforms right under it.
fn several(
    def: FactDef,
    current: Option<FactValue>,
    error: RwSignal<Option<Text>>,
    flow: Flow,
) -> AnyView {
    let app = use_app();
    let start = match current {
        Some(FactValue::Multi(v)) => v,
        _ => Vec::new(),
    };
    let picked = RwSignal::new(start);
    let shown: Vec<_> = app.facts.with_untracked(|f| {
        questionnaire::choices_shown(&def, f)
            .into_iter()
            .cloned()
            .collect()
    });
    // On the first screen the platforms open right under the platform roles, before the others.
    let (platform_roles, other_roles): (Vec<_>, Vec<_>) = shown.iter().partition(|c| {
        def.id == questionnaire::ROLE_FACT && questionnaire::is_platform_role(&c.value)
    });
    let boxes = checkboxes(&def, &platform_roles, picked);
    let more_boxes = checkboxes(&def, &other_roles, picked);
    // The first screen: a platform role picked shows the platforms to tick right there, so that a
    // rider names his platform without a screen of its own (an untouched list is asked later).
    let sub = (def.id == questionnaire::ROLE_FACT)
        .then(|| app.catalog.get_untracked().fact(PLATFORMS).cloned())
        .flatten();
    let sub_picked = RwSignal::new(
        match app.facts.with_untracked(|f| f.value(PLATFORMS).cloned()) {
            Some(FactValue::Multi(v)) => v,
            _ => Vec::new(),
        },
    );
    let platform_role =
        move || picked.with(|p| p.iter().any(|v| questionnaire::is_platform_role(v)));
    let sub_view = sub.clone().map(|sub| {
        let choices: Vec<&Choice> = sub.choices.iter().collect();
        let boxes = checkboxes(&sub, &choices, sub_picked);
        let legend = sub.question.clone();
        view! {
            <fieldset class="choices choices-sub" data-fact=PLATFORMS prop:hidden=move || !platform_role()>
                <legend>{text(legend)}</legend>
                {boxes}
            </fieldset>
        }
    });
    let next = move |_| {
        let chosen = picked.get_untracked();
        if chosen.is_empty() {
            error.set(Some(both(PolicyText::PickOne)));
            return;
        }
        let platforms = sub_picked.get_untracked();
        if let (Some(sub), false) = (&sub, platforms.is_empty()) {
            if chosen.iter().any(|v| questionnaire::is_platform_role(v)) {
                let v = FactValue::Multi(platforms);
                if sub.check(&v, app.today).is_ok() {
                    record(app, PLATFORMS, Answer::Known(v));
                }
            }
        }
        submit(app, &def, FactValue::Multi(chosen), error, flow);
    };
    view! {
        <fieldset class="choices">
            <legend class="visually-hidden">{tr(PolicyText::PickOne)}</legend>
            {boxes}
            {sub_view}
            {more_boxes}
        </fieldset>
        <ErrorLine error/>
        <button type="button" class="button button-primary" on:click=next>{tr(PolicyText::Next)}</button>
    }
    .into_any()
}

/// A checkbox per choice of a fact with several answers, kept in `picked` (what `toggle_multi` allows).
fn checkboxes(def: &FactDef, choices: &[&Choice], picked: RwSignal<Vec<String>>) -> AnyView {
    let def = def.clone();
    let items = choices
        .iter()
        .map(|c| (c.value.clone(), c.label.clone()))
        .collect();
    checkbox_list(
        items,
        picked,
        Rc::new(move |p, v, on| answer::toggle_multi(&def, p, v, on)),
    )
}

/// A checkbox per `(value, label)`, the ticked values kept in `picked`; `toggle` gives the list after one
/// value is ticked (`true`) or unticked. The check's several choices and its checklist of yes/no facts.
pub(super) fn checkbox_list(
    items: Vec<(String, Text)>,
    picked: RwSignal<Vec<String>>,
    // Not generic: one copy of the list's code for both kinds of toggle (it is on the rider's answer path).
    toggle: Rc<dyn Fn(&[String], &str, bool) -> Vec<String>>,
) -> AnyView {
    items
        .into_iter()
        .map(|(value, label)| {
            let v2 = value.clone();
            let toggle = toggle.clone();
            view! {
                <label class="choice">
                    <input type="checkbox"
                        prop:checked=move || picked.with(|p| p.contains(&value))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            picked.update(|p| *p = toggle(p, &v2, on));
                        }/>
                    <span>{text(label)}</span>
                </label>
            }
        })
        .collect_view()
        .into_any()
}
