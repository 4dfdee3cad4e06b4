//! The pure domain core: no browser types, tested natively.

pub mod date;
pub mod lang;
pub mod backup;
pub mod ics;
pub mod learning_record;
pub mod training;
pub mod catalog;
pub mod facts;
pub mod money;
pub mod outcome;
pub mod pack;
pub mod questionnaire;
pub mod rules;
pub mod cases;
pub mod offices;
pub mod summary;
