//! 乐业通's core: the catalog and its rules, the questionnaire, the person's records and backup format,
//! training, what the screens compute, and every user string. No Leptos, no web-sys: the compiler keeps
//! it from reaching up into the app, and it compiles and tests natively in seconds.

pub mod backup;
pub mod cases;
pub mod catalog;
pub mod compact;
pub mod date;
pub mod digest;
pub mod facts;
pub mod i18n;
pub mod ics;
pub mod lang;
pub mod learning_record;
pub mod money;
pub mod offices;
/// Stable sorting with one copy of the sort code (issue 16).
pub mod order;
pub mod outcome;
pub mod pack;
pub mod params;
pub mod questionnaire;
/// The stored record types and their bounds (shared by the backup file and the learning record).
pub mod records;
pub mod reminders;
pub mod rules;
pub mod summary;
#[cfg(test)]
mod testing;
pub mod text;
pub mod training;
pub mod view;
