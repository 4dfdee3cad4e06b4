use super::*;
use crate::date::Date;
use crate::lang::Lang;

fn def(json: &str) -> FactDef {
    serde_json::from_str(json).unwrap()
}

#[test]
fn refuses_impossible_dates_with_messages_in_both_languages() {
    let birth = def(
        r#"{"id":"birth_date","type":"date","question":{"zh":"出生日期?","en":"Birth date?"},
        "not_future":true,"max_years_ago":100}"#,
    );
    let today = Date::ymd(2026, 11, 26);
    assert!(birth
        .check(&FactValue::Date(Date::ymd(1990, 1, 1)), today)
        .is_ok());
    let e = birth
        .check(&FactValue::Date(Date::ymd(1826, 1, 1)), today)
        .unwrap_err();
    assert!(matches!(e, FactError::TooLongAgo { .. }));
    assert!(
        e.message(Lang::Zh).contains("1926-11-26"),
        "{}",
        e.message(Lang::Zh)
    );
    let e = birth
        .check(&FactValue::Date(Date::ymd(2027, 1, 1)), today)
        .unwrap_err();
    assert!(e.message(Lang::Zh).contains("还没到"));
    assert!(e.message(Lang::En).contains("future"));
}

#[test]
fn refuses_out_of_range_numbers_wrong_types_and_unknown_choices() {
    let months = def(
        r#"{"id":"ui_months","type":"int","question":{"zh":"月数?","en":"Months?"},"min":0,"max":600}"#,
    );
    let today = Date::ymd(2026, 11, 26);
    assert!(months.check(&FactValue::Int(600), today).is_ok());
    assert!(matches!(
        months.check(&FactValue::Int(601), today),
        Err(FactError::OutOfRange { .. })
    ));
    assert!(matches!(
        months.check(&FactValue::Bool(true), today),
        Err(FactError::WrongType { .. })
    ));
    let multi = def(
        r#"{"id":"w","type":"multi","question":{"zh":"?","en":"?"},"exclusive":"none",
        "choices":[{"value":"a","label":{"zh":"甲","en":"A"}},{"value":"none","label":{"zh":"都没有","en":"None"}}]}"#,
    );
    let v = |l: &[&str]| FactValue::Multi(l.iter().map(|s| s.to_string()).collect());
    assert!(multi.check(&v(&["a"]), today).is_ok());
    assert!(multi.check(&v(&["none"]), today).is_ok());
    assert!(matches!(
        multi.check(&v(&["a", "none"]), today),
        Err(FactError::ExclusiveCombined { .. })
    ));
    assert!(matches!(
        multi.check(&v(&["b"]), today),
        Err(FactError::NotAChoice { .. })
    ));
}

#[test]
fn facts_round_trip_through_json_with_null_for_unknown() {
    let mut f = Facts::new();
    f.set("veteran", FactValue::Bool(true))
        .set("graduation_date", FactValue::Date(Date::ymd(2019, 7, 1)))
        .set("platform_work", FactValue::Multi(vec!["courier".into()]))
        .mark_unknown("ui_months");
    let json = serde_json::to_string(&f).unwrap();
    assert_eq!(
        json,
        r#"{"graduation_date":"2019-07-01","platform_work":["courier"],"ui_months":null,"veteran":true}"#
    );
    let back: Facts = serde_json::from_str(&json).unwrap();
    assert_eq!(back, f);
    assert!(back.is_answered("ui_months") && back.value("ui_months").is_none());
    assert!(serde_json::from_str::<Facts>(r#"{"x":{"a":1}}"#).is_err());
    assert!(serde_json::from_str::<Facts>(r#"{"x":1.5}"#).is_err());
}
