//! 自测: one question per screen, answered by tapping, saved at once; then the results grouped
//! 可以申请 / 还差一点 / 需要更多信息 / 不符合, and the list of answers to review and change.
//!
//! The questionnaire (which question next, when to stop), the checks on each answer and every verdict
//! come from the domain; this screen only shows them and records taps.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::app::{tr, use_app, AppState};
use crate::components::policy::{
    text, ApplyChannels, BenefitLine, DataAsOf, DocumentChecklist, OutcomeBadge, SavedPrograms,
};
use leye_core::facts::{Answer, FactDef, FactType, FactValue};
use leye_core::i18n::Key;
use leye_core::lang::{Lang, Text};
use leye_core::outcome::{evaluate, Group, ProgramResult};
use leye_core::policy_view::{self as pv, PolicyText};
use leye_core::questionnaire::{self, Question, PLATFORMS};

/// What the screen shows.
#[derive(Clone, Debug, PartialEq)]
enum Screen {
    Loading,
    /// The facts asked on this screen; several make a checklist.
    Ask {
        facts: Vec<String>,
        checklist: bool,
        editing: bool,
    },
    Results,
}

/// One screen of questions the person saw, for 上一题.
type Asked = (Vec<String>, bool);

/// The screens of this check, oldest first, kept in the address (`/check?s=roles~platform_work~...`) so
/// that the browser's and the phone's back button go to the previous question and a reload keeps them.
/// A screen is its fact ids joined by `.`; `results` is the results.
const TRAIL_PARAM: &str = "s";
const RESULTS_MARK: &str = "results";

fn parse_trail(raw: Option<String>) -> Vec<Vec<String>> {
    raw.unwrap_or_default()
        .split('~')
        .filter(|s| !s.is_empty())
        .map(|s| s.split('.').map(str::to_string).collect())
        .collect()
}

fn trail_url(trail: &[Vec<String>]) -> String {
    let s: Vec<String> = trail.iter().map(|screen| screen.join(".")).collect();
    format!("/check?{TRAIL_PARAM}={}", s.join("~"))
}

fn is_results(screen: &[String]) -> bool {
    screen.len() == 1 && screen[0] == RESULTS_MARK
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let app = use_app();
    // Set when the person goes back or taps 修改: that screen is shown again with its answer.
    let editing: RwSignal<Option<Asked>> = RwSignal::new(None);
    // Screens answered before the one shown, newest last.
    let history: RwSignal<Vec<Asked>> = RwSignal::new(Vec::new());
    // "先看看目前的结果" before the questionnaire is complete.
    let peek = RwSignal::new(false);
    let query = use_query_map();
    let trail = Memo::new(move |_| parse_trail(query.with(|q| q.get(TRAIL_PARAM))));
    let navigate = use_navigate();
    let go = Callback::new(move |(url, replace): (String, bool)| {
        navigate(
            &url,
            NavigateOptions {
                replace,
                ..NavigateOptions::default()
            },
        )
    });

    // The address says which screen is shown: its last screen, again with its answer if it was answered
    // (after back), the results, or (not answered yet) the questionnaire's next question.
    Effect::new(move |_| {
        let trail = trail.get();
        if !app.facts_loaded.get() {
            return;
        }
        let catalog = app.catalog.get_untracked();
        let (known, answered) = app.facts.with_untracked(|f| {
            let known =
                |s: &Vec<String>| is_results(s) || s.iter().all(|id| catalog.fact(id).is_some());
            let answered = |s: &Vec<String>| s.iter().any(|id| f.is_answered(id));
            (
                trail.iter().map(known).collect::<Vec<_>>(),
                trail.iter().map(answered).collect::<Vec<_>>(),
            )
        });
        let screens: Vec<(usize, &Vec<String>)> = trail
            .iter()
            .enumerate()
            .filter(|(i, _)| known[*i])
            .collect();
        let Some(&(li, last)) = screens.last() else {
            editing.set(None);
            peek.set(false);
            history.set(Vec::new());
            return;
        };
        history.set(
            screens[..screens.len() - 1]
                .iter()
                .filter(|(i, s)| answered[*i] && !is_results(s))
                .map(|(_, s)| ((*s).clone(), s.len() > 1))
                .collect(),
        );
        if is_results(last) {
            editing.set(None);
            peek.set(true);
        } else if answered[li] {
            peek.set(false);
            editing.set(Some((last.clone(), last.len() > 1)));
        } else {
            peek.set(false);
            editing.set(None);
        }
    });

    let screen = Memo::new(move |_| {
        if !app.facts_loaded.get() {
            return Screen::Loading;
        }
        if let Some((facts, checklist)) = editing.get() {
            return Screen::Ask {
                facts,
                checklist,
                editing: true,
            };
        }
        if peek.get() {
            return Screen::Results;
        }
        let catalog = app.catalog.get();
        let facts = app.facts.get();
        match questionnaire::next_question(&catalog, &facts, app.today) {
            Some(q) => Screen::Ask {
                facts: q.fact_ids().into_iter().map(str::to_string).collect(),
                checklist: !q.checklist.is_empty(),
                editing: false,
            },
            None => Screen::Results,
        }
    });

    let flow = Flow {
        editing,
        history,
        peek,
        trail,
        go,
        app,
    };
    // On a question the question is the heading that matters: 自测 is kept for screen readers only, so that
    // at 200% text the question and its first answer fit on the screen.
    let asking = move || matches!(screen.get(), Screen::Ask { .. });
    view! {
        <h1 class=move || asking().then_some("visually-hidden")>{tr(Key::CheckTitle)}</h1>
        {move || match screen.get() {
            Screen::Loading => view! { <p class="note">{tr(Key::Loading)}</p> }.into_any(),
            Screen::Ask { facts, checklist, editing } => {
                view! { <QuestionScreen facts checklist editing flow/> }.into_any()
            }
            Screen::Results => view! { <Results flow/> }.into_any(),
        }}
    }
}

/// The navigation state of the questionnaire, shared by its screens.
#[derive(Clone, Copy)]
struct Flow {
    editing: RwSignal<Option<Asked>>,
    history: RwSignal<Vec<Asked>>,
    peek: RwSignal<bool>,
    /// The screens in the address, oldest first.
    trail: Memo<Vec<Vec<String>>>,
    /// Goes to an address (`true`: replacing the current entry of the browser history).
    go: Callback<(String, bool)>,
    app: AppState,
}

impl Flow {
    /// After a screen is answered: remember it for 上一题 and go on with the questionnaire, as a new
    /// entry of the browser history.
    fn answered(self, facts: &[String], _checklist: bool) {
        let app = self.app;
        let catalog = app.catalog.get_untracked();
        let (mut trail, next) = app.facts.with_untracked(|f| {
            // Screens whose answers were all forgotten (start over) are no longer part of this check.
            let mut trail: Vec<Vec<String>> = self
                .trail
                .get_untracked()
                .into_iter()
                .filter(|s| !is_results(s) && s.iter().any(|id| f.is_answered(id)))
                .collect();
            if trail.last().map(Vec::as_slice) != Some(facts) {
                trail.push(facts.to_vec());
            }
            let next = questionnaire::next_question(&catalog, f, app.today)
                .map(|q| q.fact_ids().into_iter().map(str::to_string).collect())
                .unwrap_or_else(|| vec![RESULTS_MARK.to_string()]);
            (trail, next)
        });
        trail.push(next);
        self.editing.set(None);
        self.anchor(facts);
        self.go.run((trail_url(&trail), false));
    }

    /// The first screen of a visit goes into the address in place of the bare /check, so that back from
    /// the second screen shows it again (and back from it leaves the check). Done when the first answer is
    /// given, not when the screen opens: the router may not have written /check into the history yet then.
    fn anchor(self, first: &[String]) {
        if self.trail.with_untracked(Vec::is_empty) {
            if let Ok(h) = window().history() {
                let _ = h.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&trail_url(&[first.to_vec()])),
                );
            }
        }
    }

    /// 上一题: the previous screen again, with its answer, as the browser's back button does.
    fn back(self) {
        let _ = window().history().and_then(|h| h.back());
    }

    /// 取消 while changing an answer: on with the questionnaire.
    fn resume(self) {
        let mut trail = self.trail.get_untracked();
        trail.push(vec![RESULTS_MARK.to_string()]);
        let app = self.app;
        let catalog = app.catalog.get_untracked();
        if let Some(q) = app
            .facts
            .with_untracked(|f| questionnaire::next_question(&catalog, f, app.today))
        {
            *trail.last_mut().unwrap() = q.fact_ids().into_iter().map(str::to_string).collect();
        }
        self.editing.set(None);
        self.go.run((trail_url(&trail), false));
    }

    /// 先看看目前的结果: the results as they stand, a screen of their own (back returns to the question).
    fn see_results(self, current: &[String]) {
        self.anchor(current);
        let mut trail = self.trail.get_untracked();
        if trail.is_empty() {
            trail.push(current.to_vec());
        }
        trail.push(vec![RESULTS_MARK.to_string()]);
        self.editing.set(None);
        self.peek.set(true);
        self.go.run((trail_url(&trail), false));
    }

    fn change(self, fact: String) {
        self.peek.set(false);
        let mut trail = self.trail.get_untracked();
        trail.push(vec![fact.clone()]);
        self.editing.set(Some((vec![fact], false)));
        self.go.run((trail_url(&trail), false));
        scroll_to_top();
    }
}

fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

#[component]
fn QuestionScreen(facts: Vec<String>, checklist: bool, editing: bool, flow: Flow) -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog.get_untracked();
    let defs: Vec<FactDef> = facts
        .iter()
        .filter_map(|id| catalog.fact(id).cloned())
        .collect();
    let Some(first) = defs.first().cloned() else {
        return view! { <p class="note">{tr(PolicyText::ProgramMissing)}</p> }.into_any();
    };
    let progress = questionnaire::progress(&catalog, &app.facts.get_untracked(), app.today);
    // Its number: a screen seen again (back) keeps its place among the screens before it; a new one comes
    // after every question answered.
    let number = if editing {
        flow.history.with_untracked(|h| h.len()) + 1
    } else {
        progress.answered + 1
    };
    let left = progress.remaining.saturating_sub(1);
    // Before the first screen is answered the count is every question of every program (27 or so): not what
    // anyone will be asked, so that screen says the count depends on the choice.
    let roles_first = facts.iter().any(|f| f == questionnaire::ROLE_FACT)
        && !app
            .facts
            .with_untracked(|f| f.is_answered(questionnaire::ROLE_FACT));
    let pct = progress.percent();
    let error: RwSignal<Option<Text>> = RwSignal::new(None);
    let has_back = {
        let current = facts.clone();
        move || flow.history.with(|h| h.iter().any(|a| a.0 != current))
    };

    // After an answer the old buttons are gone: move focus to the new question for keyboard and
    // screen-reader users (not on the first screen, where it would only steal the page's focus).
    let title_ref = NodeRef::<leptos::html::H2>::new();
    let moved_on = progress.answered > 0 || editing;
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
            flow.answered(&facts, checklist);
            scroll_to_top();
        }
    };
    let back = move |_| flow.back();
    let here = facts.clone();

    view! {
        <section class="question card" data-fact=facts.join(" ")>
            <div class="progress-line">
                <span>{move || pv::tf(PolicyText::QuestionOf, app.lang.get(), "n", &number.to_string())}</span>
                " · "
                <span>{move || {
                    let lang = app.lang.get();
                    if roles_first {
                        app.t(PolicyText::RolesNarrow).to_string()
                    } else if left == 0 {
                        app.t(PolicyText::LastQuestion).to_string()
                    } else {
                        pv::tf(PolicyText::AboutLeft, lang, "n", &left.to_string())
                    }
                }}</span>
            </div>
            <progress class="progress-bar" max="100" value=pct.to_string() aria-hidden="true"></progress>
            <h2 id="question-title" tabindex="-1" node_ref=title_ref>{text(heading)}</h2>
            {help.map(|h| view! { <p class="note question-help">{text(h)}</p> })}
            {body}
            <button type="button" class="button button-skip" on:click=skip>{tr(PolicyText::DontKnow)}</button>
            <div class="question-nav">
                <Show when=has_back.clone()>
                    <button type="button" class="link-button" on:click=back.clone()>
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

/// Checks an answer with the domain and records it, or shows why it was refused at the question.
fn submit(
    app: AppState,
    def: &FactDef,
    value: FactValue,
    error: RwSignal<Option<Text>>,
    flow: Flow,
) {
    if let Err(e) = def.check(&value, app.today) {
        error.set(Some(Text::new(e.message(Lang::Zh), e.message(Lang::En))));
        return;
    }
    error.set(None);
    record(app, &def.id, Answer::Known(value));
    flow.answered(std::slice::from_ref(&def.id), false);
    scroll_to_top();
}

/// Saves an answer with what it settles for certain (退役军人 on the first screen: veteran = yes).
fn record(app: AppState, id: &str, answer: Answer) {
    let catalog = app.catalog.get_untracked();
    let value = match &answer {
        Answer::Known(v) => Some(v),
        Answer::Unknown => None,
    };
    let changes = app
        .facts
        .with_untracked(|f| questionnaire::implied(&catalog, f, id, value));
    for (fact, change) in changes {
        match change {
            Some(v) => app.save_answer(&fact, Answer::Known(v)),
            None => app.clear_answer(&fact),
        }
    }
    app.save_answer(id, answer);
}

/// The control for one fact: big buttons for yes/no and choices, checkboxes for several, a stepper
/// for numbers, a date picker for dates.
#[component]
fn SingleInput(def: FactDef, error: RwSignal<Option<Text>>, flow: Flow) -> impl IntoView {
    let app = use_app();
    let current = app.facts.with_untracked(|f| f.value(&def.id).cloned());
    match def.fact_type {
        FactType::Bool => {
            let options = [(true, PolicyText::Yes), (false, PolicyText::No)]
                .into_iter()
                .map(|(b, label)| {
                    let def = def.clone();
                    let pressed = current == Some(FactValue::Bool(b));
                    view! {
                        <button type="button" class="choice choice-button" aria-pressed=pressed.to_string()
                            on:click=move |_| submit(app, &def, FactValue::Bool(b), error, flow)>
                            {tr(label)}
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
        FactType::Choice => {
            let options = def
                .choices
                .iter()
                .map(|c| {
                    let def = def.clone();
                    let value = c.value.clone();
                    let pressed = current == Some(FactValue::Choice(value.clone()));
                    view! {
                        <button type="button" class="choice choice-button" aria-pressed=pressed.to_string()
                            on:click=move |_| submit(app, &def, FactValue::Choice(value.clone()), error, flow)>
                            {text(c.label.clone())}
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
        FactType::Multi => {
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
            let boxes_of = |choices: &[&leye_core::facts::Choice]| {
                choices
                    .iter()
                    .map(|c| {
                        let value = c.value.clone();
                        let v2 = value.clone();
                        let def = def.clone();
                        view! {
                            <label class="choice">
                                <input type="checkbox"
                                    prop:checked=move || picked.with(|p| p.contains(&value))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        picked.update(|p| *p = pv::toggle_multi(&def, p, &v2, on));
                                    }/>
                                <span>{text(c.label.clone())}</span>
                            </label>
                        }
                    })
                    .collect_view()
            };
            // On the first screen the platforms open right under the platform roles, before the others.
            let (platform_roles, other_roles): (Vec<_>, Vec<_>) = shown.iter().partition(|c| {
                def.id == questionnaire::ROLE_FACT && questionnaire::is_platform_role(&c.value)
            });
            let boxes = boxes_of(&platform_roles);
            let more_boxes = boxes_of(&other_roles);
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
                let boxes = sub
                    .choices
                    .iter()
                    .map(|c| {
                        let (v1, v2) = (c.value.clone(), c.value.clone());
                        let sub = sub.clone();
                        view! {
                            <label class="choice">
                                <input type="checkbox"
                                    prop:checked=move || sub_picked.with(|p| p.contains(&v1))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        sub_picked.update(|p| *p = pv::toggle_multi(&sub, p, &v2, on));
                                    }/>
                                <span>{text(c.label.clone())}</span>
                            </label>
                        }
                    })
                    .collect_view();
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
                    error.set(Some(table_text(PolicyText::PickOne)));
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
                raw.set(pv::step_int(&d1, now, delta).to_string());
            };
            let bump2 = bump.clone();
            let next = move |_| match pv::parse_input(&d2, &raw.get_untracked()) {
                Some(v) => submit(app, &d2, v, error, flow),
                None => error.set(Some(table_text(PolicyText::EnterNumber))),
            };
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
            let d2 = def.clone();
            let next = move |_| match pv::parse_input(&d2, &raw.get_untracked()) {
                Some(v) => submit(app, &d2, v, error, flow),
                None => error.set(Some(table_text(PolicyText::PickDate))),
            };
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

/// Why an answer was refused, right under the control and before 下一步, announced when it appears.
#[component]
fn ErrorLine(error: RwSignal<Option<Text>>) -> impl IntoView {
    let app = use_app();
    view! {
        <p class="field-error" role="alert">
            {move || error.get().map(|e| e.get(app.lang.get()).to_string())}
        </p>
    }
}

/// An interface string as bilingual text, for the error line that follows the language switch.
fn table_text(key: PolicyText) -> Text {
    use leye_core::i18n::Message;
    Text::new(key.text(Lang::Zh), key.text(Lang::En))
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
    let boxes = defs
        .iter()
        .map(|d| {
            let id = d.id.clone();
            let id2 = id.clone();
            let label = d.short.clone().unwrap_or_else(|| d.question.clone());
            view! {
                <label class="choice">
                    <input type="checkbox"
                        prop:checked=move || ticked.with(|t| t.contains(&id))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ticked.update(|t| {
                                t.retain(|x| x != &id2);
                                if on { t.push(id2.clone()); }
                            });
                        }/>
                    <span>{text(label)}</span>
                </label>
            }
        })
        .collect_view();
    let next = move |_| {
        let on = ticked.get_untracked();
        error.set(None);
        for d in &defs {
            app.save_answer(&d.id, Answer::Known(FactValue::Bool(on.contains(&d.id))));
        }
        flow.answered(&facts, true);
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

/// The results in sections ranked for this person (`pv::ranked`): money and cover to claim now, what is one
/// step away, courses, services to simply use, what is still open, then the rest; the answers below.
#[component]
fn Results(flow: Flow) -> impl IntoView {
    let app = use_app();
    let saved = SavedPrograms::load();
    let results = Memo::new(move |_| {
        let catalog = app.catalog.get();
        app.facts.with(|f| evaluate(&catalog, f, app.today))
    });
    let complete = Memo::new(move |_| {
        let catalog = app.catalog.get();
        app.facts
            .with(|f| questionnaire::is_complete(&catalog, f, app.today))
    });
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title">{tr(PolicyText::ResultsTitle)}</h2>
            <DataAsOf/>
            <p class="note">{tr(PolicyText::ResultsIntro)}</p>
            <Show when=move || !complete.get()>
                <div class="banner-inline">
                    <p>{tr(PolicyText::ResultsIncomplete)}</p>
                    <button type="button" class="button button-primary" on:click=move |_| flow.peek.set(false)>
                        {tr(PolicyText::ContinueQuestions)}
                    </button>
                </div>
            </Show>
            {move || {
                let all = results.get();
                let catalog = app.catalog.get();
                pv::ranked(&catalog, &all)
                    .into_iter()
                    // Courses and services appear only when there is something to join or use.
                    .filter(|(section, items)| {
                        !items.is_empty() || !matches!(section, pv::Section::Courses | pv::Section::Services)
                    })
                    .map(|(section, items)| {
                        let items: Vec<ProgramResult> = items.into_iter().cloned().collect();
                        view! { <ResultGroup section items saved/> }
                    })
                    .collect_view()
            }}
        </section>
        <Answers flow/>
    }
}

#[component]
fn ResultGroup(
    section: pv::Section,
    items: Vec<ProgramResult>,
    saved: SavedPrograms,
) -> impl IntoView {
    let open = section.open() && !items.is_empty();
    let count = items.len();
    let class = format!("result-group result-group-{}", section.code());
    let note = (section == pv::Section::ForEmployers)
        .then(|| view! { <p class="note">{tr(PolicyText::ForEmployersNote)}</p> });
    let body = if items.is_empty() {
        view! { <p class="note">{tr(PolicyText::NoneInGroup)}</p> }.into_any()
    } else if section == pv::Section::Courses {
        let refs: Vec<&ProgramResult> = items.iter().collect();
        pv::course_cards(&refs)
            .into_iter()
            .map(|(kind, list)| {
                let programs: Vec<String> = list.iter().map(|r| r.program.clone()).collect();
                view! { <CourseCard kind programs/> }
            })
            .collect_view()
            .into_any()
    } else if section == pv::Section::Services {
        items
            .into_iter()
            .map(|r| view! { <ServiceCard program=r.program/> })
            .collect_view()
            .into_any()
    } else {
        items
            .into_iter()
            .map(|r| view! { <ResultCard result=r saved/> })
            .collect_view()
            .into_any()
    };
    view! {
        <details class=class open=open data-group=section.code()>
            <summary>
                <span class="group-title">{text(section.label())}</span>
                <span class="group-count">{count}</span>
            </summary>
            {note}
            {body}
        </details>
    }
}

/// Courses of one kind as one card that opens: "你可以参加的培训(5)", each course a line and a link.
#[component]
fn CourseCard(kind: leye_core::catalog::Kind, programs: Vec<String>) -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog.get_untracked();
    let n = programs.len();
    let rows = programs
        .iter()
        .filter_map(|id| catalog.program(id).cloned())
        .map(|p| {
            let href = format!("/policies/{}", p.id);
            view! {
                <li class="course-line" data-program=p.id.clone()>
                    <A href=href>{text(p.name.clone())}</A>
                    <p class="note">{text(p.summary.clone())}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="result-card course-group" data-kind=kind.label().en.to_lowercase()>
            <summary class="course-group-title">{move || pv::course_card_title(kind, n, app.lang.get())}</summary>
            <ul class="course-lines">{rows}</ul>
        </details>
    }
}

/// A service the person can simply use: what it is and how to use it, no documents to bring.
#[component]
fn ServiceCard(program: String) -> impl IntoView {
    let app = use_app();
    let Some(p) = app.catalog.get_untracked().program(&program).cloned() else {
        return ().into_any();
    };
    let href = format!("/policies/{}", p.id);
    // "你的学校" means nothing to someone who is not a student: such a channel shows only to students,
    // unless the catalog names the school it means.
    let student = app.facts.with_untracked(|f| {
        f.value("student_now") == Some(&leye_core::facts::FactValue::Bool(true))
    });
    let mut p = p;
    p.apply.retain(|c| {
        c.channel != leye_core::catalog::ChannelKind::School || c.name.is_some() || student
    });
    view! {
        <article class="result-card result-service" data-program=p.id.clone()>
            <h3><A href=href.clone()>{text(p.name.clone())}</A></h3>
            <p>{text(p.summary.clone())}</p>
            {(!p.apply.is_empty()).then(|| view! {
                <h4>{tr(PolicyText::HowToUse)}</h4>
                <ApplyChannels channels=p.apply.clone()/>
            })}
            <A href=href attr:class="details-link">{tr(PolicyText::Details)} " ›"</A>
        </article>
    }
    .into_any()
}

#[component]
fn ResultCard(result: ProgramResult, saved: SavedPrograms) -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog.get_untracked();
    let Some(program) = catalog.program(&result.program).cloned() else {
        return ().into_any();
    };
    let href = format!("/policies/{}", program.id);
    if result.group == Group::ForEmployers {
        return view! {
            <article class="result-card result-employer" data-program=program.id.clone()>
                <h3><A href=href>{text(program.name.clone())}</A></h3>
                <span class="badge badge-employer">{tr(PolicyText::ForEmployersTag)}</span>
                <p>{text(program.summary.clone())}</p>
            </article>
        }
        .into_any();
    }
    let likely = result.outcome == leye_core::outcome::Outcome::LikelyEligible;
    let badge_label = if likely {
        result.outcome.label()
    } else {
        result.group.label()
    };
    // The verdict line adds something only when it says more than the badge. A likely one says whom to
    // confirm with in the next step, and 还差一点 its one step there too, so neither is said twice; a date
    // applications open on then gets its own line.
    let almost = result.group == Group::AlmostThere;
    let verdict =
        (result.verdict != badge_label && !likely && !almost).then(|| result.verdict.clone());
    let opens = match result.availability {
        leye_core::outcome::Availability::NotYetOpen { from } if likely || almost => {
            Some(from.to_string())
        }
        _ => None,
    };
    let why = pv::why_line(&result);
    let automatic = program.automatic && result.group == Group::CanApply;
    let next = if automatic {
        None
    } else if result.group == Group::NeedsInfo {
        app.facts
            .with_untracked(|f| pv::find_out_step(&catalog, &result, f))
            .map(|t| (PolicyText::FindOut, t))
    } else {
        pv::next_step(&result, &program)
    };
    // In 需要更多信息: the first question it waits on, to answer right here.
    let ask = (result.group == Group::NeedsInfo)
        .then(|| {
            app.facts.with_untracked(|f| {
                pv::open_questions(&catalog, &result, f)
                    .first()
                    .map(|d| (*d).clone())
            })
        })
        .flatten();
    let exclusions = result.excluded_with.clone();
    let details = matches!(result.group, Group::CanApply | Group::AlmostThere) && !automatic;
    let pid = program.id.clone();
    view! {
        <article class="result-card" data-program=program.id.clone()>
            <h3><A href=href.clone()>{text(program.name.clone())}</A></h3>
            <OutcomeBadge outcome=result.outcome group=result.group/>
            {verdict.map(|v| view! { <p class="verdict">{text(v)}</p> })}
            {opens.map(|d| view! {
                <p class="availability">{move || pv::tf(PolicyText::NotYetOpen, app.lang.get(), "date", &d)}</p>
            })}
            <BenefitLine benefit=result.benefit.clone()/>
            {why.map(|w| view! {
                <p class="why"><strong>{tr(PolicyText::Why)}{tr(PolicyText::Colon)}</strong>{text(w)}</p>
            })}
            {automatic.then(|| view! { <p class="next-step automatic">{tr(PolicyText::Automatic)}</p> })}
            {next.map(|(label, n)| view! {
                <p class="next-step"><strong>{tr(label)}{tr(PolicyText::Colon)}</strong>{text(n)}</p>
            })}
            {ask.map(|fact| view! { <crate::components::policy::InlineAnswer fact/> })}
            {(!exclusions.is_empty()).then(|| view! { <ExclusionNote program=pid exclusions/> })}
            {details.then(|| view! {
                <details class="result-more">
                    <summary>{tr(PolicyText::Documents)} " · " {tr(PolicyText::HowToApply)}</summary>
                    <h4>{tr(PolicyText::Documents)}</h4>
                    <DocumentChecklist program=program.id.clone() documents=program.documents.clone() saved/>
                    <h4>{tr(PolicyText::HowToApply)}</h4>
                    <ApplyChannels channels=program.apply.clone()/>
                </details>
            })}
            <A href=href attr:class="details-link">{tr(PolicyText::Details)} " ›"</A>
        </article>
    }
    .into_any()
}

/// Programs that may not combine with this one, as the sources say: "可能不能同时享受,以当地最新通知为准".
/// A program that comes by itself is never offered as one of two to choose.
#[component]
pub fn ExclusionNote(
    program: String,
    exclusions: Vec<leye_core::outcome::Exclusion>,
) -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog.get_untracked();
    let rows = exclusions
        .into_iter()
        .map(|e| {
            let href = format!("/policies/{}", e.program);
            let hint = pv::exclusion_hint(&catalog, &program, &e);
            view! {
                <li>
                    <A href=href>{text(e.name)}</A>
                    // "name (why)" in English needs the space Chinese does without.
                    {hint.map(|h| view! {
                        {move || (app.lang.get() == leye_core::lang::Lang::En).then_some(" ")}
                        <span>{tr(h)}</span>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="exclusion" role="note">
            <strong>{tr(PolicyText::ExcludedWith)}</strong>
            <ul>{rows}</ul>
        </div>
    }
}

/// 我的回答: every answer, with a way to change it.
#[component]
fn Answers(flow: Flow) -> impl IntoView {
    let app = use_app();
    let confirm = RwSignal::new(false);
    let rows = move || {
        let catalog = app.catalog.get();
        let lang = app.lang.get();
        app.facts.with(|facts| {
            catalog
                .facts()
                .iter()
                .filter_map(|def| {
                    let answer = facts.answer(&def.id)?;
                    let label = pv::answer_label(def, answer, lang);
                    let question = def.question.get(lang).to_string();
                    let id = def.id.clone();
                    let data_fact = id.clone();
                    Some(view! {
                        <li class="answer-row" data-fact=data_fact>
                            <span class="answer-question">{question}</span>
                            <span class="answer-value">{label}</span>
                            <button type="button" class="link-button" on:click=move |_| flow.change(id.clone())>
                                {tr(PolicyText::Change)}
                            </button>
                        </li>
                    })
                })
                .collect_view()
        })
    };
    let start_over = move |_| {
        if !confirm.get_untracked() {
            confirm.set(true);
            return;
        }
        let ids: Vec<String> = app
            .facts
            .with_untracked(|f| f.iter().map(|(id, _)| id.to_string()).collect());
        for id in ids {
            app.clear_answer(&id);
        }
        confirm.set(false);
        flow.history.set(Vec::new());
        flow.peek.set(false);
        scroll_to_top();
    };
    view! {
        <details class="card answers">
            <summary>{tr(PolicyText::AnswersTitle)}</summary>
            <Show when=move || app.facts.with(|f| f.is_empty())>
                <p class="note">{tr(PolicyText::AnswersNone)}</p>
            </Show>
            <ul class="answer-list">{rows}</ul>
            <button type="button" class="button" on:click=start_over>
                {move || if confirm.get() { app.t(PolicyText::StartOverConfirm) } else { app.t(PolicyText::StartOver) }}
            </button>
        </details>
    }
}
