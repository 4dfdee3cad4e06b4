//! Sentences of the 培训 screens built from domain values, zh and en side by side.

use crate::date::Date;
use crate::lang::{Lang, Text};
use crate::training::{
    Course, CourseProgress, Delivery, EventKind, Fen, Requirement, SkillsSubsidy, SubsidyStatus,
    Target, TrainingError,
};

use super::TrainingText;

/// A refusal's wording in both languages, for a message shown after the language may have changed.
pub fn error_text(e: &TrainingError) -> Text {
    Text::new(e.message(Lang::Zh), e.message(Lang::En))
}

/// Between a label and its value: "证书编号:A1" / "Certificate number: A1".
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => ":",
        Lang::En => ": ",
    }
}

/// Between the items of a list: "网约车、外卖" / "ride-hailing, delivery".
pub fn list_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}

fn zh(lang: Lang) -> bool {
    lang == Lang::Zh
}

/// A number of units: "8课时" / "8 hours" (Chinese puts the measure word right after the number).
fn counted(n: usize, zh_unit: &str, en_unit: &str, lang: Lang) -> String {
    if zh(lang) {
        format!("{n}{zh_unit}")
    } else {
        format!("{n} {en_unit}")
    }
}

/// A course target: "8课时" / "8 hours", "6次课" / "6 sessions", "3个模块" / "3 modules".
pub fn target(target: Target, lang: Lang) -> String {
    match target {
        Target::Hours(n) => counted(n.into(), "课时", "hours", lang),
        Target::Sessions(n) => counted(n.into(), "次课", "sessions", lang),
        Target::Modules(n) => counted(n.into(), "个模块", "modules", lang),
    }
}

/// A bonus amount: "1500元" / "1,500 yuan".
pub fn amount(a: Fen, lang: Lang) -> String {
    if zh(lang) {
        a.to_string()
    } else {
        a.en()
    }
}

/// "5小时30分钟" / "5 h 30 min".
pub fn duration(minutes: u32, lang: Lang) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (zh(lang), h, m) {
        (true, 0, m) => format!("{m}分钟"),
        (true, h, 0) => format!("{h}小时"),
        (true, h, m) => format!("{h}小时{m}分钟"),
        (false, 0, m) => format!("{m} min"),
        (false, h, 0) => format!("{h} h"),
        (false, h, m) => format!("{h} h {m} min"),
    }
}

/// A bar's percentage, rounded down so 99.9 % never reads as done.
pub fn percent(permille: u16) -> u16 {
    permille.min(1000) / 10
}

/// The progress figures under a course's bar: "已学5小时 / 要求8小时".
pub fn progress_figures(p: &CourseProgress, lang: Lang) -> String {
    let z = zh(lang);
    match (&p.requirement, p.required) {
        (Some(Requirement::Target(Target::Hours(_))), Some(req)) => {
            if z {
                format!(
                    "已学{} / 要求{}",
                    duration(p.done, lang),
                    duration(req, lang)
                )
            } else {
                format!(
                    "{} of {} studied",
                    duration(p.done, lang),
                    duration(req, lang)
                )
            }
        }
        (Some(Requirement::Target(Target::Sessions(_))), Some(req)) => {
            if z {
                format!("已参加{}次 / 共{req}次", p.done)
            } else {
                format!("{} of {req} sessions attended", p.done)
            }
        }
        (Some(_), Some(req)) => {
            if z {
                format!("已完成{}个模块 / 共{req}个", p.done)
            } else {
                format!("{} of {req} modules done", p.done)
            }
        }
        _ => {
            // No requirement: still show what was logged.
            let mut parts = Vec::new();
            if p.minutes_studied > 0 {
                parts.push(if z {
                    format!("已学{}", duration(p.minutes_studied, lang))
                } else {
                    format!("{} studied", duration(p.minutes_studied, lang))
                });
            }
            if p.sessions_attended > 0 {
                parts.push(if z {
                    format!("参加{}次课", p.sessions_attended)
                } else {
                    format!("{} sessions", p.sessions_attended)
                });
            }
            if !p.modules_done.is_empty() {
                parts.push(if z {
                    format!("完成{}个模块", p.modules_done.len())
                } else {
                    format!("{} modules", p.modules_done.len())
                });
            }
            parts.join(if z { "," } else { ", " })
        }
    }
}

/// How long until a last day: "今天是最后一天", "还剩12天", "还剩约3个月(95天)".
pub fn countdown(today: Date, last_day: Date, lang: Lang) -> String {
    let days = today.days_until(last_day);
    let z = zh(lang);
    match days {
        d if d < 0 => {
            if z {
                format!("已于{last_day}截止")
            } else {
                format!("Closed on {last_day}")
            }
        }
        0 => (if z {
            "今天是最后一天"
        } else {
            "Today is the last day"
        })
        .to_string(),
        1 => (if z {
            "明天是最后一天"
        } else {
            "Tomorrow is the last day"
        })
        .to_string(),
        d if d <= 60 => {
            if z {
                format!("还剩{d}天")
            } else {
                format!("{d} days left")
            }
        }
        d => {
            let months = today.whole_months_until(last_day);
            if z {
                format!("还剩约{months}个月({d}天)")
            } else {
                format!("About {months} months left ({d} days)")
            }
        }
    }
}

/// One line on where a certificate stands with the bonus.
pub fn subsidy_status(s: &SkillsSubsidy, today: Date, max_per_year: u8, lang: Lang) -> String {
    let z = zh(lang);
    let last = s.last_day;
    match &s.status {
        SubsidyStatus::Open { .. } => {
            let left = countdown(today, last, lang);
            if z {
                format!("可以申请:{left},最后一天是{last}")
            } else {
                format!("You can claim: {left}; the last day is {last}")
            }
        }
        SubsidyStatus::YearCapReached {
            year,
            next_possible: Some(next),
        } => {
            if z {
                format!("{year}年已申领{max_per_year}次(每年最多{max_per_year}次);{next}起可以申请,最后一天是{last}")
            } else {
                format!("{max_per_year} claims already made in {year} (the yearly limit); you can claim from {next}, the last day is {last}")
            }
        }
        SubsidyStatus::YearCapReached {
            year,
            next_possible: None,
        } => {
            if z {
                format!("{year}年已申领{max_per_year}次(每年最多{max_per_year}次),这张证书的申领期{last}结束;有疑问请拨打12333")
            } else {
                format!("{max_per_year} claims already made in {year} (the yearly limit) and this certificate's window ends on {last}; call 12333 if unsure")
            }
        }
        SubsidyStatus::Claimed { on } => {
            if z {
                format!("已于{on}领取")
            } else {
                format!("Claimed on {on}")
            }
        }
        SubsidyStatus::Expired => {
            if z {
                format!("申领期已于{last}结束")
            } else {
                format!("The claim window ended on {last}")
            }
        }
    }
}

/// "今年已申领1次,每年最多3次".
pub fn claims_this_year(used: usize, max: u8, lang: Lang) -> String {
    if zh(lang) {
        format!("今年已申领{used}次,每年最多{max}次")
    } else {
        format!("{used} claimed this year; at most {max} a year")
    }
}

/// The due-soon banner's sentence: "14天内有2个截止日期:最近的是…".
pub fn due_soon(
    count: usize,
    first_title: &str,
    first_date: Date,
    today: Date,
    lang: Lang,
) -> String {
    let when = countdown(today, first_date, lang);
    match (zh(lang), count) {
        (true, 1) => format!("14天内有1个截止日期:{first_title}({when})"),
        (true, n) => format!("14天内有{n}个截止日期,最近的是:{first_title}({when})"),
        (false, 1) => format!("1 deadline within 14 days: {first_title} ({when})"),
        (false, n) => format!("{n} deadlines within 14 days; the first: {first_title} ({when})"),
    }
}

/// A reminder notification's body: "考证补贴最后申领日:2027-01-05(还有3天)" /
/// "Last day to claim the bonus: 2027-01-05 (in 3 days)".
pub fn reminder_body(title: &str, date: Date, today: Date, lang: Lang) -> String {
    let when = countdown(today, date, lang);
    if zh(lang) {
        format!("{title}:{date}({when})")
    } else {
        format!("{title}: {date} ({when})")
    }
}

/// The stated length of a course, or `None` when the catalog does not know it.
pub fn stated_length(
    completion_hours: Option<u16>,
    sessions: Option<u16>,
    modules: Option<usize>,
    lang: Lang,
) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(h) = completion_hours {
        parts.push(counted(h.into(), "课时", "hours", lang));
    }
    if let Some(s) = sessions {
        parts.push(counted(s.into(), "次课", "sessions", lang));
    }
    if let Some(m) = modules.filter(|m| *m > 0) {
        parts.push(counted(m, "个模块", "modules", lang));
    }
    (!parts.is_empty()).then(|| parts.join(if zh(lang) { "," } else { ", " }))
}

pub fn delivery(d: Delivery) -> TrainingText {
    match d {
        Delivery::Online => TrainingText::DeliveryOnline,
        Delivery::InPerson => TrainingText::DeliveryInPerson,
        Delivery::Blended => TrainingText::DeliveryBlended,
    }
}

/// An entry of 我的记录: what it records and its detail ("学习", "2小时"); modules and checklist items by the
/// course's names (by id when the course no longer lists them), a note by its first 40 characters. Undo
/// entries are never listed (they show as the entry they undid, see `view::training::course_entries`).
pub fn entry(what: &EventKind, course: &Course, lang: Lang) -> (TrainingText, String) {
    use TrainingText as T;
    match what {
        EventKind::Enrolled { .. } => (T::EvEnrolled, String::new()),
        EventKind::TargetSet { target: t } => (T::EvTarget, target(*t, lang)),
        EventKind::ModuleDone { module } => (
            T::EvModule,
            course
                .module(module)
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_else(|| module.to_string()),
        ),
        EventKind::HoursStudied { minutes } => (T::EvHours, duration(u32::from(*minutes), lang)),
        EventKind::SessionAttended { title } => (T::EvSession, title.clone().unwrap_or_default()),
        EventKind::SessionScheduled { title } => (T::EvScheduled, title.clone()),
        EventKind::ExamPassed { exam } => (T::EvExam, exam.clone()),
        EventKind::CertificateAdded { certificate } => (T::EvCertificate, certificate.name.clone()),
        EventKind::SubsidyClaimed { certificate_number } => {
            (T::EvClaimed, certificate_number.clone())
        }
        EventKind::MilestoneTicked { milestone } => (
            T::EvMilestone,
            course
                .milestone(milestone)
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_else(|| milestone.clone()),
        ),
        EventKind::Note { text } => (T::EvNote, text.chars().take(40).collect()),
        EventKind::Undo { .. } => unreachable!("undo entries are not listed"),
    }
}
