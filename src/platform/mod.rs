//! The browser's edges the layers above use the same way: the clock, file downloads, online status, the
//! speech engine and the service worker. One place each, so no two screens disagree on "now" or
//! "today", and the core stays free of them (it is handed today's date and times as plain values).

pub mod clock;
pub mod download;
pub mod online;
pub mod pwa;
pub mod speech;
