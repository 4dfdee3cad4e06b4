//! Every branch of the update decision, natively (these ran only in a browser before).

use super::*;

fn accept(info: PackInfo) -> impl FnOnce(&str) -> Result<PackInfo, Text> {
    move |_: &str| Ok(info)
}

fn pack(version: &str, published: Date) -> PackInfo {
    PackInfo {
        version: version.into(),
        published,
    }
}

fn installed(version: &str, published: Date, json: &str) -> CatalogPackRecord {
    CatalogPackRecord {
        version: version.into(),
        published,
        sha256: sha256_hex(json),
        installed_at_ms: 1,
        pack_json: json.into(),
    }
}

fn envelope(version: &str, published: Date) -> String {
    format!("{{\"version\":\"{version}\",\"published\":\"{published}\"}}")
}

#[test]
fn a_fetched_pack_switches_only_when_it_passes_and_is_newer() {
    let builtin = Catalog::builtin().published();
    let newer = PackInfo {
        version: "next".into(),
        published: builtin.add_days(30),
    };
    // The phone's date: the newer pack was published on it.
    let today = newer.published;
    // Passes every check and is newer than the built-in catalog: switch.
    let outcome = decide("{\"pack\":1}", None, today, accept(newer.clone()));
    assert_eq!(outcome, UpdateOutcome::Switched(newer.clone()));
    // Fails a check: keep the current catalog and say why, in both languages.
    let refused = decide("{}", None, today, |_| {
        Err(Text::new("校验码不符", "checksum differs"))
    });
    let UpdateOutcome::Kept { reason } = refused else {
        panic!("{refused:?}")
    };
    assert!(reason.zh.contains("校验码不符") && reason.en.contains("checksum differs"));
    // Older than the built-in catalog: never step back.
    let old = PackInfo {
        version: "old".into(),
        published: builtin.add_days(-1),
    };
    assert_eq!(
        decide("{}", None, today, accept(old)),
        UpdateOutcome::UpToDate
    );
    // The very pack already installed: nothing to do, and no need to validate it again.
    let installed = CatalogPackRecord {
        version: "next".into(),
        published: newer.published,
        sha256: "bb8697858b7229392460122b46ef53bec7178fc9c04110fa11a6b0936f5260d5".into(),
        installed_at_ms: 1,
        pack_json: "{\"pack\":1}".into(),
    };
    let same = decide("{\"pack\":1}", Some(&installed), today, |_| {
        panic!("not revalidated")
    });
    assert_eq!(same, UpdateOutcome::UpToDate);
    // The real validation refuses garbage with the engine's message.
    let err = validate_pack("{\"format\":\"x\"}").unwrap_err();
    assert!(err.zh.contains("继续使用当前数据"), "{}", err.zh);
}

#[test]
fn a_pack_dated_after_today_is_refused_and_an_installed_one_no_longer_hides_updates() {
    let builtin = Catalog::builtin().published();
    let today = builtin.add_days(10);
    // A day of clock skew is allowed; two days is not.
    let tomorrow = pack("tomorrow", today.add_days(1));
    assert_eq!(
        decide("{}", None, today, accept(tomorrow.clone())),
        UpdateOutcome::Switched(tomorrow)
    );
    let future = decide("{}", None, today, accept(pack("f", today.add_days(2))));
    let UpdateOutcome::Kept { reason } = future else {
        panic!("{future:?}")
    };
    assert!(reason.zh.contains("晚于今天"), "{}", reason.zh);
    assert!(reason.en.contains("after today"), "{}", reason.en);
    // Judged on its envelope, before (and whatever) the full validation would say.
    let envelope = format!(
        "{{\"version\":\"f\",\"published\":\"{}\"}}",
        today.add_days(400)
    );
    let future = decide(&envelope, None, today, |_| panic!("not validated"));
    assert!(matches!(future, UpdateOutcome::Kept { .. }), "{future:?}");
    // An older pack is "up to date" from its envelope: its content is not judged by today's checks.
    let older = format!(
        "{{\"version\":\"o\",\"published\":\"{}\"}}",
        builtin.add_days(-30)
    );
    assert_eq!(
        decide(&older, None, today, |_| panic!("not validated")),
        UpdateOutcome::UpToDate
    );
    // A future-dated pack installed by an older app no longer counts as the newest known data.
    let installed = CatalogPackRecord {
        version: "2099.1.1".into(),
        published: today.add_days(300),
        sha256: "00".into(),
        installed_at_ms: 1,
        pack_json: "{}".into(),
    };
    let real = pack("real", today);
    assert_eq!(
        decide("{}", Some(&installed), today, accept(real.clone())),
        UpdateOutcome::Switched(real)
    );
}

#[test]
fn the_installed_pack_is_recognised_by_its_hash() {
    assert_eq!(
        sha256_hex("{\"pack\":1}"),
        "bb8697858b7229392460122b46ef53bec7178fc9c04110fa11a6b0936f5260d5"
    );
    let builtin = Catalog::builtin_published();
    let today = builtin.add_days(40);
    let current = installed("a", builtin.add_days(5), "same text");
    // Same bytes: up to date whatever they would claim; other bytes go on to be judged.
    assert_eq!(
        decide("same text", Some(&current), today, |_| panic!("not judged")),
        UpdateOutcome::UpToDate
    );
    let next = pack("b", builtin.add_days(6));
    assert_eq!(
        decide("other text", Some(&current), today, accept(next.clone())),
        UpdateOutcome::Switched(next)
    );
}

#[test]
fn the_envelope_decides_before_validation() {
    let builtin = Catalog::builtin_published();
    let today = builtin.add_days(40);
    let current = installed("2027.1", builtin.add_days(10), "installed");
    // Dated after today on its envelope: refused for its date, unvalidated.
    let text = envelope("x", today.add_days(2));
    let UpdateOutcome::Kept { reason } = decide(&text, Some(&current), today, |_| panic!()) else {
        panic!("kept expected")
    };
    assert_eq!(reason, future_dated_reason(today.add_days(2), today));
    // Older than the installed pack: up to date, unvalidated.
    let text = envelope("2026.9", builtin.add_days(9));
    assert_eq!(
        decide(&text, Some(&current), today, |_| panic!()),
        UpdateOutcome::UpToDate
    );
    // The installed version again (a new build of the same data): up to date, unvalidated.
    let text = envelope("2027.1", builtin.add_days(20));
    assert_eq!(
        decide(&text, Some(&current), today, |_| panic!()),
        UpdateOutcome::UpToDate
    );
    // A newer envelope is not enough: the validation still has the last word.
    let text = envelope("2027.2", builtin.add_days(20));
    let refused = decide(&text, Some(&current), today, |_| {
        Err(Text::new("坏", "bad"))
    });
    assert_eq!(
        refused,
        UpdateOutcome::Kept {
            reason: wording::failed_checks(&Text::new("坏", "bad"))
        }
    );
}

#[test]
fn without_an_envelope_the_validated_meta_decides() {
    let builtin = Catalog::builtin_published();
    let today = builtin.add_days(40);
    let current = installed("2027.1", builtin.add_days(10), "installed");
    // Validated, but dated after today.
    let late = pack("late", today.add_days(5));
    assert_eq!(
        decide("{}", Some(&current), today, accept(late)),
        UpdateOutcome::Kept {
            reason: future_dated_reason(today.add_days(5), today)
        }
    );
    // Validated, older than the installed pack.
    let older = pack("older", builtin.add_days(3));
    assert_eq!(
        decide("{}", Some(&current), today, accept(older)),
        UpdateOutcome::UpToDate
    );
    // Validated, the installed version.
    let again = pack("2027.1", builtin.add_days(30));
    assert_eq!(
        decide("{}", Some(&current), today, accept(again)),
        UpdateOutcome::UpToDate
    );
    // Validated and newer than both: switch.
    let newer = pack("2027.2", builtin.add_days(30));
    assert_eq!(
        decide("{}", Some(&current), today, accept(newer.clone())),
        UpdateOutcome::Switched(newer)
    );
}

#[test]
fn a_check_is_due_once_a_day_unless_forced() {
    let never = CatalogStatus::default();
    assert!(is_due(&never, 5, false));
    let checked = CatalogStatus {
        last_check_ms: Some(1_000),
        last_error: None,
    };
    assert!(!is_due(&checked, 1_000 + CHECK_INTERVAL_MS - 1, false));
    assert!(is_due(&checked, 1_000 + CHECK_INTERVAL_MS - 1, true));
    assert!(is_due(&checked, 1_000 + CHECK_INTERVAL_MS, false));
    // The clock went back behind the last check: check rather than wait for it to catch up.
    assert!(is_due(&checked, 999, false));
}

#[test]
fn the_status_keeps_the_time_and_only_a_refusal_s_reason() {
    let why = Text::new("原因", "why");
    let kept = UpdateOutcome::Kept {
        reason: why.clone(),
    };
    assert_eq!(
        status_after(&kept, 7),
        CatalogStatus {
            last_check_ms: Some(7),
            last_error: Some(why)
        }
    );
    for outcome in [
        UpdateOutcome::Skipped,
        UpdateOutcome::UpToDate,
        UpdateOutcome::Switched(pack("v", Date::ymd(2026, 1, 1))),
    ] {
        assert_eq!(status_after(&outcome, 8).last_error, None);
        assert_eq!(status_after(&outcome, 8).last_check_ms, Some(8));
    }
}

#[test]
fn the_clock_skew_allowance_is_one_day() {
    let today = Date::ymd(2026, 12, 7);
    assert!(!is_future_dated(today.add_days(MAX_CLOCK_SKEW_DAYS), today));
    assert!(is_future_dated(
        today.add_days(MAX_CLOCK_SKEW_DAYS + 1),
        today
    ));
    assert!(!is_future_dated(today.add_days(-100), today));
}
