//! The wording of the core's errors, in both languages. The errors themselves stay with their layers as
//! data (what went wrong, with the values a message needs); what a person reads is written here, beside
//! the other interface text, so no domain file holds user wording.
//!
//! One file per layer's error: `message(lang)` for the person, `Display` (for logs and the catalog tool)
//! beside it.

mod backup;
mod facts;
mod pack;
mod training;
