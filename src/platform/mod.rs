//! The browser's edges every layer above reads the same way: the clock, file downloads, online status.
//! One function each, so no two screens disagree on "now" or "today", and the core stays free of them
//! (it is handed today's date and times as plain values).

pub mod clock;
pub mod download;
pub mod online;
