//! 可以参加的课程: the course catalog, the courses this person can join first.

use leptos::prelude::*;
use leptos_router::components::A;

use super::delivery_label;
use crate::state::training::Training;
use crate::state::{tr, use_app};
use leye_core::text::training::{self as text, TrainingText as T};
use leye_core::view::join::courses_by_verdict;

#[component]
pub fn CourseList(training: Training) -> impl IntoView {
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
                    courses_by_verdict(&courses, &catalog, &facts, app.today).into_iter().map(|(verdict, c)| {
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
