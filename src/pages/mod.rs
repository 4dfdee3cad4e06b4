//! One module per screen. Pages read [`crate::state::AppState`] and domain results; they hold no rules.

pub mod check;
pub mod data;
pub mod home;
pub mod me;
pub mod not_found;
pub mod policies;
pub mod program;
pub mod summary;
pub mod training;
