//! A question answered where a result waits on it (a card in 需要更多信息, the program page).

use leptos::prelude::*;

use crate::state::text;
use crate::state::{tr, use_app};
use leye_core::text::policy::PolicyText;
use leye_core::view::answer;

/// One question a result still waits on, answered right where the result is (a card in 需要更多信息, the
/// program page): taps for yes/no and choices, a field and 保存 for numbers, dates and several choices.
/// The answer is saved like any answer of the check, so every result follows at once.
#[component]
pub fn InlineAnswer(fact: leye_core::facts::FactDef) -> impl IntoView {
    use leye_core::facts::{Answer, FactType, FactValue};
    let app = use_app();
    let def = StoredValue::new(fact);
    let error = RwSignal::new(None::<String>);
    let save = move |v: FactValue| {
        let lang = app.lang.get_untracked();
        let checked = def.with_value(|d| d.check(&v, app.today).map(|_| d.id.clone()));
        match checked {
            Ok(id) => {
                error.set(None);
                app.save_answer(&id, Answer::Known(v));
            }
            Err(e) => error.set(Some(e.message(lang))),
        }
    };
    let question = def.with_value(|d| d.question.clone());
    let (id, kind) = def.with_value(|d| (d.id.clone(), d.fact_type));
    let input = match kind {
        FactType::Bool => view! {
            <div class="choice-buttons">
                <button type="button" class="button choice-button" on:click=move |_| save(FactValue::Bool(true))>
                    {tr(PolicyText::Yes)}
                </button>
                <button type="button" class="button choice-button" on:click=move |_| save(FactValue::Bool(false))>
                    {tr(PolicyText::No)}
                </button>
            </div>
        }
        .into_any(),
        FactType::Choice => {
            let buttons = def.with_value(|d| d.choices.clone()).into_iter().map(|c| {
                let value = c.value.clone();
                view! {
                    <button type="button" class="button choice-button"
                        on:click=move |_| save(FactValue::Choice(value.clone()))>
                        {text(c.label)}
                    </button>
                }
            }).collect_view();
            view! { <div class="choice-buttons">{buttons}</div> }.into_any()
        }
        FactType::Multi => {
            let ticked = RwSignal::new(Vec::<String>::new());
            let boxes = def.with_value(|d| d.choices.clone()).into_iter().map(|c| {
                let (v1, v2) = (c.value.clone(), c.value.clone());
                view! {
                    <label class="check-row">
                        <input type="checkbox" prop:checked=move || ticked.with(|t| t.contains(&v1))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let next = def.with_value(|d| ticked.with_untracked(|t| answer::toggle_multi(d, t, &v2, on)));
                                ticked.set(next);
                            }/>
                        <span>{text(c.label)}</span>
                    </label>
                }
            }).collect_view();
            view! {
                <div class="check-list">{boxes}</div>
                <button type="button" class="button" on:click=move |_| save(FactValue::Multi(ticked.get_untracked()))>
                    {tr(PolicyText::AnswerSave)}
                </button>
            }
            .into_any()
        }
        FactType::Int | FactType::Date => {
            let raw = RwSignal::new(String::new());
            let is_date = kind == FactType::Date;
            let submit = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                match def.with_value(|d| answer::parse_input(d, &raw.get_untracked())) {
                    Some(v) => save(v),
                    None => error.set(Some(
                        app.t(if is_date { PolicyText::AnswerPickDate } else { PolicyText::AnswerEnterNumber })
                            .to_string(),
                    )),
                }
            };
            let unit = def.with_value(|d| d.unit.clone());
            view! {
                <form class="inline-form" on:submit=submit novalidate>
                    <input type=if is_date { "date" } else { "number" } inputmode=if is_date { "" } else { "numeric" }
                        name=format!("answer-{id}") aria-label=text(question.clone())
                        prop:value=move || raw.get() on:input=move |ev| raw.set(event_target_value(&ev))/>
                    {unit.map(|u| view! { <span class="unit">{text(u)}</span> })}
                    <button type="submit" class="button">{tr(PolicyText::AnswerSave)}</button>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <div class="answer-here" data-fact=def.with_value(|d| d.id.clone())>
            <p class="answer-here-title">{tr(PolicyText::AnswerHere)}</p>
            <p class="answer-here-question">{text(question.clone())}</p>
            {input}
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </div>
    }
}
