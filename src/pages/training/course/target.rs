//! Enrolment, and the target (hours, sessions or modules) the enrolment notice asks for.

use leptos::prelude::*;

use super::form::{parse_date, FormError};
use crate::state::training::Training;
use crate::state::{tr, use_app};
use leye_core::text::training::TrainingText as T;
use leye_core::training::{Course, EventKind};
use leye_core::view::training::{field_of, target_from, Field};

/// Enrolment (with the optional target from the enrolment notice), or changing the target later.
#[component]
pub fn TargetForm(
    course: StoredValue<Course>,
    training: Training,
    enrolling: bool,
) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let id = course.with_value(|c| c.id.0.clone());
    let date = RwSignal::new(today.to_string());
    let by = RwSignal::new(if enrolling {
        "none".to_string()
    } else {
        "hours".to_string()
    });
    let amount = RwSignal::new(String::new());
    let error = FormError::new();
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let lang = app.lang.get_untracked();
        let Some(on) = parse_date(&date.get_untracked()) else {
            return error.set(Field::Date, app.t(T::PickDate));
        };
        let target = match target_from(&by.get_untracked(), &amount.get_untracked()) {
            Ok(target) => target,
            Err(e) => return error.set(Field::Target, e.message(lang)),
        };
        let what = match (enrolling, target) {
            (true, target) => EventKind::Enrolled { target },
            (false, Some(target)) => EventKind::TargetSet { target },
            (false, None) => return error.set(Field::Target, app.t(T::PickOne)),
        };
        let on = if enrolling { on } else { today };
        match training.record(on, Some(&id), what) {
            Ok(()) => {
                error.clear();
                saved.set(true);
            }
            Err(e) => error.set(field_of(&e), e.message(lang)),
        }
    };
    let choice = move |value: &'static str, label: T| {
        view! {
            <label class="choice">
                <input type="radio" name=if enrolling { "enrol-by" } else { "target-by" } value=value
                    prop:checked=move || by.get() == value on:change=move |_| by.set(value.to_string())/>
                <span>{tr(label)}</span>
            </label>
        }
    };
    let body = view! {
        <form class="form" on:submit=submit novalidate>
            {enrolling.then(|| view! {
                <label class="field">
                    <span class="field-label">{tr(T::EnrolDate)}</span>
                    <input type="date" name="enrol-date" max=today.to_string()
                        prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))
                        aria-invalid=error.invalid(Field::Date)/>
                    {error.show(Field::Date)}
                </label>
            })}
            <fieldset class="choices">
                <legend>{tr(T::TargetLegend)}</legend>
                <p class="note">{tr(T::TargetHint)}</p>
                {enrolling.then(|| choice("none", T::TargetNone))}
                {choice("hours", T::TargetHours)}
                {choice("sessions", T::TargetSessions)}
                {choice("modules", T::TargetModules)}
            </fieldset>
            <Show when=move || by.get() != "none">
                <label class="field">
                    <span class="field-label">{tr(T::TargetAmount)}</span>
                    <input type="text" inputmode="numeric" name="target-amount" maxlength="4" autocomplete="off"
                        prop:value=move || amount.get() on:input=move |ev| amount.set(event_target_value(&ev))
                        aria-invalid=error.invalid(Field::Target)/>
                    {error.show(Field::Target)}
                </label>
            </Show>
            <button type="submit" class="button button-primary">
                {tr(if enrolling { T::EnrolButton } else { T::SaveTarget })}
            </button>
            {error.show(Field::Form)}
            <p class="form-status" role="status">{move || saved.get().then(|| app.t(T::Saved))}</p>
        </form>
    };
    if enrolling {
        view! {
            <section class="card enrol" aria-labelledby="enrol-h">
                <h2 id="enrol-h">{tr(T::EnrolTitle)}</h2>
                {body}
            </section>
        }
        .into_any()
    } else {
        view! {
            <details class="card target">
                <summary class="summary-h">{tr(T::TargetTitle)}</summary>
                {body}
            </details>
        }
        .into_any()
    }
}
