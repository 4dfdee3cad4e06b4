//! The pure domain core: no browser types, tested natively.

pub mod backup;
pub mod cases;
pub mod catalog;
pub mod date;
pub mod facts;
pub mod ics;
pub mod lang;
pub mod learning_record;
pub mod money;
pub mod offices;
pub mod outcome;
pub mod pack;
pub mod params;
pub mod questionnaire;
pub mod reminders;
pub mod rules;
pub mod summary;
pub mod training;
