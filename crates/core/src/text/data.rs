//! 我的 → 数据: the screen's interface strings, and the sentences built from its figures (record counts,
//! the restore question's rows, what a catalog switch changed, a dropped future-dated pack).

use crate::backup::Holdings;
use crate::catalog::Catalog;
use crate::date::Date;
use crate::i18n::Message as _;
use crate::lang::{Lang, Text};

crate::messages! {
    /// Strings of 我的 → 数据.
    pub enum DataText {
        Title => "我的数据", "My data";
        Back => "返回我的", "Back to Me";
        EntryLink => "数据:备份、恢复、清除", "Data: back up, restore, erase";
        EntryHint => "导出备份、从备份恢复、清除本机数据、政策数据更新", "Export, import, erase, and policy data updates";
        Intro => "你的回答、收藏和培训记录只保存在这部手机上,不会上传。", "Your answers, saved programs and training records stay on this phone. Nothing is uploaded.";
        StoredTitle => "本机保存的内容", "Saved on this phone";
        StoredAnswers => "自测回答", "Check answers";
        StoredSaved => "收藏的政策", "Saved programs";
        StoredEvents => "培训记录", "Training records";
        StoredSettings => "设置", "Settings";
        StorageTitle => "存储状态", "Storage";
        Persistent => "已设为持久保存:浏览器不会自动清除这些数据。", "Persistent: the browser will not clear this data on its own.";
        NotPersistent => "尚未设为持久保存:手机空间不足时,浏览器可能清除数据。建议定期导出备份。", "Not persistent yet: if the phone runs low on space the browser may clear this data. Export a backup now and then.";
        MemoryOnly => "现在数据只在内存中,关闭页面就会丢失。可以先导出备份。", "Data is only in memory now and is lost when the page closes. You can still export a backup.";
        Used => "已用", "Used";
        UsedOf => "可用约", "of about";
        UsageUnknown => "此浏览器不提供已用空间的数据。", "This browser does not report how much space is used.";
        BackupTitle => "备份和恢复", "Back up and restore";
        BackupHint => "备份文件保存在手机的“下载”文件夹。换手机或清除数据后,可以用它恢复。", "The backup file goes to the phone's Downloads folder. Use it to restore after changing phones or erasing.";
        Export => "导出备份文件", "Export a backup file";
        Exporting => "正在导出…", "Exporting…";
        Exported => "备份已导出:", "Backup exported:";
        ImportLabel => "从备份文件恢复", "Restore from a backup file";
        ImportHint => "恢复会用文件里的内容替换本机现有的数据。文件会先完整检查,有问题就不做任何更改。", "Restoring replaces the data on this phone with the file's. The whole file is checked first; if anything is wrong, nothing is changed.";
        Importing => "正在检查文件…", "Checking the file…";
        Imported => "已从备份恢复", "Restored from the backup:";
        ImportedUnit => "条记录。", "records.";
        EraseTitle => "清除全部数据", "Erase everything";
        EraseHint => "删除本机上的回答、收藏、培训记录、设置和下载的政策数据。", "Deletes the answers, saved programs, training records, settings and downloaded policy data on this phone.";
        Erase => "清除本机全部数据…", "Erase all data on this phone…";
        EraseConfirmText => "确定要清除吗?清除后无法恢复。如果以后还想用,请先导出备份。", "Erase everything? This cannot be undone. Export a backup first if you may want it later.";
        EraseConfirm => "确认清除", "Yes, erase";
        EraseCancel => "取消", "Cancel";
        Erasing => "正在清除…", "Erasing…";
        Erased => "本机数据已全部清除。", "All data on this phone was erased.";
        CatalogTitle => "政策数据", "Policy data";
        CatalogUpdatedOn => "政策数据更新于", "Policy data as of";
        CatalogBuiltin => "使用应用自带的政策数据。", "Using the policy data built into the app.";
        CatalogDownloaded => "使用已下载的政策数据,版本", "Using downloaded policy data, version";
        LastCheck => "上次检查更新:", "Last checked for updates:";
        NeverChecked => "还没有检查过更新。", "Not checked for updates yet.";
        LastError => "上次更新没有成功:", "The last update did not succeed:";
        CheckNow => "检查更新", "Check for updates";
        Checking => "正在检查…", "Checking…";
        UpToDate => "政策数据已是最新。", "The policy data is up to date.";
        OfflineSkipped => "现在没有联网,联网后再检查。当前政策数据照常可用。", "You are offline. Check again when online; the current policy data works as usual.";
        Switched => "政策数据已更新。", "The policy data was updated.";
        CatalogNote => "政策以当地最新通知为准。可以咨询区县或市公共就业服务机构、人社局,拨打12333,或使用“掌上12333”、爱山东App。", "The latest local notice is what counts. Ask the district or city public employment service or human resources bureau, call 12333, or use the 掌上12333 or 爱山东 apps.";
        NoChange => "你的结果没有变化。", "Your results did not change.";
        SavedNoLongerListed => "收藏的政策中,这些已不在当前的政策数据中(收藏仍然保留):", "Saved programs no longer listed in the current policy data (still kept):";
        RestoreQuestion => "恢复会用文件里的内容替换本机现有的数据。请先对比:", "Restoring replaces the data on this phone with the file's. Compare first:";
        RestoreInFile => "文件里", "In the file";
        RestoreOnPhone => "本机现有", "On this phone";
        HoldAnswers => "自测回答", "Check answers";
        HoldSaved => "收藏的政策", "Saved programs";
        HoldCourses => "报名的课程", "Courses enrolled";
        HoldHours => "学习时长", "Hours studied";
        HoldCertificates => "证书", "Certificates";
        RestoreKeepsCopy => "本机现有的数据会自动另存一份,恢复后可以一键撤销。", "The data now on this phone is kept as an automatic backup; you can undo the restore with one tap.";
        RestoreConfirm => "用文件替换", "Replace with the file";
        RestoreCancel => "取消,保留本机数据", "Cancel, keep this phone's data";
        RestoreCancelled => "没有恢复,本机数据没有改变。", "Not restored; the data on this phone is unchanged.";
        UndoNote => "上次恢复前的数据已自动保存:", "The data from before the last restore was saved automatically:";
        Undo => "撤销上次恢复", "Undo the last restore";
        Undoing => "正在撤销…", "Undoing…";
        Undone => "已撤销恢复,回到恢复前的数据。刚才被替换的数据也已自动保存,可以再次撤销。", "The restore was undone: the data from before it is back. The data it replaced was saved automatically too, so this can be undone again.";
    }
}

/// Said once when start-up drops a stored catalog pack dated after today (issue 14): what was dropped,
/// why, and what is used instead.
pub fn future_pack_dropped(published: Date, today: Date, builtin: Date) -> Text {
    Text::new(
        format!("已停用一份标注日期在未来（{published}，今天是 {today}）的政策数据，它会挡住之后的真实更新。现在使用应用自带的政策数据（{builtin}），联网时会重新检查更新。"),
        format!("Stopped using policy data dated in the future ({published}; today is {today}): it would hide every real update. Using the policy data built into the app ({builtin}); updates are checked again when online."),
    )
}

/// One line of the restore question: a kind of record and how many the file and the phone hold, e.g.
/// ("学习时长", "12.5 小时", "0 小时"). Hours to one decimal, from whole minutes.
pub fn holdings_rows(
    file: &Holdings,
    phone: &Holdings,
    lang: Lang,
) -> Vec<(&'static str, String, String)> {
    // Chinese counts things with their own measure word: 条 answers, 项 programs, 门 courses, 张 certificates.
    let count = |n: usize, unit: &str| match lang {
        Lang::Zh => format!("{n} {unit}"),
        Lang::En => n.to_string(),
    };
    let hours = |minutes: u64| {
        let tenths = (minutes * 10 + 30) / 60;
        let number = if tenths.is_multiple_of(10) {
            format!("{}", tenths / 10)
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        };
        match lang {
            Lang::Zh => format!("{number} 小时"),
            Lang::En => format!("{number} h"),
        }
    };
    vec![
        (
            DataText::HoldAnswers.text(lang),
            count(file.answers, "条"),
            count(phone.answers, "条"),
        ),
        (
            DataText::HoldSaved.text(lang),
            count(file.saved, "项"),
            count(phone.saved, "项"),
        ),
        (
            DataText::HoldCourses.text(lang),
            count(file.courses, "门"),
            count(phone.courses, "门"),
        ),
        (
            DataText::HoldHours.text(lang),
            hours(file.minutes),
            hours(phone.minutes),
        ),
        (
            DataText::HoldCertificates.text(lang),
            count(file.certificates, "张"),
            count(phone.certificates, "张"),
        ),
    ]
}

/// The same holdings as one sentence, for the undo offer: "自测回答 3 条、收藏的政策 2 条、…".
pub fn holdings_sentence(h: &Holdings, lang: Lang) -> String {
    let rows = holdings_rows(h, h, lang);
    let sep = crate::text::training::list_sep(lang);
    rows.into_iter()
        .map(|(label, n, _)| format!("{label} {n}"))
        .collect::<Vec<_>>()
        .join(sep)
}

/// A record count: "3 条" in Chinese, a bare "3" in English (no "1 items").
pub fn count_text(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 条"),
        Lang::En => n.to_string(),
    }
}

/// Whether the browser keeps the data: only in memory (the fallback), persisted, or clearable.
pub fn durability(memory_only: bool, persisted: bool) -> DataText {
    match (memory_only, persisted) {
        (true, _) => DataText::MemoryOnly,
        (false, true) => DataText::Persistent,
        (false, false) => DataText::NotPersistent,
    }
}

/// Which policy data is in use: the app's own, or a downloaded pack by its version.
pub fn catalog_source(catalog: &Catalog, lang: Lang) -> String {
    if catalog.version() == Catalog::builtin_version() {
        DataText::CatalogBuiltin.text(lang).to_owned()
    } else {
        format!(
            "{} {}",
            DataText::CatalogDownloaded.text(lang),
            catalog.version()
        )
    }
}

/// The export's success line: "备份已导出: leye-backup-….json".
pub fn exported(name: &str, lang: Lang) -> String {
    format!("{} {name}", DataText::Exported.text(lang))
}

/// The restore's success line: "已从备份恢复 12 条记录。".
pub fn imported(records: usize, lang: Lang) -> String {
    format!(
        "{} {records} {}",
        DataText::Imported.text(lang),
        DataText::ImportedUnit.text(lang)
    )
}

/// "政策数据已更新。" and what that changed for the person (`change`, from [`change_summary`]).
pub fn switched(change: &Text) -> Text {
    Text::new(
        format!("{}{}", DataText::Switched.text(Lang::Zh), change.zh),
        format!("{} {}", DataText::Switched.text(Lang::En), change.en),
    )
}

/// What a switch to a new catalog changed for the person, in one or two sentences: "新增1项你可以申请的政策:…"
/// and/or "有1项政策你现在不再符合:…", and the enrolled courses and saved programs it no longer lists.
pub fn change_summary(new: &[Text], gone: &[Text], unlisted: &[Text]) -> Text {
    if new.is_empty() && gone.is_empty() && unlisted.is_empty() {
        return Text::new(
            DataText::NoChange.text(Lang::Zh),
            DataText::NoChange.text(Lang::En),
        );
    }
    let names = |list: &[Text], lang: Lang| {
        let sep = if lang == Lang::Zh { "、" } else { "; " };
        list.iter()
            .map(|t| t.get(lang))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let mut zh = String::new();
    let mut en = String::new();
    if !new.is_empty() {
        zh += &format!(
            "新增{}项你可以申请的政策:{}。",
            new.len(),
            names(new, Lang::Zh)
        );
        en += &format!(
            "{} new program{} you can apply for: {}.",
            new.len(),
            if new.len() == 1 { "" } else { "s" },
            names(new, Lang::En)
        );
    }
    if !gone.is_empty() {
        if !en.is_empty() {
            en.push(' ');
        }
        zh += &format!(
            "有{}项政策按新数据你暂时不符合:{}。请以当地最新通知为准。",
            gone.len(),
            names(gone, Lang::Zh)
        );
        en += &format!(
            "Under the new data you no longer qualify for {} program{}: {}. The latest local notice is what counts.",
            gone.len(),
            if gone.len() == 1 { "" } else { "s" },
            names(gone, Lang::En)
        );
    }
    if !unlisted.is_empty() {
        if !en.is_empty() {
            en.push(' ');
        }
        zh += &format!(
            "你报名的课程或收藏的政策中有{}项不在新的政策数据中了:{}。你的记录都还在,标为“已不在当前政策数据中”。",
            unlisted.len(),
            names(unlisted, Lang::Zh)
        );
        en += &format!(
            "{} of your courses or saved programs {} no longer listed in the new data: {}. Your records are kept and marked as no longer listed.",
            unlisted.len(),
            if unlisted.len() == 1 { "is" } else { "are" },
            names(unlisted, Lang::En)
        );
    }
    Text::new(zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backup::Holdings;
    use crate::i18n::check_table;

    #[test]
    fn every_string_has_both_languages() {
        check_table(DataText::ALL, &[]).unwrap();
    }

    #[test]
    fn memory_only_outweighs_persistence_and_the_built_in_catalog_is_named() {
        assert_eq!(durability(true, true), DataText::MemoryOnly);
        assert_eq!(durability(false, true), DataText::Persistent);
        assert_eq!(durability(false, false), DataText::NotPersistent);
        assert_eq!(
            catalog_source(Catalog::builtin(), Lang::Zh),
            DataText::CatalogBuiltin.text(Lang::Zh)
        );
    }

    #[test]
    fn counts_read_naturally_in_both_languages() {
        assert_eq!(count_text(3, Lang::Zh), "3 条");
        assert_eq!(count_text(1, Lang::En), "1");
    }

    #[test]
    fn the_restore_question_shows_file_against_phone_in_both_languages() {
        let file = Holdings {
            answers: 3,
            saved: 2,
            courses: 1,
            minutes: 750,
            certificates: 1,
            records: 9,
        };
        let phone = Holdings::default();
        let zh = holdings_rows(&file, &phone, Lang::Zh);
        assert_eq!(zh[0], ("自测回答", "3 条".to_owned(), "0 条".to_owned()));
        assert_eq!(
            zh[3],
            ("学习时长", "12.5 小时".to_owned(), "0 小时".to_owned())
        );
        let en = holdings_rows(&file, &phone, Lang::En);
        assert_eq!(en[4], ("Certificates", "1".to_owned(), "0".to_owned()));
        assert_eq!(en[3].1, "12.5 h");
        assert_eq!(
            holdings_sentence(&file, Lang::Zh),
            "自测回答 3 条、收藏的政策 2 项、报名的课程 1 门、学习时长 12.5 小时、证书 1 张"
        );
    }
}
