//! 我的记录: the course's entries, each with its undo.

use leptos::prelude::*;

use crate::state::training::Training;
use crate::state::use_app;
use leye_core::text::training::{self as text, TrainingText as T};
use leye_core::training::{Course, EventKind};
use leye_core::view::training::course_entries;

/// The course's entries, newest first; each can be undone (a compensating entry, nothing is deleted).
#[component]
pub fn History(course: StoredValue<Course>, training: Training) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let id = course.with_value(|c| c.id.clone());
    move || {
        let lang = app.lang.get();
        let rows = training.with_log(|log| course_entries(log, &id));
        if rows.is_empty() {
            return view! { <section class="card history"><h2>{app.t(T::History)}</h2><p class="note">{app.t(T::NoHistory)}</p></section> }.into_any();
        }
        let items = rows
            .into_iter()
            .map(|(e, undone)| {
                let (what, detail) = course.with_value(|c| text::entry(&e.what, c, lang));
                let target = e.id.clone();
                let undo = move |_| {
                    if let Err(err) = training.record(today, None, EventKind::Undo { target: target.clone() }) {
                        app.inform(text::error_text(&err));
                    }
                };
                view! {
                    <li class="entry" class:entry-undone=undone>
                        <span class="entry-date">{e.on.to_string()}</span>
                        <span class="entry-what">{app.t(what)}</span>
                        <span class="entry-detail">{detail}</span>
                        {if undone {
                            view! { <span class="entry-undone-label">{app.t(T::Undone)}</span> }.into_any()
                        } else {
                            view! {
                                <button type="button" class="entry-undo" on:click=undo aria-label=app.t(T::UndoLabel)>
                                    {app.t(T::Undo)}
                                </button>
                            }.into_any()
                        }}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card history" aria-labelledby="history-h">
                <h2 id="history-h">{app.t(T::History)}</h2>
                <ul class="entries">{items}</ul>
            </section>
        }
        .into_any()
    }
}
