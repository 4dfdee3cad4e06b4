//! The 培训 tab's interface strings, and (in `sentences`) the few sentences built from domain values
//! (countdowns, progress figures, subsidy status) so their wording is tested natively rather than assembled
//! inside views.

mod sentences;
#[cfg(test)]
mod tests;

pub use sentences::*;

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

#[cfg(test)]
mod table_tests {
    use super::*;
    use crate::lang::Lang;
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
}
