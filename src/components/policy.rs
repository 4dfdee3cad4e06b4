//! Small views shared by the results, program and 政策 screens: outcome badge, benefit line,
//! criterion rows, the tickable documents checklist, the ways to apply and the data date.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::app::{tr, use_app};
use leye_core::catalog::Channel;
use leye_core::lang::Text;
use leye_core::outcome::{Group, Outcome};
use leye_core::policy_view::{tel_link, PolicyText};
use leye_core::rules::{CriterionResult, Status};

/// A coloured label for a result; the colour only repeats what the words say.
#[component]
pub fn OutcomeBadge(outcome: Outcome, group: Group) -> impl IntoView {
    let app = use_app();
    let (class, label) = match (group, outcome) {
        (Group::CanApply, Outcome::LikelyEligible) => ("badge badge-likely", outcome.label()),
        (Group::CanApply, _) => ("badge badge-yes", group.label()),
        (Group::AlmostThere, _) => ("badge badge-almost", group.label()),
        (Group::NeedsInfo, _) => ("badge badge-info", group.label()),
        (Group::NotEligible, _) => ("badge badge-no", group.label()),
        (Group::ForEmployers, _) => ("badge badge-employer", group.label()),
    };
    view! { <span class=class>{move || label.get(app.lang.get()).to_string()}</span> }
}

/// Bilingual catalog text, following the language switch.
pub fn text(t: Text) -> impl Fn() -> String + Send + Sync + 'static {
    let app = use_app();
    move || t.get(app.lang.get()).to_string()
}

/// The amount line: "费用的50%,最多100元(每人每年)" or "金额以当地最新通知为准,可咨询…".
#[component]
pub fn BenefitLine(benefit: Text) -> impl IntoView {
    view! { <p class="benefit-line">{text(benefit)}</p> }
}

/// One condition checked against the person's answers, as a sentence with a mark.
#[component]
pub fn CriterionRow(result: CriterionResult) -> impl IntoView {
    let (class, mark, label) = match result.status {
        Status::Met => ("criterion criterion-met", "✓", PolicyText::CriterionMet),
        Status::Failed => (
            "criterion criterion-failed",
            "✗",
            PolicyText::CriterionFailed,
        ),
        Status::Unknown => (
            "criterion criterion-unknown",
            "?",
            PolicyText::CriterionUnknown,
        ),
    };
    view! {
        <li class=class data-status=format!("{:?}", result.status).to_lowercase()>
            <span class="criterion-mark" aria-hidden="true">{mark}</span>
            <span class="visually-hidden">{tr(label)}{tr(PolicyText::Colon)}</span>
            <span>{text(result.text)}</span>
        </li>
    }
}

/// The documents to bring, each a checkbox whose tick is saved on the phone (saving the program).
#[component]
pub fn DocumentChecklist(
    program: String,
    documents: Vec<Text>,
    saved: SavedPrograms,
) -> impl IntoView {
    if documents.is_empty() {
        return view! { <p class="note">{tr(PolicyText::DocumentsNone)}</p> }.into_any();
    }
    let rows = documents
        .into_iter()
        .enumerate()
        .map(|(i, doc)| {
            let index = i as u32;
            let (p1, p2) = (program.clone(), program.clone());
            view! {
                <li>
                    <label class="choice doc-item">
                        <input
                            type="checkbox"
                            prop:checked=move || saved.is_ticked(&p1, index)
                            on:change=move |ev| saved.tick(&p2, index, event_target_checked(&ev))
                        />
                        <span>{text(doc)}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="note">{tr(PolicyText::DocumentsHint)}</p>
        <ul class="doc-list">{rows}</ul>
    }
    .into_any()
}

/// The ways to apply, with a tappable phone link for the 12333 hotline.
#[component]
pub fn ApplyChannels(channels: Vec<Channel>) -> impl IntoView {
    let rows = channels
        .into_iter()
        .map(|c| {
            let label = c.label();
            let note = c.note.clone();
            let name = match tel_link(&c) {
                Some(href) => view! {
                    <a class="button tel-link" href=href>{text(label)}</a>
                }
                .into_any(),
                None => view! { <strong>{text(label)}</strong> }.into_any(),
            };
            view! {
                <li class="channel">
                    {name}
                    {note.map(|n| view! { <span class="channel-note">{text(n)}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="channel-list">{rows}</ul> }
}

/// 政策数据更新于 <date>: every result and browse screen says how fresh its data is.
#[component]
pub fn DataAsOf() -> impl IntoView {
    let app = use_app();
    view! {
        <p class="data-as-of">
            {tr(PolicyText::DataAsOf)} " " {move || app.catalog.get().published().to_string()}
        </p>
    }
}

/// Saved programs and their ticked documents, loaded once from storage for a screen and kept in step
/// with every tap. A failed write is reported and the tick undone, so the screen never shows a tick
/// that was not saved.
#[derive(Clone, Copy)]
pub struct SavedPrograms {
    app: crate::app::AppState,
    ticks: RwSignal<BTreeMap<String, Vec<u32>>>,
}

impl SavedPrograms {
    /// Loads once storage is open (it opens asynchronously at start-up).
    pub fn load() -> SavedPrograms {
        let app = use_app();
        let ticks = RwSignal::new(BTreeMap::new());
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            let Some(storage) = app.storage.get() else {
                return false;
            };
            wasm_bindgen_futures::spawn_local(async move {
                match storage.saved_programs().await {
                    Ok(records) => ticks.set(
                        records
                            .into_iter()
                            .map(|r| (r.program_id, r.ticked_documents))
                            .collect(),
                    ),
                    Err(e) => app.report(e),
                }
            });
            true
        });
        SavedPrograms { app, ticks }
    }

    pub fn is_saved(&self, program: &str) -> bool {
        self.ticks.with(|t| t.contains_key(program))
    }

    pub fn is_ticked(&self, program: &str, index: u32) -> bool {
        self.ticks
            .with(|t| t.get(program).is_some_and(|d| d.contains(&index)))
    }

    pub fn tick(self, program: &str, index: u32, ticked: bool) {
        let app = self.app;
        let before = self.ticks.get_untracked();
        self.ticks.update(|t| {
            let docs = t.entry(program.to_string()).or_default();
            docs.retain(|&d| d != index);
            if ticked {
                docs.push(index);
                docs.sort_unstable();
            }
        });
        let Some(storage) = app.storage() else {
            return;
        };
        let program = program.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = storage.set_document_ticked(&program, index, ticked).await {
                self.ticks.set(before);
                app.report(e);
            }
        });
    }

    pub fn toggle_saved(self, program: &str) {
        let app = self.app;
        let before = self.ticks.get_untracked();
        let save = !before.contains_key(program);
        self.ticks.update(|t| {
            if save {
                t.insert(program.to_string(), Vec::new());
            } else {
                t.remove(program);
            }
        });
        let Some(storage) = app.storage() else {
            return;
        };
        let program = program.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            let done = if save {
                storage.save_program(&program).await.map(|_| ())
            } else {
                storage.unsave_program(&program).await
            };
            if let Err(e) = done {
                self.ticks.set(before);
                app.report(e);
            }
        });
    }
}

/// One question a result still waits on, answered right where the result is (a card in 需要更多信息, the
/// program page): taps for yes/no and choices, a field and 保存 for numbers, dates and several choices.
/// The answer is saved like any answer of the check, so every result follows at once.
#[component]
pub fn InlineAnswer(fact: leye_core::facts::FactDef) -> impl IntoView {
    use leye_core::facts::{Answer, FactType, FactValue};
    use leye_core::policy_view as pv;
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
                                let next = def.with_value(|d| ticked.with_untracked(|t| pv::toggle_multi(d, t, &v2, on)));
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
                match def.with_value(|d| pv::parse_input(d, &raw.get_untracked())) {
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
