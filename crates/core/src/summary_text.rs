//! The old path of the summary's strings, now in [`crate::text::summary`].

pub use crate::text::summary::SummaryText;
