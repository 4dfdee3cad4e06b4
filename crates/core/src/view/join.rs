//! "Can I join?" for a course and this person's answers: the verdict the course list sorts by and the
//! course page shows, from the rules engine's judgement of the course's published conditions.

use crate::catalog::Catalog;
use crate::date::Date;
use crate::facts::Facts;
use crate::rules::Status;
use crate::text::training::TrainingText as T;
use crate::training::{Course, CourseCatalog};

/// The short answer to "can I join?" for a course and this person's answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinVerdict {
    /// No published conditions.
    Open,
    Yes,
    /// All known conditions met, but the published ones are incomplete.
    Maybe,
    No,
    NeedAnswers,
}

impl JoinVerdict {
    pub fn text(self) -> T {
        match self {
            JoinVerdict::Open => T::JoinOpen,
            JoinVerdict::Yes => T::JoinYes,
            JoinVerdict::Maybe => T::JoinMaybe,
            JoinVerdict::No => T::JoinNo,
            JoinVerdict::NeedAnswers => T::JoinUnknown,
        }
    }
    /// Sort order for the course list: joinable first, excluded last.
    pub fn rank(self) -> u8 {
        match self {
            JoinVerdict::Yes => 0,
            JoinVerdict::Maybe | JoinVerdict::Open => 1,
            JoinVerdict::NeedAnswers => 2,
            JoinVerdict::No => 3,
        }
    }
    /// The verdict's style: `verdict-{css}`.
    pub fn css(self) -> &'static str {
        match self {
            JoinVerdict::Open | JoinVerdict::Maybe => "maybe",
            JoinVerdict::Yes => "yes",
            JoinVerdict::No => "no",
            JoinVerdict::NeedAnswers => "unknown",
        }
    }
}

pub fn join_verdict(course: &Course, catalog: &Catalog, facts: &Facts, today: Date) -> JoinVerdict {
    if course.who_may_join.criteria.is_empty() {
        return JoinVerdict::Open;
    }
    match course.may_join(catalog.facts(), facts, today).status {
        Status::Met if course.rules_complete => JoinVerdict::Yes,
        Status::Met => JoinVerdict::Maybe,
        Status::Failed => JoinVerdict::No,
        Status::Unknown => JoinVerdict::NeedAnswers,
    }
}

/// The course list: courses this person can join first; catalog order otherwise.
pub fn courses_by_verdict<'a>(
    courses: &'a CourseCatalog,
    catalog: &Catalog,
    facts: &Facts,
    today: Date,
) -> Vec<(JoinVerdict, &'a Course)> {
    let mut list: Vec<_> = courses
        .courses()
        .iter()
        .map(|c| (join_verdict(c, catalog, facts, today), c))
        .collect();
    crate::order::sort_by_key(&mut list, |(v, _)| v.rank());
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactValue;
    use crate::training::CourseId;

    /// The platform workers' course with only its platform condition, so one answer decides it.
    fn platform_course(rules_complete: bool) -> Course {
        let courses = CourseCatalog::from_catalog(Catalog::builtin()).unwrap();
        let mut course = courses
            .course(&CourseId::new("new-employment-forms-skills"))
            .expect("the built-in catalog lists the platform workers' course")
            .clone();
        course
            .who_may_join
            .criteria
            .retain(|c| c.id == "platform-worker");
        course.who_may_join.rule = None;
        assert_eq!(course.who_may_join.criteria.len(), 1);
        course.rules_complete = rules_complete;
        course
    }

    fn platform(value: &str) -> Facts {
        let mut facts = Facts::new();
        facts.set("platform_work", FactValue::Multi(vec![value.to_string()]));
        facts
    }

    fn verdict(course: &Course, facts: &Facts) -> JoinVerdict {
        join_verdict(course, Catalog::builtin(), facts, Date::ymd(2026, 11, 26))
    }

    #[test]
    fn a_course_without_published_conditions_is_open() {
        let mut course = platform_course(true);
        course.who_may_join.criteria.clear();
        assert_eq!(verdict(&course, &Facts::new()), JoinVerdict::Open);
    }

    #[test]
    fn conditions_met_and_complete_say_yes() {
        let course = platform_course(true);
        assert_eq!(
            verdict(&course, &platform("food_delivery")),
            JoinVerdict::Yes
        );
    }

    #[test]
    fn conditions_met_but_partly_published_say_maybe() {
        let course = platform_course(false);
        assert_eq!(
            verdict(&course, &platform("food_delivery")),
            JoinVerdict::Maybe
        );
    }

    #[test]
    fn a_failed_condition_says_no() {
        let course = platform_course(false);
        assert_eq!(verdict(&course, &platform("none")), JoinVerdict::No);
    }

    #[test]
    fn an_unanswered_condition_needs_answers() {
        let course = platform_course(true);
        assert_eq!(verdict(&course, &Facts::new()), JoinVerdict::NeedAnswers);
    }

    #[test]
    fn the_list_puts_joinable_first_and_excluded_last() {
        use JoinVerdict::*;
        let mut all = [No, NeedAnswers, Open, Maybe, Yes];
        all.sort_by_key(|v| v.rank());
        assert_eq!(all, [Yes, Open, Maybe, NeedAnswers, No]);
        assert_eq!(Open.css(), Maybe.css());
        assert_eq!(NeedAnswers.text(), T::JoinUnknown);
    }

    #[test]
    fn the_course_list_keeps_every_course_ordered_by_verdict() {
        let courses = CourseCatalog::from_catalog(Catalog::builtin()).unwrap();
        let today = Date::ymd(2026, 11, 26);
        let list = courses_by_verdict(&courses, Catalog::builtin(), &platform("none"), today);
        assert_eq!(list.len(), courses.courses().len());
        assert!(list.windows(2).all(|w| w[0].0.rank() <= w[1].0.rank()));
        assert!(list.iter().any(|(v, _)| *v == JoinVerdict::No));
    }
}
