//! Small reusable views.

pub mod inline_answer;
pub mod policy;
pub mod qr;
pub mod read_aloud;
pub mod shell;

pub mod environment;
pub mod export;
pub mod training_log;
