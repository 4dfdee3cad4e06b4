//! The one-line verdicts of the results screen, built from the outcome and what decided it. They are
//! associated functions of `Outcome`, so `outcome::evaluate` reaches them without naming the text layer.

use crate::date::Date;
use crate::lang::Text;
use crate::outcome::Outcome;

impl Outcome {
    /// The trace line of a program that has ended: it decides the outcome whatever the answers.
    pub(crate) fn ended_text(on: Date) -> Text {
        Text::new(
            format!("该项目已于{on}结束,请关注当地最新通知"),
            format!("This program ended on {on}; watch for a new local notice"),
        )
    }

    /// Likely eligible, with whom to confirm.
    pub(crate) fn likely_text(confirm_with: &Text) -> Text {
        Text::new(
            format!("可能符合 — 请向{}确认", confirm_with.zh),
            format!("Likely eligible — confirm with {}", confirm_with.en),
        )
    }

    /// Almost there, with the first step to take.
    pub(crate) fn almost_there_text(step: &Text) -> Text {
        Text::new(
            format!("还差一点:{}", step.zh),
            format!("Almost there: {}", step.en),
        )
    }

    /// Not eligible, with the one reason that decided it.
    pub(crate) fn not_eligible_text(reason: &Text) -> Text {
        Text::new(
            format!("不符合:{}", reason.zh),
            format!("Not eligible: {}", reason.en),
        )
    }

    /// A verdict for a program that qualifies but opens later.
    pub(crate) fn opens_on_text(verdict: &Text, from: Date) -> Text {
        Text::new(
            format!("{},{from}起可申请", verdict.zh),
            format!("{} (applications open on {from})", verdict.en),
        )
    }
}
