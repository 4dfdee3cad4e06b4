//! One list of upcoming dates, the 14-day banner, and the .ics export parsed back by an independent reader.

// Reads the catalog and fixtures from disk: runs under native `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

mod training_support;

use leye_core::ics::{AllDayEvent, Calendar, Stamp};
use leye_core::lang::{Lang, Text};
use leye_core::training::*;
use training_support::*;

fn sample(catalog: &CourseCatalog) -> Trainee<'_> {
    let mut t = Trainee::new(catalog);
    t.enrol("2026-11-01", "camp");
    t.log(
        "2026-12-05",
        Some("camp"),
        EventKind::SessionScheduled {
            title: "第3次课, 财务;预算\\成本".into(),
        },
    );
    t.log(
        "2026-11-20",
        Some("camp"),
        EventKind::SessionScheduled {
            title: "already past".into(),
        },
    );
    let cancelled = t.log(
        "2026-12-01",
        Some("camp"),
        EventKind::SessionScheduled {
            title: "cancelled".into(),
        },
    );
    t.undo("2026-11-26", &cancelled).unwrap();
    t.certificate(
        "2026-03-26",
        None,
        Some(CertificateLevel::Intermediate),
        "Z-4-001",
    );
    t.certificate(
        "2025-12-03",
        None,
        Some(CertificateLevel::Junior),
        "Z-5-009",
    );
    t
}

#[test]
fn every_upcoming_date_soonest_first() {
    let catalog = fixture_catalog();
    let t = sample(&catalog);
    let window = Deadline::program_window(
        "startup-subsidy",
        &Text::new("创业补贴", "Start-up subsidy"),
        d("2026-12-31"),
    );
    let old_window = Deadline::program_window("old", &Text::new("旧", "Old"), d("2026-01-01"));
    let list = upcoming(
        &t.log,
        &catalog,
        Some(&terms()),
        [window, old_window],
        today(),
    );
    let got: Vec<(String, DeadlineKind)> =
        list.iter().map(|d| (d.date.to_string(), d.kind)).collect();
    assert_eq!(
        got,
        vec![
            ("2026-12-03".to_string(), DeadlineKind::ClaimWindow),
            ("2026-12-05".to_string(), DeadlineKind::Session),
            ("2026-12-31".to_string(), DeadlineKind::ProgramWindow),
            ("2027-03-26".to_string(), DeadlineKind::ClaimWindow),
        ]
    );
    assert!(
        list[0].title.zh.contains("1,000元") && list[0].title.en.contains("1,000 yuan"),
        "{:?}",
        list[0].title
    );
    assert!(list[1].title.zh.starts_with("训练营:"));

    let banner = due_within(&list, today(), 14);
    assert_eq!(
        banner
            .iter()
            .map(|d| d.date.to_string())
            .collect::<Vec<_>>(),
        ["2026-12-03", "2026-12-05"]
    );
    assert_eq!(due_within(&list, today(), 6).len(), 0);
    assert_eq!(due_within(&list, today(), 7).len(), 1);
}

#[test]
fn unknown_amounts_are_not_invented_in_titles() {
    let catalog = fixture_catalog();
    let mut t = Trainee::new(&catalog);
    t.certificate("2026-06-01", None, Some(CertificateLevel::Technician), "T2");
    let list = upcoming(&t.log, &catalog, Some(&terms()), [], today());
    assert!(
        list[0].title.zh.contains("以当地最新通知为准"),
        "{}",
        list[0].title.zh
    );
    assert!(!list[0].title.zh.contains('元'));
}

/// A reader written from RFC 5545, independent of the writer: checks the physical format, unfolds, splits
/// properties and unescapes TEXT values.
mod reader {
    #[derive(Debug, Default)]
    pub struct Component {
        pub name: String,
        pub props: Vec<(String, Vec<String>, String)>,
        pub children: Vec<Component>,
    }

    impl Component {
        pub fn get(&self, name: &str) -> Option<&str> {
            self.props
                .iter()
                .find(|p| p.0 == name)
                .map(|p| p.2.as_str())
        }
        pub fn params(&self, name: &str) -> Vec<String> {
            self.props
                .iter()
                .find(|p| p.0 == name)
                .map(|p| p.1.clone())
                .unwrap_or_default()
        }
    }

    pub fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut it = v.chars();
        while let Some(c) = it.next() {
            if c == '\\' {
                match it.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(x @ ('\\' | ';' | ',')) => out.push(x),
                    other => panic!("bad escape \\{other:?} in {v:?}"),
                }
            } else {
                assert!(c != ';' && c != ',', "unescaped {c:?} in TEXT {v:?}");
                out.push(c);
            }
        }
        out
    }

    pub fn parse(text: &str) -> Component {
        assert!(text.ends_with("\r\n"), "must end with CRLF");
        for (i, w) in text.as_bytes().windows(2).enumerate() {
            if w[1] == b'\n' {
                assert_eq!(w[0], b'\r', "bare LF at byte {i}");
            }
        }
        let physical: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
        for l in &physical {
            assert!(l.len() <= 75, "line of {} octets: {l:?}", l.len());
        }
        let mut logical: Vec<String> = Vec::new();
        for l in physical {
            if let Some(rest) = l.strip_prefix(' ').or_else(|| l.strip_prefix('\t')) {
                logical
                    .last_mut()
                    .expect("continuation after a line")
                    .push_str(rest);
            } else {
                logical.push(l.to_string());
            }
        }
        let mut stack: Vec<Component> = vec![Component::default()];
        for line in logical {
            let colon = line
                .find(':')
                .unwrap_or_else(|| panic!("no colon: {line:?}"));
            let (head, value) = (&line[..colon], &line[colon + 1..]);
            let mut parts = head.split(';');
            let name = parts.next().unwrap().to_string();
            let params: Vec<String> = parts.map(str::to_string).collect();
            match name.as_str() {
                "BEGIN" => stack.push(Component {
                    name: value.to_string(),
                    ..Default::default()
                }),
                "END" => {
                    let done = stack.pop().unwrap();
                    assert_eq!(done.name, value, "END does not match BEGIN");
                    stack.last_mut().unwrap().children.push(done);
                }
                _ => stack
                    .last_mut()
                    .unwrap()
                    .props
                    .push((name, params, value.to_string())),
            }
        }
        assert_eq!(stack.len(), 1, "unclosed component");
        let mut root = stack.pop().unwrap();
        assert_eq!(root.children.len(), 1);
        root.children.pop().unwrap()
    }
}

#[test]
fn the_ics_export_parses_back_to_the_same_deadlines() {
    let catalog = fixture_catalog();
    let t = sample(&catalog);
    let list = upcoming(&t.log, &catalog, Some(&terms()), [], today());
    let stamp = Stamp {
        date: today(),
        hour: 8,
        minute: 30,
        second: 5,
    };
    let ics = to_ics(&list, Lang::Zh, stamp);
    let cal = reader::parse(&ics);
    assert_eq!(cal.name, "VCALENDAR");
    assert_eq!(cal.get("VERSION"), Some("2.0"));
    assert!(cal.get("PRODID").is_some());
    assert_eq!(cal.children.len(), list.len());
    let mut uids = std::collections::HashSet::new();
    for (ev, dl) in cal.children.iter().zip(&list) {
        assert_eq!(ev.name, "VEVENT");
        assert!(
            uids.insert(ev.get("UID").unwrap().to_string()),
            "UIDs are unique"
        );
        assert_eq!(ev.get("DTSTAMP"), Some("20261126T083005Z"));
        assert_eq!(ev.params("DTSTART"), vec!["VALUE=DATE"]);
        let date = dl.date;
        assert_eq!(
            ev.get("DTSTART").unwrap(),
            format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
        );
        let next = date.add_days(1);
        assert_eq!(
            ev.get("DTEND").unwrap(),
            format!("{:04}{:02}{:02}", next.year(), next.month(), next.day())
        );
        assert_eq!(reader::unescape(ev.get("SUMMARY").unwrap()), dl.title.zh);
        assert!(reader::unescape(ev.get("DESCRIPTION").unwrap()).contains("以当地最新通知为准"));
        let alarm = &ev.children[0];
        assert_eq!(
            (
                alarm.name.as_str(),
                alarm.get("ACTION"),
                alarm.get("TRIGGER")
            ),
            ("VALARM", Some("DISPLAY"), Some("-PT15H"))
        );
    }
    // The session title had a comma, a semicolon and a backslash: they survive the round trip.
    assert!(cal
        .children
        .iter()
        .any(|e| reader::unescape(e.get("SUMMARY").unwrap()).contains("第3次课, 财务;预算\\成本")));
    // Exporting again later gives the same UIDs, so calendar apps update rather than duplicate.
    let again = reader::parse(&to_ics(&list, Lang::En, Stamp::day(d("2026-12-01"))));
    let uids_again: std::collections::HashSet<String> = again
        .children
        .iter()
        .map(|e| e.get("UID").unwrap().to_string())
        .collect();
    assert_eq!(uids, uids_again);
}

#[test]
fn long_lines_fold_at_75_octets_and_newlines_are_escaped() {
    let summary = format!(
        "{}\n第二行,带逗号;分号\\反斜杠 and some ASCII to mix widths {}",
        "枣庄".repeat(40),
        "x".repeat(90)
    );
    let cal = Calendar {
        name: "测试".into(),
        events: vec![AllDayEvent {
            uid: "任意 id: with spaces/中文".into(),
            date: d("2027-02-28"),
            summary: summary.clone(),
            description: None,
            alarm_days_before: Some(3),
        }],
    };
    let ics = cal.to_ics(Stamp::day(today()));
    assert!(
        ics.lines().count() > 10,
        "the long summary must have been folded"
    );
    let parsed = reader::parse(&ics);
    let ev = &parsed.children[0];
    assert_eq!(reader::unescape(ev.get("SUMMARY").unwrap()), summary);
    assert_eq!(ev.get("DTSTART"), Some("20270228"));
    assert_eq!(ev.get("DTEND"), Some("20270301"));
    assert_eq!(ev.children[0].get("TRIGGER"), Some("-P2DT15H"));
    let uid = ev.get("UID").unwrap();
    assert!(uid.is_ascii() && !uid.contains(' '), "{uid}");
}

#[test]
fn an_empty_list_is_still_a_valid_calendar() {
    let cal = reader::parse(&to_ics(&[], Lang::En, Stamp::day(today())));
    assert_eq!((cal.name.as_str(), cal.children.len()), ("VCALENDAR", 0));
    assert_eq!(cal.get("X-WR-CALNAME"), Some("LeYe deadlines"));
}

#[test]
fn program_windows_come_from_the_program_catalog() {
    use leye_core::catalog::{Catalog, CATALOG_JSON};
    let mut doc: serde_json::Value = serde_json::from_str(CATALOG_JSON).unwrap();
    let program = |id: &str, until: Option<&str>, windows: serde_json::Value| {
        let mut p = serde_json::json!({
            "id": id, "kind": "subsidy", "name": {"zh": "测试补贴", "en": "Test subsidy"},
            "summary": {"zh": "测试", "en": "Test"}, "plan_clause": "二、(一)1",
            "benefit": {"kind": "unknown"}, "rules_complete": false, "last_verified": "2026-11-01",
            "windows": windows, "file": "test.toml"
        });
        if let Some(u) = until {
            p["effective_until"] = serde_json::Value::String(u.into());
        }
        p
    };
    let rounds = serde_json::json!([
        {"id": "spring", "text": {"zh": "春季", "en": "Spring"}, "from": "2027-03-01", "until": "2027-04-30"},
        {"id": "autumn-2026", "text": {"zh": "秋季", "en": "Autumn"}, "from": "2026-09-01", "until": "2026-10-31"},
        {"id": "claim-12m", "text": {"zh": "12个月内", "en": "Within 12 months"}, "fact": "cert_date", "months": 12}
    ]);
    let programs = doc["programs"].as_array_mut().unwrap();
    programs.push(program("test-rounds", None, rounds.clone()));
    programs.push(program("test-ended", Some("2026-06-30"), rounds));
    let catalog = Catalog::from_document(&doc);
    // The start-up shortcut (no events, no open window: no banner to load) sees the same open window.
    assert!(any_open_program_window(&catalog, today()));
    assert!(!any_open_program_window(&catalog, d("2027-05-01")));
    assert!(!any_open_program_window(Catalog::builtin(), today()));

    let windows = program_windows(
        &catalog,
        &["test-rounds", "test-ended", "no-such-program"],
        today(),
    );
    assert_eq!(windows.len(), 1, "{windows:?}");
    assert_eq!(
        (windows[0].date, windows[0].kind),
        (d("2027-04-30"), DeadlineKind::ProgramWindow)
    );
    assert_eq!(windows[0].reference, "test-rounds:spring");
    assert!(windows[0].title.zh.starts_with("测试补贴"));
    let courses = fixture_catalog();
    let t = sample(&courses);
    let list = upcoming(&t.log, &courses, Some(&terms()), windows, today());
    assert_eq!(
        list.iter()
            .filter(|d| d.kind == DeadlineKind::ProgramWindow)
            .count(),
        1
    );
}
