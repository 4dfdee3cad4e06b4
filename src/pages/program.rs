//! /policies/:id — one program in full: what it gives, its conditions checked against the person's
//! answers, what to change, documents (tickable, saved), how to apply, and where it all comes from.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::policy::{
    text, ApplyChannels, BenefitLine, DataAsOf, DocumentChecklist, ExclusionNote, OutcomeBadge,
};
use crate::state::outcomes::use_outcomes;
use crate::state::saved::{use_saved_programs, SavedPrograms};
use crate::state::{tr, use_app};

use leye_core::catalog::{Confidence, Figure, Program};
use leye_core::outcome::Availability;
use leye_core::text::policy as policy_text;
use leye_core::text::policy::PolicyText;
use leye_core::view::program::{benefit_figures, effective_line, window_state, YourResult};

#[component]
pub fn ProgramPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let saved = use_saved_programs();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    move || {
        let catalog = app.catalog.get();
        match catalog.program(&id()).cloned() {
            Some(program) => view! { <ProgramDetail program saved/> }.into_any(),
            None => view! {
                <h1>{tr(leye_core::i18n::Key::PoliciesTitle)}</h1>
                <p class="note">{tr(PolicyText::ProgramMissing)}</p>
                <A href="/policies" attr:class="button">{tr(PolicyText::BackToList)}</A>
            }
            .into_any(),
        }
    }
}

#[component]
fn ProgramDetail(program: Program, saved: SavedPrograms) -> impl IntoView {
    let app = use_app();
    let pid = program.id.clone();
    // Evaluated with the whole catalog, so exclusions know whether the other program fits too.
    let outcomes = use_outcomes();
    let result =
        Memo::new(move |_| outcomes.with(|all| all.iter().find(|r| r.program == pid).cloned()));
    let (p1, p2, p3) = (program.id.clone(), program.id.clone(), program.id.clone());
    let employer = program.is_for_employers();

    view! {
        <article class="program" data-program=program.id.clone()>
            <A href="/policies" attr:class="back-link">"‹ " {tr(PolicyText::BackToList)}</A>
            <h1>{text(program.name.clone())}</h1>
            <p class="kind-line">
                <span class="kind-tag">{text(program.kind.label())}</span>
            </p>
            <DataAsOf/>
            {program.plan_only.then(|| view! { <p class="note plan-only">{tr(PolicyText::PlanOnly)}</p> })}
            {program.review_by.filter(|d| *d < app.today).map(|d| {
                let d = d.to_string();
                view! {
                    <p class="notice outdated" role="note">
                        {move || policy_text::tf(PolicyText::MayBeOutdated, app.lang.get(), "date", &d)}
                    </p>
                }
            })}
            <section class="card">
                <h2>{tr(PolicyText::Summary)}</h2>
                <p>{text(program.summary.clone())}</p>
                <h2>{tr(PolicyText::Benefit)}</h2>
                {
                    let figures = benefit_figures(&program);
                    move || result.get().map(|r| {
                        if figures.is_empty() {
                            view! { <BenefitLine benefit=r.benefit/> }.into_any()
                        } else {
                            // The amount itself opens its source: one tap from the figure to where it comes from.
                            view! {
                                <details class="figure benefit-figure">
                                    <summary>
                                        <BenefitLine benefit=r.benefit/>
                                        <span class="figure-hint">{tr(PolicyText::FigureSourceHint)}</span>
                                    </summary>
                                    <FigureDetails figures=figures.clone()/>
                                </details>
                            }
                            .into_any()
                        }
                    })
                }
                {program.benefit.period.clone().map(|t| view! { <p class="note">{text(t)}</p> })}
                {program.benefit.duration.clone().map(|t| view! { <p class="note">{text(t)}</p> })}
                {program.benefit.note.clone().map(|t| view! { <p class="note">{text(t)}</p> })}
            </section>
            <button type="button" class="button save-button"
                aria-pressed=move || saved.is_saved(&p1).to_string()
                on:click=move |_| saved.toggle_saved(&p2)>
                {move || if saved.is_saved(&p3) { app.t(PolicyText::SavedProgram) } else { app.t(PolicyText::SaveProgram) }}
            </button>
            {(!employer).then(|| view! { <YourResult result/> })}
            <section class="card">
                <h2>{tr(PolicyText::Documents)}</h2>
                <DocumentChecklist program=program.id.clone() documents=program.documents.clone() saved/>
            </section>
            <section class="card">
                <h2>{tr(PolicyText::HowToApply)}</h2>
                <ApplyChannels channels=program.apply.clone()/>
            </section>
            <Windows program=program.clone() result/>
            <Provenance program=program.clone()/>
            <p class="note">{tr(PolicyText::CheckWhere)}</p>
        </article>
    }
}

/// The verdict and every condition checked against the person's answers.
#[component]
fn YourResult(result: Memo<Option<leye_core::outcome::ProgramResult>>) -> impl IntoView {
    let app = use_app();
    move || {
        let r = result.get()?;
        let catalog = app.catalog.get();
        let YourResult {
            verdict,
            why,
            find_out,
            open,
            trace,
        } = app.facts.with(|f| YourResult::new(&catalog, &r, f));
        let steps = r.steps.clone();
        let exclusions = r.excluded_with.clone();
        let pid = r.program.clone();
        let availability = r.availability;
        Some(view! {
            <section class="card your-result">
                <h2>{tr(PolicyText::YourResult)}</h2>
                <OutcomeBadge outcome=r.outcome group=r.group/>
                {verdict.map(|v| view! { <p class="verdict">{text(v)}</p> })}
                {why.map(|w| view! { <p class="why">{text(w)}</p> })}
                {find_out.map(|t| view! {
                    <p class="next-step"><strong>{tr(PolicyText::FindOut)}{tr(PolicyText::Colon)}</strong>{text(t)}</p>
                })}
                {(!open.is_empty()).then(|| view! {
                    <div class="answer-in-place">
                        {open.into_iter().map(|fact| view! { <crate::components::inline_answer::InlineAnswer fact/> }).collect_view()}
                    </div>
                })}
                <AvailabilityLine availability/>
                <h3>{tr(PolicyText::CriteriaTitle)}</h3>
                <ul class="criteria">
                    {trace.into_iter().map(|c| view! { <crate::components::policy::CriterionRow result=c/> }).collect_view()}
                </ul>
                {(!steps.is_empty()).then(|| view! {
                    <h3>{tr(PolicyText::WhatToChange)}</h3>
                    <ul class="steps">
                        {steps.into_iter().map(|s| {
                            let on = s.ready_on;
                            view! {
                                <li>
                                    {text(s.text)}
                                    {on.map(|d| view! { <ReadyOn date=d.to_string()/> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
                {(!exclusions.is_empty()).then(|| view! { <ExclusionNote program=pid exclusions/> })}
            </section>
        })
    }
}

#[component]
fn ReadyOn(date: String) -> impl IntoView {
    let app = use_app();
    view! { <span class="ready-on">" (" {move || policy_text::tf(PolicyText::ReadyOn, app.lang.get(), "date", &date)} ")"</span> }
}

#[component]
fn AvailabilityLine(availability: Availability) -> impl IntoView {
    let app = use_app();
    match availability {
        Availability::Open => ().into_any(),
        Availability::NotYetOpen { from } => view! {
            <p class="availability">{move || policy_text::tf(PolicyText::NotYetOpen, app.lang.get(), "date", &from.to_string())}</p>
        }
        .into_any(),
        Availability::Ended { on } => view! {
            <p class="availability availability-ended">{move || policy_text::tf(PolicyText::Ended, app.lang.get(), "date", &on.to_string())}</p>
        }
        .into_any(),
    }
}

/// Deadlines and application periods, with this person's last day when it can be worked out.
#[component]
fn Windows(
    program: Program,
    result: Memo<Option<leye_core::outcome::ProgramResult>>,
) -> impl IntoView {
    let app = use_app();
    let has_any = !program.windows.is_empty()
        || program.effective_from.is_some()
        || program.effective_until.is_some();
    let from = program.effective_from;
    let until = program.effective_until;
    let effective = move || effective_line(from, until, app.lang.get());
    view! {
        <section class="card">
            <h2>{tr(PolicyText::Deadlines)}</h2>
            <p><strong>{tr(PolicyText::Effective)}{tr(PolicyText::Colon)}</strong>{effective}</p>
            {move || {
                if !has_any {
                    return None;
                }
                let r = result.get()?;
                Some(r.windows.into_iter().map(|w| {
                    let state = window_state(w.state);
                    let deadline = w.deadline.map(|d| d.to_string());
                    view! {
                        <p class="window">
                            {text(w.text)} " — " <strong>{tr(state)}</strong>
                            {deadline.map(|d| view! {
                                <span class="deadline">" · " {move || policy_text::tf(PolicyText::DeadlineBy, app.lang.get(), "date", &d)}</span>
                            })}
                        </p>
                    }
                }).collect_view())
            }}
        </section>
    }
}

/// Each figure's value, source, confidence and dates.
#[component]
fn FigureDetails(figures: Vec<Figure>) -> impl IntoView {
    figures
        .into_iter()
        .map(|f| {
            let value = match f.shown.clone() {
                Some(t) => text(t).into_any(),
                None => tr(PolicyText::FigureNotInForce).into_any(),
            };
            let source = match f.source_url.clone() {
                Some(url) => view! { <a href=url rel="noopener noreferrer" target="_blank">{f.source_title.clone()}</a> }.into_any(),
                None => view! { <span>{f.source_title.clone()}</span> }.into_any(),
            };
            view! {
                <div class="figure-source" data-parameter=f.parameter.clone()>
                    <p class="figure-label">{text(f.label.clone())}{tr(PolicyText::Colon)}<strong class="figure-value">{value}</strong></p>
                    <dl>
                        <dt>{tr(PolicyText::FigureSource)}</dt>
                        <dd>{source}</dd>
                        <dt>{tr(PolicyText::FigureConfidence)}</dt>
                        <dd><ConfidenceTag confidence=f.confidence/></dd>
                        {f.from.map(|d| view! { <dt>{tr(PolicyText::FigureFrom)}</dt><dd>{d.to_string()}</dd> })}
                        {f.checked.map(|d| view! { <dt>{tr(PolicyText::FigureChecked)}</dt><dd class="figure-checked">{d.to_string()}</dd> })}
                    </dl>
                </div>
            }
        })
        .collect_view()
}

#[component]
fn ConfidenceTag(confidence: Confidence) -> impl IntoView {
    let (class, key) = match confidence {
        Confidence::H => ("confidence confidence-h", PolicyText::ConfidenceH),
        Confidence::M => ("confidence confidence-m", PolicyText::ConfidenceM),
        Confidence::L => ("confidence confidence-l", PolicyText::ConfidenceL),
    };
    view! { <span class=class>{tr(key)}</span> }
}

/// Plan clause, departments, sources with confidence, every figure with its source, last-checked date.
#[component]
fn Provenance(program: Program) -> impl IntoView {
    let sources = program
        .sources
        .iter()
        .map(|s| {
            let date = s.date.map(|d| format!(" ({d})"));
            view! {
                <li>
                    <span>{s.title.clone()}</span>{date}
                    " " <ConfidenceTag confidence=s.confidence/>
                </li>
            }
        })
        .collect_view();
    let departments = program
        .departments
        .iter()
        .map(|d| view! { <li>{text(d.clone())}</li> })
        .collect_view();
    view! {
        <section class="card provenance">
            <h2>{tr(PolicyText::Sources)}</h2>
            <p><strong>{tr(PolicyText::PlanClause)}{tr(PolicyText::Colon)}</strong>{program.plan_clause.clone()}</p>
            <h3>{tr(PolicyText::Departments)}</h3>
            <ul class="plain-list">{departments}</ul>
            <h3>{tr(PolicyText::Sources)}</h3>
            <ul class="plain-list">{sources}</ul>
            {(!program.figures.is_empty()).then(|| {
                let rows = program.figures.clone().into_iter().map(|f| {
                    let shown = f.shown.clone();
                    view! {
                        <details class="figure">
                            <summary>
                                {text(f.label.clone())}{tr(PolicyText::Colon)}
                                <strong>{shown.map(|t| text(t).into_any()).unwrap_or_else(|| tr(PolicyText::FigureNotInForce).into_any())}</strong>
                            </summary>
                            <FigureDetails figures=vec![f]/>
                        </details>
                    }
                }).collect_view();
                view! {
                    <h3>{tr(PolicyText::FiguresTitle)}</h3>
                    <div class="figure-list">{rows}</div>
                }
            })}
            <p class="note"><strong>{tr(PolicyText::LastVerified)}{tr(PolicyText::Colon)}</strong>{program.last_verified.to_string()}</p>
        </section>
    }
}
