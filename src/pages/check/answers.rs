//! 我的回答 under the results: every answer, with a way to change it, and 重新开始.

use leptos::prelude::*;

use super::{scroll_to_top, Flow};
use crate::state::{tr, use_app};
use leye_core::text::policy::PolicyText;
use leye_core::view::answer;

/// 我的回答: every answer, with a way to change it.
#[component]
pub(super) fn Answers(flow: Flow) -> impl IntoView {
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
                    let label = answer::answer_label(def, answer, lang);
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
