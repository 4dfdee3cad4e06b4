//! What the policy screens (自测's results, 政策, a program page, the summary) share: made by the first of
//! them that asks, under the app's own owner, so that it outlives that screen and the next one reads it
//! instead of making its own. The screens are lazily loaded pieces with no common root view to provide
//! it from; the slot lives in [`AppState`](super::AppState), and its contents only in the screens' code.

use leptos::prelude::*;

use super::saved::SavedPrograms;
use leye_core::outcome::ProgramResult;

pub(crate) struct Shared {
    /// The app's owner (`App`), current when the state is made.
    pub(super) owner: Option<Owner>,
    pub(super) outcomes: Option<Memo<Vec<ProgramResult>>>,
    pub(super) saved: Option<SavedPrograms>,
}

impl Shared {
    /// Called while the app itself is being made (`AppState::new`).
    pub(super) fn new() -> Shared {
        Shared {
            owner: Owner::current(),
            outcomes: None,
            saved: None,
        }
    }
}

impl super::AppState {
    /// Runs `make` under the app's own owner, so that what it creates outlives the screen that asked.
    pub(super) fn under_app<T>(self, make: impl FnOnce() -> T) -> T {
        match self.shared.with_value(|s| s.owner.clone()) {
            Some(owner) => owner.with(make),
            None => make(),
        }
    }
}
