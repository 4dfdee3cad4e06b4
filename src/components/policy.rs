//! Small views shared by the results, program and 政策 screens: outcome badge, benefit line,
//! criterion rows, the tickable documents checklist, the ways to apply and the data date.

use leptos::prelude::*;

use crate::state::saved::SavedPrograms;
use crate::state::{tr, use_app};
use leye_core::catalog::Channel;
use leye_core::lang::Text;
use leye_core::outcome::{Group, Outcome};
use leye_core::rules::{CriterionResult, Status};
use leye_core::text::policy::PolicyText;
use leye_core::view::results::tel_link;

/// A coloured label for a result; the colour only repeats what the words say.
#[component]
pub fn OutcomeBadge(outcome: Outcome, group: Group) -> impl IntoView {
    let app = use_app();
    let (class, label) = match (group, outcome) {
        (Group::CanApply, Outcome::LikelyEligible) => ("badge badge-likely", outcome.label()),
        (Group::CanApply, _) => ("badge badge-yes", group.label()),
        (Group::AlmostThere, _) => ("badge badge-almost", group.label()),
        (Group::NeedsInfo, _) => ("badge badge-info", group.label()),
        (Group::NotEligible, _) => ("badge badge-no", group.label()),
        (Group::ForEmployers, _) => ("badge badge-employer", group.label()),
    };
    view! { <span class=class>{move || label.get(app.lang.get()).to_string()}</span> }
}

// The reactive text helper lives with `tr` in state; re-exported for the policy screens' imports.
pub use crate::state::text;

/// The amount line: "费用的50%,最多100元(每人每年)" or "金额以当地最新通知为准,可咨询…".
#[component]
pub fn BenefitLine(benefit: Text) -> impl IntoView {
    view! { <p class="benefit-line">{text(benefit)}</p> }
}

/// One condition checked against the person's answers, as a sentence with a mark.
#[component]
pub fn CriterionRow(result: CriterionResult) -> impl IntoView {
    let (class, mark, label) = match result.status {
        Status::Met => ("criterion criterion-met", "✓", PolicyText::CriterionMet),
        Status::Failed => (
            "criterion criterion-failed",
            "✗",
            PolicyText::CriterionFailed,
        ),
        Status::Unknown => (
            "criterion criterion-unknown",
            "?",
            PolicyText::CriterionUnknown,
        ),
    };
    view! {
        <li class=class data-status=format!("{:?}", result.status).to_lowercase()>
            <span class="criterion-mark" aria-hidden="true">{mark}</span>
            <span class="visually-hidden">{tr(label)}{tr(PolicyText::Colon)}</span>
            <span>{text(result.text)}</span>
        </li>
    }
}

/// The documents to bring, each a checkbox whose tick is saved on the phone (saving the program).
#[component]
pub fn DocumentChecklist(
    program: String,
    documents: Vec<Text>,
    saved: SavedPrograms,
) -> impl IntoView {
    if documents.is_empty() {
        return view! { <p class="note">{tr(PolicyText::DocumentsNone)}</p> }.into_any();
    }
    let rows = documents
        .into_iter()
        .enumerate()
        .map(|(i, doc)| {
            let index = i as u32;
            let (p1, p2) = (program.clone(), program.clone());
            view! {
                <li>
                    <label class="choice doc-item">
                        <input
                            type="checkbox"
                            prop:checked=move || saved.is_ticked(&p1, index)
                            on:change=move |ev| saved.tick(&p2, index, event_target_checked(&ev))
                        />
                        <span>{text(doc)}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="note">{tr(PolicyText::DocumentsHint)}</p>
        <ul class="doc-list">{rows}</ul>
    }
    .into_any()
}

/// The ways to apply, with a tappable phone link for the 12333 hotline.
#[component]
pub fn ApplyChannels(channels: Vec<Channel>) -> impl IntoView {
    let rows = channels
        .into_iter()
        .map(|c| {
            let label = c.label();
            let note = c.note.clone();
            let name = match tel_link(&c) {
                Some(href) => view! {
                    <a class="button tel-link" href=href>{text(label)}</a>
                }
                .into_any(),
                None => view! { <strong>{text(label)}</strong> }.into_any(),
            };
            view! {
                <li class="channel">
                    {name}
                    {note.map(|n| view! { <span class="channel-note">{text(n)}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="channel-list">{rows}</ul> }
}

/// 政策数据更新于 <date>: every result and browse screen says how fresh its data is.
#[component]
pub fn DataAsOf() -> impl IntoView {
    let app = use_app();
    view! {
        <p class="data-as-of">
            {tr(PolicyText::DataAsOf)} " " {move || app.catalog.get().published().to_string()}
        </p>
    }
}

/// Programs that may not combine with this one, as the sources say: "可能不能同时享受,以当地最新通知为准".
/// A program that comes by itself is never offered as one of two to choose.
#[component]
pub fn ExclusionNote(
    program: String,
    exclusions: Vec<leye_core::outcome::Exclusion>,
) -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog.get_untracked();
    let rows = exclusions
        .into_iter()
        .map(|e| {
            let href = format!("/policies/{}", e.program);
            let hint = leye_core::view::results::exclusion_hint(&catalog, &program, &e);
            view! {
                <li>
                    <leptos_router::components::A href=href>{text(e.name)}</leptos_router::components::A>
                    // "name (why)" in English needs the space Chinese does without.
                    {hint.map(|h| view! {
                        {move || (app.lang.get() == leye_core::lang::Lang::En).then_some(" ")}
                        <span>{tr(h)}</span>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="exclusion" role="note">
            <strong>{tr(PolicyText::ExcludedWith)}</strong>
            <ul>{rows}</ul>
        </div>
    }
}
