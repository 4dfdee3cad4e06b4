//! The check's results: sections ranked for this person, a card per program, courses and services.

use leptos::prelude::*;
use leptos_router::components::A;

use super::answers::Answers;
use super::Flow;
use crate::components::policy::{
    text, ApplyChannels, BenefitLine, DataAsOf, DocumentChecklist, ExclusionNote, OutcomeBadge,
};
use crate::state::outcomes::use_outcomes;
use crate::state::saved::{use_saved_programs, SavedPrograms};
use crate::state::{tr, use_app};
use leye_core::outcome::{Group, ProgramResult};
use leye_core::questionnaire;
use leye_core::text::policy as policy_text;
use leye_core::text::policy::PolicyText;
use leye_core::view::results;
use leye_core::view::results::{service_channels, Card};

/// The results in sections ranked for this person (`results::ranked`): money and cover to claim now, what is one
/// step away, courses, services to simply use, what is still open, then the rest; the answers below.
#[component]
pub(super) fn Results(flow: Flow) -> impl IntoView {
    let app = use_app();
    let saved = use_saved_programs();
    let results = use_outcomes();
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
                results::ranked(&catalog, &all)
                    .into_iter()
                    // Courses and services appear only when there is something to join or use.
                    .filter(|(section, items)| {
                        !items.is_empty() || !matches!(section, results::Section::Courses | results::Section::Services)
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
    section: results::Section,
    items: Vec<ProgramResult>,
    saved: SavedPrograms,
) -> impl IntoView {
    let open = section.open() && !items.is_empty();
    let count = items.len();
    let class = format!("result-group result-group-{}", section.code());
    let note = (section == results::Section::ForEmployers)
        .then(|| view! { <p class="note">{tr(PolicyText::ForEmployersNote)}</p> });
    let body = if items.is_empty() {
        view! { <p class="note">{tr(PolicyText::NoneInGroup)}</p> }.into_any()
    } else if section == results::Section::Courses {
        let refs: Vec<&ProgramResult> = items.iter().collect();
        results::course_cards(&refs)
            .into_iter()
            .map(|(kind, list)| {
                let programs: Vec<String> = list.iter().map(|r| r.program.clone()).collect();
                view! { <CourseCard kind programs/> }
            })
            .collect_view()
            .into_any()
    } else if section == results::Section::Services {
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
            <summary class="course-group-title">{move || results::course_card_title(kind, n, app.lang.get())}</summary>
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
    let mut p = p;
    p.apply = app.facts.with_untracked(|f| service_channels(&p, f));
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
    let card = app
        .facts
        .with_untracked(|f| Card::new(&catalog, &result, &program, f));
    let Card {
        verdict,
        opens,
        why,
        automatic,
        next,
        ask,
        details,
    } = card;
    let opens = opens.map(|d| d.to_string());
    let exclusions = result.excluded_with.clone();
    let pid = program.id.clone();
    view! {
        <article class="result-card" data-program=program.id.clone()>
            <h3><A href=href.clone()>{text(program.name.clone())}</A></h3>
            <OutcomeBadge outcome=result.outcome group=result.group/>
            {verdict.map(|v| view! { <p class="verdict">{text(v)}</p> })}
            {opens.map(|d| view! {
                <p class="availability">{move || policy_text::tf(PolicyText::NotYetOpen, app.lang.get(), "date", &d)}</p>
            })}
            <BenefitLine benefit=result.benefit.clone()/>
            {why.map(|w| view! {
                <p class="why"><strong>{tr(PolicyText::Why)}{tr(PolicyText::Colon)}</strong>{text(w)}</p>
            })}
            {automatic.then(|| view! { <p class="next-step automatic">{tr(PolicyText::Automatic)}</p> })}
            {next.map(|(label, n)| view! {
                <p class="next-step"><strong>{tr(label)}{tr(PolicyText::Colon)}</strong>{text(n)}</p>
            })}
            {ask.map(|fact| view! { <crate::components::inline_answer::InlineAnswer fact/> })}
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
