//! 带去办事的清单 (/summary): what the person can apply for, what is still missing, the documents to bring
//! (one merged list) and where to go, ready to show at the service hall, print (A4, see style/summary.css),
//! share as text or hand over as a QR code made on the phone.

use leptos::prelude::*;
use leptos_router::components::A;

mod share;

use share::{copy, share, share_available};

use crate::components::qr::QrCodeView;
use crate::components::read_aloud::ReadAloud;
use crate::state::outcomes::use_outcomes;
use crate::state::{text, tr, use_app};
use leye_core::offices::Offices;
use leye_core::outcome::ProgramResult;
use leye_core::summary::{read_aloud_text, Summary, SummaryEntry};
use leye_core::text::summary::{needed_for, SummaryText as S};
use leye_core::text::{alternatives, both, list};

/// A QR code of at most this many bytes stays small enough (about version 15, 77 modules) for a phone
/// camera to read from another phone's screen.
pub const QR_MAX_BYTES: usize = 500;

#[component]
pub fn SummaryPage() -> impl IntoView {
    let app = use_app();
    let results = use_outcomes();
    let summary =
        Memo::new(move |_| results.with(|r| Summary::new(&app.catalog.get(), r, app.today)));
    let offices = Offices::builtin();

    view! {
        <div class="summary">
            <h1>{tr(S::Title)}</h1>
            <p class="lead">{tr(S::Intro)}</p>
            <p class="summary-meta">
                {tr(S::AsOf)} " " {app.today.to_string()}
                " · " {tr(S::CatalogAsOf)} " " {move || summary.with(|s| s.catalog_version.clone())}
            </p>
            <Actions summary=summary/>
            {move || {
                let s = summary.get();
                // No answers yet: the list holds only what is open to everyone, so invite the check first.
                let no_answers = app.facts.with(|f| f.is_empty()).then(|| view! {
                    <section class="card summary-empty">
                        <p>{tr(S::NoAnswers)}</p>
                        <A href="/check" attr:class="button button-primary">{tr(S::StartCheck)}</A>
                    </section>
                });
                if s.is_empty() {
                    return view! {
                        <section class="card summary-empty">
                            <p>{tr(S::Empty)}</p>
                            <A href="/check" attr:class="button button-primary">{tr(S::StartCheck)}</A>
                        </section>
                    }
                    .into_any();
                }
                view! {
                    {no_answers}
                    <ProgramSection title=S::CanApply entries=s.can_apply.clone() almost=false results=results/>
                    <ProgramSection title=S::Almost entries=s.almost.clone() almost=true results=results/>
                    <DocumentList summary=s.clone()/>
                }
                .into_any()
            }}
            <WhereToGo offices=offices/>
            <section class="card summary-qr" aria-labelledby="summary-qr-title">
                <h2 id="summary-qr-title">{tr(S::QrTitle)}</h2>
                <QrCodeView text=Signal::derive(move || {
                    summary.with(|s| s.compact_text(app.lang.get(), offices, QR_MAX_BYTES))
                })/>
                <p class="note">{tr(S::QrHint)}</p>
            </section>
            <p class="note summary-disclaimer">{tr(S::Disclaimer)}</p>
        </div>
    }
}

/// Print and share (or copy) buttons; the copy fallback shows the text when the clipboard refuses.
#[component]
fn Actions(summary: Memo<Summary>) -> impl IntoView {
    let app = use_app();
    let can_share = share_available();
    let copy_failed = RwSignal::new(false);
    let text = move || summary.with(|s| s.share_text(app.lang.get(), Offices::builtin()));
    let on_share = move |_| {
        let text = text();
        let title = app.t(S::Title).to_string();
        if can_share {
            wasm_bindgen_futures::spawn_local(async move {
                // AbortError is the person closing the share sheet: nothing to say.
                let _ = share(&title, &text).await;
            });
        } else {
            wasm_bindgen_futures::spawn_local(async move {
                match copy(&text).await {
                    Ok(()) => {
                        copy_failed.set(false);
                        app.inform(both(S::Copied));
                    }
                    Err(()) => copy_failed.set(true),
                }
            });
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="summary-actions">
            <button type="button" class="button button-primary summary-share" on:click=on_share>
                {move || if can_share { app.t(S::Share) } else { app.t(S::CopyText) }}
            </button>
            <button type="button" class="button summary-print" on:click=print>{tr(S::Print)}</button>
        </div>
        <Show when=move || copy_failed.get()>
            <div class="card summary-copy-fallback">
                <p role="alert">{tr(S::CopyFailed)}</p>
                <label for="summary-share-text">{tr(S::ShareText)}</label>
                <textarea id="summary-share-text" readonly rows="8" prop:value=text></textarea>
            </div>
        </Show>
    }
}

#[component]
fn ProgramSection(
    title: S,
    entries: Vec<SummaryEntry>,
    almost: bool,
    results: Memo<Vec<ProgramResult>>,
) -> impl IntoView {
    if entries.is_empty() {
        return ().into_any();
    }
    let app = use_app();
    let id = if almost {
        "summary-almost"
    } else {
        "summary-can-apply"
    };
    let class = if almost {
        "summary-section summary-almost"
    } else {
        "summary-section summary-can-apply"
    };
    view! {
        <section class=class aria-labelledby=id>
            <h2 id=id>{tr(title)} <span class="count">{format!("({})", entries.len())}</span></h2>
            <ul class="summary-programs">
                {entries.into_iter().map(|e| {
                    let catalog = app.catalog.get_untracked();
                    let spoken = catalog.program(&e.program).map(|p| {
                        results.with_untracked(|rs| {
                            read_aloud_text(p, &e.benefit, rs.iter().find(|r| r.program == e.program))
                        })
                    }).unwrap_or_default();
                    let e2 = e.clone();
                    view! {
                        <li class="card summary-program">
                            <h3>{move || e2.name.get(app.lang.get()).to_string()}</h3>
                            <p class="summary-verdict">{text(e.verdict.clone())}</p>
                            {(!almost).then(|| view! {
                                <p><span class="summary-label">{label(S::Amount)}</span>
                                    <span class="summary-amount">{text(e.benefit.clone())}</span></p>
                            })}
                            {(almost && !e.missing.is_empty()).then(|| view! {
                                <div class="summary-missing">
                                    <span class="summary-label">{label(S::StillNeeded)}</span>
                                    <ul>{e.missing.iter().cloned().map(|m| view! { <li>{text(m)}</li> }).collect_view()}</ul>
                                </div>
                            })}
                            {(!e.apply.is_empty()).then(|| view! {
                                <p><span class="summary-label">{label(S::ApplyAt)}</span>
                                    {move || {
                                        let lang = app.lang.get();
                                        let ways: Vec<&str> = e.apply.iter().map(|a| a.get(lang)).collect();
                                        alternatives(&ways, lang)
                                    }}</p>
                            })}
                            <ReadAloud text=Signal::stored(spoken)/>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn DocumentList(summary: Summary) -> impl IntoView {
    let app = use_app();
    view! {
        <section class="card summary-documents" aria-labelledby="summary-documents-title">
            <h2 id="summary-documents-title">{tr(S::Documents)}</h2>
            {if summary.documents.is_empty() {
                view! { <p class="note">{tr(S::NoDocuments)}</p> }.into_any()
            } else {
                view! {
                    <p class="note">{tr(S::DocumentsHint)}</p>
                    <ul class="checklist">
                        {summary.documents.into_iter().map(|d| view! {
                            <li>
                                <span class="checklist-box" aria-hidden="true"></span>
                                <span>{text(d.text.clone())}</span>
                                <span class="checklist-for">
                                    {move || {
                                        let lang = app.lang.get();
                                        let names: Vec<&str> = d.needed_for.iter().map(|n| n.get(lang)).collect();
                                        needed_for(&names, lang)
                                    }}
                                </span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// Where to go: city-wide channels, then each district with only what is confirmed.
#[component]
pub fn WhereToGo(offices: &'static Offices) -> impl IntoView {
    let app = use_app();
    let city = &offices.city;
    view! {
        <section class="card where-to-go" aria-labelledby="where-title">
            <h2 id="where-title">{tr(S::WhereTitle)}</h2>
            <p>{tr(S::WhereIntro)}</p>
            <ul class="where-city">
                <li>
                    <span class="summary-label">{label(S::Hotline)}</span>
                    <a class="tel-link" href=format!("tel:{}", city.hotline)>{tr(S::CallHotline)}</a>
                </li>
                <li>
                    <span class="summary-label">{label(S::CityWebsite)}</span>
                    <a href=city.website.clone() rel="noopener noreferrer" target="_blank">
                        {city.website.trim_start_matches("https://").trim_end_matches('/').to_string()}
                    </a>
                </li>
                <li>
                    <span class="summary-label">{label(S::Apps)}</span>
                    {move || {
                        let lang = app.lang.get();
                        let apps: Vec<&str> = city.apps.iter().map(|a| a.get(lang)).collect();
                        list(&apps, lang)
                    }}
                </li>
            </ul>
            <h3>{tr(S::DistrictsTitle)}</h3>
            <ul class="where-districts">
                {offices.offices.iter().map(|o| if o.has_details() {
                    view! {
                        <li class="where-office">
                            <strong>{text(o.district.clone())}</strong>
                            <span>{label(S::AskFor)}{text(o.name.clone())}</span>
                            {o.address.clone().map(|a| view! {
                                <span>{label(S::Address)}{text(a)}</span>
                            })}
                            {o.phone.clone().map(|p| view! {
                                <span>{label(S::Phone)}<a class="tel-link" href=leye_core::offices::tel_href(&p)>{p.clone()}</a></span>
                            })}
                            {o.hours.clone().map(|h| view! {
                                <span>{label(S::Hours)}{text(h)}</span>
                            })}
                        </li>
                    }.into_any()
                } else {
                    // Nothing verified: one line, never a card of empty fields.
                    view! {
                        <li class="where-office where-office-short">
                            <strong>{text(o.district.clone())}</strong>" · "
                            {text(o.name.clone())}" · "{tr(S::NotConfirmed)}
                        </li>
                    }.into_any()
                }).collect_view()}
            </ul>
        </section>
    }
}

/// "去哪里办:" / "Where to apply: ": a label followed by its value.
fn label(m: S) -> impl Fn() -> String + Send + Sync + 'static {
    let app = use_app();
    move || leye_core::text::labelled(app.t(m), app.lang.get())
}
