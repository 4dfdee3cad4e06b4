//! The person's outcomes: every program of the catalog evaluated against their answers, once for all the
//! screens that show them (自测's results, a program page, 政策, the summary to take along).

use leptos::prelude::*;

use crate::state::{use_app, AppState};
use leye_core::outcome::{evaluate, ProgramResult};

/// Where the shared memo lives: made by the first screen that asks, under the app's own owner so that it
/// outlives that screen (the next one reads it without evaluating again).
#[derive(Clone)]
pub(crate) struct Slot {
    owner: Option<Owner>,
    memo: Option<Memo<Vec<ProgramResult>>>,
}

impl Slot {
    /// Called while the app itself is being made (`AppState::new`).
    pub fn new() -> Slot {
        Slot {
            owner: Owner::current(),
            memo: None,
        }
    }
}

/// Every program's result for the person, following the catalog and the answers. The engine's code is
/// reached only from here, which only the screens' own pieces call, so it stays off the first download.
pub fn use_outcomes() -> Memo<Vec<ProgramResult>> {
    let app = use_app();
    if let Some(memo) = app.outcomes.with_value(|s| s.memo) {
        return memo;
    }
    let owner = app.outcomes.with_value(|s| s.owner.clone());
    let memo = match owner {
        Some(owner) => owner.with(|| outcomes_memo(app)),
        None => outcomes_memo(app),
    };
    app.outcomes.update_value(|s| s.memo = Some(memo));
    memo
}

fn outcomes_memo(app: AppState) -> Memo<Vec<ProgramResult>> {
    Memo::new(move |_| {
        let catalog = app.catalog.get();
        app.facts.with(|f| evaluate(&catalog, f, app.today))
    })
}
