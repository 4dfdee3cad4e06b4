//! 政策: every program of the plan, searchable in Chinese (name, summary, official term), filtered by
//! kind and by "for me" (can apply or almost there, from the person's answers). Each row opens the
//! program page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::policy::{text, DataAsOf, OutcomeBadge};
use crate::state::outcomes::use_outcomes;
use crate::state::{tr, use_app};
use leye_core::catalog::Kind;
use leye_core::i18n::Key;
use leye_core::text::policy as policy_text;
use leye_core::text::policy::PolicyText;
use leye_core::view::policies;

#[component]
pub fn PoliciesPage() -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let english_asked = std::cell::Cell::new(false);
    let kind: RwSignal<Option<Kind>> = RwSignal::new(None);
    let only_mine = RwSignal::new(false);
    let results = use_outcomes();
    let has_answers = move || app.facts.with(|f| !f.is_empty());

    let kind_choices = std::iter::once(None)
        .chain(Kind::ALL.into_iter().map(Some))
        .map(|k| {
            let label = move || match k {
                None => app.t(PolicyText::KindAll).to_string(),
                Some(k) => k.label().get(app.lang.get()).to_string(),
            };
            view! {
                <label class="chip">
                    <input type="radio" name="kind"
                        prop:checked=move || kind.get() == k
                        on:change=move |_| kind.set(k)/>
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();

    let rows = move || {
        let catalog = app.catalog.get();
        let results = results.get();
        let q = query.get();
        let list = policies::browse(&catalog, &results, &q, kind.get(), only_mine.get());
        let count = list.len();
        let show_outcome = app.facts.with(|f| !f.is_empty());
        let items = list
            .into_iter()
            .map(|p| {
                // Owned, because the row's link keeps its children beyond this borrow of the catalog.
                let p = p.clone();
                let r = results.iter().find(|r| r.program == p.id).cloned();
                let href = format!("/policies/{}", p.id);
                let employer = p.is_for_employers();
                view! {
                    <li class="policy-row" data-program=p.id.clone()>
                        <A href=href attr:class="policy-link">
                            <span class="policy-name">{text(p.name.clone())}</span>
                            <span class="policy-summary">{text(p.summary.clone())}</span>
                            <span class="policy-tags">
                                <span class="kind-tag">{text(p.kind.label())}</span>
                                {r.filter(|_| show_outcome && !employer)
                                    .map(|r| view! { <OutcomeBadge outcome=r.outcome group=r.group/> })}
                            </span>
                        </A>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="count" aria-live="polite">
                {move || policy_text::tf(PolicyText::Count, app.lang.get(), "n", &count.to_string())}
            </p>
            {(count == 0).then(|| view! { <p class="note">{tr(PolicyText::NoMatch)}</p> })}
            <ul class="policy-list">{items}</ul>
        }
    };

    view! {
        <h1>{tr(Key::PoliciesTitle)}</h1>
        <DataAsOf/>
        <div class="policy-filters">
            <label class="search-field">
                <span class="field-label">{tr(PolicyText::SearchLabel)}</span>
                <input type="search" class="search-input" enterkeyhint="search"
                    placeholder=tr(PolicyText::SearchPlaceholder)
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        let q = event_target_value(&ev);
                        // Words in English are searched in the catalog's English, which a Chinese screen
                        // reads only when asked (issue 16): the list follows once it is in.
                        if q.bytes().any(|b| b.is_ascii_alphabetic()) && !english_asked.replace(true) {
                            wasm_bindgen_futures::spawn_local(async move {
                                app.read_english().await;
                            });
                        }
                        query.set(q);
                    }/>
            </label>
            <fieldset class="chips">
                <legend class="field-label">{tr(PolicyText::KindFilter)}</legend>
                {kind_choices}
            </fieldset>
            <label class="choice">
                <input type="checkbox"
                    prop:checked=move || only_mine.get()
                    on:change=move |ev| only_mine.set(event_target_checked(&ev))/>
                <span>{tr(PolicyText::ForMeOnly)}</span>
            </label>
            <Show when=move || only_mine.get() && !has_answers()>
                <p class="note">
                    {tr(PolicyText::ForMeNoAnswers)} " "
                    <A href="/check">{tr(PolicyText::StartCheck)}</A>
                </p>
            </Show>
        </div>
        {rows}
        <p class="note">{tr(PolicyText::CheckWhere)}</p>
    }
}
