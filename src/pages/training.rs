//! 培训 tab: my courses with their progress, certificates and the 考证补贴 they unlock, every upcoming
//! deadline (exportable as .ics), the learning record download, and the course catalog.
//! Everything shown is derived from the training log ([`crate::state::training`]).

pub mod course;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{tr, use_app};
use crate::components::export::{Export, ExportFile, ExportPanel};
use crate::components::training_log::{
    notification_permission, notifications_supported, request_notifications, utc_stamp,
};
use crate::state::training::{use_training, Training};
use leye_core::date::Date;
use leye_core::facts::FactValue;
use leye_core::rules::{evaluate_rule, Status};
use leye_core::text::training::{self as text, Field, TrainingText as T};
use leye_core::training::{
    claims_in_year, progress, skills_subsidies, to_ics, Certificate, CertificateLevel, Course,
    EventKind, SubsidyStatus,
};
use leye_core::view::join::join_verdict;

#[component]
pub fn TrainingPage() -> impl IntoView {
    // The log follows storage on its own, imports and erases included (see `use_training`).
    let training = use_training();
    // Someone new sees the courses right away; a trainee sees their own progress and dates first.
    let newcomer = Memo::new(move |_| {
        training.loaded() && training.with_log(|log| log.effective().next().is_none())
    });
    view! {
        <h1>{tr(T::Title)}</h1>
        <p class="lead">{tr(T::Intro)}</p>
        <Show when=move || training.loaded() fallback=|| view! { <p class="note">{tr(T::Loading)}</p> }>
            {move || (training.unreadable() > 0)
                .then(|| view! { <p class="note" role="status">{tr(T::Unreadable)}</p> })}
            <MyCourses training/>
            <Show when=move || newcomer.get()><CourseList training/></Show>
            <Certificates training/>
            <Deadlines training/>
            <LearningRecordCard training/>
        </Show>
        <Show when=move || !newcomer.get()><CourseList training/></Show>
    }
}

/// A progress bar with its percentage in words, for screen readers and for reading in the sun.
pub fn progress_bar(permille: u16, label: &'static str) -> impl IntoView {
    let pct = text::percent(permille);
    view! {
        <div class="progress-row">
            <progress class="progress" max="100" value=pct.to_string() aria-label=label></progress>
            <span class="progress-pct">{format!("{pct}%")}</span>
        </div>
    }
}

#[component]
fn MyCourses(training: Training) -> impl IntoView {
    let app = use_app();
    let all = Memo::new(move |_| {
        let courses = training.courses.get();
        training.with_log(|log| progress(log, &courses))
    });
    view! {
        <section class="card training-mine" aria-labelledby="my-courses">
            <h2 id="my-courses">{tr(T::MyCourses)}</h2>
            {move || {
                let p = all.get();
                let lang = app.lang.get();
                if p.courses.is_empty() {
                    return view! { <p class="note">{app.t(T::NoCourses)}</p> }.into_any();
                }
                let courses = training.courses.get();
                let overall = match p.overall_permille {
                    Some(pm) => view! {
                        <div class="overall">
                            <h3 class="overall-title">{app.t(T::Overall)}</h3>
                            {progress_bar(pm, app.t(T::Overall))}
                        </div>
                    }.into_any(),
                    None => view! { <p class="note">{app.t(T::OverallUnknown)}</p> }.into_any(),
                };
                let rows = p.courses.iter().map(|cp| {
                    // A course the catalog no longer lists (after an update) keeps its records, shown by id.
                    let listed = courses.course(&cp.course).is_some();
                    let name = courses.course(&cp.course).map(|c| c.name.get(lang).to_string())
                        .unwrap_or_else(|| cp.course.to_string());
                    let href = format!("/training/{}", cp.course);
                    let figures = text::progress_figures(cp, lang);
                    let bar = match cp.permille {
                        Some(pm) => progress_bar(pm, app.t(T::Percent)).into_any(),
                        None => view! { <p class="note">{app.t(T::RequirementUnknown)}</p> }.into_any(),
                    };
                    let done = cp.completed_on.map(|d| view! {
                        <p class="badge badge-done">{app.t(T::CompletedOn)} " " {d.to_string()}</p>
                    });
                    let heading = if listed {
                        view! {
                            <A href=href attr:class="my-course-link">
                                <span class="my-course-name">{name}</span>
                                <span class="my-course-go">{app.t(T::LogProgress)} " ›"</span>
                            </A>
                        }.into_any()
                    } else {
                        view! {
                            <p class="my-course-link my-course-unlisted">
                                <span class="my-course-name">{name}</span>
                            </p>
                            <p class="note my-course-unlisted-note">{app.t(T::NoLongerListed)}</p>
                        }.into_any()
                    };
                    view! {
                        <li class="my-course">
                            {heading}
                            {bar}
                            {(!figures.is_empty()).then(|| view! { <p class="figures">{figures}</p> })}
                            {done}
                        </li>
                    }
                }).collect_view();
                view! { {overall} <ul class="my-courses">{rows}</ul> }.into_any()
            }}
        </section>
    }
}

#[component]
fn Certificates(training: Training) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let cards = move || {
        let lang = app.lang.get();
        let Some(terms) = training.terms.get() else {
            return view! { <p class="note">{app.t(T::TermsMissing)}</p> }.into_any();
        };
        let (subsidies, used, no_level) = training.with_log(|log| {
            let no_level: Vec<Certificate> = log
                .certificates()
                .into_iter()
                .filter(|(_, c)| c.level.is_none())
                .map(|(_, c)| c.clone())
                .collect();
            (
                skills_subsidies(log, &terms, today),
                claims_in_year(log, today.year()),
                no_level,
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
            let claimable = matches!(
                s.status,
                SubsidyStatus::Open { .. } | SubsidyStatus::YearCapReached { .. }
            );
            let conditions = program.as_ref().filter(|_| claimable).map(|p| {
                let mut f = facts.clone();
                f.set("cert_level", FactValue::Choice(level.fact_value().to_string()));
                f.set("cert_date", FactValue::Date(s.certificate.issued_on));
                f.set("skill_subsidy_claims_this_year", FactValue::Int(used as i64));
                let result = evaluate_rule(&p.eligibility(), catalog.facts(), &f, today);
                if result.status == Status::Met {
                    view! { <p class="verdict verdict-yes">{app.t(T::EligibleYes)}</p> }.into_any()
                } else {
                    let lines = result
                        .trace
                        .iter()
                        .filter(|c| c.status != Status::Met && c.decisive && !c.not_applicable)
                        .map(|c| view! { <li>{c.text.get(lang).to_string()}</li> })
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
fn AddCertificate(training: Training) -> impl IntoView {
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
            Err(e) => error.set(Some((text::field_of(&e), e.message(lang)))),
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

#[component]
fn Deadlines(training: Training) -> impl IntoView {
    let app = use_app();
    let today = app.today;
    let list = move || training.deadlines();
    let exported = Export::new();
    // Downloaded, and offered to share, copy or long-press where downloads do not work (WeChat).
    let export = move |_| {
        let lang = app.lang.get_untracked();
        let ics = to_ics(&training.deadlines(), lang, utc_stamp());
        exported.offer(ExportFile {
            name: format!("leye-deadlines-{today}.ics"),
            mime: "text/calendar",
            text: ics.into(),
        });
    };
    // Reminders need two yeses: the person's tap here, and the browser's permission (asked only on that tap).
    let supported = notifications_supported();
    let permission = RwSignal::new(supported.then(notification_permission));
    let asked = RwSignal::new(false);
    let turn_on = move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            let now = if notification_permission() == web_sys::NotificationPermission::Granted {
                web_sys::NotificationPermission::Granted
            } else {
                request_notifications().await
            };
            permission.set(Some(now));
            asked.set(true);
            if now == web_sys::NotificationPermission::Granted {
                training.set_reminders(true);
            }
        });
    };
    let turn_off = move |_| training.set_reminders(false);
    let reminders = move || {
        use web_sys::NotificationPermission as P;
        let on_button = || {
            view! {
                <button type="button" class="button reminders-on" on:click=turn_on>{app.t(T::NotifyOn)}</button>
            }
        };
        match permission.get() {
            None => view! { <p class="note reminders-state">{app.t(T::NotifyUnsupported)}</p> }.into_any(),
            Some(P::Denied) => view! { <p class="note reminders-state" role="status">{app.t(T::NotifyDenied)}</p> }.into_any(),
            Some(P::Granted) if training.reminders_on() => view! {
                <p class="note note-ok reminders-state" role="status">{app.t(T::NotifyEnabled)}</p>
                <button type="button" class="button reminders-off" on:click=turn_off>{app.t(T::NotifyOff)}</button>
            }.into_any(),
            // Asked, but the browser's question was closed without an answer.
            Some(P::Default) if asked.get() => view! {
                <p class="note reminders-state" role="status">{app.t(T::NotifyDismissed)}</p>
                {on_button()}
            }.into_any(),
            Some(_) => view! {
                <p class="note">{app.t(T::NotifyIntro)}</p>
                {on_button()}
            }.into_any(),
        }
    };
    view! {
        <section class="card training-deadlines" aria-labelledby="deadlines">
            <h2 id="deadlines">{tr(T::Deadlines)}</h2>
            {move || {
                let items = list();
                let lang = app.lang.get();
                if items.is_empty() {
                    return view! { <p class="note">{app.t(T::NoDeadlines)}</p> }.into_any();
                }
                let rows = items.into_iter().map(|d| view! {
                    <li class="deadline">
                        <span class="deadline-date">{d.date.to_string()}</span>
                        <span class="deadline-left">{text::countdown(today, d.date, lang)}</span>
                        <span class="deadline-title">{d.title.get(lang).to_string()}</span>
                    </li>
                }).collect_view();
                view! {
                    <ol class="deadlines">{rows}</ol>
                    <button type="button" class="button export-ics" on:click=export>{app.t(T::ExportIcs)}</button>
                    <p class="note">{app.t(T::IcsNote)}</p>
                }.into_any()
            }}
            <ExportPanel export=exported id="ics-export-text"/>
            <div class="reminders">{reminders}</div>
        </section>
    }
}

#[component]
fn LearningRecordCard(training: Training) -> impl IntoView {
    let app = use_app();
    let empty = RwSignal::new(false);
    let exported = Export::new();
    let save = move |_| {
        let today = app.today;
        wasm_bindgen_futures::spawn_local(async move {
            // Derived from storage as the backup's copy is, so the two files always agree.
            let json = match training.learning_record_json().await {
                Ok(Some(json)) => json,
                Ok(None) => return empty.set(true),
                Err(e) => return app.report(e),
            };
            empty.set(false);
            exported.offer(ExportFile {
                name: format!("leye-learning-record-{today}.json"),
                mime: "application/json",
                text: json.into(),
            });
        });
    };
    view! {
        <section class="card training-record" aria-labelledby="record">
            <h2 id="record">{tr(T::Record)}</h2>
            <p class="note">{tr(T::RecordNote)}</p>
            <button type="button" class="button export-record" on:click=save>{tr(T::DownloadRecord)}</button>
            <p class="note" role="status">{move || empty.get().then(|| app.t(T::RecordEmpty))}</p>
            <ExportPanel export=exported id="record-export-text"/>
        </section>
    }
}

/// How a course is taught, or 以当地最新通知为准.
pub fn delivery_label(course: &Course) -> T {
    course
        .delivery
        .known()
        .map_or(T::Unknown, |d| text::delivery(*d))
}

#[component]
fn CourseList(training: Training) -> impl IntoView {
    let app = use_app();
    view! {
        <section class="training-catalog" aria-labelledby="catalog">
            <h2 id="catalog">{tr(T::Catalog)}</h2>
            <p class="note">{tr(T::CatalogNote)}</p>
            <ul class="course-list">
                {move || {
                    let courses = training.courses.get();
                    let lang = app.lang.get();
                    let facts = app.facts.get();
                    let catalog = app.catalog.get();
                    // Courses this person can join first; catalog order otherwise.
                    let mut list: Vec<_> = courses
                        .courses()
                        .iter()
                        .map(|c| (join_verdict(c, &catalog, &facts, app.today), c))
                        .collect();
                    list.sort_by_key(|(v, _)| v.rank());
                    list.into_iter().map(|(verdict, c)| {
                        let enrolled = training.with_log(|log| log.enrolment(&c.id).is_some());
                        view! {
                            <li class="card course-card">
                                <h3 class="course-name">{c.name.get(lang).to_string()}</h3>
                                <p class="course-summary">{c.summary.get(lang).to_string()}</p>
                                <p class="chips">
                                    <span class="chip">{app.t(T::Delivery)} {text::colon(lang)} {app.t(delivery_label(c))}</span>
                                    {enrolled.then(|| view! { <span class="chip chip-on">{app.t(T::Enrolled)}</span> })}
                                </p>
                                <p class=format!("verdict verdict-{}", verdict.css())>{app.t(verdict.text())}</p>
                                <A href=format!("/training/{}", c.id) attr:class="button">
                                    {app.t(if enrolled { T::OpenEnrolled } else { T::OpenCourse })}
                                </A>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
        </section>
    }
}
