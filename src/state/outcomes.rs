//! The person's outcomes: every program of the catalog evaluated against their answers, once for all the
//! screens that show them (自测's results, a program page, 政策, the summary to take along).

use leptos::prelude::*;

use crate::state::use_app;
use leye_core::outcome::{evaluate, ProgramResult};

/// Every program's result for the person, following the catalog and the answers. The engine's code is
/// reached only from here, which only the screens' own pieces call, so it stays off the first download.
pub fn use_outcomes() -> Memo<Vec<ProgramResult>> {
    let app = use_app();
    if let Some(memo) = app.shared.with_value(|s| s.outcomes) {
        return memo;
    }
    let memo = app.under_app(|| {
        Memo::new(move |_| {
            let catalog = app.catalog.get();
            app.facts.with(|f| evaluate(&catalog, f, app.today))
        })
    });
    app.shared.update_value(|s| s.outcomes = Some(memo));
    memo
}
