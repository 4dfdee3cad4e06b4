//! The summary as plain text (shared, or put in a QR code) and the words read aloud for one program:
//! the sentences the summary builds from its programs, documents and the city's contacts.

use crate::catalog::Program;
use crate::date::Date;
use crate::lang::{Lang, Text};
use crate::outcome::ProgramResult;

crate::messages! {
    /// Section headings and fixed lines of the summary's plain text.
    pub enum SummaryLineText {
        CanApply => "可以申请:", "You can apply for:";
        Almost => "还差一点:", "Almost there:";
        Bring => "带上材料:", "Bring: ";
        NothingYet => "还没有找到可以申请的项目。", "No program found to apply for yet.";
        // Short, where room is tight (a QR code); the page itself says where to ask.
        AmountUnknown => "金额以当地最新通知为准", "amount not published yet";
    }
}

/// The first line: "乐业通·我的政策清单(2026-11-26)".
pub fn head(today: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("乐业通·我的政策清单({today})"),
        Lang::En => format!("LeYe: my programs ({today})"),
    }
}

/// The last line, always kept: where to go and whom to ask (`host` is the website without its scheme).
pub fn where_to_ask(hotline: &str, host: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "去哪里办:所在区(市)公共就业服务机构/人社局;咨询{hotline};{host}。结果以当地最新通知为准。"
        ),
        Lang::En => format!(
            "Where to go: the public employment service or the human resources and social security bureau of your district. Questions: call {hotline} or see {host}. The latest local notice is what counts."
        ),
    }
}

/// One program one can apply for, with what it gives: "·名称:100元".
pub fn program_line(name: &str, amount: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("·{name}:{amount}"),
        Lang::En => format!("- {name}: {amount}"),
    }
}

/// One program that is 还差一点, with the first thing still needed.
pub fn almost_line(name: &str, missing: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("·{name}:还差:{missing}"),
        Lang::En => format!("- {name}: still needed: {missing}"),
    }
}

/// Between documents on the one line of documents.
pub fn documents_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => "; ",
    }
}

/// After the documents that fit: how many more did not.
pub fn more_documents(dropped: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("等,另有{dropped}项"),
        Lang::En => format!(" and {dropped} more"),
    }
}

/// Under the programs that fit: how many more did not.
pub fn more_programs(dropped: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("另有{dropped}项"),
        Lang::En => format!("and {dropped} more"),
    }
}

/// What is read aloud for one program, in Mandarin (the speech engine's language): name, what it gives,
/// the person's verdict when known, what to bring and where to apply.
pub fn read_aloud(p: &Program, benefit: &Text, result: Option<&ProgramResult>) -> String {
    let mut s = format!("{}。{}", p.name.zh, p.summary.zh.trim_end_matches('。'));
    s.push('。');
    s.push_str(&format!("能得到:{}。", benefit.zh.trim_end_matches('。')));
    if let Some(r) = result {
        s.push_str(&format!(
            "你的结果:{}。",
            r.verdict.zh.trim_end_matches('。')
        ));
        if let Some(step) = r.steps.first() {
            s.push_str(&format!("下一步:{}。", step.text.zh.trim_end_matches('。')));
        }
    }
    if !p.documents.is_empty() {
        let docs: Vec<&str> = p
            .documents
            .iter()
            .map(|d| d.zh.trim_end_matches('。'))
            .collect();
        s.push_str(&format!("要带的材料:{}。", docs.join(";")));
    }
    if !p.apply.is_empty() {
        let places: Vec<String> = p.apply.iter().map(|c| c.label().zh).collect();
        s.push_str(&format!("去哪里办:{}。", places.join(",或者")));
    }
    s.push_str("具体以当地最新通知为准,可以打12333咨询。");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_has_both_languages() {
        crate::i18n::check_table(SummaryLineText::ALL, &[]).unwrap();
    }

    #[test]
    fn lines_read_as_each_language_writes_them() {
        let d = Date::ymd(2026, 11, 26);
        assert_eq!(head(d, Lang::Zh), "乐业通·我的政策清单(2026-11-26)");
        assert_eq!(head(d, Lang::En), "LeYe: my programs (2026-11-26)");
        assert_eq!(program_line("甲", "100元", Lang::Zh), "·甲:100元");
        assert_eq!(almost_line("a", "b", Lang::En), "- a: still needed: b");
        assert_eq!(more_documents(3, Lang::Zh), "等,另有3项");
        assert_eq!(more_programs(3, Lang::En), "and 3 more");
    }
}
