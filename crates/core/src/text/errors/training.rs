//! What the training log's refusals say.

use crate::lang::Lang;
use crate::training::{TextField, TrainingError};
use std::fmt;

impl TrainingError {
    /// The message for the user in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use TrainingError::*;
        let zh = lang == Lang::Zh;
        match self {
            CatalogUnreadable(e) => {
                if zh {
                    format!("课程目录读取失败,请更新应用后重试({e})")
                } else {
                    format!("The course list could not be read; update the app and try again ({e})")
                }
            }
            BadEventId => {
                if zh {
                    "记录编号无效,请重新操作一次".into()
                } else {
                    "This entry has an invalid id; please try again".into()
                }
            }
            UnknownCourse(c) => {
                if zh {
                    format!("找不到课程“{c}”,请从课程列表中选择")
                } else {
                    format!("There is no course “{c}”; pick one from the course list")
                }
            }
            CourseRequired => {
                if zh {
                    "请先选择课程".into()
                } else {
                    "Choose a course first".into()
                }
            }
            NotEnrolled(c) => {
                if zh {
                    format!("你还没有报名“{c}”,请先点“报名”")
                } else {
                    format!("You have not enrolled in “{c}”; tap Enrol first")
                }
            }
            AlreadyEnrolled(c) => {
                if zh {
                    format!("你已经报名了“{c}”,无需重复报名")
                } else {
                    format!("You are already enrolled in “{c}”")
                }
            }
            BeforeEnrolment { enrolled_on } => {
                if zh {
                    format!("日期早于报名日期({enrolled_on}),请选择{enrolled_on}或之后的日期")
                } else {
                    format!("The date is before you enrolled ({enrolled_on}); pick {enrolled_on} or later")
                }
            }
            InFuture { today } => {
                if zh {
                    format!("已完成的事不能记在将来,请选择今天({today})或更早的日期")
                } else {
                    format!("Something already done cannot be dated in the future; pick today ({today}) or earlier")
                }
            }
            HoursNotPositive => {
                if zh {
                    "学习时长要大于0,请填写学了多久".into()
                } else {
                    "Hours must be more than 0; enter how long you studied".into()
                }
            }
            TooManyHoursInDay {
                date,
                already_minutes,
            } => {
                let left = 24 * 60 - (*already_minutes).min(24 * 60);
                let (h, m) = (left / 60, left % 60);
                if zh {
                    format!("{date}这一天最多还能记{h}小时{m}分钟(一天不超过24小时),请改小时长")
                } else {
                    format!("At most {h} h {m} min more can be logged on {date} (a day has 24 hours); lower the hours")
                }
            }
            MoreThanADay => {
                if zh {
                    "一天最多24小时,请按实际学习时长填写".into()
                } else {
                    "A day has at most 24 hours; enter the time you actually studied".into()
                }
            }
            HoursUnreadable(s) => {
                if zh {
                    format!("“{s}”不是有效的小时数,请填写如 2 或 1.5")
                } else {
                    format!("“{s}” is not a number of hours; enter e.g. 2 or 1.5")
                }
            }
            TargetOutOfRange { max } => {
                if zh {
                    format!("目标数量要在1到{max}之间,请按报名通知填写")
                } else {
                    format!("The target must be between 1 and {max}; copy it from your enrolment notice")
                }
            }
            UnknownModule { module, known } => {
                if zh {
                    format!(
                        "本课程没有模块“{module}”,请从列表中选择:{}",
                        known.join("、")
                    )
                } else {
                    format!(
                        "This course has no module “{module}”; pick one of: {}",
                        known.join(", ")
                    )
                }
            }
            ModuleAlreadyDone(m) => {
                if zh {
                    format!("模块“{m}”已标记完成;如记错了,请先撤销原记录")
                } else {
                    format!("Module “{m}” is already marked done; undo that entry first if it was a mistake")
                }
            }
            UnknownMilestone(m) => {
                if zh {
                    format!("清单中没有“{m}”这一项,请从清单中选择")
                } else {
                    format!("“{m}” is not on the checklist; pick an item from the list")
                }
            }
            MilestoneAlreadyTicked(m) => {
                if zh {
                    format!("“{m}”已经勾选过了")
                } else {
                    format!("“{m}” is already ticked")
                }
            }
            EmptyText { field } => {
                if zh {
                    format!("请填写{}", field_name(*field, lang))
                } else {
                    format!("Please fill in the {}", field_name(*field, lang))
                }
            }
            TextTooLong { field, max } => {
                let name = field_name(*field, lang);
                if zh {
                    format!("{name}太长了,最多{max}个字,请删减")
                } else {
                    format!("The {name} is too long; keep it to {max} characters")
                }
            }
            DuplicateCertificate(n) => {
                if zh {
                    format!("证书编号{n}已经添加过了")
                } else {
                    format!("Certificate number {n} is already added")
                }
            }
            UnknownCertificate(n) => {
                if zh {
                    format!("找不到编号为{n}的证书,请先添加证书")
                } else {
                    format!("No certificate numbered {n}; add the certificate first")
                }
            }
            CertificateHasNoLevel(n) => {
                if zh {
                    format!("证书{n}没有职业技能等级,技能提升补贴只针对职业资格或职业技能等级证书")
                } else {
                    format!("Certificate {n} has no skill level; the skills subsidy is only for occupational skill level certificates")
                }
            }
            AlreadyClaimed(n) => {
                if zh {
                    format!("证书{n}的补贴已标记为已领取")
                } else {
                    format!("The subsidy for certificate {n} is already marked as claimed")
                }
            }
            ClaimBeforeIssue { issued_on } => {
                if zh {
                    format!("领取日期不能早于发证日期({issued_on}),请改日期")
                } else {
                    format!("The claim date cannot be before the certificate was issued ({issued_on}); change the date")
                }
            }
            ClaimAfterDeadline { last_day } => {
                if zh {
                    format!("申领期已于{last_day}结束;如确已领取,请核对日期,或拨打12333咨询")
                } else {
                    format!("The claim window ended on {last_day}; check the date, or call 12333 if you did receive it")
                }
            }
            ClaimCapReached { year, max } => {
                if zh {
                    format!("{year}年已记录{max}次领取(每年最多{max}次),请核对;有疑问请拨打12333")
                } else {
                    format!("{max} claims are already recorded for {year} (at most {max} a year); please check, or call 12333")
                }
            }
            SubsidyTermsUnreadable(part) => {
                if zh {
                    format!(
                        "政策数据中的考证补贴条目不完整({part}),请更新应用;金额以当地最新通知为准"
                    )
                } else {
                    format!("The policy data's entry for the certificate bonus is incomplete ({part}); update the app. For amounts, check the latest local notice")
                }
            }
            SubsidyTermsMissing => {
                if zh {
                    "补贴规则尚未加载,请更新政策数据后再标记领取".into()
                } else {
                    "The subsidy's terms are not loaded; update the policy data, then mark it claimed".into()
                }
            }
            UnknownEvent(_) => {
                if zh {
                    "要撤销的记录不存在,请刷新后重试".into()
                } else {
                    "The entry to undo does not exist; reload and try again".into()
                }
            }
            AlreadyUndone(_) => {
                if zh {
                    "这条记录已经撤销过了".into()
                } else {
                    "This entry is already undone".into()
                }
            }
            CannotUndoUndo => {
                if zh {
                    "撤销操作不能再撤销;请重新记录一次".into()
                } else {
                    "An undo cannot be undone; log the entry again instead".into()
                }
            }
        }
    }
}

/// A field's name inside a sentence.
pub fn field_name(field: TextField, lang: Lang) -> &'static str {
    use TextField::*;
    match (field, lang) {
        (Note, Lang::Zh) => "笔记",
        (CertificateNumber, Lang::Zh) => "证书编号",
        (CertificateName, Lang::Zh) => "证书名称",
        (Module, Lang::Zh) => "模块名称",
        (Session, Lang::Zh) => "课次名称",
        (Exam, Lang::Zh) => "考试名称",
        (Note, Lang::En) => "note",
        (CertificateNumber, Lang::En) => "certificate number",
        (CertificateName, Lang::En) => "certificate name",
        (Module, Lang::En) => "module",
        (Session, Lang::En) => "session",
        (Exam, Lang::En) => "exam",
    }
}

/// Chinese, the default interface language.
impl fmt::Display for TrainingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

impl std::error::Error for TrainingError {}
