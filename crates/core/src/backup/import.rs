//! Reading a backup file: every check it must pass before anything is written.

use super::canonical::records_checksum;
use super::validate::{bad, validate};
use super::{Backup, BackupError, BackupIn, Section, BACKUP_FORMAT, BACKUP_SCHEMA_VERSION};
use super::{MAX_BACKUP_BYTES, UTF8_BOM};
use crate::learning_record;
use crate::records::*;
use serde_json::Value;

/// Checks a whole backup file and returns its records. Nothing here touches storage: a refusal
/// (any `Err`) means the caller writes nothing.
pub fn parse(bytes: &[u8]) -> Result<Backup, BackupError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge { bytes: bytes.len() });
    }
    // A text editor (or a phone's file app) may save the file again with a UTF-8 byte order mark in
    // front; JSON forbids it, but the content is the same.
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let doc: Value = serde_json::from_slice(bytes).map_err(|_| BackupError::NotJson)?;
    // Identify the file before judging its shape, so another app's JSON gets "not a backup".
    if doc.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(BackupError::WrongFormat);
    }
    let doc: BackupIn = serde_json::from_value(doc).map_err(|_| BackupError::WrongFormat)?;
    debug_assert_eq!(doc.format.as_str(), Some(BACKUP_FORMAT));
    let schema_version = match doc.schema_version.as_u64() {
        Some(v) if v >= 1 && v <= u64::from(BACKUP_SCHEMA_VERSION) => v as u32,
        found => {
            let mut text = doc.schema_version.to_string();
            text.truncate(20);
            // Only a whole number above ours comes from a newer LeYe; 0, -1, 1.5 or "1" from no LeYe at all.
            return Err(match found {
                Some(v) if v > u64::from(BACKUP_SCHEMA_VERSION) => {
                    BackupError::UnsupportedVersion { found: text }
                }
                _ => BackupError::UnknownVersion { found: text },
            });
        }
    };
    if doc.exported_at.is_empty()
        || doc.exported_at.len() > 40
        || doc.exported_at.chars().any(char::is_control)
    {
        return Err(BackupError::WrongFormat);
    }
    let sha = doc.sha256.to_ascii_lowercase();
    if sha.len() != 64
        || !sha.bytes().all(|b| b.is_ascii_hexdigit())
        || sha != records_checksum(&doc.records)
    {
        return Err(BackupError::ChecksumMismatch);
    }
    let records = parse_records(doc.records)?;
    Ok(Backup {
        schema_version,
        exported_at: doc.exported_at,
        records,
    })
}

/// Deserialises each section record by record so a refusal names the record at fault.
fn parse_records(value: Value) -> Result<Records, BackupError> {
    let Value::Object(mut map) = value else {
        return Err(bad(Section::Answers, 0, "records is not an object"));
    };
    const KNOWN: [&str; 5] = [
        "answers",
        "saved",
        "training_events",
        "settings",
        "learning_record",
    ];
    if let Some(unknown) = map.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(bad(
            Section::Settings,
            0,
            format!("unknown section {}", clip(unknown)),
        ));
    }
    let answers: Vec<AnswerRecord> = section(&mut map, "answers", Section::Answers, MAX_ANSWERS)?;
    let saved: Vec<SavedProgramRecord> = section(&mut map, "saved", Section::Saved, MAX_SAVED)?;
    let training_events: Vec<TrainingEventRecord> = section(
        &mut map,
        "training_events",
        Section::TrainingEvents,
        MAX_TRAINING_EVENTS,
    )?;
    let settings: Vec<SettingRecord> =
        section(&mut map, "settings", Section::Settings, MAX_SETTINGS)?;
    let learning_record = match map.remove("learning_record") {
        None | Some(Value::Null) => None,
        Some(v @ Value::Object(_)) => Some(v),
        Some(_) => return Err(bad(Section::LearningRecord, 0, "not an object")),
    };
    let records = Records {
        answers,
        saved,
        training_events,
        settings,
        learning_record,
    };
    validate(&records)?;
    if let Some(record) = &records.learning_record {
        learning_record::check_backup_record(record, &records)
            .map_err(|(index, problem)| bad(Section::LearningRecord, index, problem))?;
    }
    Ok(records)
}

fn section<T: serde::de::DeserializeOwned>(
    map: &mut serde_json::Map<String, Value>,
    key: &str,
    which: Section,
    max: usize,
) -> Result<Vec<T>, BackupError> {
    let items = match map.remove(key) {
        Some(Value::Array(items)) => items,
        Some(_) => return Err(bad(which, 0, "not a list")),
        None => return Err(bad(which, 0, "section missing")),
    };
    if items.len() > max {
        return Err(bad(which, max, format!("more than {max} records")));
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            serde_json::from_value(item).map_err(|e| bad(which, i, clip(&e.to_string())))
        })
        .collect()
}
