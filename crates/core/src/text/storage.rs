//! What the person is told when their data cannot be saved or read, and why a catalog update was not
//! installed. Storage errors carry only data (`StorageError` in the app); their wording is here.

use crate::date::Date;
use crate::lang::{Lang, Text};

crate::messages! {
    /// The storage banner and the message of each kind of storage error.
    pub enum StorageText {
    // Shown on every screen while the app runs on the in-memory backend.
    Banner => "数据不会被保存", "Your data will not be saved";
    Unavailable => "此浏览器现在不能保存数据（可能是无痕/隐私模式）。数据不会被保存：关闭页面后会丢失。请用普通模式打开乐业通。",
        "This browser cannot save data right now (private mode?). Your data will not be saved and is lost when the page closes. Open LeYe in a normal window.";
    Blocked => "乐业通的旧版本在另一个标签页中打开着。请关闭其他标签页或重新加载。",
        "An older version of LeYe is open in another tab. Close other tabs or reload.";
    OpenTimedOut => "浏览器的数据库8秒内没有响应，现在读不到也存不了数据（已保存的数据没有丢失）。请重新加载页面；如果还是这样，请完全关闭浏览器后再打开。",
        "The browser's database did not respond within 8 seconds, so data cannot be read or saved right now (what is saved is not lost). Reload the page; if this keeps happening, close the browser completely and open it again.";
    Closed => "乐业通已在另一个标签页中更新。请重新加载本页，你的数据不会丢失。",
        "LeYe was updated in another tab. Reload this page; your data is kept.";
    NewerVersion => "你的数据由更新版本的乐业通保存。请重新加载以使用最新版本。",
        "Your data was saved by a newer LeYe. Reload to use the newest version.";
    QuotaExceeded => "手机存储空间不足，这次的内容没有保存。已有数据仍可查看和导出。请清理手机空间后重试。",
        "Your phone is out of storage, so this was not saved. Existing data can still be viewed and exported. Free some space and try again.";
    Duplicate => "这条记录已经保存过了。", "This record was already saved.";
    Corrupt => "部分已保存的数据无法读取。请导出备份，然后在“我的 → 数据”中清除后重新导入。",
        "Some saved data cannot be read. Export a backup, then erase and import it under Me → Data.";
    Failed => "保存失败，请重试。如果一直失败，请导出备份后重新加载。",
        "Saving failed. Try again; if it keeps failing, export a backup and reload.";
    }
}

/// A value refused for its length or shape; `problem` names what (e.g. "more than 200 documents").
pub fn invalid(lang: Lang, problem: &str) -> String {
    match lang {
        Lang::Zh => format!("内容太长或格式不对，没有保存（{problem}）。请修改后重试。"),
        Lang::En => format!(
            "This is too long or malformed and was not saved ({problem}). Change it and try again."
        ),
    }
}

// ---- why a catalog update was kept out (stored in the catalog status, shown under 我的 → 数据) ----

/// A pack dated after the phone's today.
pub fn future_dated(published: Date, today: Date) -> Text {
    Text::new(
        format!("新的政策数据标注的发布日期（{published}）晚于今天（{today}），不可信，已拒绝，继续使用当前数据。如果手机日期不对，请在系统设置里改正。"),
        format!("The new policy data says it was published on {published}, after today ({today}), so it cannot be trusted and was refused; keeping the current data. If the phone's date is wrong, correct it in the system settings."),
    )
}

/// A pack the engine's validation refused; `why` is the validation's own reason.
pub fn failed_checks(why: &Text) -> Text {
    Text::new(
        format!("新的政策数据未通过检查，继续使用当前数据：{}", why.zh),
        format!(
            "The new policy data failed its checks; keeping the current data: {}",
            why.en
        ),
    )
}

/// No answer from the server (offline, refused request, unreadable response).
pub fn server_unreachable() -> Text {
    Text::new(
        "无法连接到服务器，继续使用当前政策数据。",
        "Could not reach the server; keeping the current policy data.",
    )
}

/// The download was stopped at its deadline of `seconds`.
pub fn download_too_slow(seconds: i32) -> Text {
    Text::new(
        format!(
            "网络太慢，{seconds} 秒内没能下载完新的政策数据，已停止下载，继续使用当前数据。网络好一些时再点“检查更新”。"
        ),
        format!(
            "The network is too slow: the new policy data did not arrive within {seconds} seconds, so the download was stopped; keeping the current data. Tap “Check for updates” again on a better connection."
        ),
    )
}

/// The server answered with HTTP status `code` instead of the pack.
pub fn server_refused(code: u16) -> Text {
    Text::new(
        format!("服务器没有提供新的政策数据（{code}），继续使用当前数据。"),
        format!("The server did not provide policy data ({code}); keeping the current data."),
    )
}

/// A pack over the size limit, refused unread.
pub fn pack_too_large() -> Text {
    Text::new(
        "新的政策数据文件过大，已拒绝，继续使用当前数据。",
        "The new policy data file is too large and was refused; keeping the current data.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check_table, Message};

    #[test]
    fn every_storage_string_has_both_languages() {
        check_table(StorageText::ALL, &[]).unwrap();
        assert_eq!(StorageText::Banner.text(Lang::Zh), "数据不会被保存");
    }

    #[test]
    fn built_reasons_keep_their_figures() {
        let d = Date::ymd(2026, 12, 9);
        let t = Date::ymd(2026, 12, 7);
        let r = future_dated(d, t);
        assert!(
            r.zh.contains("2026-12-09") && r.zh.contains("晚于今天"),
            "{}",
            r.zh
        );
        assert!(r.en.contains("after today (2026-12-07)"), "{}", r.en);
        let r = failed_checks(&Text::new("校验码不符", "checksum differs"));
        assert!(r.zh.ends_with("：校验码不符") && r.en.ends_with(": checksum differs"));
        assert!(download_too_slow(20).en.contains("within 20 seconds"));
        assert!(server_refused(404).zh.contains("（404）"));
        assert!(invalid(Lang::En, "x").contains("(x)"));
        assert!(!server_unreachable().zh.is_empty() && !pack_too_large().en.is_empty());
    }
}
