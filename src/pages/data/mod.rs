//! 我的 → 数据 (/me/data): what is stored on this phone, backup export and import, erase
//! everything, storage durability, and the policy catalog's freshness with a "check now" button.
//!
//! The screen only sends intents: storage does the reading and writing (every import is checked
//! whole before anything is written), and [`crate::state::AppState`] refreshes what other screens
//! show after an import, an erase or a catalog switch.
//!
//! One file per section: what is stored (here), backup and restore, erase, and the policy catalog.

mod backup;
mod catalog;
mod erase;
mod restore;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::environment::NoOfflineNote;
use crate::state::{tr, use_app};
use crate::storage::{durability, StorageError};
use backup::BackupSection;
use catalog::CatalogSection;
use erase::EraseSection;
use leye_core::i18n::Message as _;
use leye_core::lang::{Lang, Text};
use leye_core::text::data::{self as text, count_text, DataText};
use leye_core::view::data::human_bytes;
pub use restore::RestoreFlow;

/// The result of the last action on this screen, rendered in the current language.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Working(DataText),
    Exported(String),
    Imported(usize),
    Erased,
    Failed(StorageError),
    Said(Text),
}

impl Outcome {
    fn is_error(&self) -> bool {
        matches!(self, Outcome::Failed(_))
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            Outcome::Working(k) => k.text(lang).to_owned(),
            Outcome::Exported(name) => text::exported(name, lang),
            Outcome::Imported(n) => text::imported(*n, lang),
            Outcome::Erased => DataText::Erased.text(lang).to_owned(),
            Outcome::Failed(e) => e.message(lang),
            Outcome::Said(text) => text.get(lang).to_owned(),
        }
    }
}

/// One line under an action: polite status for progress and success, an alert for a refusal.
#[component]
fn OutcomeLine(outcome: RwSignal<Option<Outcome>>, #[prop(into)] id: String) -> impl IntoView {
    let app = use_app();
    view! {
        <div id=id class="data-outcome-region" aria-live="polite">
            {move || outcome.get().map(|o| {
                let class = if o.is_error() { "data-outcome data-outcome-error" } else { "data-outcome" };
                let role = if o.is_error() { "alert" } else { "status" };
                view! { <p class=class role=role>{o.message(app.lang.get())}</p> }
            })}
        </div>
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    // Re-read what is shown after every action on this screen.
    let refresh = RwSignal::new(0u32);
    // Backup, restore and erase wait for each other (they read or replace the same records); a catalog
    // check has its own flag, so a slow download never holds them up.
    let busy = RwSignal::new(false);
    let checking = RwSignal::new(false);
    view! {
        <p class="data-back"><A href="/me">{tr(DataText::Back)}</A></p>
        <h1>{tr(DataText::Title)}</h1>
        <p class="note note-privacy">{tr(DataText::Intro)}</p>
        <StoredSection refresh/>
        <BackupSection refresh busy/>
        <EraseSection refresh busy/>
        <CatalogSection refresh checking/>
    }
}

/// How many records of each kind are stored.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Counts {
    answers: usize,
    saved: usize,
    events: usize,
    settings: usize,
}

/// Counts of what is stored, and whether the browser keeps it (persisted, space used).
#[component]
fn StoredSection(refresh: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    // Only the counts are kept: a long training log is read once, not cloned on every render.
    let counts = LocalResource::new(move || {
        refresh.track();
        app.data_generation.track();
        let storage = app.storage.get();
        async move {
            match storage {
                Some(s) => Some(s.records().await.map(|r| Counts {
                    answers: r.answers.len(),
                    saved: r.saved.len(),
                    events: r.training_events.len(),
                    settings: r.settings.len(),
                })),
                None => None,
            }
        }
    });
    // Saved programs the catalog in use no longer lists (after an update): kept, and named here so
    // they do not silently disappear from view.
    let saved_ids = LocalResource::new(move || {
        refresh.track();
        app.data_generation.track();
        let storage = app.storage.get();
        async move {
            match storage {
                Some(s) => s.saved_programs().await.unwrap_or_default(),
                None => Vec::new(),
            }
        }
    });
    let unlisted_saved = move || {
        let saved = saved_ids.get().unwrap_or_default();
        app.catalog.with(|c| {
            saved
                .into_iter()
                .filter(|r| c.program(&r.program_id).is_none())
                .map(|r| r.program_id)
                .collect::<Vec<_>>()
        })
    };
    let report = LocalResource::new(move || {
        refresh.track();
        async move { durability::report().await }
    });
    let count_row = move |label: DataText, class: &'static str, count: fn(Counts) -> usize| {
        view! {
            <div class="data-count">
                <dt>{tr(label)}</dt>
                <dd class=class>
                    {move || match counts.get().flatten() {
                        Some(Ok(c)) => count_text(count(c), app.lang.get()),
                        _ => "…".to_owned(),
                    }}
                </dd>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="data-stored-title">
            <h2 id="data-stored-title">{tr(DataText::StoredTitle)}</h2>
            <dl class="data-counts">
                {count_row(DataText::StoredAnswers, "count-answers", |c| c.answers)}
                {count_row(DataText::StoredSaved, "count-saved", |c| c.saved)}
                {count_row(DataText::StoredEvents, "count-events", |c| c.events)}
                {count_row(DataText::StoredSettings, "count-settings", |c| c.settings)}
            </dl>
            {move || {
                let ids = unlisted_saved();
                (!ids.is_empty()).then(|| view! {
                    <p class="note data-unlisted-saved">{tr(DataText::SavedNoLongerListed)} " " {ids.join("、")}</p>
                })
            }}
            {move || match counts.get().flatten() {
                // Damaged or unreadable data: say so, the rest of the screen still works.
                Some(Err(e)) => Some(view! { <p class="data-outcome data-outcome-error" role="alert">{e.message(app.lang.get())}</p> }),
                _ => None,
            }}
            <h3 class="data-subtitle">{tr(DataText::StorageTitle)}</h3>
            <p class="data-durability">
                {move || {
                    let memory_only = app.storage_fallback.get().is_some();
                    let persisted = report.get().is_some_and(|r| r.persisted);
                    app.t(text::durability(memory_only, persisted))
                }}
            </p>
            <NoOfflineNote/>
            <p class="data-usage">
                {move || match report.get() {
                    Some(r) => match r.usage_bytes {
                        Some(used) => {
                            let quota = r
                                .quota_bytes
                                .map(|q| format!(" ({} {})", app.t(DataText::UsedOf), human_bytes(q)))
                                .unwrap_or_default();
                            format!("{} {}{quota}", app.t(DataText::Used), human_bytes(used))
                        }
                        None => app.t(DataText::UsageUnknown).to_owned(),
                    },
                    None => "…".to_owned(),
                }}
            </p>
        </section>
    }
}
