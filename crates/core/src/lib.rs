//! 乐业通's core: the catalog and its rules, the questionnaire, the person's records and backup format,
//! training, what the screens compute, and every user string. No Leptos, no web-sys: the compiler keeps
//! it from reaching up into the app, and it compiles and tests natively in seconds.

pub mod backup;
pub mod cases;
pub mod catalog;
/// Strings and pure helpers of 我的 → 数据.
pub mod data_text;
pub mod date;
/// Which browser the app is in (WeChat and QQ in-app browsers, no service worker...) and what that asks.
pub mod environment;
pub mod facts;
pub mod i18n;
pub mod ics;
pub mod lang;
pub mod learning_record;
pub mod money;
pub mod offices;
pub mod outcome;
pub mod pack;
pub mod params;
/// Strings and pure helpers of 自测, results, program page and 政策.
pub mod policy_view;
pub mod questionnaire;
/// The stored record types and their bounds (shared by the backup file and the learning record).
pub mod records;
pub mod reminders;
pub mod rules;
pub mod summary;
/// Strings of the summary to take along, read aloud and the QR code.
pub mod summary_text;
pub mod text;
pub mod training;
pub mod view;
