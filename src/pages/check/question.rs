//! One screen of the check: the progress line, the question, its control, 不清楚 and the way back.

use leptos::prelude::*;

use super::inputs::{checkbox_list, SingleInput};
use super::{record, scroll_to_top, Flow};
use crate::components::policy::text;
use crate::state::{tr, use_app};
use leye_core::facts::{Answer, FactDef, FactValue};
use leye_core::lang::Text;
use leye_core::questionnaire::Question;
use leye_core::text::policy::PolicyText;
use leye_core::view::check::ProgressLine;

#[component]
pub(super) fn QuestionScreen(
    facts: Vec<String>,
    checklist: bool,
    editing: bool,
    flow: Flow,
) -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog.get_untracked();
    let defs: Vec<FactDef> = facts
        .iter()
        .filter_map(|id| catalog.fact(id).cloned())
        .collect();
    let Some(first) = defs.first().cloned() else {
        return view! { <p class="note">{tr(PolicyText::ProgramMissing)}</p> }.into_any();
    };
    let line = app.facts.with_untracked(|f| {
        let seen_before = flow.history.with_untracked(Vec::len);
        ProgressLine::new(&catalog, f, app.today, &facts, editing, seen_before)
    });
    let error: RwSignal<Option<Text>> = RwSignal::new(None);
    let has_back = {
        let current = facts.clone();
        move || flow.history.with(|h| h.iter().any(|a| a.0 != current))
    };

    // After an answer the old buttons are gone: move focus to the new question for keyboard and
    // screen-reader users (not on the first screen, where it would only steal the page's focus).
    let title_ref = NodeRef::<leptos::html::H2>::new();
    let moved_on = line.answered > 0 || editing;
    Effect::new(move |_| {
        if let (Some(el), true) = (title_ref.get(), moved_on) {
            let _ = el.focus();
        }
    });

    let heading = if checklist {
        Question::checklist_title()
    } else {
        first.question.clone()
    };
    let help = (!checklist).then(|| first.help.clone()).flatten();

    let body = if checklist {
        view! { <ChecklistInput defs=defs.clone() facts=facts.clone() error flow/> }.into_any()
    } else {
        view! { <SingleInput def=first.clone() error flow/> }.into_any()
    };

    let skip = {
        let facts = facts.clone();
        move |_| {
            for id in &facts {
                record(app, id, Answer::Unknown);
            }
            flow.answered(&facts);
            scroll_to_top();
        }
    };
    let back = move |_| flow.back();
    let here = facts.clone();

    view! {
        <section class="question card" data-fact=facts.join(" ")>
            <div class="progress-line">
                <span>{move || line.number_text(app.lang.get())}</span>
                " · "
                <span>{move || line.left_text(app.lang.get())}</span>
            </div>
            <progress class="progress-bar" max="100" value=line.percent.to_string() aria-hidden="true"></progress>
            <h2 id="question-title" tabindex="-1" node_ref=title_ref>{text(heading)}</h2>
            {help.map(|h| view! { <p class="note question-help">{text(h)}</p> })}
            {body}
            <button type="button" class="button button-skip" on:click=skip>{tr(PolicyText::DontKnow)}</button>
            <div class="question-nav">
                <Show when=has_back.clone()>
                    <button type="button" class="link-button" on:click=back>
                        "‹ " {tr(PolicyText::Back)}
                    </button>
                </Show>
                {editing.then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| flow.resume()>
                        {tr(PolicyText::Cancel)}
                    </button>
                })}
                <button type="button" class="link-button" on:click=move |_| {
                    flow.see_results(&here);
                }>{tr(PolicyText::SeeResultsNow)}</button>
            </div>
            <p class="note">{tr(PolicyText::SavedHere)}</p>
        </section>
    }
    .into_any()
}

/// Why an answer was refused, right under the control and before 下一步, announced when it appears.
#[component]
pub(super) fn ErrorLine(error: RwSignal<Option<Text>>) -> impl IntoView {
    let app = use_app();
    view! {
        <p class="field-error" role="alert">
            {move || error.get().map(|e| e.get(app.lang.get()).to_string())}
        </p>
    }
}

/// Several yes/no facts on one screen: ticked = yes, unticked = no.
#[component]
fn ChecklistInput(
    defs: Vec<FactDef>,
    facts: Vec<String>,
    error: RwSignal<Option<Text>>,
    flow: Flow,
) -> impl IntoView {
    let app = use_app();
    let start: Vec<String> = app.facts.with_untracked(|f| {
        facts
            .iter()
            .filter(|id| f.value(id) == Some(&FactValue::Bool(true)))
            .cloned()
            .collect()
    });
    let ticked = RwSignal::new(start);
    let items = defs
        .iter()
        .map(|d| {
            let label = d.short.clone().unwrap_or_else(|| d.question.clone());
            (d.id.clone(), label)
        })
        .collect();
    let boxes = checkbox_list(
        items,
        ticked,
        std::rc::Rc::new(|t, id, on| {
            let mut t: Vec<String> = t.iter().filter(|x| *x != id).cloned().collect();
            if on {
                t.push(id.to_owned());
            }
            t
        }),
    );
    let next = move |_| {
        let on = ticked.get_untracked();
        error.set(None);
        for d in &defs {
            app.save_answer(&d.id, Answer::Known(FactValue::Bool(on.contains(&d.id))));
        }
        flow.answered(&facts);
        scroll_to_top();
    };
    view! {
        <fieldset class="choices">
            <legend class="visually-hidden">{text(Question::checklist_title())}</legend>
            {boxes}
        </fieldset>
        <ErrorLine error/>
                <button type="button" class="button button-primary" on:click=next>{tr(PolicyText::Next)}</button>
    }
}
