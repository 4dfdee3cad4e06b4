use super::*;
use crate::testing::today;

fn vocab() -> Vec<FactDef> {
    serde_json::from_str(
        r#"[
        {"id":"registered","type":"bool","question":{"zh":"就业登记了吗?","en":"Registered?"}},
        {"id":"edu","type":"choice","question":{"zh":"学历?","en":"Education?"},
         "choices":[{"value":"high","label":{"zh":"高中","en":"High school"}},{"value":"bachelor","label":{"zh":"本科","en":"Bachelor"}}]},
        {"id":"grad","type":"date","question":{"zh":"毕业时间?","en":"Graduated?"},"not_future":true,
         "ask_if":{"fact":"edu","test":"in","values":["bachelor"]}},
        {"id":"months","type":"int","question":{"zh":"月数?","en":"Months?"},"min":0,"max":600}
        ]"#,
    )
    .unwrap()
}

fn crit(json: &str) -> Criterion {
    let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
    let m = v.as_object_mut().unwrap();
    m.entry("met")
        .or_insert(serde_json::json!({"zh":"符合","en":"met"}));
    m.entry("failed")
        .or_insert(serde_json::json!({"zh":"不符合","en":"failed"}));
    serde_json::from_value(v).unwrap()
}

#[test]
fn fills_values_into_sentences() {
    let c = crit(
        r#"{"id":"g5","fact":"grad","test":"within","years":5,
        "failed":{"zh":"你{year}年毕业,已超过5年","en":"You graduated in {year}, more than 5 years ago"}}"#,
    );
    let rule = Rule {
        criteria: vec![c],
        rule: None,
    };
    let mut f = Facts::new();
    f.set("grad", FactValue::Date(Date::ymd(2019, 7, 1)));
    let r = evaluate_rule(&rule, &vocab(), &f, today());
    assert_eq!(r.status, Status::Failed);
    assert_eq!(r.trace[0].text.zh, "你2019年毕业,已超过5年");
    assert_eq!(
        r.trace[0].text.en,
        "You graduated in 2019, more than 5 years ago"
    );
}

#[test]
fn unknown_only_matters_when_it_could_change_the_result() {
    let rule = Rule {
        criteria: vec![
            crit(r#"{"id":"reg","fact":"registered","test":"is_true"}"#),
            crit(r#"{"id":"m","fact":"months","test":"at_least","value":12}"#),
        ],
        rule: None,
    };
    let v = vocab();
    let mut f = Facts::new();
    assert_eq!(
        evaluate_rule(&rule, &v, &f, today()).status,
        Status::Unknown
    );
    f.set("registered", FactValue::Bool(false));
    // One failed part decides an `all`, whatever the unknown part would say.
    assert_eq!(evaluate_rule(&rule, &v, &f, today()).status, Status::Failed);
    f.set("registered", FactValue::Bool(true))
        .mark_unknown("months");
    let r = evaluate_rule(&rule, &v, &f, today());
    assert_eq!(r.status, Status::Unknown);
    assert_eq!(r.trace[1].text.zh, "还需要知道:月数?");
}

#[test]
fn steps_say_how_far_away_eligibility_is() {
    let rule = Rule {
        criteria: vec![
            crit(
                r#"{"id":"reg","fact":"registered","test":"is_true","change":{"zh":"完成就业登记后即可申请","en":"Register first"}}"#,
            ),
            crit(
                r#"{"id":"m","fact":"months","test":"at_least","value":12,
              "change":{"zh":"再缴满{short}个月失业保险","en":"Pay {short} more months"}}"#,
            ),
        ],
        rule: None,
    };
    let mut f = Facts::new();
    f.set("registered", FactValue::Bool(false))
        .set("months", FactValue::Int(9));
    let r = evaluate_rule(&rule, &vocab(), &f, today());
    let texts: Vec<&str> = r.steps.iter().map(|s| s.text.zh.as_str()).collect();
    assert_eq!(texts, ["完成就业登记后即可申请", "再缴满3个月失业保险"]);
}

#[test]
fn no_steps_when_a_blocking_criterion_cannot_change() {
    let rule = Rule {
        criteria: vec![
            crit(
                r#"{"id":"reg","fact":"registered","test":"is_true","change":{"zh":"去登记","en":"Register"}}"#,
            ),
            crit(r#"{"id":"edu","fact":"edu","test":"in","values":["bachelor"]}"#),
        ],
        rule: None,
    };
    let mut f = Facts::new();
    f.set("registered", FactValue::Bool(false))
        .set("edu", FactValue::Choice("high".into()));
    assert!(evaluate_rule(&rule, &vocab(), &f, today()).steps.is_empty());
}

#[test]
fn not_and_any_combine_in_three_valued_logic() {
    let rule: Rule = serde_json::from_value(serde_json::json!({
        "criteria": [
            {"id":"reg","fact":"registered","test":"is_true","met":{"zh":"a","en":"a"},"failed":{"zh":"b","en":"b"}},
            {"id":"m","fact":"months","test":"at_least","value":12,"met":{"zh":"a","en":"a"},"failed":{"zh":"b","en":"b"}}
        ],
        "rule": {"any": [{"not": "reg"}, "m"]}
    }))
    .unwrap();
    let v = vocab();
    let mut f = Facts::new();
    f.set("registered", FactValue::Bool(false));
    let r = evaluate_rule(&rule, &v, &f, today());
    assert_eq!((r.status, r.trace[0].status), (Status::Met, Status::Met));
    f.set("registered", FactValue::Bool(true));
    assert_eq!(
        evaluate_rule(&rule, &v, &f, today()).status,
        Status::Unknown
    );
    f.set("months", FactValue::Int(3));
    assert_eq!(evaluate_rule(&rule, &v, &f, today()).status, Status::Failed);
}

#[test]
fn a_question_that_does_not_apply_is_a_no() {
    let rule = Rule {
        criteria: vec![crit(
            r#"{"id":"g","fact":"grad","test":"within","years":2}"#,
        )],
        rule: None,
    };
    let v = vocab();
    let mut f = Facts::new();
    assert_eq!(
        evaluate_rule(&rule, &v, &f, today()).status,
        Status::Unknown
    );
    f.set("edu", FactValue::Choice("high".into()));
    let r = evaluate_rule(&rule, &v, &f, today());
    assert_eq!(r.status, Status::Failed);
    assert_eq!(r.trace[0].text.zh, "不符合");
}

#[test]
fn validation_finds_type_errors_unknown_facts_and_contradictions() {
    let v = vocab();
    let bad = |json: &str| validate_rule(&[crit(json)], None, &v).join("\n");
    assert!(bad(r#"{"id":"x","fact":"nope","test":"is_true"}"#).contains("unknown fact `nope`"));
    assert!(
        bad(r#"{"id":"x","fact":"registered","test":"within","years":1}"#)
            .contains("needs a date fact")
    );
    assert!(
        bad(r#"{"id":"x","fact":"edu","test":"in","values":["phd"]}"#)
            .contains("`phd` is not a choice")
    );
    assert!(
        bad(r#"{"id":"x","fact":"months","test":"at_least","value":700}"#)
            .contains("can never hold")
    );
    assert!(bad(r#"{"id":"x","fact":"months","test":"at_least"}"#).contains("needs `value`"));
    let both = [
        crit(r#"{"id":"a","fact":"months","test":"at_least","value":12}"#),
        crit(r#"{"id":"b","fact":"months","test":"at_most","value":6}"#),
    ];
    assert!(validate_rule(&both, None, &v)
        .join("\n")
        .contains("contradict"));
    let rule: RuleNode = serde_json::from_str(r#"{"any":["a","c"]}"#).unwrap();
    let msgs = validate_rule(&both, Some(&rule), &v).join("\n");
    assert!(
        msgs.contains("refers to `c`") && msgs.contains("`b` is not used"),
        "{msgs}"
    );
    let gated = [
        crit(r#"{"id":"hs","fact":"edu","test":"in","values":["high"]}"#),
        crit(r#"{"id":"g","fact":"grad","test":"within","years":2}"#),
    ];
    assert!(validate_rule(&gated, None, &v)
        .join("\n")
        .contains("criterion `g` can never hold"));
    let fine = [
        crit(r#"{"id":"ba","fact":"edu","test":"in","values":["bachelor"]}"#),
        crit(r#"{"id":"g","fact":"grad","test":"within","years":2}"#),
    ];
    assert!(
        validate_rule(&fine, None, &v).is_empty(),
        "{:?}",
        validate_rule(&fine, None, &v)
    );
    let mut missing = crit(r#"{"id":"a","fact":"registered","test":"is_true"}"#);
    missing.met.en.clear();
    missing.failed.zh = "你{yeer}年".into();
    let msgs = validate_rule(&[missing], None, &v).join("\n");
    assert!(
        msgs.contains("English text (en) is missing") && msgs.contains("{yeer}"),
        "{msgs}"
    );
}
