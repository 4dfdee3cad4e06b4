use super::*;

#[test]
fn the_builtin_data_is_valid_and_covers_every_district() {
    let offices = Offices::parse(OFFICES_JSON).unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let districts: Vec<&str> = offices
        .offices
        .iter()
        .map(|o| o.district.zh.as_str())
        .collect();
    for d in DISTRICTS {
        assert!(districts.contains(&d), "{d} is missing");
    }
    assert_eq!(offices.city.hotline, "12333");
    assert!(offices.city.website.contains("zzhrss.zaozhuang.gov.cn"));
}

#[test]
fn every_entry_has_a_known_source() {
    let offices = Offices::builtin();
    for o in &offices.offices {
        assert!(
            offices.source(&o.source).is_some(),
            "{} has no source",
            o.id
        );
    }
    assert!(!offices.city.sources.is_empty());
}

/// facts.md confirms no district office's address, phone or hours: none may be shown.
#[test]
fn no_unconfirmed_detail_is_shipped() {
    for o in &Offices::builtin().offices {
        assert!(
            !o.has_details(),
            "{} shows details that facts.md does not confirm",
            o.id
        );
        assert_eq!(o.tel_href(), None);
    }
}

fn with_office(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<OfficesError> {
    let mut doc: serde_json::Value = serde_json::from_str(OFFICES_JSON).unwrap();
    edit(&mut doc["offices"][0]);
    match Offices::parse(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(e) => e,
    }
}

#[test]
fn an_invented_phone_number_is_refused() {
    let issues = with_office(|o| o["phone"] = "0632-1234567".into());
    assert!(
        issues.contains(&OfficesError::Unverified {
            office: "shizhong".into()
        }),
        "{issues:?}"
    );
    // The action plan has no URL, so even with a date the detail cannot rest on it.
    assert!(
        issues.contains(&OfficesError::DetailsWithoutCheckableSource {
            office: "shizhong".into(),
            source: "action-plan".into()
        })
    );
    // And a message that says what to do.
    assert!(issues[0].to_string().contains("shizhong"));
}

#[test]
fn a_verified_detail_with_a_checkable_source_is_accepted() {
    let issues = with_office(|o| {
        o["phone"] = "0632-1234567".into();
        o["verified"] = "2026-11-20".into();
        o["source"] = "city-bureau".into();
    });
    assert_eq!(issues, Vec::new());
    let mut doc: serde_json::Value = serde_json::from_str(OFFICES_JSON).unwrap();
    doc["offices"][0]["phone"] = "0632-1234567".into();
    doc["offices"][0]["verified"] = "2026-11-20".into();
    doc["offices"][0]["source"] = "city-bureau".into();
    let offices = Offices::parse(&doc.to_string()).unwrap();
    assert_eq!(
        offices.offices[0].tel_href().as_deref(),
        Some("tel:06321234567")
    );
}

#[test]
fn broken_entries_are_named() {
    let issues = with_office(|o| o["source"] = "nowhere".into());
    assert_eq!(
        issues,
        vec![OfficesError::UnknownSource {
            entry: "shizhong".into(),
            source: "nowhere".into()
        }]
    );
    let issues = with_office(|o| {
        o["phone"] = "call us".into();
        o["verified"] = "2026-11-20".into();
        o["source"] = "city-bureau".into();
    });
    assert_eq!(
        issues,
        vec![OfficesError::BadPhone {
            entry: "shizhong".into(),
            phone: "call us".into()
        }]
    );
    let issues = with_office(|o| o["district"]["zh"] = "枣庄".into());
    assert!(issues.contains(&OfficesError::District {
        district: "市中区".into(),
        count: 0
    }));
    assert!(matches!(
        Offices::parse("{").unwrap_err()[..],
        [OfficesError::Unreadable(_)]
    ));
}

#[test]
fn phone_numbers() {
    assert!(valid_phone("12333"));
    assert!(valid_phone("0632-3312333"));
    assert!(valid_phone("+86 632 331 2333"));
    assert!(!valid_phone("1233"));
    assert!(!valid_phone("12333 ext"));
    assert_eq!(tel_href("+86 632-331"), "tel:+86632331");
}
