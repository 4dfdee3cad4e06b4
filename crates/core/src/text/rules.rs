//! The fixed words of the rules' explanations: how an answer fills `{value}` and `{age}`, and the
//! sentences said when a criterion's own text cannot be used (it does not apply, an answer is missing,
//! the condition will hold on a day). The catalog's criterion sentences themselves are data.
//! They are associated functions of `Criterion`, so `rules::explain` reaches them without naming the
//! text layer (which points down to the rules, never the other way).

use super::{both, list};
use crate::date::Date;
use crate::facts::Criterion;
use crate::lang::{Lang, Text};

crate::messages! {
    /// A yes/no answer as it reads inside a criterion's sentence (lower case in English: mid-sentence).
    pub enum RulesText {
    Yes => "是", "yes";
    No => "否", "no";
    }
}

impl Criterion {
    /// `{value}` for a yes/no answer.
    pub(crate) fn yes_no_text(yes: bool) -> Text {
        both(if yes { RulesText::Yes } else { RulesText::No })
    }

    /// `{value}` for several choices: their labels as a list ("网约车、外卖配送").
    pub(crate) fn choices_text(zh: &[&str], en: &[&str]) -> Text {
        Text::new(list(zh, Lang::Zh), list(en, Lang::En))
    }

    /// `{age}` for a band with both ends: "16到24" / "16 to 24".
    pub(crate) fn age_between_text(lo: i64, hi: i64) -> Text {
        Text::new(format!("{lo}到{hi}"), format!("{lo} to {hi}"))
    }

    /// `{age}` for a band with only an upper end (`limit`: the first age outside it): "不到16" / "under 16".
    pub(crate) fn age_under_text(limit: i64) -> Text {
        Text::new(format!("不到{limit}"), format!("under {limit}"))
    }

    /// `{age}` for a band with only a lower end: "满50" / "50 or older".
    pub(crate) fn age_from_text(lo: i64) -> Text {
        Text::new(format!("满{lo}"), format!("{lo} or older"))
    }

    /// A condition whose question does not apply to the person, when its own failed text needs an answer.
    pub(crate) fn not_applicable_text(question: &Text) -> Text {
        Text::new(
            format!("不符合此条件(不适用于你的情况:{})", question.zh),
            format!("Not met (does not apply to you: {})", question.en),
        )
    }

    /// A condition still waiting on an answer, when it has no sentence of its own for that.
    pub(crate) fn still_needed_text(question: &Text) -> Text {
        Text::new(
            format!("还需要知道:{}", question.zh),
            format!("Still needed: {}", question.en),
        )
    }

    /// The step for a condition that time alone will meet.
    pub(crate) fn met_on_text(day: Date) -> Text {
        Text::new(
            format!("到{day}即满足此条件"),
            format!("You will meet this condition on {day}"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_have_both_languages() {
        crate::i18n::check_table(RulesText::ALL, &[]).unwrap();
    }
}
