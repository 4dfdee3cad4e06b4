//! Interface strings and their formatting helpers, one module per area of screens. Pure Rust (no
//! browser types), so their completeness tests run under native `cargo test`.

pub mod data;
/// The wording of the core's errors (training log, catalog pack, backup file, answers).
pub mod errors;
pub mod labels;
pub mod money;
pub mod params;
pub mod policy;
pub mod program;
pub mod questions;
pub mod rules;
pub mod shell;
pub mod storage;
pub mod summary;
pub mod summary_lines;
pub mod training;
pub mod verdict;

use crate::i18n::Message;
use crate::lang::{Lang, Text};

/// An interface string in both languages, for what is kept and shown later in whichever language is
/// chosen then (a notice, an error line, a section label).
pub fn both(key: impl Message) -> Text {
    Text::new(key.text(Lang::Zh), key.text(Lang::En))
}

/// Items of a list in a sentence: "网约车、外卖配送" / "ride-hailing, food delivery".
pub fn list(items: &[&str], lang: Lang) -> String {
    items.join(match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    })
}

/// Ways to do one thing, any of which will do: "服务大厅;爱山东App" / "the service hall; the app".
pub fn alternatives(items: &[&str], lang: Lang) -> String {
    items.join(match lang {
        Lang::Zh => ";",
        Lang::En => "; ",
    })
}

/// A label followed by its colon, the value to come after it: "去哪里办:" / "Where to apply: ".
pub fn labelled(label: &str, lang: Lang) -> String {
    format!("{label}{}", policy::PolicyText::Colon.text(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_labels_read_as_each_language_writes_them() {
        assert_eq!(list(&["网约车", "外卖配送"], Lang::Zh), "网约车、外卖配送");
        assert_eq!(list(&["a", "b"], Lang::En), "a, b");
        assert_eq!(alternatives(&["甲", "乙"], Lang::Zh), "甲;乙");
        assert_eq!(alternatives(&["a", "b"], Lang::En), "a; b");
        assert_eq!(labelled("去哪里办", Lang::Zh), "去哪里办:");
        assert_eq!(labelled("Where to apply", Lang::En), "Where to apply: ");
        assert_eq!(both(policy::PolicyText::Yes), Text::new("是", "Yes"));
    }
}
