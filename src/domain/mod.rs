//! The pure domain core: no browser types, tested natively.

pub mod date;
pub mod lang;
pub mod backup;
pub mod ics;
pub mod learning_record;
pub mod training;
