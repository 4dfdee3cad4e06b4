//! 自测: one question per screen, answered by tapping, saved at once; then the results grouped
//! 可以申请 / 还差一点 / 需要更多信息 / 不符合, and the list of answers to review and change.
//!
//! The questionnaire (which question next, when to stop), the flow through the address
//! (`leye_core::view::check`), the checks on each answer and every verdict come from the core; this
//! screen only shows them and records taps.

mod answers;
mod inputs;
mod question;
mod results;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::state::{tr, use_app, AppState};
use leye_core::facts::{Answer, FactDef, FactValue};
use leye_core::i18n::Key;
use leye_core::lang::{Lang, Text};
use leye_core::questionnaire;
use leye_core::view::check::{self as flow, Asked, Screen, Step};

use question::QuestionScreen;
use results::Results;

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
    let trail = Memo::new(move |_| flow::parse_trail(query.with(|q| q.get(flow::TRAIL_PARAM))));
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

    // The address says which screen is shown (`flow::read_trail`).
    Effect::new(move |_| {
        let trail = trail.get();
        let catalog = app.catalog.get_untracked();
        let reading = app
            .facts
            .with_untracked(|f| flow::read_trail(&trail, &catalog, f));
        history.set(reading.history);
        peek.set(reading.peek);
        editing.set(reading.editing);
    });

    let screen = Memo::new(move |_| {
        let (editing, peek) = (editing.get(), peek.get());
        let catalog = app.catalog.get();
        app.facts
            .with(|f| flow::step(editing, peek, &catalog, f, app.today))
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
    let asking = move || matches!(screen.get(), Step::Ask { .. });
    view! {
        <h1 class=move || asking().then_some("visually-hidden")>{tr(Key::CheckTitle)}</h1>
        {move || match screen.get() {
            Step::Ask { facts, checklist, editing } => {
                view! { <QuestionScreen facts checklist editing flow/> }.into_any()
            }
            Step::Results => view! { <Results flow/> }.into_any(),
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
    trail: Memo<Vec<Screen>>,
    /// Goes to an address (`true`: replacing the current entry of the browser history).
    go: Callback<(String, bool)>,
    app: AppState,
}

impl Flow {
    /// After a screen is answered: remember it for 上一题 and go on with the questionnaire, as a new
    /// entry of the browser history.
    fn answered(self, facts: &[String]) {
        let app = self.app;
        let catalog = app.catalog.get_untracked();
        let trail = self.trail.get_untracked();
        let trail = app
            .facts
            .with_untracked(|f| flow::after_answer(&trail, facts, &catalog, f, app.today));
        self.editing.set(None);
        self.anchor(facts);
        self.go.run((flow::trail_url(&trail), false));
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
                    Some(&flow::trail_url(&[first.to_vec()])),
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
        let app = self.app;
        let catalog = app.catalog.get_untracked();
        let trail = self.trail.get_untracked();
        let trail = app
            .facts
            .with_untracked(|f| flow::after_resume(&trail, &catalog, f, app.today));
        self.editing.set(None);
        self.go.run((flow::trail_url(&trail), false));
    }

    /// 先看看目前的结果: the results as they stand, a screen of their own (back returns to the question).
    fn see_results(self, current: &[String]) {
        self.anchor(current);
        let trail = self
            .trail
            .with_untracked(|t| flow::after_see_results(t, current));
        self.editing.set(None);
        self.peek.set(true);
        self.go.run((flow::trail_url(&trail), false));
    }

    fn change(self, fact: String) {
        self.peek.set(false);
        let trail = self.trail.with_untracked(|t| flow::after_change(t, &fact));
        self.editing.set(Some((vec![fact], false)));
        self.go.run((flow::trail_url(&trail), false));
        scroll_to_top();
    }
}

fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
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
    flow.answered(std::slice::from_ref(&def.id));
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
