//! A parameter's value in words, in each language ("1.2万元" / "12,000 yuan", "6个月" / "6 months",
//! "2025年7月1日" / "1 July 2025"), and what stands in for a value not in force. Implemented here on the
//! params types, so the parameters never name the text layer.

use crate::i18n::Message;
use crate::lang::Lang;
use crate::money::Yuan;
use crate::params::{Parameters, Unit, Value};

crate::messages! {
    /// What a parameter placeholder reads when no value is in force that day.
    pub enum ParamsText {
    NotInForce => "(以当地最新通知为准)", "(see the latest local notice)";
    }
}

impl Parameters {
    /// Never a figure that is not in force: the text sends the person to the latest notice instead.
    pub(crate) fn not_in_force_text(lang: Lang) -> &'static str {
        ParamsText::NotInForce.text(lang)
    }
}

impl Value {
    /// The value in words, in one language.
    pub fn show(self, unit: Unit, lang: Lang) -> String {
        let plural = |n: i64, one: &str, many: &str| {
            if n == 1 {
                format!("{n} {one}")
            } else {
                format!("{n} {many}")
            }
        };
        match (self, lang) {
            (Value::Int(n), _) if unit == Unit::Yuan => {
                let y = Yuan(n.max(0) as u64);
                match lang {
                    Lang::Zh => y.zh(),
                    Lang::En => y.en(),
                }
            }
            (Value::Int(n), Lang::Zh) => match unit {
                Unit::Months => format!("{n}个月"),
                Unit::Years => format!("{n}年"),
                _ => n.to_string(),
            },
            (Value::Int(n), Lang::En) => match unit {
                Unit::Months => plural(n, "month", "months"),
                Unit::Years => plural(n, "year", "years"),
                _ => n.to_string(),
            },
            (Value::Share(s), Lang::Zh) => s.zh(),
            (Value::Share(s), Lang::En) => s.en(),
            (Value::Date(d), Lang::Zh) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
            (Value::Date(d), Lang::En) => {
                const MONTHS: [&str; 12] = [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ];
                format!(
                    "{} {} {}",
                    d.day(),
                    MONTHS[usize::from(d.month() - 1)],
                    d.year()
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stand_in_has_both_languages() {
        crate::i18n::check_table(ParamsText::ALL, &[]).unwrap();
    }
}
