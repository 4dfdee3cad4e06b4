//! The 培训 sentences' wording in both languages.

use super::*;
use crate::date::Date;
use crate::lang::Lang;
use crate::training::{
    Certificate, CertificateLevel, CourseId, CourseProgress, Fen, Requirement, RequirementSource,
    SkillsSubsidy, SubsidyStatus, Target,
};

#[test]
fn durations_and_percentages() {
    assert_eq!(duration(330, Lang::Zh), "5小时30分钟");
    assert_eq!(duration(480, Lang::Zh), "8小时");
    assert_eq!(duration(45, Lang::En), "45 min");
    assert_eq!(percent(999), 99);
    assert_eq!(percent(1000), 100);
    assert_eq!(percent(1200), 100);
}

#[test]
fn countdowns_name_the_last_day_plainly() {
    let today = Date::ymd(2026, 11, 26);
    assert_eq!(countdown(today, today, Lang::Zh), "今天是最后一天");
    assert_eq!(
        countdown(today, today.add_days(1), Lang::Zh),
        "明天是最后一天"
    );
    assert_eq!(countdown(today, today.add_days(12), Lang::Zh), "还剩12天");
    // A certificate issued today: last day the same date 12 months on.
    assert_eq!(
        countdown(today, Date::ymd(2027, 11, 26), Lang::Zh),
        "还剩约12个月(365天)"
    );
    assert_eq!(
        countdown(today, Date::ymd(2027, 11, 25), Lang::Zh),
        "还剩约11个月(364天)"
    );
    assert_eq!(
        countdown(today, today.add_days(-1), Lang::En),
        "Closed on 2026-11-25"
    );
}

fn progress_with(
    requirement: Option<Requirement>,
    required: Option<u32>,
    done: u32,
) -> CourseProgress {
    CourseProgress {
        course: CourseId::new("c"),
        enrolled_on: Date::ymd(2026, 11, 1),
        requirement,
        requirement_from: RequirementSource::Trainee,
        modules_done: vec![],
        minutes_studied: done,
        sessions_attended: 0,
        exams_passed: vec![],
        milestones_ticked: vec![],
        done,
        required,
        permille: None,
        completed_on: None,
        certificate_on: None,
    }
}

#[test]
fn progress_figures_follow_the_requirement() {
    let hours = progress_with(Some(Requirement::Target(Target::Hours(8))), Some(480), 300);
    assert_eq!(progress_figures(&hours, Lang::Zh), "已学5小时 / 要求8小时");
    let sessions = progress_with(Some(Requirement::Target(Target::Sessions(6))), Some(6), 2);
    assert_eq!(
        progress_figures(&sessions, Lang::En),
        "2 of 6 sessions attended"
    );
    let unknown = progress_with(None, None, 90);
    assert_eq!(progress_figures(&unknown, Lang::Zh), "已学1小时30分钟");
}

#[test]
fn subsidy_lines_name_the_last_day_and_the_cap() {
    let today = Date::ymd(2026, 11, 26);
    let cert = Certificate {
        name: "中式烹调师".into(),
        level: Some(CertificateLevel::Intermediate),
        number: "A1".into(),
        issued_on: today,
    };
    let open = SkillsSubsidy {
        certificate: cert.clone(),
        amount: Some(Fen::from_yuan(1500)),
        last_day: Date::ymd(2027, 11, 26),
        status: SubsidyStatus::Open {
            months_left: 12,
            days_left: 365,
        },
    };
    assert_eq!(
        subsidy_status(&open, today, 3, Lang::Zh),
        "可以申请:还剩约12个月(365天),最后一天是2027-11-26"
    );
    let capped = SkillsSubsidy {
        status: SubsidyStatus::YearCapReached {
            year: 2026,
            next_possible: Some(Date::ymd(2027, 1, 1)),
        },
        ..open.clone()
    };
    assert!(subsidy_status(&capped, today, 3, Lang::Zh).contains("2027-01-01起可以申请"));
    let claimed = SkillsSubsidy {
        status: SubsidyStatus::Claimed { on: today },
        ..open
    };
    assert_eq!(
        subsidy_status(&claimed, today, 3, Lang::En),
        "Claimed on 2026-11-26"
    );
    assert_eq!(
        claims_this_year(1, 3, Lang::Zh),
        "今年已申领1次,每年最多3次"
    );
}

#[test]
fn a_reminder_reads_with_the_spaces_english_needs() {
    let today = Date::ymd(2026, 12, 1);
    let day = Date::ymd(2026, 12, 4);
    let en = reminder_body("Last day to claim", day, today, Lang::En);
    assert!(en.starts_with("Last day to claim: 2026-12-04 ("), "{en}");
    let zh = reminder_body("最后申领日", day, today, Lang::Zh);
    assert!(zh.starts_with("最后申领日:2026-12-04("), "{zh}");
}

#[test]
fn due_soon_names_the_first_date() {
    let today = Date::ymd(2026, 11, 26);
    assert_eq!(
        due_soon(2, "考证补贴最后申领日", today.add_days(3), today, Lang::Zh),
        "14天内有2个截止日期,最近的是:考证补贴最后申领日(还剩3天)"
    );
}

#[test]
fn targets_and_amounts_read_in_both_languages() {
    assert_eq!(target(Target::Hours(8), Lang::Zh), "8课时");
    assert_eq!(target(Target::Sessions(6), Lang::En), "6 sessions");
    assert_eq!(target(Target::Modules(3), Lang::Zh), "3个模块");
    assert_eq!(
        amount(Fen::from_yuan(1500), Lang::Zh),
        Fen::from_yuan(1500).to_string()
    );
    assert_eq!(
        amount(Fen::from_yuan(1500), Lang::En),
        Fen::from_yuan(1500).en()
    );
    assert_eq!(list_sep(Lang::Zh), "、");
}

#[test]
fn stated_length_only_from_known_figures() {
    assert_eq!(stated_length(None, None, None, Lang::Zh), None);
    assert_eq!(
        stated_length(Some(40), None, Some(0), Lang::Zh).as_deref(),
        Some("40课时")
    );
    assert_eq!(
        stated_length(None, Some(6), Some(3), Lang::En).as_deref(),
        Some("6 sessions, 3 modules")
    );
}

#[test]
fn an_entry_says_what_it_records_in_the_course_s_own_words() {
    use crate::catalog::Catalog;
    use crate::training::{CourseCatalog, EventKind};
    let courses = CourseCatalog::from_catalog(Catalog::builtin()).unwrap();
    let course = &courses.courses()[0];
    assert_eq!(
        entry(&EventKind::HoursStudied { minutes: 90 }, course, Lang::Zh),
        (TrainingText::EvHours, "1小时30分钟".to_owned())
    );
    assert_eq!(
        entry(
            &EventKind::TargetSet {
                target: Target::Hours(8)
            },
            course,
            Lang::En
        ),
        (TrainingText::EvTarget, "8 hours".to_owned())
    );
    // A module the course no longer lists is named by its id.
    let gone = EventKind::ModuleDone {
        module: "gone".into(),
    };
    assert_eq!(
        entry(&gone, course, Lang::Zh),
        (TrainingText::EvModule, "gone".to_owned())
    );
    let note = EventKind::Note {
        text: "字".repeat(50),
    };
    assert_eq!(entry(&note, course, Lang::Zh).1.chars().count(), 40);
}
