//! Interface strings of the 自测, results, program page and 政策 screens.

use crate::lang::Lang;

crate::messages! {
    /// Strings of the 自测, results, program page and 政策 screens.
    pub enum PolicyText {
    QuestionOf => "第{n}题", "Question {n}";
    AboutLeft => "还有约{n}个问题", "about {n} more";
    LastQuestion => "快完成了", "almost done";
    RolesNarrow => "还有几题,看你怎么选", "how many more depends on your choice";
    DontKnow => "不清楚 / 跳过", "Not sure / skip";
    Yes => "是", "Yes";
    No => "否", "No";
    Next => "下一步", "Next";
    Back => "上一题", "Previous question";
    Cancel => "不改了,返回", "Keep it, go back";
    Less => "减少", "Less";
    More => "增加", "More";
    PickDate => "请先选择日期,或点“不清楚 / 跳过”", "Pick a date first, or tap “Not sure / skip”";
    DateLabel => "日期(年-月-日)", "Date (year-month-day)";
    EnterNumber => "请输入一个整数(只用数字),或点“不清楚 / 跳过”", "Enter a whole number (digits only), or tap “Not sure / skip”";
    PickOne => "请选择一项,或点“不清楚 / 跳过”", "Pick one, or tap “Not sure / skip”";
    SavedHere => "每个回答都立刻保存在这部手机上,下次打开从这里继续。", "Each answer is saved on this phone at once; next time you continue from here.";
    SeeResultsNow => "先看看目前的结果", "See the results so far";
    ResultsTitle => "你的结果", "Your results";
    ResultsIntro => "根据你的回答,以下是你可以申请和还差一点的政策。结果仅供参考,以当地人社部门最新通知为准。",
        "Based on your answers: what you can get now and what is within reach. This is a guide only: the latest notice of your local human resources and social security office is what counts.";
    ResultsIncomplete => "还有问题没回答,部分结果还定不下来。", "Some questions are not answered yet, so some results are still open.";
    ContinueQuestions => "继续回答问题", "Continue the questions";
    DataAsOf => "政策数据更新于", "Policy data updated on";
    Why => "原因", "Why";
    // After a label: no space in Chinese (as in the catalog's own sentences), one in English.
    Colon => ":", ": ";
    NextStep => "下一步", "Next step";
    HowToApply => "去哪里办", "Where to apply";
    Documents => "要带的材料", "What to bring";
    DocumentsNone => "不需要特别准备材料。", "Nothing special to bring.";
    DocumentsHint => "准备好一项就勾一项,勾选会保存在手机上。", "Tick each one you have ready; ticks are saved on this phone.";
    Details => "查看详情", "Details";
    ExcludedWith => "可能不能和这项同时享受,以当地最新通知为准:", "You may not be able to get this together with the following (the latest local notice decides):";
    ExcludedChoose => "(两项你都可能符合,申请前先问清楚)", "(you may qualify for both: ask before you apply)";
    NoneInGroup => "这一组暂时没有项目。", "Nothing in this group for now.";
    ForEmployersNote => "以下措施面向企业,个人不能直接申请,列出来方便你了解。", "These measures are for employers; individuals cannot apply. Listed so you know about them.";
    AnswersTitle => "我的回答(可修改)", "My answers (you can change them)";
    AnswersNone => "还没有回答任何问题。", "No answers yet.";
    Change => "修改", "Change";
    Unknown => "不清楚", "Not sure";
    StartOver => "全部重新回答", "Start again";
    StartOverConfirm => "再点一次确认清除全部回答", "Tap again to clear all answers";
    NextConfirm => "先向{channel}确认是否符合", "First confirm with {channel}";
    NotYetOpen => "{date}起可以申请", "Applications open on {date}";
    Ended => "已于{date}结束", "Ended on {date}";
    ProgramMissing => "没有找到这项政策,它可能已从政策数据中移除。", "This program was not found; it may have been removed from the policy data.";
    BackToList => "返回政策一览", "Back to all programs";
    Summary => "简介", "Summary";
    Benefit => "能得到什么", "What you get";
    YourResult => "对照你的情况", "Checked against your answers";
    CriteriaTitle => "申请条件", "Conditions";
    CriterionMet => "符合", "Met";
    CriterionFailed => "不符合", "Not met";
    CriterionUnknown => "还不清楚", "Not known yet";
    WhatToChange => "怎样才能符合", "What would make you eligible";
    ReadyOn => "{date}起", "from {date}";
    Deadlines => "申请期限", "Deadlines";
    DeadlineBy => "截止日期:{date}", "Last day: {date}";
    WindowOpen => "可以申请", "Open";
    WindowUpcoming => "还没开始", "Not open yet";
    WindowPassed => "已过期", "Passed";
    WindowUnknown => "要看你的日期", "Depends on your date";
    Call12333 => "拨打12333", "Call 12333";
    PlanClause => "行动方案条款", "Action plan clause";
    Departments => "负责部门", "Departments";
    Sources => "依据和可信度", "Sources and confidence";
    ConfidenceH => "可信度高", "High confidence";
    ConfidenceM => "可信度中", "Medium confidence";
    ConfidenceL => "可信度低,请核实", "Low confidence: please check";
    Effective => "有效期", "In force";
    EffectiveFrom => "{date}起", "from {date}";
    EffectiveUntil => "至{date}", "until {date}";
    EffectiveOpenEnded => "长期有效(以当地最新通知为准)", "No end date announced (check the latest local notice)";
    LastVerified => "核对日期", "Last checked";
    FiguresTitle => "这些数字从哪来", "Where these figures come from";
    FigureSourceHint => "点一下看来源", "Tap to see the source";
    FigureSource => "来源", "Source";
    FigureConfidence => "可信度", "Confidence";
    FigureFrom => "生效日期", "In force since";
    FigureChecked => "核对日期", "Checked on";
    FigureNotInForce => "今天没有生效的数值,以当地最新通知为准", "No value is in force today; check the latest local notice";
    PlanOnly => "这项目前只在2021年的《创业枣庄·乐业鲁南》行动方案里提到,没有查到现行的具体办法,以当地最新通知为准。",
        "So far this is only mentioned in Zaozhuang's 2021 employment action plan; no current detailed rules were found. Check the latest local notice.";
    MayBeOutdated => "信息可能已过期:这条信息原定{date}前重新核对,请以当地最新通知为准。",
        "This may be out of date: it was due to be checked again by {date}. Check the latest local notice.";
    SaveProgram => "收藏这项政策", "Save this program";
    SavedProgram => "已收藏(点击取消)", "Saved (tap to remove)";
    CheckWhere => "最新规定请咨询:区(市)公共就业服务机构、人社服务热线12333、掌上12333、爱山东App,或访问 zzhrss.zaozhuang.gov.cn",
        "For the latest rules ask your district public employment office, the 12333 hotline, the 掌上12333 app, the 爱山东 app, or see zzhrss.zaozhuang.gov.cn";
    SearchLabel => "搜索政策(如:贷款、补贴、培训)", "Search programs (e.g. loan, subsidy, training)";
    SearchPlaceholder => "输入关键词", "Type a word";
    KindFilter => "类别", "Kind";
    KindAll => "全部", "All";
    ForMeOnly => "只看适合我的(可以申请或还差一点)", "Only what fits me (can apply or almost there)";
    ForMeNoAnswers => "先做自测,才能筛选适合你的政策。", "Do the check first to filter what fits you.";
    StartCheck => "去做自测", "Do the check";
    Count => "共{n}项", "{n} programs";
    NoMatch => "没有找到符合条件的政策,换个词试试。", "No program matches; try another word.";
    ForEmployersTag => "面向企业", "For employers";
    SectionClaimNow => "现在可以申请的钱和保障", "Money and cover you can claim now";
    SectionCourses => "可以参加的培训", "Courses you can join";
    SectionServices => "可以直接用的服务", "Services you can simply use";
    CoursesOfTraining => "你可以参加的培训({n})", "Training courses you can join ({n})";
    CoursesOfCamp => "你可以参加的训练营({n})", "Startup camps you can join ({n})";
    HowToUse => "怎么用", "How to use it";
    Automatic => "不用申请:符合条件就自动有", "Nothing to apply for: you are covered automatically";
    FindOut => "先弄清楚", "Find out first";
    AnswerHere => "知道答案?在这里回答:", "Know the answer? Answer here:";
    AnswerSave => "保存", "Save";
    AnswerPickDate => "请先选择日期", "Pick a date first";
    AnswerEnterNumber => "请输入一个整数(只用数字)", "Enter a whole number (digits only)";
    OtherIsAutomatic => "(那一项不用申请,符合条件就自动有)", "(that one needs no application: you are covered automatically)";
    }
}

/// Fills `{name}` in an interface string.
pub fn fill(template: &str, name: &str, value: &str) -> String {
    template.replace(&format!("{{{name}}}"), value)
}

/// A table string with one placeholder filled, in `lang`.
pub fn tf(key: PolicyText, lang: Lang, name: &str, value: &str) -> String {
    use crate::i18n::Message;
    fill(key.text(lang), name, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check_table, Message};

    #[test]
    fn every_string_has_both_languages() {
        check_table(PolicyText::ALL, &[PolicyText::Colon]).unwrap();
    }

    #[test]
    fn placeholders_are_the_same_in_both_languages() {
        for key in PolicyText::ALL {
            let names = |s: &str| {
                s.split('{')
                    .skip(1)
                    .filter_map(|x| x.split('}').next())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                names(key.text(Lang::Zh)),
                names(key.text(Lang::En)),
                "{key:?}"
            );
        }
    }
}
