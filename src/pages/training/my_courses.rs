//! 我的课程: each enrolled course with its progress bar and figures, and the overall progress.

use leptos::prelude::*;
use leptos_router::components::A;

use super::progress_bar;
use crate::state::training::Training;
use crate::state::{tr, use_app};
use leye_core::text::training::{self as text, TrainingText as T};
use leye_core::training::progress;

#[component]
pub fn MyCourses(training: Training) -> impl IntoView {
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
