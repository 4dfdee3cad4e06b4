//! 培训 tab: my courses with their progress, certificates and the 考证补贴 they unlock, every upcoming
//! deadline (exportable as .ics), the learning record download, and the course catalog, a file each.
//! Everything shown is derived from the training log ([`crate::state::training`]).

mod certificates;
pub mod course;
mod course_list;
mod deadlines;
mod learning_record;
mod my_courses;

use leptos::prelude::*;

use crate::state::tr;
use crate::state::training::use_training;
use certificates::Certificates;
use course_list::CourseList;
use deadlines::Deadlines;
use learning_record::LearningRecordCard;
use leye_core::text::training::{self as text, TrainingText as T};
use leye_core::training::Course;
use my_courses::MyCourses;

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

/// How a course is taught, or 以当地最新通知为准.
pub fn delivery_label(course: &Course) -> T {
    course
        .delivery
        .known()
        .map_or(T::Unknown, |d| text::delivery(*d))
}
