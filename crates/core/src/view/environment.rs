//! The browser the app finds itself in (issue 13): WeChat's or QQ's in-app browser, one without a service
//! worker, one that cannot download files or may clear its storage. The decisions are pure functions
//! (tested natively); the strings are in [`crate::text::shell`]: [`ShellEnvText`] for the shell and 首页 (in the first
//! download), [`ExportText`] for the screens that export or remind (in their own pieces).

use crate::backup::TrainingEventRecord;
use crate::date::Date;

/// Marks in the user agent of the in-app browsers people open the app from: WeChat (MicroMessenger; XWEB
/// is its Chromium engine on Android), QQ (`QQ/`), QQ Browser (MQQBrowser) and Tencent's X5 engine (TBS).
const IN_APP_MARKS: [&str; 5] = ["MicroMessenger", "QQ/", "MQQBrowser", "XWEB", "TBS/"];

/// Whether `user_agent` is one of the in-app browsers of [`IN_APP_MARKS`].
pub fn is_in_app_browser(user_agent: &str) -> bool {
    IN_APP_MARKS.iter().any(|mark| user_agent.contains(mark))
}

/// The in-app line is shown at most once a day: not again on a day it was already shown.
pub fn in_app_line_due(last_shown: Option<Date>, today: Date) -> bool {
    last_shown != Some(today)
}

/// Training log entries from which a log is worth a backup.
pub const ENTRIES_WORTH_A_BACKUP: usize = 5;

/// Days between two 备份 reminders.
pub const BACKUP_REMINDER_DAYS: i64 = 7;

/// Whether the training log holds something the person would miss: a certificate, or five entries.
pub fn worth_a_backup(events: &[TrainingEventRecord]) -> bool {
    events.len() >= ENTRIES_WORTH_A_BACKUP
        || events.iter().any(|e| {
            e.event.pointer("/what/type").and_then(|t| t.as_str()) == Some("certificate_added")
        })
}

/// The 备份 reminder in 我的: something worth keeping, storage the browser may clear (not persisted, or an
/// in-app browser, whose storage WeChat may clear whatever it promised), and not shown in the last week.
pub fn backup_reminder_due(
    worth_keeping: bool,
    storage_kept: bool,
    in_app: bool,
    last_shown: Option<Date>,
    today: Date,
) -> bool {
    worth_keeping
        && (in_app || !storage_kept)
        && last_shown
            .is_none_or(|shown| !(0..BACKUP_REMINDER_DAYS).contains(&shown.days_until(today)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const WECHAT_ANDROID: &str = "Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160117 MMWEBSDK/20240404 MMWEBID/2307 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
    const WECHAT_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN";
    const X5_OLD: &str = "Mozilla/5.0 (Linux; U; Android 7.0; zh-cn; MI 5 Build/NRD90M) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/53.0.2785.146 Mobile Safari/537.36 TBS/045913 Mb2345Browser/11.0";
    const QQ: &str = "Mozilla/5.0 (Linux; Android 10; M2006C3LC) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/89.0.4389.72 MQQBrowser/6.2 TBS/046011 Mobile Safari/537.36 V1_AND_SQ_8.8.68_2538_YYB_D QQ/8.8.68.7265 NetType/WIFI";
    const CHROME: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    const SAFARI: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

    #[test]
    fn in_app_browsers_are_told_from_phone_browsers() {
        for ua in [WECHAT_ANDROID, WECHAT_IOS, X5_OLD, QQ] {
            assert!(is_in_app_browser(ua), "{ua}");
        }
        for ua in [CHROME, SAFARI, ""] {
            assert!(!is_in_app_browser(ua), "{ua}");
        }
    }

    #[test]
    fn the_in_app_line_is_shown_once_a_day() {
        let today = Date::ymd(2026, 12, 7);
        assert!(in_app_line_due(None, today));
        assert!(!in_app_line_due(Some(today), today));
        assert!(in_app_line_due(Some(today.add_days(-1)), today));
    }

    fn entry(kind: &str) -> TrainingEventRecord {
        TrainingEventRecord {
            event_id: "e".into(),
            course_id: "c".into(),
            recorded_at_ms: 0,
            event: json!({ "what": { "type": kind } }),
        }
    }

    #[test]
    fn a_certificate_or_five_entries_are_worth_a_backup() {
        assert!(!worth_a_backup(&[]));
        assert!(!worth_a_backup(&vec![entry("hours_studied"); 4]));
        assert!(worth_a_backup(&vec![entry("hours_studied"); 5]));
        assert!(worth_a_backup(&[
            entry("enrolled"),
            entry("certificate_added")
        ]));
    }

    #[test]
    fn the_backup_reminder_comes_at_most_weekly_and_only_when_data_may_be_lost() {
        let today = Date::ymd(2026, 12, 7);
        // Something worth keeping, storage not kept, never reminded.
        assert!(backup_reminder_due(true, false, false, None, today));
        // Nothing worth keeping yet.
        assert!(!backup_reminder_due(false, false, true, None, today));
        // Storage kept by the browser, outside an in-app browser: no reminder...
        assert!(!backup_reminder_due(true, true, false, None, today));
        // ...but WeChat may clear it whatever it promised.
        assert!(backup_reminder_due(true, true, true, None, today));
        // Weekly.
        assert!(!backup_reminder_due(true, false, false, Some(today), today));
        assert!(!backup_reminder_due(
            true,
            false,
            false,
            Some(today.add_days(-6)),
            today
        ));
        assert!(backup_reminder_due(
            true,
            false,
            false,
            Some(today.add_days(-7)),
            today
        ));
        // A date in the future (the phone's clock was changed) does not silence it for good.
        assert!(backup_reminder_due(
            true,
            false,
            false,
            Some(today.add_days(30)),
            today
        ));
    }
}
