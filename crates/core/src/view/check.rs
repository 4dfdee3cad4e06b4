//! The 自测 flow, worked out without the browser: which screen the address shows, where an answer, 取消,
//! 先看看目前的结果 or 修改 lead, and the progress line. The page (`pages::check`) keeps these in signals
//! and the address, and renders them.
//!
//! The screens of a check, oldest first, are kept in the address (`/check?s=roles~platform_work~...`) so
//! that the browser's and the phone's back button go to the previous question and a reload keeps them. A
//! screen is its fact ids joined by `.`; `results` is the results.

use crate::catalog::Catalog;
use crate::date::Date;
use crate::facts::Facts;
use crate::i18n::Message;
use crate::lang::Lang;
use crate::questionnaire;
use crate::text::policy::{tf, PolicyText};

/// The query parameter that holds the trail.
pub const TRAIL_PARAM: &str = "s";
/// The screen that stands for the results in the trail.
pub const RESULTS_MARK: &str = "results";

/// One screen of questions: its fact ids (several make a checklist).
pub type Screen = Vec<String>;

/// One screen of questions the person saw, for 上一题: its facts, and whether it was a checklist.
pub type Asked = (Screen, bool);

/// What the check shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// The facts asked on this screen; several make a checklist.
    Ask {
        facts: Screen,
        checklist: bool,
        editing: bool,
    },
    Results,
}

/// The trail in the address's parameter.
pub fn parse_trail(raw: Option<String>) -> Vec<Screen> {
    raw.unwrap_or_default()
        .split('~')
        .filter(|s| !s.is_empty())
        .map(|s| s.split('.').map(str::to_string).collect())
        .collect()
}

/// The address of a trail.
pub fn trail_url(trail: &[Screen]) -> String {
    let s: Vec<String> = trail.iter().map(|screen| screen.join(".")).collect();
    format!("/check?{TRAIL_PARAM}={}", s.join("~"))
}

pub fn is_results(screen: &[String]) -> bool {
    screen.len() == 1 && screen[0] == RESULTS_MARK
}

fn results_screen() -> Screen {
    vec![RESULTS_MARK.to_string()]
}

/// The screen the questionnaire asks next, or the results when nothing more can change one.
pub fn next_screen(catalog: &Catalog, facts: &Facts, today: Date) -> Screen {
    questionnaire::next_question(catalog, facts, today)
        .map(|q| q.fact_ids().into_iter().map(str::to_string).collect())
        .unwrap_or_else(results_screen)
}

/// What the address says, read against the catalog and the answers.
#[derive(Clone, Debug, PartialEq)]
pub struct TrailReading {
    /// The answered screens before the one shown, oldest first (for 上一题).
    pub history: Vec<Asked>,
    /// The results are shown (先看看目前的结果, or the end of the check).
    pub peek: bool,
    /// A screen seen again with its answer (after back).
    pub editing: Option<Asked>,
}

/// The address says which screen is shown: its last screen, again with its answer if it was answered
/// (after back), the results, or (not answered yet) the questionnaire's next question. Screens of facts
/// the catalog no longer has are passed over.
pub fn read_trail(trail: &[Screen], catalog: &Catalog, facts: &Facts) -> TrailReading {
    let known = |s: &Screen| is_results(s) || s.iter().all(|id| catalog.fact(id).is_some());
    let answered = |s: &Screen| s.iter().any(|id| facts.is_answered(id));
    let screens: Vec<&Screen> = trail.iter().filter(|s| known(s)).collect();
    let Some((&last, before)) = screens.split_last() else {
        return TrailReading {
            history: Vec::new(),
            peek: false,
            editing: None,
        };
    };
    let history = before
        .iter()
        .filter(|s| answered(s) && !is_results(s))
        .map(|s| ((*s).clone(), s.len() > 1))
        .collect();
    let (peek, editing) = if is_results(last) {
        (true, None)
    } else if answered(last) {
        (false, Some((last.clone(), last.len() > 1)))
    } else {
        (false, None)
    };
    TrailReading {
        history,
        peek,
        editing,
    }
}

/// What the check shows: a screen seen again, the results asked for, or the
/// questionnaire's next question (the results when there is none).
pub fn step(
    editing: Option<Asked>,
    peek: bool,
    catalog: &Catalog,
    facts: &Facts,
    today: Date,
) -> Step {
    if let Some((facts, checklist)) = editing {
        return Step::Ask {
            facts,
            checklist,
            editing: true,
        };
    }
    if peek {
        return Step::Results;
    }
    match questionnaire::next_question(catalog, facts, today) {
        Some(q) => Step::Ask {
            facts: q.fact_ids().into_iter().map(str::to_string).collect(),
            checklist: !q.checklist.is_empty(),
            editing: false,
        },
        None => Step::Results,
    }
}

/// The trail after a screen was answered: screens whose answers were all forgotten (start over) are no
/// longer part of this check; the screen answered, then what comes next.
pub fn after_answer(
    trail: &[Screen],
    answered: &[String],
    catalog: &Catalog,
    facts: &Facts,
    today: Date,
) -> Vec<Screen> {
    let mut trail: Vec<Screen> = trail
        .iter()
        .filter(|s| !is_results(s) && s.iter().any(|id| facts.is_answered(id)))
        .cloned()
        .collect();
    if trail.last().map(Vec::as_slice) != Some(answered) {
        trail.push(answered.to_vec());
    }
    trail.push(next_screen(catalog, facts, today));
    trail
}

/// The trail after 取消 while changing an answer: on with the questionnaire.
pub fn after_resume(
    trail: &[Screen],
    catalog: &Catalog,
    facts: &Facts,
    today: Date,
) -> Vec<Screen> {
    let mut trail = trail.to_vec();
    trail.push(next_screen(catalog, facts, today));
    trail
}

/// The trail after 先看看目前的结果 on `current`: the results, a screen of their own (back returns to the
/// question).
pub fn after_see_results(trail: &[Screen], current: &[String]) -> Vec<Screen> {
    let mut trail = trail.to_vec();
    if trail.is_empty() {
        trail.push(current.to_vec());
    }
    trail.push(results_screen());
    trail
}

/// The trail after 修改 on one answer: that question, as a screen of its own.
pub fn after_change(trail: &[Screen], fact: &str) -> Vec<Screen> {
    let mut trail = trail.to_vec();
    trail.push(vec![fact.to_string()]);
    trail
}

/// The line above a question: "第3题 · 还有约4个问题", and how far along the bar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProgressLine {
    /// Questions answered so far.
    pub answered: usize,
    pub number: usize,
    /// Questions left after this one.
    pub left: usize,
    /// The first screen, not answered yet: how many follow depends on the choice.
    pub roles_first: bool,
    pub percent: u8,
}

impl ProgressLine {
    /// Where the screen of `facts` stands. A screen seen again (back, `editing`) keeps its place among
    /// the `history_len` screens before it; a new one comes after every question answered.
    pub fn new(
        catalog: &Catalog,
        facts: &Facts,
        today: Date,
        on_screen: &[String],
        editing: bool,
        history_len: usize,
    ) -> ProgressLine {
        let progress = questionnaire::progress(catalog, facts, today);
        let number = if editing {
            history_len + 1
        } else {
            progress.answered + 1
        };
        // Before the first screen is answered the count is every question of every program (27 or so):
        // not what anyone will be asked, so that screen says the count depends on the choice.
        let roles_first = on_screen.iter().any(|f| f == questionnaire::ROLE_FACT)
            && !facts.is_answered(questionnaire::ROLE_FACT);
        ProgressLine {
            answered: progress.answered,
            number,
            left: progress.remaining.saturating_sub(1),
            roles_first,
            percent: progress.percent(),
        }
    }

    /// "第3题".
    pub fn number_text(self, lang: Lang) -> String {
        tf(PolicyText::QuestionOf, lang, "n", &self.number.to_string())
    }

    /// "还有约4个问题", "快完成了" or "还有几题,看你怎么选".
    pub fn left_text(self, lang: Lang) -> String {
        if self.roles_first {
            PolicyText::RolesNarrow.text(lang).to_string()
        } else if self.left == 0 {
            PolicyText::LastQuestion.text(lang).to_string()
        } else {
            tf(PolicyText::AboutLeft, lang, "n", &self.left.to_string())
        }
    }
}

#[cfg(test)]
mod tests;
