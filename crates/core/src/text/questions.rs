//! Wording the questionnaire itself supplies (the questions come from the catalog's facts).

crate::messages! {
    /// Headings of the check's question screens.
    pub enum QuestionText {
        ChecklistTitle => "以下哪些符合你的情况?(可多选,都不符合就直接下一步)",
            "Which of these describe you? (Tick all that apply, or none)";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_has_both_languages() {
        crate::i18n::check_table(QuestionText::ALL, &[]).unwrap();
    }
}
