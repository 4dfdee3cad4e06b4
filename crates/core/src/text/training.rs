//! The 培训 tab's interface strings, and the few sentences built from domain values (countdowns, progress
//! figures, subsidy status) so their wording is tested natively rather than assembled inside views.

use crate::date::Date;
use crate::lang::{Lang, Text};
use crate::training::{
    CourseProgress, Delivery, Fen, Requirement, SkillsSubsidy, SubsidyStatus, Target, TrainingError,
};

crate::messages! {
    /// Strings of the 培训 tab, the course screen and the due-soon banner.
    pub enum TrainingText {
    Title => "培训和证书", "Training and certificates";
    Intro => "报名后记下学习进度;考到证书后,提醒你领补贴、别错过截止日期。记录只保存在这部手机上。",
        "Enrol, then log your progress. Once you have a certificate we remind you to claim the bonus before the deadline. Records stay on this phone.";
    Loading => "正在读取你的培训记录…", "Reading your training records…";
    MyCourses => "我的课程", "My courses";
    Overall => "总进度", "Overall progress";
    OverallUnknown => "填上课程要求后,这里显示总进度", "Enter your courses' requirements to see overall progress";
    NoCourses => "还没有报名课程。在下面选一门课,点进去报名。", "No courses yet. Pick one below and open it to enrol.";
    NoLongerListed => "这门课已不在当前的政策数据中;你记录的学时和证书都还保留。", "This course is no longer listed in the current policy data; the hours and certificates you logged are kept.";
    CompletedOn => "已结业", "Completed";
    RequirementUnknown => "要求未知:打开课程,填上报名通知里的要求(课时、课次或模块数),就能看到进度",
        "Requirement unknown: open the course and enter what your enrolment notice asks (hours, sessions or modules) to see progress";
    LogProgress => "记录进度", "Log progress";
    Catalog => "可以参加的课程", "Courses you can join";
    CatalogNote => "多数课程的具体安排还没有公布。写着“以当地最新通知为准”的,请按“去哪里问”核实。",
        "Most courses' details are not published yet. Where it says “not published yet”, ask where it tells you.";
    OpenCourse => "查看并报名", "View and enrol";
    OpenEnrolled => "打开课程", "Open course";
    Enrolled => "已报名", "Enrolled";
    Unknown => "以当地最新通知为准", "Not published yet: check the latest local notice";
    WhereToCheck => "去哪里问", "Where to check";
    Provider => "谁来办", "Run by";
    Channel => "在哪报名", "Where to sign up";
    Delivery => "上课方式", "How it is taught";
    DeliveryOnline => "线上(用手机学)", "Online (on your phone)";
    DeliveryInPerson => "线下(到现场上课)", "In person";
    DeliveryBlended => "线上线下结合", "Online and in person";
    Length => "要学多少", "How much to study";
    Certificate => "结业能拿的证书", "Certificate at the end";
    NoSkillLevel => "不是职业技能等级证书", "Not a skill-level certificate";
    Unlocks => "学完可以申请", "Leads to";
    PlanClause => "政策依据", "Policy basis";
    LastVerified => "信息核实于", "Checked on";
    WhoMayJoin => "谁能参加", "Who may join";
    JoinYes => "按你的回答,你可以参加", "From your answers, you can join";
    JoinMaybe => "按你的回答,你可能可以参加;条件没有全部公布,请向报名渠道确认", "From your answers you may be able to join; not all conditions are published, so confirm where you sign up";
    JoinNo => "按你的回答,暂时不符合", "From your answers, not for now";
    JoinUnknown => "还需要知道你的一些情况", "We need to know a bit more about you";
    JoinAnswerMore => "去自测补充回答", "Answer a few questions";
    JoinOpen => "没有公布报名条件,以主办方要求为准", "No joining conditions are published; the organiser decides";
    EnrolTitle => "报名这门课", "Enrol in this course";
    EnrolDate => "报名日期", "Date you enrolled";
    TargetLegend => "报名通知里要求学多少", "What your enrolment notice asks for";
    TargetHint => "不清楚可以先不填,以后再补", "Not sure? Leave it and add it later";
    TargetNone => "不清楚,先不填", "Not sure yet";
    TargetHours => "课时(小时)", "Hours";
    TargetSessions => "课次(次)", "Sessions";
    TargetModules => "模块(个)", "Modules";
    TargetAmount => "数量", "How many";
    EnrolButton => "我已报名,开始记录", "I have enrolled — start logging";
    TargetTitle => "我的目标", "My target";
    TargetFromCatalog => "按课程公布的要求", "As the course states";
    TargetFromTrainee => "按你填写的要求", "As you entered it";
    SaveTarget => "保存目标", "Save target";
    LogTitle => "记一笔", "Log an entry";
    LogWhat => "记录什么", "What to log";
    KindHours => "学习时长", "Time studied";
    KindModule => "完成一个模块", "A module done";
    KindSession => "参加一次课", "A session attended";
    KindExam => "通过考试", "An exam passed";
    Date => "日期", "Date";
    Hours => "学了几小时", "Hours studied";
    HoursHint => "例如 2 或 1.5;一天最多24小时", "e.g. 2 or 1.5; at most 24 a day";
    Module => "哪个模块", "Which module";
    ModuleOwn => "模块名称", "Module name";
    SessionTitle => "课次名称(可不填)", "Session name (optional)";
    Exam => "考试名称", "Exam name";
    Save => "保存", "Save";
    Saved => "已保存", "Saved";
    History => "我的记录", "My entries";
    NoHistory => "还没有记录", "No entries yet";
    Undo => "撤销", "Undo";
    Undone => "已撤销", "Undone";
    UndoLabel => "撤销这条记录", "Undo this entry";
    EvEnrolled => "报名", "Enrolled";
    EvTarget => "设定目标", "Target set";
    EvModule => "完成模块", "Module done";
    EvHours => "学习", "Studied";
    EvSession => "参加课次", "Session attended";
    EvScheduled => "安排上课", "Session planned";
    EvExam => "通过考试", "Exam passed";
    EvCertificate => "获得证书", "Certificate earned";
    EvClaimed => "领取补贴", "Bonus claimed";
    EvMilestone => "完成清单项", "Checklist item done";
    EvNote => "笔记", "Note";
    CampTitle => "训练营进度", "Camp progress";
    SessionsAttended => "已参加课次", "Sessions attended";
    SessionsRequiredUnknown => "要求的课次:以当地最新通知为准,入营后填在“我的目标”里", "Required sessions: not published yet; once you join, enter them as your target";
    Checklist => "创业计划清单", "Business-plan checklist";
    ChecklistNote => "建议的提纲,以训练营自己的要求为准", "A suggested outline; follow your camp's own list";
    UpcomingSessions => "下次上课", "Next sessions";
    ScheduleTitle => "记下下次上课", "Note the next session";
    ScheduleWhat => "上什么课", "What session";
    Notes => "我的笔记", "My notes";
    NoteLabel => "写点什么(最多2000字)", "Write something (up to 2,000 characters)";
    AddNote => "保存笔记", "Save note";
    NoNotes => "还没有笔记", "No notes yet";
    Certs => "证书和补贴", "Certificates and bonus";
    CertsIntro => "考到职业技能等级证书,交失业保险满1年(或正在领失业金),就能申请考证补贴。", "With a skill-level certificate and a year of unemployment insurance (or while on unemployment benefit) you can claim the certificate bonus.";
    NoCerts => "还没有添加证书", "No certificates yet";
    AddCert => "添加证书", "Add a certificate";
    CertName => "证书名称(工种)", "Certificate (trade)";
    CertLevel => "等级", "Level";
    CertLevelNone => "没有等级", "No level";
    CertNumber => "证书编号", "Certificate number";
    CertIssued => "发证日期", "Date of issue";
    CertCourse => "哪门课考的(可不选)", "From which course (optional)";
    CertCourseNone => "不是这里的课", "Not one of these courses";
    Amount => "补贴金额", "Bonus";
    LastDay => "最后申领日", "Last day to claim";
    ApplyAt => "在哪申请", "Where to claim";
    MarkClaimed => "我已领取,标记一下", "I received it — mark as claimed";
    NoLevelNote => "没有等级的证书不能申请考证补贴", "Certificates without a level do not qualify for the bonus";
    EligibleYes => "按你的回答,你符合申请条件", "From your answers, you meet the conditions";
    EligibleCheck => "还要满足", "You also need";
    TermsMissing => "补贴规则没有读到,金额和期限以当地最新通知为准,可拨打12333", "The bonus rules could not be read. For amounts and deadlines, check the latest local notice or call 12333";
    Deadlines => "截止日期", "Deadlines";
    NoDeadlines => "近期没有要记着的日期", "No upcoming dates";
    ExportIcs => "导出到手机日历(.ics)", "Add to phone calendar (.ics)";
    IcsNote => "日历文件在手机上生成,不用联网", "The calendar file is made on the phone; no internet needed";
    NotifyIntro => "开启后,14天内到期的事项会在打开乐业通时发一条手机通知,每项每天最多一次。",
        "When on, anything due within 14 days is sent as a phone notification when you open LeYe, at most once a day per item.";
    NotifyOn => "开启到期提醒", "Turn on reminders";
    NotifyOff => "关闭到期提醒", "Turn off reminders";
    NotifyEnabled => "到期提醒已开启(打开乐业通时提醒,只在本机)", "Reminders are on (shown when you open LeYe, only on this phone)";
    NotifyDenied => "通知被浏览器拒绝了,所以不会发提醒。要开启,请在浏览器的网站设置里允许乐业通发通知;页面顶部的到期提示不受影响。",
        "Notifications were refused, so no reminders are sent. To turn them on, allow notifications for LeYe in the browser's site settings; the due-soon banner at the top still works.";
    NotifyDismissed => "还没有开启:浏览器询问时需要选“允许”。可以再点一次。", "Not on yet: choose “Allow” when the browser asks. You can tap again.";
    NotifyUnsupported => "这个浏览器不能发通知;14天内到期的事项会在打开乐业通时显示在页面顶部。",
        "This browser cannot show notifications; anything due within 14 days is shown at the top when you open LeYe.";
    NotifyTitle => "乐业通:截止日期临近", "LeYe: a deadline is near";
    RecordEmpty => "还没有学习记录:报名并记下进度后就能下载。", "Nothing to download yet: enrol and log your progress first.";
    Record => "学习记录", "Learning record";
    RecordNote => "把学习记录存成文件(xAPI格式),可以自己留着或给培训机构看。", "Save your learning record as a file (xAPI format) to keep or show a training provider.";
    DownloadRecord => "下载学习记录", "Download learning record";
    DueOpen => "去看看", "Take a look";
    DueDismiss => "知道了", "Got it";
    Back => "‹ 返回培训", "‹ Back to training";
    NotFound => "找不到这门课,可能课程目录已更新", "This course was not found; the course list may have been updated";
    Required => "请填写这一项", "Please fill this in";
    PickDate => "请选择日期", "Please choose a date";
    PickOne => "请选择一项", "Please choose one";
    Percent => "完成", "done";
    MyProgress => "我的进度", "My progress";
    Unreadable => "有些已保存的培训记录无法读取,没有计入进度。", "Some saved training entries could not be read and are not counted.";
    CertNotDone => "这门课的证书已记下;学时、课次或模块还没记满,所以还不算结业。", "The certificate for this course is saved; the hours, sessions or modules are not all logged yet, so the course is not finished.";
    }
}

/// Where a refusal is shown: next to the field the user has to change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Date,
    Hours,
    Text,
    Target,
    Number,
    /// Not tied to one field: shown under the form's button.
    Form,
}

/// The field a refusal is about, so its message sits next to what has to change.
pub fn field_of(e: &TrainingError) -> Field {
    use TrainingError::*;
    match e {
        InFuture { .. }
        | BeforeEnrolment { .. }
        | ClaimBeforeIssue { .. }
        | ClaimAfterDeadline { .. } => Field::Date,
        HoursNotPositive | TooManyHoursInDay { .. } | MoreThanADay | HoursUnreadable(_) => {
            Field::Hours
        }
        TargetOutOfRange { .. } => Field::Target,
        EmptyText { field } | TextTooLong { field, .. } if *field == "certificate number" => {
            Field::Number
        }
        EmptyText { .. } | TextTooLong { .. } | UnknownModule { .. } | ModuleAlreadyDone(_) => {
            Field::Text
        }
        DuplicateCertificate(_) => Field::Number,
        _ => Field::Form,
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::{Certificate, CertificateLevel, CourseId, Fen, RequirementSource};
    use std::collections::HashSet;

    #[test]
    fn every_string_has_both_languages() {
        crate::i18n::check_table(TrainingText::ALL, &[]).unwrap();
    }

    #[test]
    fn no_two_strings_share_a_chinese_text_by_accident() {
        // Same words on purpose: the history's entry names reuse a few action names.
        let allowed = [TrainingText::EvExam, TrainingText::KindExam];
        let mut seen = HashSet::new();
        for key in TrainingText::ALL {
            if allowed.contains(key) {
                continue;
            }
            assert!(
                seen.insert(crate::i18n::Message::text(*key, Lang::Zh)),
                "duplicate zh text for {key:?}"
            );
        }
    }

    #[test]
    fn refusals_sit_next_to_the_field_to_fix() {
        let today = Date::ymd(2026, 11, 26);
        assert_eq!(field_of(&TrainingError::MoreThanADay), Field::Hours);
        assert_eq!(
            field_of(&TrainingError::TooManyHoursInDay {
                date: today,
                already_minutes: 60
            }),
            Field::Hours
        );
        assert_eq!(field_of(&TrainingError::InFuture { today }), Field::Date);
        assert_eq!(
            field_of(&TrainingError::BeforeEnrolment { enrolled_on: today }),
            Field::Date
        );
        assert_eq!(
            field_of(&TrainingError::TextTooLong {
                field: "note",
                max: 2000
            }),
            Field::Text
        );
        assert_eq!(
            field_of(&TrainingError::EmptyText {
                field: "certificate number"
            }),
            Field::Number
        );
        assert_eq!(
            field_of(&TrainingError::DuplicateCertificate("A1".into())),
            Field::Number
        );
        assert_eq!(
            field_of(&TrainingError::TargetOutOfRange { max: 2000 }),
            Field::Target
        );
        assert_eq!(
            field_of(&TrainingError::ClaimCapReached { year: 2026, max: 3 }),
            Field::Form
        );
    }

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
}
