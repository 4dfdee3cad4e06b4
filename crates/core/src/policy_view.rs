//! What the 自测, results, program and 政策 screens show, worked out without the browser: their
//! interface strings, the answer labels, the one-line "why" and "next step", search and the "for me"
//! filter. The views in `pages::check`, `pages::program`, `pages::policies` only render these, so the
//! wording and the choices are tested natively.

use crate::catalog::{Catalog, Channel, ChannelKind, Kind, Program};
use crate::date::Date;
use crate::facts::{Answer, FactDef, FactType, FactValue};
use crate::lang::{Lang, Text};
use crate::outcome::{Group, Outcome, ProgramResult};
use crate::rules::Status;

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

/// How an answer reads in the answers list: "网约车、外卖配送", "3个月", "不清楚".
pub fn answer_label(def: &FactDef, answer: &Answer, lang: Lang) -> String {
    use crate::i18n::Message;
    let v = match answer {
        Answer::Unknown => return PolicyText::Unknown.text(lang).to_string(),
        Answer::Known(v) => v,
    };
    match v {
        FactValue::Bool(true) => PolicyText::Yes.text(lang).to_string(),
        FactValue::Bool(false) => PolicyText::No.text(lang).to_string(),
        FactValue::Int(n) => match &def.unit {
            Some(u) if lang == Lang::Zh => format!("{n}{}", u.zh),
            Some(u) => format!("{n} {}", u.en),
            None => n.to_string(),
        },
        FactValue::Date(d) => d.to_string(),
        FactValue::Choice(c) => def.label(c, lang).to_string(),
        FactValue::Multi(list) => list
            .iter()
            .map(|c| def.label(c, lang))
            .collect::<Vec<_>>()
            .join(if lang == Lang::Zh { "、" } else { ", " }),
    }
}

/// Reads what the person entered for an int or date question. `None` when the field is empty or not a
/// whole number / date at all (the view then asks them to pick or type one); range checks are the
/// domain's (`FactDef::check`), so its message is the one shown.
pub fn parse_input(def: &FactDef, raw: &str) -> Option<FactValue> {
    let raw = raw.trim();
    match def.fact_type {
        FactType::Int => raw.parse::<i64>().ok().map(FactValue::Int),
        FactType::Date => Date::parse(raw).ok().map(FactValue::Date),
        _ => None,
    }
}

/// A stepper's next value: one step, kept within the fact's bounds.
pub fn step_int(def: &FactDef, current: i64, delta: i64) -> i64 {
    let (lo, hi) = (def.min.unwrap_or(0), def.max.unwrap_or(i64::MAX));
    current.saturating_add(delta).clamp(lo, hi.max(lo))
}

/// Ticking "都没有" clears the rest, ticking anything else clears "都没有": the exclusive choice can
/// never end up combined by a tap.
pub fn toggle_multi(def: &FactDef, current: &[String], value: &str, on: bool) -> Vec<String> {
    let exclusive = def.exclusive.as_deref();
    let mut out: Vec<String> = if on && Some(value) == exclusive {
        Vec::new()
    } else {
        current
            .iter()
            .filter(|v| v.as_str() != value && (!on || Some(v.as_str()) != exclusive))
            .cloned()
            .collect()
    };
    if on {
        out.push(value.to_string());
    }
    // Keep the catalog's order so the saved answer reads the same however it was tapped.
    out.sort_by_key(|v| def.choices.iter().position(|c| &c.value == v));
    out
}

/// The one line under a verdict saying why: the deciding condition for this person.
pub fn why_line(r: &ProgramResult) -> Option<Text> {
    let wanted = match r.group {
        Group::CanApply => Status::Met,
        Group::NeedsInfo => Status::Unknown,
        Group::AlmostThere | Group::NotEligible => Status::Failed,
        Group::ForEmployers => return None,
    };
    r.trace
        .iter()
        .filter(|c| c.status == wanted && !c.not_applicable)
        .find(|c| c.decisive)
        .or_else(|| r.trace.iter().find(|c| c.status == wanted))
        .map(|c| c.text.clone())
}

/// The one line saying what to do next, with its label: where to apply (去哪里办), what to confirm or
/// what to change (下一步). For 需要更多信息 see [`find_out_step`].
pub fn next_step(r: &ProgramResult, p: &Program) -> Option<(PolicyText, Text)> {
    let channel = |key: PolicyText, c: &Text| {
        Text::new(
            tf(key, Lang::Zh, "channel", &c.zh),
            tf(key, Lang::En, "channel", &c.en),
        )
    };
    match (r.group, r.outcome) {
        (Group::CanApply, Outcome::LikelyEligible) => Some((
            PolicyText::NextStep,
            channel(PolicyText::NextConfirm, &r.confirm_with),
        )),
        // The channel's own label already says who acts ("你的单位或平台代为申请", "爱山东App「…」").
        (Group::CanApply, _) => p.apply.first().map(|c| (PolicyText::HowToApply, c.label())),
        (Group::AlmostThere, _) => r
            .steps
            .first()
            .map(|s| (PolicyText::NextStep, s.text.clone())),
        // What to find out depends on the answers: `find_out_step`.
        _ => None,
    }
}

/// Programs whose outcome is "can apply" or "almost there": the 政策 tab's "for me" filter.
pub fn for_me(r: &ProgramResult) -> bool {
    matches!(r.group, Group::CanApply | Group::AlmostThere)
}

/// Search over the Chinese (and English) text people would type: name (with its official term in
/// brackets), summary, kind, plan clause, departments and the catalog's keywords (住房补贴 → 圆梦计划). Every word of the query must match; blank
/// matches all. Case-insensitive for Latin letters.
pub fn matches_search(p: &Program, query: &str) -> bool {
    let hay = [
        p.name.zh.as_str(),
        p.name.en.as_str(),
        p.summary.zh.as_str(),
        p.summary.en.as_str(),
        p.plan_clause.as_str(),
    ]
    .into_iter()
    .map(str::to_string)
    .chain([p.kind.label().zh, p.kind.label().en])
    .chain(p.departments.iter().map(|d| d.zh.clone()))
    .chain(p.keywords.iter().cloned())
    .collect::<Vec<String>>()
    .join("\n")
    .to_lowercase();
    // A word matches if the program's text holds it, or if it holds one of the program's keywords: "我受伤了"
    // finds what "受伤" finds.
    query.split_whitespace().all(|word| {
        let word = word.to_lowercase();
        hay.contains(&word)
            || p.keywords
                .iter()
                .any(|k| k.chars().count() >= 2 && word.contains(&k.to_lowercase()))
    })
}

/// The 政策 tab's list: catalog order, people's programs first and employer measures last.
pub fn browse<'a>(
    catalog: &'a Catalog,
    results: &[ProgramResult],
    query: &str,
    kind: Option<Kind>,
    only_for_me: bool,
) -> Vec<&'a Program> {
    let mut out: Vec<&Program> = catalog
        .programs()
        .iter()
        .filter(|p| kind.is_none_or(|k| p.kind == k))
        .filter(|p| matches_search(p, query))
        .filter(|p| !only_for_me || results.iter().any(|r| r.program == p.id && for_me(r)))
        .collect();
    out.sort_by_key(|p| p.is_for_employers());
    out
}

/// The results screen's groups in the order shown, each with its programs (catalog order).
pub fn grouped(results: &[ProgramResult]) -> Vec<(Group, Vec<&ProgramResult>)> {
    [
        Group::CanApply,
        Group::AlmostThere,
        Group::NeedsInfo,
        Group::NotEligible,
        Group::ForEmployers,
    ]
    .into_iter()
    .map(|g| (g, results.iter().filter(|r| r.group == g).collect()))
    .collect()
}

/// The results screen's sections, in the order shown: what this person can claim now, what is one step
/// away, courses, services to simply use, then what is still open, what does not fit and employer measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// Money and cover (subsidies, loans, insurance, awards) that fit now.
    ClaimNow,
    AlmostThere,
    /// Courses and camps that fit: one card per kind.
    Courses,
    /// Services that fit: nothing to apply for with documents.
    Services,
    NeedsInfo,
    NotEligible,
    ForEmployers,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::ClaimNow,
        Section::AlmostThere,
        Section::Courses,
        Section::Services,
        Section::NeedsInfo,
        Section::NotEligible,
        Section::ForEmployers,
    ];

    /// A stable code for the page (`data-group`).
    pub fn code(self) -> &'static str {
        match self {
            Section::ClaimNow => "can-apply",
            Section::AlmostThere => "almost-there",
            Section::Courses => "courses",
            Section::Services => "services",
            Section::NeedsInfo => "needs-info",
            Section::NotEligible => "not-eligible",
            Section::ForEmployers => "for-employers",
        }
    }

    pub fn label(self) -> Text {
        use crate::i18n::Message;
        let key = |k: PolicyText| Text::new(k.text(Lang::Zh), k.text(Lang::En));
        match self {
            Section::ClaimNow => key(PolicyText::SectionClaimNow),
            Section::AlmostThere => Group::AlmostThere.label(),
            Section::Courses => key(PolicyText::SectionCourses),
            Section::Services => key(PolicyText::SectionServices),
            Section::NeedsInfo => Group::NeedsInfo.label(),
            Section::NotEligible => Group::NotEligible.label(),
            Section::ForEmployers => Group::ForEmployers.label(),
        }
    }

    /// Open when the screen appears: what the person can act on.
    pub fn open(self) -> bool {
        matches!(
            self,
            Section::ClaimNow | Section::AlmostThere | Section::Courses | Section::Services
        )
    }
}

/// The section a result goes in.
pub fn section_of(r: &ProgramResult) -> Section {
    match r.group {
        Group::CanApply => match r.kind {
            Kind::Training | Kind::Camp => Section::Courses,
            Kind::Service => Section::Services,
            _ => Section::ClaimNow,
        },
        Group::AlmostThere => Section::AlmostThere,
        Group::NeedsInfo => Section::NeedsInfo,
        Group::NotEligible => Section::NotEligible,
        Group::ForEmployers => Section::ForEmployers,
    }
}

/// Money and cover first, then courses, then services and the rest.
fn kind_rank(kind: Kind) -> u8 {
    match kind {
        Kind::Subsidy | Kind::Insurance => 0,
        Kind::Loan => 1,
        Kind::Award => 2,
        Kind::Training | Kind::Camp => 3,
        Kind::Service => 4,
        Kind::Employer => 5,
    }
}

/// Every result in its section, the sections in screen order (empty ones included), each ranked by what
/// matters to this person: what is open now before what opens later, a firm "yes" before "likely", money and
/// cover before the rest, a known and larger amount first, fewer steps or fewer open questions first; a
/// program that comes by itself (`automatic`) after what has to be claimed. Ties keep the catalog's order.
pub fn ranked<'a>(
    catalog: &Catalog,
    results: &'a [ProgramResult],
) -> Vec<(Section, Vec<&'a ProgramResult>)> {
    let automatic = |r: &ProgramResult| catalog.program(&r.program).is_some_and(|p| p.automatic);
    Section::ALL
        .into_iter()
        .map(|section| {
            let mut items: Vec<&ProgramResult> = results
                .iter()
                .filter(|r| section_of(r) == section)
                .collect();
            items.sort_by_key(|r| {
                let later = !matches!(r.availability, crate::outcome::Availability::Open);
                let open_questions = r.with_status(Status::Unknown).count();
                (
                    later,
                    r.outcome != Outcome::Eligible,
                    automatic(r),
                    kind_rank(r.kind),
                    std::cmp::Reverse(r.amount.map(|a| a.0)),
                    r.steps.len(),
                    open_questions,
                )
            });
            (section, items)
        })
        .collect()
}

/// The courses section's cards: one per kind (培训, 训练营), each with its courses in rank order.
pub fn course_cards<'a>(items: &[&'a ProgramResult]) -> Vec<(Kind, Vec<&'a ProgramResult>)> {
    let mut cards: Vec<(Kind, Vec<&ProgramResult>)> = Vec::new();
    for r in items {
        match cards.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, list)) => list.push(r),
            None => cards.push((r.kind, vec![r])),
        }
    }
    cards
}

/// A course card's title: "你可以参加的培训(5)".
pub fn course_card_title(kind: Kind, n: usize, lang: Lang) -> String {
    let key = if kind == Kind::Camp {
        PolicyText::CoursesOfCamp
    } else {
        PolicyText::CoursesOfTraining
    };
    tf(key, lang, "n", &n.to_string())
}

/// The questions a result still waits on, in trace order: the facts of its conditions not known yet that
/// the person has not answered (a 不清楚 counts as not answered: they may find out).
pub fn open_questions<'a>(
    catalog: &'a Catalog,
    r: &ProgramResult,
    facts: &crate::facts::Facts,
) -> Vec<&'a FactDef> {
    let mut out: Vec<&FactDef> = Vec::new();
    for c in r.with_status(Status::Unknown) {
        if c.fact.is_empty() || facts.value(&c.fact).is_some() {
            continue;
        }
        if let Some(def) = catalog.fact(&c.fact) {
            // An age not given yet: the one-tap age band stands in for the birth date, as in the check (the
            // date is offered once a band was given that straddles the rule's limit).
            let def = catalog
                .facts()
                .iter()
                .find(|b| b.age_of.as_deref() == Some(def.id.as_str()) && !facts.is_answered(&b.id))
                .unwrap_or(def);
            if !out.iter().any(|d| d.id == def.id) {
                out.push(def);
            }
        }
    }
    out
}

/// The one concrete step for a result in 需要更多信息: how to find out the first thing it waits on, from the
/// catalog ("问站长或平台客服:平台(或站点)是否在枣庄注册"). `None` when that question has no such line: the
/// person knows the answer and answers it right there (`open_questions`). When nothing is left to answer
/// (a condition only the office can settle), whom to confirm with. Never "answer the remaining questions":
/// the results screen says so itself while questions remain.
pub fn find_out_step(
    catalog: &Catalog,
    r: &ProgramResult,
    facts: &crate::facts::Facts,
) -> Option<Text> {
    match open_questions(catalog, r, facts).first() {
        Some(first) => first.find_out.clone(),
        None => Some(Text::new(
            tf(
                PolicyText::NextConfirm,
                Lang::Zh,
                "channel",
                &r.confirm_with.zh,
            ),
            tf(
                PolicyText::NextConfirm,
                Lang::En,
                "channel",
                &r.confirm_with.en,
            ),
        )),
    }
}

/// What the exclusion note says after the other program's name: nothing, "ask before choosing" when the
/// person may qualify for both, or that the other one comes by itself. An automatic program is never
/// offered as one of two to choose from.
pub fn exclusion_hint(
    catalog: &Catalog,
    this: &str,
    other: &crate::outcome::Exclusion,
) -> Option<PolicyText> {
    let automatic = |id: &str| catalog.program(id).is_some_and(|p| p.automatic);
    if automatic(&other.program) {
        Some(PolicyText::OtherIsAutomatic)
    } else if other.also_qualifies && !automatic(this) {
        Some(PolicyText::ExcludedChoose)
    } else {
        None
    }
}

/// A `tel:` link for channels that are a phone number people can tap.
pub fn tel_link(c: &Channel) -> Option<&'static str> {
    (c.channel == ChannelKind::Hotline12333).then_some("tel:12333")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Facts;
    use crate::i18n::{check_table, Message};
    use crate::outcome::evaluate;

    fn today() -> Date {
        Date::ymd(2026, 11, 26)
    }

    fn catalog() -> &'static Catalog {
        Catalog::builtin()
    }

    /// A ride-hailing driver registered in Zaozhuang, as in the end-to-end test.
    fn driver() -> Facts {
        let mut f = Facts::new();
        f.set(
            "platform_work",
            FactValue::Multi(vec!["ride_hailing".into()]),
        )
        .set(
            "platform_registered_local",
            FactValue::Choice("zaozhuang".into()),
        )
        .set("platform_manager", FactValue::Bool(false))
        .set("employment_registered", FactValue::Bool(true))
        .set("birth_date", FactValue::Date(Date::ymd(1988, 5, 1)));
        f
    }

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

    #[test]
    fn search_finds_the_startup_loan_by_typing_loan_in_chinese() {
        let found = browse(catalog(), &[], "贷款", None, false);
        assert!(
            found.iter().any(|p| p.name.zh.contains("创业担保贷款")),
            "贷款 finds 创业担保贷款"
        );
        assert!(found.iter().all(|p| matches_search(p, "贷款")));
        assert!(
            found.len() < catalog().programs().len(),
            "the search narrows the list"
        );
        assert!(browse(catalog(), &[], "没有这种政策xyz", None, false).is_empty());
        assert_eq!(
            browse(catalog(), &[], "  ", None, false).len(),
            catalog().programs().len()
        );
    }

    #[test]
    fn employer_measures_are_listed_last() {
        let all = browse(catalog(), &[], "", None, false);
        let first_employer = all.iter().position(|p| p.is_for_employers()).unwrap();
        assert!(all[first_employer..].iter().all(|p| p.is_for_employers()));
        let only = browse(catalog(), &[], "", Some(Kind::Employer), false);
        assert!(!only.is_empty() && only.iter().all(|p| p.kind == Kind::Employer));
    }

    #[test]
    fn for_me_keeps_what_the_driver_can_apply_for_or_nearly() {
        let results = evaluate(catalog(), &driver(), today());
        let mine = browse(catalog(), &results, "", None, true);
        assert!(mine.iter().any(|p| p.id == "accident-insurance-subsidy"));
        for p in &mine {
            let r = results.iter().find(|r| r.program == p.id).unwrap();
            assert!(
                matches!(r.group, Group::CanApply | Group::AlmostThere),
                "{}",
                p.id
            );
        }
        // Nothing answered: only what is open to everyone (no condition left to know) is "for me".
        let none = evaluate(catalog(), &Facts::new(), today());
        let open = browse(catalog(), &none, "", None, true);
        assert!(!open.iter().any(|p| p.id == "accident-insurance-subsidy"));
        for p in open {
            let r = none.iter().find(|r| r.program == p.id).unwrap();
            assert!(
                r.trace.iter().all(|c| c.status == Status::Met),
                "{} needs no answer",
                p.id
            );
        }
    }

    #[test]
    fn the_driver_gets_the_accident_insurance_with_why_and_where_to_apply() {
        let results = evaluate(catalog(), &driver(), today());
        let r = results
            .iter()
            .find(|r| r.program == "accident-insurance-subsidy")
            .unwrap();
        assert_eq!(r.group, Group::CanApply);
        assert!(
            r.benefit.zh.contains("50%") && r.benefit.zh.contains("100元"),
            "{}",
            r.benefit.zh
        );
        let p = catalog().program(&r.program).unwrap();
        assert!(why_line(r).is_some());
        let (label, next) = next_step(r, p).unwrap();
        assert_eq!(label, PolicyText::HowToApply);
        assert_eq!(next, p.apply[0].label());
    }

    #[test]
    fn unregistered_driver_is_told_exactly_what_to_do() {
        let mut f = driver();
        f.set("employment_registered", FactValue::Bool(false));
        let results = evaluate(catalog(), &f, today());
        let r = results
            .iter()
            .find(|r| r.program == "accident-insurance-subsidy")
            .unwrap();
        assert_eq!(r.group, Group::AlmostThere);
        let (label, next) = next_step(r, catalog().program(&r.program).unwrap()).unwrap();
        assert_eq!(label, PolicyText::NextStep);
        assert!(next.zh.contains("就业登记"), "{}", next.zh);
        assert!(why_line(r).unwrap().zh.contains("就业登记"));
    }

    #[test]
    fn not_knowing_leads_to_needs_info_and_a_way_to_find_out() {
        let mut f = Facts::new();
        f.set(
            "platform_work",
            FactValue::Multi(vec!["ride_hailing".into()]),
        );
        f.mark_unknown("platform_registered_local");
        let results = evaluate(catalog(), &f, today());
        let r = results
            .iter()
            .find(|r| r.program == "accident-insurance-subsidy")
            .unwrap();
        assert_eq!(r.group, Group::NeedsInfo);
        // The step is the catalog's way to find out, never "answer the remaining questions".
        let next = find_out_step(catalog(), r, &f).unwrap();
        assert_eq!(
            Some(&next),
            catalog()
                .fact("platform_registered_local")
                .unwrap()
                .find_out
                .as_ref()
        );
        assert!(next.zh.contains("站长"), "{}", next.zh);
        assert!(!next.zh.contains("剩下的问题"), "{}", next.zh);
        assert_eq!(
            open_questions(catalog(), r, &f)[0].id,
            "platform_registered_local"
        );
        // Once answered, it is no longer open.
        f.set(
            "platform_registered_local",
            FactValue::Choice("zaozhuang".into()),
        );
        let results = evaluate(catalog(), &f, today());
        let r = results
            .iter()
            .find(|r| r.program == "accident-insurance-subsidy")
            .unwrap();
        assert!(open_questions(catalog(), r, &f)
            .iter()
            .all(|d| d.id != "platform_registered_local"));
    }

    #[test]
    fn a_result_waiting_on_an_age_asks_the_band_in_place_and_the_date_only_after_a_band() {
        let mut f = driver();
        f.unset("birth_date");
        let waiting_on_age = |f: &Facts| {
            evaluate(catalog(), f, today())
                .into_iter()
                .filter(|r| {
                    r.group == Group::NeedsInfo
                        && r.with_status(Status::Unknown)
                            .any(|c| c.fact == "birth_date")
                })
                .collect::<Vec<_>>()
        };
        let results = waiting_on_age(&f);
        assert!(
            !results.is_empty(),
            "a platform program tests the working age"
        );
        for r in &results {
            let open = open_questions(catalog(), r, &f);
            assert!(open.iter().any(|d| d.id == "age_band"), "{}", r.program);
            assert!(open.iter().all(|d| d.id != "birth_date"), "{}", r.program);
        }
        // Once a band is given the date is what is left to offer wherever an age is still unknown.
        f.set("age_band", FactValue::Choice("adult".into()));
        for r in waiting_on_age(&f) {
            let open = open_questions(catalog(), &r, &f);
            assert!(open.iter().all(|d| d.id != "age_band"), "{}", r.program);
        }
    }

    #[test]
    fn every_card_in_needs_info_says_what_to_find_out_or_asks_it_right_there() {
        let mut unsure = driver();
        unsure.mark_unknown("platform_registered_local");
        unsure.mark_unknown("employment_registered");
        for facts in [Facts::new(), driver(), unsure] {
            let results = evaluate(catalog(), &facts, today());
            for r in results.iter().filter(|r| r.group == Group::NeedsInfo) {
                let open = open_questions(catalog(), r, &facts);
                let step = find_out_step(catalog(), r, &facts);
                assert!(
                    step.is_some() || !open.is_empty(),
                    "{}: nothing to do",
                    r.program
                );
                if let Some(first) = open.first() {
                    assert_eq!(step, first.find_out.clone(), "{}", r.program);
                    assert!(facts.value(&first.id).is_none());
                }
                if let Some(s) = step {
                    assert!(!s.zh.contains("剩下的问题"), "{}", s.zh);
                }
            }
        }
    }

    #[test]
    fn search_finds_programs_by_the_words_people_use() {
        let ids = |q: &str| {
            browse(catalog(), &[], q, None, false)
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        };
        assert!(ids("住房补贴").contains(&"graduate-living-rent-subsidy".to_string()));
        assert!(ids("受伤").contains(&"occupational-injury-protection".to_string()));
        assert!(ids("我受伤了").contains(&"occupational-injury-protection".to_string()));
        assert!(ids("rent").contains(&"graduate-living-rent-subsidy".to_string()));
        // Keywords do not make everything match.
        assert!(!ids("住房补贴").contains(&"occupational-injury-protection".to_string()));
        let p = catalog().program("graduate-living-rent-subsidy").unwrap();
        assert!(
            !p.name.zh.contains("住房补贴") && !p.summary.zh.contains("住房补贴"),
            "the keyword is what finds it"
        );
    }

    #[test]
    fn partly_known_rules_say_likely_eligible_and_whom_to_confirm_with() {
        // 圆梦计划: the plan names graduates working in Zaozhuang; the rest is unconfirmed.
        let mut f = Facts::new();
        f.set("edu_level", FactValue::Choice("bachelor".into()))
            .set("work_city", FactValue::Choice("zaozhuang".into()));
        let results = evaluate(catalog(), &f, today());
        let r = results
            .iter()
            .find(|r| r.program == "graduate-living-rent-subsidy")
            .unwrap();
        assert_eq!(
            (r.group, r.outcome),
            (Group::CanApply, Outcome::LikelyEligible)
        );
        let (label, next) = next_step(r, catalog().program(&r.program).unwrap()).unwrap();
        assert_eq!(label, PolicyText::NextStep);
        assert!(
            next.zh.starts_with("先向") && next.zh.contains(&r.confirm_with.zh),
            "{}",
            next.zh
        );
        assert!(next.en.contains("confirm with"), "{}", next.en);
    }

    #[test]
    fn groups_come_in_screen_order_and_hold_every_program_once() {
        let results = evaluate(catalog(), &driver(), today());
        let groups = grouped(&results);
        assert_eq!(groups[0].0, Group::CanApply);
        assert_eq!(groups[4].0, Group::ForEmployers);
        assert_eq!(
            groups.iter().map(|g| g.1.len()).sum::<usize>(),
            results.len()
        );
        assert!(groups[4]
            .1
            .iter()
            .all(|r| r.outcome == Outcome::ForEmployers));
    }

    #[test]
    fn results_are_ranked_money_and_cover_first_then_one_step_then_courses_then_services() {
        let results = evaluate(catalog(), &driver(), today());
        let sections = ranked(catalog(), &results);
        assert_eq!(
            sections.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
            Section::ALL.to_vec()
        );
        // Every result exactly once.
        let mut seen: Vec<&str> = sections
            .iter()
            .flat_map(|(_, items)| items.iter().map(|r| r.program.as_str()))
            .collect();
        seen.sort();
        let mut all: Vec<&str> = results.iter().map(|r| r.program.as_str()).collect();
        all.sort();
        assert_eq!(seen, all);
        let section = |s: Section| &sections.iter().find(|(x, _)| *x == s).unwrap().1;
        // The driver's accident-insurance rebate is the first thing on the screen.
        let claim = section(Section::ClaimNow);
        assert_eq!(claim[0].program, "accident-insurance-subsidy");
        for r in claim {
            assert_eq!(r.group, Group::CanApply);
            assert!(!matches!(
                r.kind,
                Kind::Training | Kind::Camp | Kind::Service | Kind::Employer
            ));
        }
        // A firm yes before a likely one; what comes by itself after what has to be claimed.
        let keys: Vec<(bool, bool)> = claim
            .iter()
            .map(|r| {
                (
                    r.outcome != Outcome::Eligible,
                    catalog().program(&r.program).unwrap().automatic,
                )
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{claim:?}");
        for r in section(Section::Courses) {
            assert!(matches!(r.kind, Kind::Training | Kind::Camp) && r.group == Group::CanApply);
        }
        let services = section(Section::Services);
        assert!(
            !services.is_empty(),
            "the driver can simply use the job services"
        );
        for r in services {
            assert!(r.kind == Kind::Service && r.group == Group::CanApply);
        }
        assert!(section(Section::ForEmployers)
            .iter()
            .all(|r| r.outcome == Outcome::ForEmployers));
    }

    #[test]
    fn the_one_step_away_section_puts_money_before_courses_and_fewer_steps_first() {
        let mut f = driver();
        f.set("employment_registered", FactValue::Bool(false));
        let results = evaluate(catalog(), &f, today());
        let sections = ranked(catalog(), &results);
        let almost = &sections
            .iter()
            .find(|(s, _)| *s == Section::AlmostThere)
            .unwrap()
            .1;
        assert_eq!(almost[0].program, "accident-insurance-subsidy");
        let keys: Vec<(u8, usize)> = almost
            .iter()
            .map(|r| (kind_rank(r.kind), r.steps.len()))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn courses_of_one_kind_are_one_card() {
        // Nothing answered: every course open to all is "can apply".
        let results = evaluate(catalog(), &Facts::new(), today());
        let sections = ranked(catalog(), &results);
        let courses = &sections
            .iter()
            .find(|(s, _)| *s == Section::Courses)
            .unwrap()
            .1;
        let cards = course_cards(courses);
        let kinds: Vec<Kind> = cards.iter().map(|(k, _)| *k).collect();
        let mut unique = kinds.clone();
        unique.dedup();
        assert_eq!(kinds, unique, "one card per kind");
        assert_eq!(
            cards.iter().map(|(_, l)| l.len()).sum::<usize>(),
            courses.len()
        );
        assert_eq!(
            course_card_title(Kind::Training, 5, Lang::Zh),
            "你可以参加的培训(5)"
        );
        assert_eq!(
            course_card_title(Kind::Camp, 1, Lang::En),
            "Startup camps you can join (1)"
        );
    }

    #[test]
    fn an_automatic_program_is_never_one_of_two_to_choose() {
        let results = evaluate(catalog(), &driver(), today());
        let injury = catalog().program("occupational-injury-protection").unwrap();
        assert!(injury.automatic);
        let rebate = results
            .iter()
            .find(|r| r.program == "accident-insurance-subsidy")
            .unwrap();
        let other = rebate
            .excluded_with
            .iter()
            .find(|e| e.program == injury.id)
            .unwrap();
        assert_eq!(
            exclusion_hint(catalog(), &rebate.program, other),
            Some(PolicyText::OtherIsAutomatic)
        );
        let r = results.iter().find(|r| r.program == injury.id).unwrap();
        for e in &r.excluded_with {
            assert_ne!(
                exclusion_hint(catalog(), &r.program, e),
                Some(PolicyText::ExcludedChoose)
            );
        }
        // What the source says: it may not combine, and the local notice decides.
        assert!(PolicyText::ExcludedWith
            .text(Lang::Zh)
            .contains("可能不能和这项同时享受,以当地最新通知为准"));
    }

    #[test]
    fn multi_choice_taps_never_combine_none_with_others() {
        let def = catalog().fact("platform_work").unwrap();
        let v = toggle_multi(def, &[], "food_delivery", true);
        let v = toggle_multi(def, &v, "ride_hailing", true);
        assert_eq!(v, vec!["ride_hailing", "food_delivery"], "catalog order");
        let none = toggle_multi(def, &v, "none", true);
        assert_eq!(none, vec!["none"]);
        let back = toggle_multi(def, &none, "courier", true);
        assert_eq!(back, vec!["courier"]);
        assert!(toggle_multi(def, &back, "courier", false).is_empty());
    }

    #[test]
    fn steppers_stay_within_the_fact_bounds() {
        let def = catalog().fact("ui_months").unwrap();
        assert_eq!(step_int(def, 0, -1), 0);
        assert_eq!(step_int(def, 5, 1), 6);
        assert_eq!(step_int(def, def.max.unwrap(), 1), def.max.unwrap());
    }

    #[test]
    fn typed_input_is_read_and_impossible_values_are_left_to_the_domain_check() {
        let months = catalog().fact("ui_months").unwrap();
        assert_eq!(parse_input(months, " 12 "), Some(FactValue::Int(12)));
        assert_eq!(parse_input(months, "十二"), None);
        let too_many = parse_input(months, "9999").unwrap();
        assert!(months.check(&too_many, today()).is_err());
        let born = catalog().fact("birth_date").unwrap();
        let old = parse_input(born, "1826-01-01").unwrap();
        let msg = born.check(&old, today()).unwrap_err().message(Lang::Zh);
        assert!(msg.contains("年份"), "{msg}");
        assert_eq!(parse_input(born, ""), None);
    }

    #[test]
    fn answers_read_as_words() {
        let work = catalog().fact("platform_work").unwrap();
        let both = Answer::Known(FactValue::Multi(vec![
            "ride_hailing".into(),
            "food_delivery".into(),
        ]));
        assert_eq!(answer_label(work, &both, Lang::Zh), "网约车、外卖配送");
        assert_eq!(answer_label(work, &Answer::Unknown, Lang::Zh), "不清楚");
        let months = catalog().fact("ui_months").unwrap();
        assert_eq!(
            answer_label(months, &Answer::Known(FactValue::Int(3)), Lang::Zh),
            "3个月"
        );
        assert_eq!(
            answer_label(months, &Answer::Known(FactValue::Int(3)), Lang::En),
            "3 months"
        );
    }

    #[test]
    fn only_the_hotline_gets_a_phone_link() {
        let p = catalog().program("accident-insurance-subsidy").unwrap();
        let links: Vec<_> = p.apply.iter().filter_map(tel_link).collect();
        assert_eq!(links, vec!["tel:12333"]);
    }
}
