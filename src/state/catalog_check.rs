//! Checking our own origin for a newer catalog pack, switching to it only when it passed every check, and
//! saying what that changed for the person.

use std::sync::Arc;

use leptos::prelude::*;

use serde_json::Value;

use super::split::{ChunkMissing, Task};
use super::AppState;
use crate::storage::{Storage, StorageError};
use leye_core::catalog::Catalog;
use leye_core::date::Date;
use leye_core::lang::{Lang, Text};
use leye_core::outcome::evaluate;

/// What a catalog check did, for 我的 → 数据.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogCheck {
    /// Offline, or already checked today.
    Skipped,
    UpToDate,
    /// A pack was refused (or could not be fetched); the current data stays. zh/en reason.
    Kept(Text),
    /// Switched to newer data; `change` says what that changed for the person.
    Switched {
        published: Date,
        change: Text,
    },
}

/// See [`AppState::check_catalog`]. Lazily loaded: fetching, checking and comparing packs is not
/// needed for the first screen.
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(catalog_packs, wasm_split_path = ::leptos::wasm_split, fallible)
)]
pub(super) fn check_catalog(
    app: AppState,
    force: bool,
) -> Result<Task<Result<CatalogCheck, StorageError>>, ChunkMissing> {
    Ok(Box::pin(check_catalog_now(app, force)))
}

async fn check_catalog_now(app: AppState, force: bool) -> Result<CatalogCheck, StorageError> {
    use crate::storage::catalog_update::{check_for_update, PackInfo, UpdateOutcome};
    let Some(storage) = app.storage() else {
        return Ok(CatalogCheck::Skipped);
    };
    // The validated catalog is kept from the check itself, so the pack is parsed only once.
    let mut fresh: Option<Catalog> = None;
    let outcome = check_for_update(&storage, force, app.today, |text| {
        let catalog = Catalog::from_pack_json(text)
            .map_err(|e| Text::new(e.message(Lang::Zh), e.message(Lang::En)))?;
        let info = PackInfo {
            version: catalog.version().to_owned(),
            published: catalog.published(),
        };
        fresh = Some(catalog);
        Ok(info)
    })
    .await?;
    let check = match (outcome, fresh) {
        (UpdateOutcome::Skipped, _) => CatalogCheck::Skipped,
        (UpdateOutcome::Kept { reason }, _) => CatalogCheck::Kept(reason),
        (UpdateOutcome::Switched(_), Some(after))
            if after.published() > app.catalog.get_untracked().published() =>
        {
            // The summary names programs and courses of both catalogs, in both languages.
            app.read_whole_catalog().await;
            let before = app.catalog.get_untracked();
            let answers: Vec<(String, Value)> = app.facts.with_untracked(|f| {
                f.iter()
                    .map(|(id, a)| (id.to_owned(), a.to_json()))
                    .collect()
            });
            let pairs = || answers.iter().map(|(id, v)| (id.as_str(), v));
            let facts_before =
                leye_core::view::data::facts_from_answers(pairs(), before.facts(), app.today);
            let facts_after =
                leye_core::view::data::facts_from_answers(pairs(), after.facts(), app.today);
            // The person's records that point into the catalog: a course or program the new one drops
            // keeps its records (shown as no longer listed), and the summary says so.
            let (enrolled, saved) = records_in_catalog(&storage).await;
            let change = leye_core::view::data::CatalogChange::between(
                &evaluate(&before, &facts_before, app.today),
                &before,
                &evaluate(&after, &facts_after, app.today),
                &after,
            )
            .with_unlisted(&before, &after, &enrolled, &saved);
            let published = after.published();
            app.catalog.set(Arc::new(after.in_force(app.today)));
            app.facts.set(facts_after);
            let summary = change.summary();
            app.inform(leye_core::text::shell::data_updated(published, &summary));
            CatalogCheck::Switched {
                published,
                change: summary,
            }
        }
        // Installed, but no newer than what the app already uses (e.g. the built-in data).
        (UpdateOutcome::Switched(_) | UpdateOutcome::UpToDate, _) => CatalogCheck::UpToDate,
    };
    app.last_catalog_check.set(Some(check.clone()));
    Ok(check)
}

/// The courses the person is enrolled in (enrolments not undone) and the programs they saved, by id.
/// Unreadable storage yields nothing here: the catalog switch itself does not depend on it.
async fn records_in_catalog(storage: &Storage) -> (Vec<String>, Vec<String>) {
    use leye_core::training::{Event, EventKind, TrainingLog};
    let events = storage.training_events().await.unwrap_or_default();
    let log = TrainingLog::from_events(
        events
            .into_iter()
            .filter_map(|r| serde_json::from_value::<Event>(r.event).ok()),
    );
    let mut enrolled: Vec<String> = log
        .effective()
        .filter(|e| matches!(e.what, EventKind::Enrolled { .. }))
        .filter_map(|e| e.course.as_ref().map(|c| c.as_str().to_owned()))
        .collect();
    leye_core::order::sort(&mut enrolled);
    enrolled.dedup();
    let saved = storage
        .saved_programs()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.program_id)
        .collect();
    (enrolled, saved)
}
