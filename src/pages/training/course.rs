//! One course: what is known about it (unknowns say 以当地最新通知为准 and where to check), who may join as
//! the rules engine judges it, enrolment, logging progress, the camp's sessions/checklist/notes, and the
//! course's entries with undo.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::progress_bar;
use crate::app::{tr, use_app};
use crate::state::training::{use_training, Training};
use leye_core::date::Date;
use leye_core::rules::Status;
use leye_core::text::training::{self as text, Field, TrainingText as T};
use leye_core::training::{
    camp_view, parse_hours, progress, Course, CourseId, EventKind, RequirementSource, Target,
};
use leye_core::view::join::{join_verdict, JoinVerdict};

#[component]
pub fn CoursePage() -> impl IntoView {
    let app = use_app();
    let training = use_training();
    let params = use_params_map();
    let course = move || {
        let id = params.read().get("course").unwrap_or_default();
        training.courses.get().course(&CourseId::new(id)).cloned()
    };
    view! {
        <A href="/training" attr:class="back-link">{tr(T::Back)}</A>
        {move || match course() {
            None => view! { <h1>{app.t(T::Title)}</h1><p class="note">{app.t(T::NotFound)}</p> }.into_any(),
            Some(c) => view! { <CourseScreen course=c training/> }.into_any(),
        }}
    }
}

#[component]
fn CourseScreen(course: Course, training: Training) -> impl IntoView {
    let app = use_app();
    let id = course.id.clone();
    // A memo, so logging an entry does not rebuild the forms (and lose their messages) below.
    let enrolled = Memo::new(move |_| training.with_log(|log| log.enrolment(&id).is_some()));
    let is_camp = course.kind.is_camp() || !course.milestones.is_empty();
    let c = StoredValue::new(course);
    view! {
        <h1>{move || c.with_value(|c| c.name.get(app.lang.get()).to_string())}</h1>
        <p class="lead">{move || c.with_value(|c| c.summary.get(app.lang.get()).to_string())}</p>
        <CourseFacts course=c/>
        <WhoMayJoin course=c/>
        <Show when=move || training.loaded() fallback=|| view! { <p class="note">{tr(T::Loading)}</p> }>
            {
                move || if enrolled.get() {
                    view! {
                        <CourseProgressCard course=c training/>
                        <LogForm course=c training/>
                        {is_camp.then(|| view! { <CampCard course=c training/> })}
                        <TargetForm course=c training enrolling=false/>
                        <History course=c training/>
                    }.into_any()
                } else {
                    view! { <TargetForm course=c training enrolling=true/> }.into_any()
                }
            }
        </Show>
    }
}

/// A definition row whose value may be unknown.
fn fact_row(label: &'static str, value: Option<String>, unknown: &'static str) -> impl IntoView {
    let known = value.is_some();
    view! {
        <div class="fact-row">
            <dt>{label}</dt>
            <dd class:unknown=!known>{value.unwrap_or_else(|| unknown.to_string())}</dd>
        </div>
    }
}

#[component]
fn CourseFacts(course: StoredValue<Course>) -> impl IntoView {
    let app = use_app();
    move || {
        let lang = app.lang.get();
        let catalog = app.catalog.get();
        let unknown = app.t(T::Unknown);
        course.with_value(|c| {
            let length = text::stated_length(
                c.required_hours.known().copied(),
                c.sessions.known().copied(),
                c.modules.known().map(Vec::len),
                lang,
            );
            let certificate = c.certificate.known().map(|offer| {
                let level = match &offer.level {
                    leye_core::training::Stated::Known(Some(l)) => l.label().get(lang).to_string(),
                    leye_core::training::Stated::Known(None) => app.t(T::NoSkillLevel).to_string(),
                    leye_core::training::Stated::Unknown => unknown.to_string(),
                };
                format!("{} · {level}", offer.name.get(lang))
            });
            let unlocks: Vec<String> = c
                .unlocks
                .iter()
                .filter_map(|p| catalog.program(p).map(|p| p.name.get(lang).to_string()))
                .collect();
            let sep = text::list_sep(lang);
            view! {
                <section class="card course-facts" aria-label=app.t(T::Title)>
                    <dl class="facts">
                        {fact_row(app.t(T::Provider), c.provider.known().map(|p| p.get(lang).to_string()), unknown)}
                        {fact_row(app.t(T::Channel), Some(c.channel.get(lang).to_string()), unknown)}
                        {fact_row(app.t(T::Delivery), c.delivery.known().map(|d| app.t(text::delivery(*d)).to_string()), unknown)}
                        {fact_row(app.t(T::Length), length, unknown)}
                        {fact_row(app.t(T::Certificate), certificate, unknown)}
                        {(!unlocks.is_empty()).then(|| fact_row(app.t(T::Unlocks), Some(unlocks.join(sep)), unknown))}
                        {fact_row(app.t(T::PlanClause), Some(c.plan_clause.clone()), unknown)}
                        {fact_row(app.t(T::LastVerified), Some(c.last_verified.to_string()), unknown)}
                    </dl>
                    <div class="where-to-check">
                        <h2 class="h-small">{app.t(T::WhereToCheck)}</h2>
                        <p>{c.check_with.get(lang).to_string()}</p>
                    </div>
                </section>
            }
        })
    }
}

#[component]
fn WhoMayJoin(course: StoredValue<Course>) -> impl IntoView {
    let app = use_app();
    move || {
        let lang = app.lang.get();
        let catalog = app.catalog.get();
        let facts = app.facts.get();
        course.with_value(|c| {
            let verdict = join_verdict(c, &catalog, &facts, app.today);
            let result = c.may_join(catalog.facts(), &facts, app.today);
            let lines = result
                .trace
                .iter()
                .filter(|r| !r.not_applicable)
                .map(|r| {
                    let class = match r.status {
                        Status::Met => "criterion criterion-met",
                        Status::Failed => "criterion criterion-failed",
                        Status::Unknown => "criterion criterion-unknown",
                    };
                    view! { <li class=class>{r.text.get(lang).to_string()}</li> }
                })
                .collect_view();
            let steps = result.steps.iter().map(|s| view! { <li>{s.text.get(lang).to_string()}</li> }).collect_view();
            view! {
                <section class="card who-may-join" aria-labelledby="who">
                    <h2 id="who">{app.t(T::WhoMayJoin)}</h2>
                    <p class=format!("verdict verdict-{}", verdict.css())>{app.t(verdict.text())}</p>
                    <ul class="criteria">{lines}</ul>
                    <ul class="plain-list steps">{steps}</ul>
                    {(verdict == JoinVerdict::NeedAnswers).then(|| view! {
                        <A href="/check" attr:class="button">{app.t(T::JoinAnswerMore)}</A>
                    })}
                </section>
            }
        })
    }
}

#[component]
fn CourseProgressCard(course: StoredValue<Course>, training: Training) -> impl IntoView {
    let app = use_app();
    let id = course.with_value(|c| c.id.clone());
    move || {
        let lang = app.lang.get();
        let courses = training.courses.get();
        let all = training.with_log(|log| progress(log, &courses));
        let Some(p) = all.course(&id).cloned() else {
            return ().into_any();
        };
        let from = match p.requirement_from {
            RequirementSource::Catalog => Some(T::TargetFromCatalog),
            RequirementSource::Trainee => Some(T::TargetFromTrainee),
            RequirementSource::Unknown => None,
        };
        let figures = text::progress_figures(&p, lang);
        view! {
            <section class="card course-progress" aria-labelledby="progress-h">
                <h2 id="progress-h">{app.t(T::MyProgress)}</h2>
                {match p.permille {
                    Some(pm) => progress_bar(pm, app.t(T::Percent)).into_any(),
                    None => view! { <p class="note">{app.t(T::RequirementUnknown)}</p> }.into_any(),
                }}
                {(!figures.is_empty()).then(|| view! { <p class="figures">{figures}</p> })}
                {from.map(|f| view! { <p class="note">{app.t(f)}</p> })}
                {p.completed_on.map(|d| view! {
                    <p class="badge badge-done" role="status">{app.t(T::CompletedOn)} " " {d.to_string()}</p>
                })}
                {(p.completed_on.is_none() && p.certificate_on.is_some()).then(|| view! {
                    <p class="note cert-not-done">{app.t(T::CertNotDone)}</p>
                })}
            </section>
        }
        .into_any()
    }
}

/// The error of a form, shown next to the field it is about.
#[derive(Clone, Copy)]
struct FormError(RwSignal<Option<(Field, String)>>);

impl FormError {
    fn new() -> FormError {
        FormError(RwSignal::new(None))
    }
    fn at(self, field: Field) -> impl Fn() -> Option<String> + Copy {
        move || self.0.get().filter(|(f, _)| *f == field).map(|(_, m)| m)
    }
    fn invalid(self, field: Field) -> impl Fn() -> &'static str + Copy {
        move || {
            if self.at(field)().is_some() {
                "true"
            } else {
                "false"
            }
        }
    }
    fn show(self, field: Field) -> impl IntoView {
        move || {
            self.at(field)().map(|m| view! { <span class="field-error" role="alert">{m}</span> })
        }
    }
    fn set(self, field: Field, message: impl Into<String>) {
        self.0.set(Some((field, message.into())));
    }
    fn clear(self) {
        self.0.set(None);
    }
}

fn parse_date(raw: &str) -> Option<Date> {
    Date::parse(raw.trim()).ok()
}

/// Enrolment (with the optional target from the enrolment notice), or changing the target later.
#[component]
fn TargetForm(course: StoredValue<Course>, training: Training, enrolling: bool) -> impl IntoView {
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
        let kind = by.get_untracked();
        let target = if kind == "none" {
            None
        } else {
            let Ok(n) = amount.get_untracked().trim().parse::<u16>() else {
                return error.set(
                    Field::Target,
                    leye_core::training::TrainingError::TargetOutOfRange {
                        max: leye_core::training::event::MAX_TARGET,
                    }
                    .message(lang),
                );
            };
            Some(match kind.as_str() {
                "sessions" => Target::Sessions(n),
                "modules" => Target::Modules(n),
                _ => Target::Hours(n),
            })
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
            Err(e) => error.set(text::field_of(&e), e.message(lang)),
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

/// What a log entry records.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LogKind {
    Hours,
    Module,
    Session,
    Exam,
}

#[component]
fn LogForm(course: StoredValue<Course>, training: Training) -> impl IntoView {
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
            Err(e) => error.set(text::field_of(&e), e.message(lang)),
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

#[component]
fn CampCard(course: StoredValue<Course>, training: Training) -> impl IntoView {
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
                Err(e) => {
                    session_error.set(text::field_of(&e), e.message(app.lang.get_untracked()))
                }
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

/// The course's entries, newest first; each can be undone (a compensating entry, nothing is deleted).
#[component]
fn History(course: StoredValue<Course>, training: Training) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let id = course.with_value(|c| c.id.clone());
    move || {
        let lang = app.lang.get();
        let mut rows: Vec<(usize, leye_core::training::Event, bool)> = training.with_log(|log| {
            log.events()
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.course.as_ref() == Some(&id) && !matches!(e.what, EventKind::Undo { .. })
                })
                .map(|(i, e)| (i, e.clone(), log.is_undone(&e.id)))
                .collect()
        });
        rows.sort_by(|a, b| (b.1.on, b.0).cmp(&(a.1.on, a.0)));
        if rows.is_empty() {
            return view! { <section class="card history"><h2>{app.t(T::History)}</h2><p class="note">{app.t(T::NoHistory)}</p></section> }.into_any();
        }
        let module_name = |m: &str| {
            course
                .with_value(|c| c.module(m).map(|m| m.name.get(lang).to_string()))
                .unwrap_or_else(|| m.to_string())
        };
        let items = rows
            .into_iter()
            .map(|(_, e, undone)| {
                let (what, detail) = match &e.what {
                    EventKind::Enrolled { .. } => (T::EvEnrolled, String::new()),
                    EventKind::TargetSet { target } => (T::EvTarget, text::target(*target, lang)),
                    EventKind::ModuleDone { module } => (T::EvModule, module_name(module)),
                    EventKind::HoursStudied { minutes } => (T::EvHours, text::duration(u32::from(*minutes), lang)),
                    EventKind::SessionAttended { title } => (T::EvSession, title.clone().unwrap_or_default()),
                    EventKind::SessionScheduled { title } => (T::EvScheduled, title.clone()),
                    EventKind::ExamPassed { exam } => (T::EvExam, exam.clone()),
                    EventKind::CertificateAdded { certificate } => (T::EvCertificate, certificate.name.clone()),
                    EventKind::SubsidyClaimed { certificate_number } => (T::EvClaimed, certificate_number.clone()),
                    EventKind::MilestoneTicked { milestone } => (
                        T::EvMilestone,
                        course
                            .with_value(|c| c.milestone(milestone).map(|m| m.name.get(lang).to_string()))
                            .unwrap_or_else(|| milestone.clone()),
                    ),
                    EventKind::Note { text } => (T::EvNote, text.chars().take(40).collect()),
                    EventKind::Undo { .. } => unreachable!("filtered above"),
                };
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
