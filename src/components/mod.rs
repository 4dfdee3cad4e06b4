//! Small reusable views.

pub mod qr;
pub mod read_aloud;
pub mod policy;

pub mod training_log;
