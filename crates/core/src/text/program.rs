//! A program's benefit and application deadlines in words: "最高20万元(每人)", "费用的50%,最多100元",
//! "在申请期限内(…),请在{ready_on}前申请". Associated functions of `Benefit` and `Window`, so the
//! catalog reaches them without naming the text layer; the amounts themselves come in as text.

use super::list;
use crate::catalog::{Benefit, Window};
use crate::lang::{Lang, Text};

impl Benefit {
    /// An amount followed by whom or what it is per: "20万元(每人)".
    pub(crate) fn with_unit_text(amount: Text, unit: Option<&Text>) -> Text {
        match unit {
            Some(u) => Text::new(
                format!("{}({})", amount.zh, u.zh),
                format!("{} ({})", amount.en, u.en),
            ),
            None => amount,
        }
    }

    /// A figure the sources give with a caveat.
    pub(crate) fn per_notice_text(text: &Text) -> Text {
        Text::new(
            format!("{}(以当地最新通知为准)", text.zh),
            format!("{} (check the latest local notice)", text.en),
        )
    }

    /// "最高20万元" / "up to 200,000 yuan".
    pub(crate) fn cap_text(amount: &Text) -> Text {
        Text::new(format!("最高{}", amount.zh), format!("up to {}", amount.en))
    }

    /// A share of the cost, with its cap if there is one.
    pub(crate) fn share_text(share: &Text, cap: Option<&Text>) -> Text {
        match cap {
            Some(cap) => Text::new(
                format!("费用的{},最多{}", share.zh, cap.zh),
                format!("{} of the cost, at most {}", share.en, cap.en),
            ),
            None => Text::new(
                format!("费用的{}", share.zh),
                format!("{} of the cost", share.en),
            ),
        }
    }

    /// The row of a table the person's answer picks: "本科:5000元" / "Bachelor: 5,000 yuan".
    pub(crate) fn row_text(label: &Text, amount: &Text) -> Text {
        Text::new(
            format!("{}:{}", label.zh, amount.zh),
            format!("{}: {}", label.en, amount.en),
        )
    }

    /// One row of a table listed whole, in one language: "本科5000元" / "Bachelor 5,000 yuan".
    pub(crate) fn table_row_text(label: &str, amount: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{label}{amount}"),
            Lang::En => format!("{label} {amount}"),
        }
    }

    /// The rows of a table listed whole.
    pub(crate) fn table_text(zh: &[String], en: &[String]) -> Text {
        let zh: Vec<&str> = zh.iter().map(String::as_str).collect();
        let en: Vec<&str> = en.iter().map(String::as_str).collect();
        Text::new(list(&zh, Lang::Zh), list(&en, Lang::En))
    }

    /// An amount not published yet, with whom to ask.
    pub(crate) fn unknown_text(ask: &Text) -> Text {
        Text::new(
            format!("金额以当地最新通知为准,可咨询{}", ask.zh),
            format!("Amount not published yet; ask {}", ask.en),
        )
    }

    /// A service, which pays nothing.
    pub(crate) fn none_text() -> Text {
        Text::new("服务类项目,不涉及补贴金额", "A service; no cash benefit")
    }
}

impl Window {
    /// The criterion a deadline becomes: met while it runs (`{ready_on}` is filled with its last day).
    pub(crate) fn met_text(&self) -> Text {
        let t = &self.text;
        Text::new(
            format!("在申请期限内({}),请在{{ready_on}}前申请", t.zh),
            format!("Within the deadline ({}): apply by {{ready_on}}", t.en),
        )
    }

    /// ...and failed once it has passed.
    pub(crate) fn failed_text(&self) -> Text {
        let t = &self.text;
        Text::new(
            format!("已超过申请期限({},截止{{ready_on}})", t.zh),
            format!("The deadline has passed ({}; it was {{ready_on}})", t.en),
        )
    }
}
