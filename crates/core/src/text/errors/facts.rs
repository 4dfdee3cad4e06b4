//! What a refused answer says under its question.

use crate::facts::{FactError, FactType};
use crate::lang::Lang;
use std::fmt;

impl FactError {
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            FactError::Malformed(e) => {
                if zh {
                    format!("答案文件格式不对(应为JSON对象):{e}")
                } else {
                    format!("The answers file is not a JSON object of answers: {e}")
                }
            }
            FactError::UnknownFact(id) => {
                if zh {
                    format!("没有名为“{id}”的问题,请检查拼写")
                } else {
                    format!("There is no question called “{id}”; check the spelling")
                }
            }
            FactError::WrongType { fact, expected } => {
                let (zh_kind, en_kind) = match expected {
                    FactType::Bool => ("是或否", "yes or no (true/false)"),
                    FactType::Date => ("日期(年-月-日)", "a date (YYYY-MM-DD)"),
                    FactType::Int => ("整数", "a whole number"),
                    FactType::Choice => ("一个选项", "one of the choices"),
                    FactType::Multi => ("选项列表", "a list of choices"),
                };
                if zh {
                    format!("“{fact}”的答案应为{zh_kind}")
                } else {
                    format!("The answer to “{fact}” must be {en_kind}")
                }
            }
            FactError::OutOfRange {
                value, min, max, ..
            } => {
                if zh {
                    format!("{value}不在可能的范围内,请输入{min}到{max}之间的数")
                } else {
                    format!("{value} is not possible here; enter a number from {min} to {max}")
                }
            }
            FactError::InFuture { date, question, .. } => {
                if zh {
                    format!("{date}还没到,请检查日期({})", question.zh)
                } else {
                    format!("{date} is in the future; check the date ({})", question.en)
                }
            }
            FactError::TooLongAgo {
                earliest, question, ..
            } => {
                if zh {
                    format!("日期不能早于{earliest},请检查年份({})", question.zh)
                } else {
                    format!(
                        "The date cannot be before {earliest}; check the year ({})",
                        question.en
                    )
                }
            }
            FactError::NotAChoice { value, .. } => {
                if zh {
                    format!("“{value}”不是可选的答案,请从列表中选择")
                } else {
                    format!("“{value}” is not one of the answers; pick one from the list")
                }
            }
            FactError::ExclusiveCombined { label, .. } => {
                if zh {
                    format!("“{}”不能和其他选项同时选", label.zh)
                } else {
                    format!("“{}” cannot be combined with other answers", label.en)
                }
            }
        }
    }
}

impl fmt::Display for FactError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for FactError {}
