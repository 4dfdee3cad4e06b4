//! What a refused backup file says; every message says nothing was changed.

use crate::backup::{BackupError, Section, MAX_BACKUP_BYTES};
use crate::lang::Lang;
use std::fmt;

impl Section {
    /// The store's name as the refusal message says it.
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Section::Answers, Lang::Zh) => "自测答案",
            (Section::Saved, Lang::Zh) => "收藏的政策",
            (Section::TrainingEvents, Lang::Zh) => "培训记录",
            (Section::Settings, Lang::Zh) => "设置",
            (Section::LearningRecord, Lang::Zh) => "学习记录",
            (Section::Answers, Lang::En) => "answers",
            (Section::Saved, Lang::En) => "saved programs",
            (Section::TrainingEvents, Lang::En) => "training records",
            (Section::Settings, Lang::En) => "settings",
            (Section::LearningRecord, Lang::En) => "learning record",
        }
    }
}

impl BackupError {
    /// What the user reads; says what to do next.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (BackupError::TooLarge { bytes }, Lang::Zh) => format!(
                "文件太大（{} MB），不是乐业通的备份文件（备份最大 {} MB）。没有做任何更改。",
                bytes / (1024 * 1024),
                MAX_BACKUP_BYTES / (1024 * 1024)
            ),
            (BackupError::TooLarge { bytes }, Lang::En) => format!(
                "This file is too large ({} MB) to be a LeYe backup (at most {} MB). Nothing was changed.",
                bytes / (1024 * 1024),
                MAX_BACKUP_BYTES / (1024 * 1024)
            ),
            (BackupError::NotJson, Lang::Zh) => {
                "文件不完整或已损坏，无法读取。请重新导出备份后再导入。没有做任何更改。".into()
            }
            (BackupError::NotJson, Lang::En) => {
                "The file is incomplete or damaged and cannot be read. Export the backup again and retry. Nothing was changed.".into()
            }
            (BackupError::WrongFormat, Lang::Zh) => {
                "这不是乐业通的备份文件。请选择从“我的 → 数据 → 导出”保存的文件。没有做任何更改。".into()
            }
            (BackupError::WrongFormat, Lang::En) => {
                "This is not a LeYe backup. Choose a file saved with Me → Data → Export. Nothing was changed.".into()
            }
            (BackupError::UnsupportedVersion { found }, Lang::Zh) => format!(
                "这个备份来自更新版本的乐业通（格式版本 {found}），请先更新本应用再导入。没有做任何更改。"
            ),
            (BackupError::UnsupportedVersion { found }, Lang::En) => format!(
                "This backup comes from a newer LeYe (format version {found}). Update the app, then import again. Nothing was changed."
            ),
            (BackupError::UnknownVersion { found }, Lang::Zh) => format!(
                "这个文件的格式版本（{found}）不是乐业通写出的，文件可能被其他程序改动过。请使用从“我的 → 数据 → 导出”保存的原始文件。没有做任何更改。"
            ),
            (BackupError::UnknownVersion { found }, Lang::En) => format!(
                "This file's format version ({found}) was never written by LeYe; another program may have changed the file. Use the file exactly as saved with Me → Data → Export. Nothing was changed."
            ),
            (BackupError::ChecksumMismatch, Lang::Zh) => {
                "备份文件的校验码不符，文件可能被修改或损坏。请使用原始导出的文件。没有做任何更改。".into()
            }
            (BackupError::ChecksumMismatch, Lang::En) => {
                "The backup's checksum does not match: the file was changed or damaged. Use the file exactly as exported. Nothing was changed.".into()
            }
            (BackupError::BadRecord { section, index, problem }, Lang::Zh) => format!(
                "备份中“{}”的第 {} 条记录有误（{problem}），无法导入。没有做任何更改。",
                section.name(Lang::Zh),
                index + 1
            ),
            (BackupError::BadRecord { section, index, problem }, Lang::En) => format!(
                "Record {} in “{}” is invalid ({problem}), so the backup cannot be imported. Nothing was changed.",
                index + 1,
                section.name(Lang::En)
            ),
        }
    }
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BackupError {}
