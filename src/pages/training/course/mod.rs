//! One course: what is known about it (unknowns say 以当地最新通知为准 and where to check), who may join as
//! the rules engine judges it, enrolment, logging progress, the camp's sessions/checklist/notes, and the
//! course's entries with undo (the forms, the camp and the entries in files of their own).

mod camp;
mod form;
mod history;
mod log;
mod target;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::progress_bar;
use crate::state::training::{use_training, Training};
use crate::state::{tr, use_app};
use camp::CampCard;
use history::History;
use leye_core::rules::Status;
use leye_core::text::training::{self as text, TrainingText as T};
use leye_core::training::{progress, Course, CourseId, RequirementSource};
use leye_core::view::join::{join_verdict, JoinVerdict};
use log::LogForm;
use target::TargetForm;

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
