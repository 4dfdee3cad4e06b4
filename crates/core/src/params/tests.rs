use super::*;

fn params() -> Parameters {
    let p: Parameter = serde_json::from_value(serde_json::json!({
        "id": "skill.level4", "label": {"zh": "中级", "en": "Intermediate"}, "unit": "yuan",
        "values": [
            {"from": "2021-01-01", "value": 1500, "source": "sd", "checked": "2026-12-01"},
            {"from": "2027-01-01", "value": 1800, "source": "sd", "checked": "2026-12-01"}
        ]
    }))
    .unwrap();
    Parameters {
        params: vec![p],
        sources: vec![Source {
            id: "sd".into(),
            title: "山东".into(),
            url: None,
            confidence: Confidence::H,
            date: None,
            note: None,
            file: String::new(),
        }],
    }
}

#[test]
fn the_value_in_force_is_the_last_that_started() {
    let p = params();
    assert_eq!(
        p.int_on("skill.level4", Date::ymd(2026, 12, 31)),
        Some(1500)
    );
    assert_eq!(p.int_on("skill.level4", Date::ymd(2027, 1, 1)), Some(1800));
    assert_eq!(p.int_on("skill.level4", Date::ymd(2020, 12, 31)), None);
}

#[test]
fn texts_get_the_value_of_the_day_and_leave_fact_placeholders() {
    let p = params();
    let mut used = Vec::new();
    let t = Text::new("中级{skill.level4},你{age}岁", "{skill.level4} ({age})");
    let out = p.fill(&t, Date::ymd(2026, 12, 7), &mut used);
    assert_eq!(out.zh, "中级1500元,你{age}岁");
    assert_eq!(out.en, "1,500 yuan ({age})");
    assert_eq!(used, ["skill.level4"]);
    let before = p.fill(&t, Date::ymd(2020, 1, 1), &mut used);
    assert!(before.zh.contains("以当地最新通知为准"), "{}", before.zh);
}

#[test]
fn finds_figures_written_by_hand() {
    let names = vec!["12333".to_string()];
    assert_eq!(hand_written_figures("最高20万元", &names), ["20万"]);
    assert_eq!(hand_written_figures("满一年后", &names), ["一年"]);
    assert_eq!(hand_written_figures("补贴三分之二", &names), ["三分之"]);
    assert_eq!(hand_written_figures("补一半保费", &names), ["一半"]);
    assert!(hand_written_figures("拨打12333,一次性创业补贴,第一次创业", &names).is_empty());
    assert!(hand_written_figures("最高{loan.max}", &names).is_empty());
    assert_eq!(
        hand_written_figures("up to 200,000 yuan", &names),
        ["200,000"]
    );
}
