//! Interface strings and their formatting helpers, one module per area of screens. Pure Rust (no
//! browser types), so their completeness tests run under native `cargo test`.

pub mod policy;
pub mod shell;
pub mod summary;
pub mod training;

use crate::i18n::Message;
use crate::lang::{Lang, Text};

/// An interface string in both languages, for what is kept and shown later in whichever language is
/// chosen then (a notice, an error line, a section label).
pub fn both(key: impl Message) -> Text {
    Text::new(key.text(Lang::Zh), key.text(Lang::En))
}
