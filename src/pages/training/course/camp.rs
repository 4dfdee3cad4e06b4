//! 训练营进度: a camp's sessions, its business-plan checklist, the next sessions and the trainee's notes.

use leptos::prelude::*;

use super::form::{parse_date, FormError};
use crate::state::training::Training;
use crate::state::{tr, use_app};
use leye_core::text::training::{self as text, TrainingText as T};
use leye_core::training::{camp_view, Course, EventKind};
use leye_core::view::training::{field_of, Field};

#[component]
pub fn CampCard(course: StoredValue<Course>, training: Training) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let id = course.with_value(|c| c.id.clone());
    let view_id = id.clone();
    let camp = move || {
        let courses = training.courses.get();
        training.with_log(|log| camp_view(log, &courses, &view_id, today))
    };
    let note = RwSignal::new(String::new());
    let note_error = FormError::new();
    let session_date = RwSignal::new(String::new());
    let session_title = RwSignal::new(String::new());
    let session_error = FormError::new();
    let course_id = id.0.clone();
    let add_note = {
        let course_id = course_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match training.record(
                today,
                Some(&course_id),
                EventKind::Note {
                    text: note.get_untracked(),
                },
            ) {
                Ok(()) => {
                    note_error.clear();
                    note.set(String::new());
                }
                Err(e) => note_error.set(Field::Text, e.message(app.lang.get_untracked())),
            }
        }
    };
    let schedule = {
        let course_id = course_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(on) = parse_date(&session_date.get_untracked()) else {
                return session_error.set(Field::Date, app.t(T::PickDate));
            };
            let what = EventKind::SessionScheduled {
                title: session_title.get_untracked().trim().to_string(),
            };
            match training.record(on, Some(&course_id), what) {
                Ok(()) => {
                    session_error.clear();
                    session_title.set(String::new());
                }
                Err(e) => session_error.set(field_of(&e), e.message(app.lang.get_untracked())),
            }
        }
    };
    let tick_course = course_id.clone();
    view! {
        <section class="card camp" aria-labelledby="camp-h">
            <h2 id="camp-h">{tr(T::CampTitle)}</h2>
            {move || camp().map(|v| {
                let lang = app.lang.get();
                let sessions = match v.sessions_required {
                    Some(req) => view! {
                        <p class="camp-sessions">
                            <span class="label">{app.t(T::SessionsAttended)} {text::colon(lang)}</span>
                            <strong>{format!("{} / {req}", v.sessions_attended)}</strong>
                        </p>
                    }.into_any(),
                    None => view! {
                        <p class="camp-sessions">
                            <span class="label">{app.t(T::SessionsAttended)} {text::colon(lang)}</span>
                            <strong>{v.sessions_attended.to_string()}</strong>
                        </p>
                        <p class="note">{app.t(T::SessionsRequiredUnknown)}</p>
                    }.into_any(),
                };
                let upcoming = v.upcoming_sessions.iter().map(|(d, t)| view! {
                    <li><span class="deadline-date">{d.to_string()}</span> " " {t.clone()}</li>
                }).collect_view();
                let has_upcoming = !v.upcoming_sessions.is_empty();
                let checklist = v.checklist.into_iter().map(|item| {
                    let ticked = item.ticked.clone();
                    let milestone = item.milestone.id.clone();
                    let course_id = tick_course.clone();
                    let toggle = move |_| {
                        let what = match &ticked {
                            Some((_, event)) => EventKind::Undo { target: event.clone() },
                            None => EventKind::MilestoneTicked { milestone: milestone.clone() },
                        };
                        let course = if ticked.is_some() { None } else { Some(course_id.as_str()) };
                        if let Err(e) = training.record(today, course, what) {
                            app.inform(text::error_text(&e));
                        }
                    };
                    view! {
                        <li>
                            <label class="choice check">
                                <input type="checkbox" prop:checked=item.ticked.is_some() on:change=toggle/>
                                <span>{item.milestone.name.get(lang).to_string()}</span>
                            </label>
                        </li>
                    }
                }).collect_view();
                let notes = if v.notes.is_empty() {
                    view! { <p class="note">{app.t(T::NoNotes)}</p> }.into_any()
                } else {
                    // Notes are the trainee's own words: rendered as text nodes, never as markup.
                    v.notes.into_iter().map(|n| view! {
                        <li class="camp-note">
                            <span class="deadline-date">{n.on.to_string()}</span>
                            <p class="note-text">{n.text}</p>
                        </li>
                    }).collect_view().into_any()
                };
                view! {
                    {sessions}
                    {has_upcoming.then(|| view! {
                        <h3>{app.t(T::UpcomingSessions)}</h3>
                        <ul class="plain-list">{upcoming}</ul>
                    })}
                    <h3>{app.t(T::Checklist)}</h3>
                    <p class="note">{app.t(T::ChecklistNote)}</p>
                    <ul class="checklist">{checklist}</ul>
                    <h3>{app.t(T::Notes)}</h3>
                    <ul class="camp-notes">{notes}</ul>
                }
            })}
            <form class="form" on:submit=add_note novalidate>
                <label class="field">
                    <span class="field-label">{tr(T::NoteLabel)}</span>
                    <textarea name="camp-note" rows="3" maxlength="2000"
                        prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))
                        aria-invalid=note_error.invalid(Field::Text)></textarea>
                    {note_error.show(Field::Text)}
                </label>
                <button type="submit" class="button">{tr(T::AddNote)}</button>
                {note_error.show(Field::Form)}
            </form>
            <details class="add-form">
                <summary class="button">{tr(T::ScheduleTitle)}</summary>
                <form class="form" on:submit=schedule novalidate>
                    <label class="field">
                        <span class="field-label">{tr(T::Date)}</span>
                        <input type="date" name="session-date" min=today.to_string()
                            prop:value=move || session_date.get()
                            on:input=move |ev| session_date.set(event_target_value(&ev))
                            aria-invalid=session_error.invalid(Field::Date)/>
                        {session_error.show(Field::Date)}
                    </label>
                    <label class="field">
                        <span class="field-label">{tr(T::ScheduleWhat)}</span>
                        <input type="text" name="session-title" maxlength="80" autocomplete="off"
                            prop:value=move || session_title.get()
                            on:input=move |ev| session_title.set(event_target_value(&ev))
                            aria-invalid=session_error.invalid(Field::Text)/>
                        {session_error.show(Field::Text)}
                    </label>
                    <button type="submit" class="button button-primary">{tr(T::Save)}</button>
                    {session_error.show(Field::Form)}
                </form>
            </details>
        </section>
    }
}
