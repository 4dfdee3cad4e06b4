//! Strings of the shell for in-app and old browsers, and of exports and the 备份 reminder (issue 13).

crate::messages! {
    /// Strings of the shell and 首页 for in-app and old browsers.
    pub enum ShellEnvText {
        InAppLine => "在微信或QQ里也能用。想没网时也能打开、数据存得更稳,请点右上角 ··· → 在浏览器打开。",
            "It works here too. To use it offline and keep your data safer, tap ··· at the top right → Open in browser.";
        InAppClose => "知道了", "OK";
        AppMissing => "这个浏览器打不开乐业通的自测、政策和培训。请点右上角 ··· → 在浏览器打开;或者把微信更新到最新版,再打开这个链接。",
            "This browser cannot open LeYe's check, programs and training. Tap ··· at the top right → Open in browser, or update WeChat and open this link again.";
    }
}

crate::messages! {
    /// Strings of exports (backup, calendar, learning record), paste-restore, the no-offline note and the
    /// 备份 reminder.
    pub enum ExportText {
        OtherWays => "没看到下载的文件(比如在微信里)?也可以这样保存:", "No downloaded file (in WeChat, say)? You can also keep it like this:";
        DownloadBlocked => "这个浏览器不能直接下载文件。请用下面的办法保存:", "This browser cannot download files. Keep it like this instead:";
        ShareFile => "分享文件", "Share the file";
        CopyText => "复制全部文字", "Copy all the text";
        Copied => "已复制。可以粘贴到微信“文件传输助手”或备忘录里保存。", "Copied. Paste it into a note or a chat with yourself to keep it.";
        CopyFailed => "没能复制。请长按下面的文字,全选后复制。", "Could not copy. Long-press the text below, select all and copy.";
        TextLabel => "文件内容(长按可以全选、复制)", "The file's text (long-press to select and copy)";
        PasteTitle => "或者粘贴备份的文字", "Or paste the backup's text";
        PasteHint => "如果备份是复制出来的文字,粘贴到下面,再点恢复。检查和恢复文件一样。", "If you kept the backup as copied text, paste it below and tap restore. It is checked just like a file.";
        PasteLabel => "备份的文字", "The backup's text";
        PasteRestore => "用粘贴的文字恢复", "Restore from the pasted text";
        NoOffline => "这个浏览器不能让乐业通离线使用:没有网络时可能打不开。想离线用,请点右上角 ··· → 在浏览器打开,用手机自带的浏览器。",
            "This browser cannot keep LeYe for offline use: without a network it may not open. To use it offline, tap ··· at the top right → Open in browser, and use the phone's own browser.";
        ReminderText => "你的培训记录只存在这部手机上,浏览器清理时可能会丢。建议备份一份。", "Your training records are only on this phone and could be lost if the browser clears its data. Make a backup.";
        ReminderGo => "去备份", "Back up now";
        ReminderLater => "以后再说", "Later";
    }
}

crate::messages! {
    /// Strings of the app's own workings: a piece of it that could not be downloaded, newer policy data.
    pub enum AppText {
        ChunkMissing => "网络不稳定,应用的一部分没能下载。请检查网络后刷新页面;下载过一次后,没有网络也能用。",
            "The network is unstable and part of the app could not be downloaded. Check the connection and reload; once downloaded, it works offline.";
        DataUpdatedTo => "政策数据已更新到 {date}。{change}", "Policy data updated to {date}. {change}";
    }
}

/// The notice after switching to newer policy data: its date, then what it changed for the person.
pub fn data_updated(published: crate::date::Date, change: &crate::lang::Text) -> crate::lang::Text {
    use crate::i18n::Message;
    use crate::text::policy::fill;
    let line = |lang: crate::lang::Lang, change: &str| {
        let date = fill(
            AppText::DataUpdatedTo.text(lang),
            "date",
            &published.to_string(),
        );
        fill(&date, "change", change)
    };
    crate::lang::Text::new(
        line(crate::lang::Lang::Zh, &change.zh),
        line(crate::lang::Lang::En, &change.en),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{check_table, Message};
    use crate::lang::Lang;

    #[test]
    fn every_string_has_both_languages() {
        check_table(ShellEnvText::ALL, &[]).unwrap();
        check_table(ExportText::ALL, &[]).unwrap();
        check_table(AppText::ALL, &[]).unwrap();
    }

    #[test]
    fn the_update_notice_reads_as_before() {
        let change = crate::lang::Text::new("多了1项。", "1 more.");
        let t = data_updated(crate::date::Date::ymd(2026, 12, 1), &change);
        assert_eq!(t.zh, "政策数据已更新到 2026-12-01。多了1项。");
        assert_eq!(t.en, "Policy data updated to 2026-12-01. 1 more.");
    }

    #[test]
    fn the_way_out_names_the_exact_taps() {
        for text in [ShellEnvText::InAppLine, ShellEnvText::AppMissing] {
            assert!(text.text(Lang::Zh).contains("右上角 ··· → 在浏览器打开"));
            assert!(text.text(Lang::En).contains("Open in browser"));
        }
        assert!(ExportText::NoOffline
            .text(Lang::Zh)
            .contains("右上角 ··· → 在浏览器打开"));
    }
}
