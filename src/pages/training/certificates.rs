//! 证书和补贴: each certificate with the 考证补贴 it unlocks (amount, status, the program's own conditions as
//! the engine judges them, marking it claimed), and the form to add a certificate.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::training::Training;
use crate::state::{tr, use_app};
use leye_core::date::Date;
use leye_core::text::training::{self as text, TrainingText as T};
use leye_core::training::{
    claims_in_year, skills_subsidies, Certificate, CertificateLevel, EventKind, SubsidyStatus,
};
use leye_core::view::training::{
    bonus_conditions, certificates_without_level, field_of, BonusConditions, Field,
};

#[component]
pub fn Certificates(training: Training) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let cards = move || {
        let lang = app.lang.get();
        let Some(terms) = training.terms.get() else {
            return view! { <p class="note">{app.t(T::TermsMissing)}</p> }.into_any();
        };
        let (subsidies, used, no_level) = training.with_log(|log| {
            (
                skills_subsidies(log, &terms, today),
                claims_in_year(log, today.year()),
                certificates_without_level(log),
            )
        });
        if subsidies.is_empty() && no_level.is_empty() {
            return view! { <p class="note">{app.t(T::NoCerts)}</p> }.into_any();
        }
        let catalog = app.catalog.get();
        let facts = app.facts.get();
        let program = catalog.program(&terms.program_id).cloned();
        let items = subsidies.into_iter().map(|s| {
            let level = s.certificate.level.expect("subsidies are for certificates with a level");
            let amount = s.amount.map_or_else(
                || app.t(T::Unknown).to_string(),
                |a| text::amount(a, lang),
            );
            let status = text::subsidy_status(&s, today, terms.max_claims_per_year, lang);
            let open = matches!(s.status, SubsidyStatus::Open { .. });
            // The program's own conditions (insurance), judged by the engine with this certificate's facts.
            // Only while it can still be claimed: a claimed or expired certificate needs no advice.
            let conditions = program
                .as_ref()
                .and_then(|p| bonus_conditions(p, catalog.facts(), &facts, &s, used, today))
                .map(|c| match c {
                    BonusConditions::Met => {
                        view! { <p class="verdict verdict-yes">{app.t(T::EligibleYes)}</p> }.into_any()
                    }
                    BonusConditions::Unmet(lines) => {
                        let lines = lines
                            .iter()
                            .map(|t| view! { <li>{t.get(lang).to_string()}</li> })
                            .collect_view();
                        view! {
                            <div class="verdict verdict-check">
                                <p>{app.t(T::EligibleCheck)}</p>
                                <ul class="plain-list">{lines}</ul>
                                <A href="/check" attr:class="inline-link">{app.t(T::JoinAnswerMore)}</A>
                            </div>
                        }.into_any()
                    }
                });
            let number = s.certificate.number.clone();
            let error = RwSignal::new(None::<String>);
            let claim = move |_| {
                match training.record(today, None, EventKind::SubsidyClaimed { certificate_number: number.clone() }) {
                    Ok(()) => error.set(None),
                    Err(e) => error.set(Some(e.message(app.lang.get_untracked()))),
                }
            };
            view! {
                <li class="subsidy">
                    <h3 class="subsidy-cert">
                        {s.certificate.name.clone()} " · " {level.label().get(lang).to_string()}
                    </h3>
                    <p class="subsidy-number">{app.t(T::CertNumber)} {text::colon(lang)} {s.certificate.number.clone()}</p>
                    <p class="subsidy-amount">
                        <span class="label">{terms.name.get(lang).to_string()} {text::colon(lang)}</span>
                        <strong class="amount">{amount}</strong>
                    </p>
                    <p class=if open { "subsidy-status status-open" } else { "subsidy-status" }>{status}</p>
                    {conditions}
                    <p class="note">{app.t(T::ApplyAt)} {text::colon(lang)} {terms.apply.get(lang).to_string()}</p>
                    {open.then(|| view! {
                        <button type="button" class="button" on:click=claim>{app.t(T::MarkClaimed)}</button>
                    })}
                    {move || error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                </li>
            }
        }).collect_view();
        let plain = no_level
            .into_iter()
            .map(|c| {
                view! {
                    <li class="subsidy subsidy-nolevel">
                        <h3 class="subsidy-cert">{c.name.clone()}</h3>
                        <p class="subsidy-number">{app.t(T::CertNumber)} {text::colon(lang)} {c.number.clone()}</p>
                        <p class="note">{app.t(T::NoLevelNote)}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="claims-count">{text::claims_this_year(used, terms.max_claims_per_year, lang)}</p>
            <ul class="subsidies">{items}{plain}</ul>
        }
        .into_any()
    };
    view! {
        <section class="card training-certs" aria-labelledby="certs">
            <h2 id="certs">{tr(T::Certs)}</h2>
            <p class="note">{tr(T::CertsIntro)}</p>
            {cards}
            <AddCertificate training/>
        </section>
    }
}

#[component]
pub fn AddCertificate(training: Training) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let name = RwSignal::new(String::new());
    let level = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let issued = RwSignal::new(String::new());
    let course = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(Field, String)>);
    let saved = RwSignal::new(false);
    let err_at = move |f: Field| move || error.get().filter(|(at, _)| *at == f).map(|(_, m)| m);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let lang = app.lang.get_untracked();
        let issued_on = match Date::parse(issued.get_untracked().trim()) {
            Ok(d) => d,
            Err(_) => return error.set(Some((Field::Date, app.t(T::PickDate).to_string()))),
        };
        let level_value = level.get_untracked();
        let certificate = Certificate {
            name: name.get_untracked().trim().to_string(),
            level: CertificateLevel::from_fact_value(&level_value),
            number: number.get_untracked().trim().to_string(),
            issued_on,
        };
        if certificate.name.is_empty() {
            return error.set(Some((Field::Text, app.t(T::Required).to_string())));
        }
        let course_id = course.get_untracked();
        let course_ref = (!course_id.is_empty()).then_some(course_id.as_str());
        match training.record(
            today,
            course_ref,
            EventKind::CertificateAdded { certificate },
        ) {
            Ok(()) => {
                error.set(None);
                saved.set(true);
                name.set(String::new());
                number.set(String::new());
            }
            Err(e) => error.set(Some((field_of(&e), e.message(lang)))),
        }
    };
    let enrolled = move || {
        let courses = training.courses.get();
        let lang = app.lang.get();
        training.with_log(|log| {
            courses
                .courses()
                .iter()
                .filter(|c| log.enrolment(&c.id).is_some())
                .map(|c| (c.id.0.clone(), c.name.get(lang).to_string()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="add-form">
            <summary class="button">{tr(T::AddCert)}</summary>
            <form class="form" on:submit=submit novalidate>
                <label class="field">
                    <span class="field-label">{tr(T::CertName)}</span>
                    <input type="text" name="cert-name" maxlength="80" autocomplete="off"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || err_at(Field::Text)().is_some().to_string()/>
                    {move || err_at(Field::Text)().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                </label>
                <label class="field">
                    <span class="field-label">{tr(T::CertLevel)}</span>
                    <select name="cert-level" on:change=move |ev| level.set(event_target_value(&ev))
                        prop:value=move || level.get()>
                        <option value="">{tr(T::CertLevelNone)}</option>
                        {CertificateLevel::ALL.into_iter().map(|l| view! {
                            <option value=l.fact_value()>{move || l.label().get(app.lang.get()).to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{tr(T::CertNumber)}</span>
                    <input type="text" name="cert-number" maxlength="64" autocomplete="off"
                        prop:value=move || number.get() on:input=move |ev| number.set(event_target_value(&ev))
                        aria-invalid=move || err_at(Field::Number)().is_some().to_string()/>
                    {move || err_at(Field::Number)().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                </label>
                <label class="field">
                    <span class="field-label">{tr(T::CertIssued)}</span>
                    <input type="date" name="cert-issued" max=today.to_string()
                        prop:value=move || issued.get() on:input=move |ev| issued.set(event_target_value(&ev))
                        aria-invalid=move || err_at(Field::Date)().is_some().to_string()/>
                    {move || err_at(Field::Date)().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                </label>
                <label class="field">
                    <span class="field-label">{tr(T::CertCourse)}</span>
                    <select name="cert-course" on:change=move |ev| course.set(event_target_value(&ev))
                        prop:value=move || course.get()>
                        <option value="">{tr(T::CertCourseNone)}</option>
                        {move || enrolled().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="button button-primary">{tr(T::Save)}</button>
                {move || err_at(Field::Form)().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                <p class="form-status" role="status">{move || saved.get().then(|| app.t(T::Saved))}</p>
            </form>
        </details>
    }
}
