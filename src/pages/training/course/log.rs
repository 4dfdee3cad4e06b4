//! 记一笔: logging hours, a module, a session or an exam for the course.

use leptos::prelude::*;

use super::form::{parse_date, FormError};
use crate::state::training::Training;
use crate::state::{tr, use_app};
use leye_core::text::training::TrainingText as T;
use leye_core::training::{parse_hours, Course, EventKind};
use leye_core::view::training::{field_of, Field};

/// What a log entry records.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Hours,
    Module,
    Session,
    Exam,
}

#[component]
pub fn LogForm(course: StoredValue<Course>, training: Training) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let id = course.with_value(|c| c.id.0.clone());
    let kind = RwSignal::new(LogKind::Hours);
    let date = RwSignal::new(today.to_string());
    let hours = RwSignal::new(String::new());
    let label = RwSignal::new(String::new());
    let error = FormError::new();
    let saved = RwSignal::new(false);
    let modules = course.with_value(|c| c.modules.known().cloned());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let lang = app.lang.get_untracked();
        let Some(on) = parse_date(&date.get_untracked()) else {
            return error.set(Field::Date, app.t(T::PickDate));
        };
        let text_value = label.get_untracked().trim().to_string();
        let what = match kind.get_untracked() {
            LogKind::Hours => match parse_hours(&hours.get_untracked()) {
                Ok(minutes) => EventKind::HoursStudied { minutes },
                Err(e) => return error.set(Field::Hours, e.message(lang)),
            },
            LogKind::Module => EventKind::ModuleDone { module: text_value },
            LogKind::Session => EventKind::SessionAttended {
                title: (!text_value.is_empty()).then_some(text_value),
            },
            LogKind::Exam => EventKind::ExamPassed { exam: text_value },
        };
        match training.record(on, Some(&id), what) {
            Ok(()) => {
                error.clear();
                saved.set(true);
                hours.set(String::new());
                label.set(String::new());
            }
            Err(e) => error.set(field_of(&e), e.message(lang)),
        }
    };
    let choice = move |value: LogKind, text_key: T| {
        view! {
            <label class="choice">
                <input type="radio" name="log-kind" prop:checked=move || kind.get() == value
                    on:change=move |_| { kind.set(value); error.clear(); saved.set(false); }/>
                <span>{tr(text_key)}</span>
            </label>
        }
    };
    let text_field = move |label_key: T, required: bool| {
        view! {
            <label class="field">
                <span class="field-label">{tr(label_key)}</span>
                <input type="text" name="log-text" maxlength="80" autocomplete="off" required=required
                    prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))
                    aria-invalid=error.invalid(Field::Text)/>
                {error.show(Field::Text)}
            </label>
        }
    };
    view! {
        <section class="card log" aria-labelledby="log-h">
            <h2 id="log-h">{tr(T::LogTitle)}</h2>
            <form class="form" on:submit=submit novalidate>
                <fieldset class="choices choices-grid">
                    <legend>{tr(T::LogWhat)}</legend>
                    {choice(LogKind::Hours, T::KindHours)}
                    {choice(LogKind::Module, T::KindModule)}
                    {choice(LogKind::Session, T::KindSession)}
                    {choice(LogKind::Exam, T::KindExam)}
                </fieldset>
                <label class="field">
                    <span class="field-label">{tr(T::Date)}</span>
                    <input type="date" name="log-date" max=today.to_string()
                        prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))
                        aria-invalid=error.invalid(Field::Date)/>
                    {error.show(Field::Date)}
                </label>
                {move || match kind.get() {
                    LogKind::Hours => view! {
                        <label class="field">
                            <span class="field-label">{tr(T::Hours)}</span>
                            <input type="text" inputmode="decimal" name="log-hours" maxlength="6" autocomplete="off"
                                prop:value=move || hours.get() on:input=move |ev| hours.set(event_target_value(&ev))
                                aria-invalid=error.invalid(Field::Hours) aria-describedby="hours-hint"/>
                            <span class="field-hint" id="hours-hint">{tr(T::HoursHint)}</span>
                            {error.show(Field::Hours)}
                        </label>
                    }.into_any(),
                    LogKind::Module => match modules.clone() {
                        Some(list) => view! {
                            <label class="field">
                                <span class="field-label">{tr(T::Module)}</span>
                                <select name="log-module" on:change=move |ev| label.set(event_target_value(&ev))
                                    prop:value=move || label.get() aria-invalid=error.invalid(Field::Text)>
                                    <option value="">"—"</option>
                                    {list.into_iter().map(|m| view! {
                                        <option value=m.id.clone()>{move || m.name.get(app.lang.get()).to_string()}</option>
                                    }).collect_view()}
                                </select>
                                {error.show(Field::Text)}
                            </label>
                        }.into_any(),
                        None => text_field(T::ModuleOwn, true).into_any(),
                    },
                    LogKind::Session => text_field(T::SessionTitle, false).into_any(),
                    LogKind::Exam => text_field(T::Exam, true).into_any(),
                }}
                <button type="submit" class="button button-primary">{tr(T::Save)}</button>
                {error.show(Field::Form)}
                <p class="form-status" role="status">{move || saved.get().then(|| app.t(T::Saved))}</p>
            </form>
        </section>
    }
}
