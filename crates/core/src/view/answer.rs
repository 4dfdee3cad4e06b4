//! The check's answer controls, worked out without the browser: how an answer reads, what a typed field
//! or a stepper gives, and how ticks on a list of several combine.

use crate::date::Date;
use crate::facts::{Answer, FactDef, FactType, FactValue};
use crate::lang::Lang;
use crate::text::policy::PolicyText;

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
        FactValue::Multi(list) => {
            let labels: Vec<&str> = list.iter().map(|c| def.label(c, lang)).collect();
            crate::text::list(&labels, lang)
        }
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
    crate::order::sort_by_key(&mut out, |v| def.choices.iter().position(|c| &c.value == v));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::testing::today;

    fn catalog() -> &'static Catalog {
        Catalog::builtin()
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
}
