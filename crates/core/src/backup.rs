//! The backup file: what the user's data looks like on disk, and the checks an imported file must pass.
//!
//! Pure (no browser types) so every bad-file case is tested natively. `storage` reads its stores into
//! [`Records`], calls [`export`] and offers the text as a download; on import it calls [`parse`] and
//! writes the result in one transaction only if *everything* here passed.
//!
//! Format (one JSON object):
//! `{"format":"leye-backup","schema_version":1,"exported_at":"2026-11-26T05:00:00.000Z",
//!   "sha256":"<hex of the canonical records payload>","records":{answers,saved,training_events,settings,learning_record?}}`
//!
//! The checksum covers the canonical form of `records` (object keys sorted, no whitespace), so it does
//! not depend on how a JSON library orders keys or spaces output.

use crate::learning_record;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// The `format` field every backup carries.
pub const BACKUP_FORMAT: &str = "leye-backup";
/// The backup format version this build writes and the newest it reads.
pub const BACKUP_SCHEMA_VERSION: u32 = 1;
/// The UTF-8 byte order mark some editors put in front of a file they save.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// Files over this are refused before parsing, bounding parse memory on a phone. 10,000 training
/// events with their learning record take about 8.2 MB (the record is three quarters of it);
/// [`export`] leaves the record out rather than write a file over this.
pub const MAX_BACKUP_BYTES: usize = 10 * 1024 * 1024;

/// Longest id (fact, program, course, event) or settings key, in characters.
pub const MAX_ID_CHARS: usize = 128;
/// Longest string anywhere inside a stored JSON value, in characters.
pub const MAX_TEXT_CHARS: usize = 4_000;
/// Deepest nesting of a stored JSON value.
pub const MAX_VALUE_DEPTH: usize = 8;
/// Most entries in one JSON array or object inside a stored value.
pub const MAX_VALUE_ENTRIES: usize = 500;
/// Most ticked document indexes on one saved program.
pub const MAX_TICKED_DOCUMENTS: usize = 100;
/// Record count limits per store (far above real use; they bound memory on import).
pub const MAX_ANSWERS: usize = 2_000;
pub const MAX_SAVED: usize = 2_000;
pub const MAX_TRAINING_EVENTS: usize = 50_000;
pub const MAX_SETTINGS: usize = 200;
/// Timestamps are milliseconds since 1970; anything after the year 3000 is a corrupt file.
pub const MAX_TIMESTAMP_MS: i64 = 32_503_680_000_000;

/// One answer the person gave: fact id → JSON value (the facts engine owns the value's meaning).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRecord {
    pub fact_id: String,
    pub value: Value,
    pub updated_at_ms: i64,
}

/// A program the person saved, with the indexes of the documents they ticked as ready.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedProgramRecord {
    pub program_id: String,
    pub saved_at_ms: i64,
    /// Sorted, no duplicates.
    pub ticked_documents: Vec<u32>,
}

/// One append-only training event (hours logged, module done, certificate…). `event` is the training
/// module's own serde type as JSON; storage only needs the id and course id around it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingEventRecord {
    pub event_id: String,
    pub course_id: String,
    pub recorded_at_ms: i64,
    pub event: Value,
}

/// One setting, e.g. `lang` → `"zh"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingRecord {
    pub key: String,
    pub value: Value,
}

/// Everything the person entered: what a backup carries and an import replaces.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    pub answers: Vec<AnswerRecord>,
    pub saved: Vec<SavedProgramRecord>,
    pub training_events: Vec<TrainingEventRecord>,
    pub settings: Vec<SettingRecord>,
    /// The learning record (`domain::learning_record`) derived from the training events, included
    /// so the file is useful on its own. Derived data: an import checks that it describes these
    /// events ([`learning_record::check_backup_record`]) but never stores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_record: Option<Value>,
}

impl Records {
    /// Total number of records, for the "imported N records" message.
    pub fn len(&self) -> usize {
        self.answers.len()
            + self.saved.len()
            + self.training_events.len()
            + self.settings.len()
            + usize::from(self.learning_record.is_some())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The same JSON as `serde_json::to_value(&self)`, but the training events' JSON is moved, not
    /// copied: with a long log, a second copy of every event was most of an export's memory.
    fn into_value(self) -> Value {
        let plain = |v: Result<Value, serde_json::Error>| v.expect("records serialise to JSON");
        let mut map = serde_json::Map::new();
        map.insert("answers".into(), plain(serde_json::to_value(&self.answers)));
        map.insert("saved".into(), plain(serde_json::to_value(&self.saved)));
        let events = self.training_events.into_iter().map(|r| {
            let mut event = serde_json::Map::new();
            event.insert("event_id".into(), Value::String(r.event_id));
            event.insert("course_id".into(), Value::String(r.course_id));
            event.insert("recorded_at_ms".into(), Value::from(r.recorded_at_ms));
            event.insert("event".into(), r.event);
            Value::Object(event)
        });
        map.insert("training_events".into(), Value::Array(events.collect()));
        map.insert(
            "settings".into(),
            plain(serde_json::to_value(&self.settings)),
        );
        if let Some(record) = self.learning_record {
            map.insert("learning_record".into(), record);
        }
        Value::Object(map)
    }
}

/// What a set of records holds, in the terms a person recognises: what the restore question shows for
/// the file and for the phone side by side, so nobody replaces a course, its hours or a certificate
/// without seeing it first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Holdings {
    pub answers: usize,
    pub saved: usize,
    /// Courses enrolled in (an undone enrolment does not count).
    pub courses: usize,
    /// Minutes of study logged, undone entries left out.
    pub minutes: u64,
    pub certificates: usize,
    /// Every stored record, settings included: zero means there is nothing to replace.
    pub records: usize,
}

impl Holdings {
    /// Counts `records`; a training event this build cannot read still counts as a record.
    pub fn of(records: &Records) -> Holdings {
        use crate::training::{Event, EventKind, TrainingLog};
        let log = TrainingLog::from_events(
            records
                .training_events
                .iter()
                .filter_map(|r| serde_json::from_value::<Event>(r.event.clone()).ok()),
        );
        let mut courses = HashSet::new();
        let mut minutes = 0u64;
        let mut certificates = 0;
        for e in log.effective() {
            match &e.what {
                EventKind::Enrolled { .. } => {
                    if let Some(c) = &e.course {
                        courses.insert(c.clone());
                    }
                }
                EventKind::HoursStudied { minutes: m } => minutes += u64::from(*m),
                EventKind::CertificateAdded { .. } => certificates += 1,
                _ => {}
            }
        }
        Holdings {
            answers: records.answers.len(),
            saved: records.saved.len(),
            courses: courses.len(),
            minutes,
            certificates,
            records: records.answers.len()
                + records.saved.len()
                + records.training_events.len()
                + records.settings.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.records == 0
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BackupIn {
    format: Value,
    schema_version: Value,
    exported_at: String,
    sha256: String,
    records: Value,
}

/// A backup that passed every check: safe to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub schema_version: u32,
    pub exported_at: String,
    pub records: Records,
}

/// Which store a bad record was found in (for the refusal message).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Answers,
    Saved,
    TrainingEvents,
    Settings,
    LearningRecord,
}

/// Why a backup file was refused. Every refusal happens before anything is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Over [`MAX_BACKUP_BYTES`]; not even parsed.
    TooLarge { bytes: usize },
    /// Not valid UTF-8 JSON, or cut off part way (an interrupted download or copy).
    NotJson,
    /// JSON, but not a 乐业通 backup (another app's file, or a document of another kind).
    WrongFormat,
    /// Written by a newer format version this build cannot read.
    UnsupportedVersion { found: String },
    /// A format version no LeYe ever wrote (0, negative, a fraction, text): the file was made or edited
    /// by something else.
    UnknownVersion { found: String },
    /// The records do not match their checksum: the file was edited or damaged.
    ChecksumMismatch,
    /// A record has the wrong shape, an over-long string or an impossible value.
    BadRecord {
        section: Section,
        index: usize,
        problem: String,
    },
}

/// Writes `value` in canonical form: object keys sorted by their UTF-16-independent byte order,
/// no whitespace, strings escaped as serde_json does.
pub fn canonical_json(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_string(key, out);
                out.push(':');
                canonical_json(&map[key.as_str()], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical_json(item, out);
            }
            out.push(']');
        }
        Value::String(s) => push_json_string(s, out),
        // Null, bools and numbers have one serde_json spelling.
        other => out.push_str(&other.to_string()),
    }
}

fn push_json_string(s: &str, out: &mut String) {
    out.push_str(&serde_json::to_string(s).expect("a string serialises to JSON"));
}

/// Hex sha256 of the canonical form of a records payload.
pub fn records_checksum(records: &Value) -> String {
    let mut canonical = String::new();
    canonical_json(records, &mut canonical);
    hex_sha256(&canonical)
}

fn hex_sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Builds the backup file text. `exported_at` is the caller's clock (ISO 8601), injected for tests.
///
/// A file this writes always imports again: if the learning record would take it over
/// [`MAX_BACKUP_BYTES`] (about 12,000 training events), the file is written without the record,
/// which is derived data the 培训 screen still downloads on its own.
pub fn export(records: Records, exported_at: &str) -> String {
    let with_learning_record = records.learning_record.is_some();
    let mut payload = records.into_value();
    let text = export_payload(&payload, exported_at);
    if text.len() > MAX_BACKUP_BYTES && with_learning_record {
        drop(text);
        if let Value::Object(map) = &mut payload {
            map.remove("learning_record");
        }
        return export_payload(&payload, exported_at);
    }
    text
}

/// The file is written in one string: the records in their canonical form (which is what the checksum
/// covers, and valid JSON), preceded by the header whose checksum is filled in once they are written.
fn export_payload(payload: &Value, exported_at: &str) -> String {
    const HEADER_END: &str = "\",\"records\":";
    let mut out = String::new();
    out.push_str("{\"format\":");
    push_json_string(BACKUP_FORMAT, &mut out);
    out.push_str(&format!(
        ",\"schema_version\":{BACKUP_SCHEMA_VERSION},\"exported_at\":"
    ));
    push_json_string(exported_at, &mut out);
    out.push_str(",\"sha256\":\"");
    let sha_at = out.len();
    out.push_str(&"0".repeat(64));
    out.push_str(HEADER_END);
    let records_at = out.len();
    canonical_json(payload, &mut out);
    let sha256 = hex_sha256(&out[records_at..]);
    out.replace_range(sha_at..sha_at + 64, &sha256);
    out.push('}');
    out
}

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

fn bad(section: Section, index: usize, problem: impl Into<String>) -> BackupError {
    BackupError::BadRecord {
        section,
        index,
        problem: problem.into(),
    }
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

/// Checks every bound a record must meet. Storage also runs this before writing user input,
/// so the database never holds a record a backup of it would refuse.
pub fn validate(records: &Records) -> Result<(), BackupError> {
    let mut seen = HashSet::new();
    for (i, a) in records.answers.iter().enumerate() {
        let at = |p: String| bad(Section::Answers, i, p);
        check_id(&a.fact_id).map_err(at)?;
        check_value(&a.value, 0).map_err(at)?;
        check_time(a.updated_at_ms).map_err(at)?;
        if !seen.insert(a.fact_id.as_str()) {
            return Err(at(format!("duplicate id {}", clip(&a.fact_id))));
        }
    }
    seen.clear();
    for (i, s) in records.saved.iter().enumerate() {
        let at = |p: String| bad(Section::Saved, i, p);
        check_id(&s.program_id).map_err(at)?;
        check_time(s.saved_at_ms).map_err(at)?;
        if s.ticked_documents.len() > MAX_TICKED_DOCUMENTS {
            return Err(at(format!(
                "more than {MAX_TICKED_DOCUMENTS} ticked documents"
            )));
        }
        if s.ticked_documents.windows(2).any(|w| w[0] >= w[1]) {
            return Err(at("ticked documents not sorted and unique".into()));
        }
        if !seen.insert(s.program_id.as_str()) {
            return Err(at(format!("duplicate id {}", clip(&s.program_id))));
        }
    }
    seen.clear();
    for (i, e) in records.training_events.iter().enumerate() {
        let at = |p: String| bad(Section::TrainingEvents, i, p);
        check_id(&e.event_id).map_err(at)?;
        check_id(&e.course_id).map_err(at)?;
        check_time(e.recorded_at_ms).map_err(at)?;
        check_value(&e.event, 0).map_err(at)?;
        if !seen.insert(e.event_id.as_str()) {
            return Err(at(format!("duplicate id {}", clip(&e.event_id))));
        }
    }
    seen.clear();
    for (i, s) in records.settings.iter().enumerate() {
        let at = |p: String| bad(Section::Settings, i, p);
        check_id(&s.key).map_err(at)?;
        check_value(&s.value, 0).map_err(at)?;
        if !seen.insert(s.key.as_str()) {
            return Err(at(format!("duplicate key {}", clip(&s.key))));
        }
    }
    // The learning record is never stored (it is re-derived from the events): `parse` checks it
    // against the events, statement by statement, and the file limit bounds its size.
    Ok(())
}

/// Ids are data, never markup, so any printable text is fine; only length and control characters
/// (which could hide text or break a line-oriented log) are refused.
pub fn check_id(id: &str) -> Result<(), String> {
    let chars = id.chars().count();
    if chars == 0 {
        return Err("empty id".into());
    }
    if chars > MAX_ID_CHARS {
        return Err(format!("id longer than {MAX_ID_CHARS} characters"));
    }
    if id.chars().any(char::is_control) {
        return Err("id contains control characters".into());
    }
    Ok(())
}

/// Bounds a JSON value: depth, entries, string length. Content is otherwise free.
pub fn check_value(value: &Value, depth: usize) -> Result<(), String> {
    if depth > MAX_VALUE_DEPTH {
        return Err(format!("nested deeper than {MAX_VALUE_DEPTH} levels"));
    }
    match value {
        Value::String(s) => check_text(s),
        Value::Array(items) => {
            if items.len() > MAX_VALUE_ENTRIES {
                return Err(format!("more than {MAX_VALUE_ENTRIES} entries"));
            }
            items.iter().try_for_each(|v| check_value(v, depth + 1))
        }
        Value::Object(map) => {
            if map.len() > MAX_VALUE_ENTRIES {
                return Err(format!("more than {MAX_VALUE_ENTRIES} entries"));
            }
            map.iter().try_for_each(|(k, v)| {
                check_text(k)?;
                check_value(v, depth + 1)
            })
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => Ok(()),
    }
}

fn check_text(s: &str) -> Result<(), String> {
    // Byte length bounds the char count from above: skip counting short strings.
    if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
        return Err(format!("text longer than {MAX_TEXT_CHARS} characters"));
    }
    Ok(())
}

/// Timestamps are milliseconds since 1970 and before the year 3000.
pub fn check_time(ms: i64) -> Result<(), String> {
    if !(0..=MAX_TIMESTAMP_MS).contains(&ms) {
        return Err(format!("impossible time {ms}"));
    }
    Ok(())
}

/// Shortens text quoted back in an error message (it may be hostile or huge).
fn clip(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_control()).take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use serde_json::json;

    fn sample() -> Records {
        Records {
            answers: vec![
                AnswerRecord {
                    fact_id: "age".into(),
                    value: json!(34),
                    updated_at_ms: 1_764_000_000_000,
                },
                AnswerRecord {
                    fact_id: "hukou".into(),
                    value: json!({"city": "枣庄", "district": "薛城区"}),
                    updated_at_ms: 1_764_000_000_500,
                },
            ],
            saved: vec![SavedProgramRecord {
                program_id: "startup-loan".into(),
                saved_at_ms: 1_764_000_001_000,
                ticked_documents: vec![0, 2],
            }],
            training_events: vec![TrainingEventRecord {
                event_id: "e1".into(),
                course_id: "ride-hailing-safety".into(),
                recorded_at_ms: 1_764_000_002_000,
                event: json!({"kind": "hours", "hours": 4}),
            }],
            settings: vec![SettingRecord {
                key: "lang".into(),
                value: json!("zh"),
            }],
            learning_record: None,
        }
    }

    const AT: &str = "2026-11-26T05:00:00.000Z";

    /// Re-signs an edited document so a test reaches the check after the checksum.
    fn resign(mut doc: Value) -> Vec<u8> {
        let sum = records_checksum(&doc["records"]);
        doc["sha256"] = Value::String(sum);
        serde_json::to_vec(&doc).unwrap()
    }

    #[test]
    fn round_trip_keeps_every_record() {
        let records = sample();
        let text = export(records.clone(), AT);
        let backup = parse(text.as_bytes()).unwrap();
        assert_eq!(backup.records, records);
        assert_eq!(backup.exported_at, AT);
        assert_eq!(backup.schema_version, BACKUP_SCHEMA_VERSION);
        assert_eq!(backup.records.len(), 5);
    }

    // ---- the learning record inside a backup ----

    use crate::date::Date;
    use crate::learning_record::{self as lr, LearningRecord};
    use crate::training::{Certificate, CertificateLevel, CourseCatalog, Event, EventKind};

    const COURSE: &str = "internet-plus-skills";

    fn today() -> Date {
        Date::ymd(2026, 11, 26)
    }

    /// A trainee's stored events as the 培训 screen writes them: enrolled, two study days, a certificate.
    fn trainee_events(prefix: &str) -> Vec<TrainingEventRecord> {
        let d = |day| Date::ymd(2026, 11, day);
        let events = [
            Event::new(
                format!("{prefix}-1"),
                d(2),
                Some(COURSE),
                EventKind::Enrolled { target: None },
            ),
            Event::new(
                format!("{prefix}-2"),
                d(3),
                Some(COURSE),
                EventKind::HoursStudied { minutes: 90 },
            ),
            Event::new(
                format!("{prefix}-3"),
                d(4),
                Some(COURSE),
                EventKind::HoursStudied { minutes: 120 },
            ),
            Event::new(
                format!("{prefix}-4"),
                d(20),
                None,
                EventKind::CertificateAdded {
                    certificate: Certificate {
                        name: "中式烹调师<b>".into(),
                        level: Some(CertificateLevel::Intermediate),
                        number: "ZZ-1".into(),
                        issued_on: d(20),
                    },
                },
            ),
        ];
        events
            .into_iter()
            .enumerate()
            .map(|(i, e)| TrainingEventRecord {
                event_id: e.id.0.clone(),
                course_id: e.course.as_ref().map_or("_".into(), |c| c.0.clone()),
                recorded_at_ms: 1_764_000_000_000 + i as i64,
                event: serde_json::to_value(&e).unwrap(),
            })
            .collect()
    }

    /// `sample()` with real training events and the learning record derived from them.
    fn with_record() -> Records {
        let mut records = sample();
        records.training_events = trainee_events("ev");
        let record = lr::for_backup(&records, CourseCatalog::builtin(), today()).unwrap();
        records.learning_record = Some(serde_json::to_value(record).unwrap());
        records
    }

    fn statements(records: &Records) -> &Vec<Value> {
        records.learning_record.as_ref().unwrap()["statements"]
            .as_array()
            .unwrap()
    }

    #[test]
    fn a_learning_record_derived_from_the_events_round_trips() {
        let records = with_record();
        let verbs: Vec<&str> = statements(&records)
            .iter()
            .map(|s| {
                s["verb"]["id"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
            })
            .collect();
        assert_eq!(
            verbs,
            ["registered", "experienced", "experienced", "earned"]
        );
        let backup = parse(export(records.clone(), AT).as_bytes()).unwrap();
        assert_eq!(backup.records, records);
        assert_eq!(
            backup.records.len(),
            9,
            "4 + 1 + 2 + 1 records and the learning record"
        );
        // Derived again from the imported events, it is the same record: nothing is lost by not storing it.
        let again = lr::for_backup(&backup.records, CourseCatalog::builtin(), today()).unwrap();
        assert_eq!(
            Some(serde_json::to_value(again).unwrap()),
            records.learning_record
        );
    }

    #[test]
    fn no_events_no_learning_record() {
        let mut records = sample();
        records.training_events.clear();
        assert_eq!(
            lr::for_backup(&records, CourseCatalog::builtin(), today()),
            None
        );
    }

    #[test]
    fn the_learner_id_is_stable_without_being_stored() {
        let records = with_record();
        let id = lr::learner_id(&records.training_events, None).unwrap();
        assert!(id.starts_with("learner-"), "{id}");
        // Storage order does not matter; the first recorded event does.
        let mut shuffled = records.training_events.clone();
        shuffled.reverse();
        assert_eq!(lr::learner_id(&shuffled, None).as_ref(), Some(&id));
        shuffled.push(TrainingEventRecord {
            event_id: "a-later-event".into(),
            recorded_at_ms: 1_764_100_000_000,
            ..shuffled[0].clone()
        });
        assert_eq!(lr::learner_id(&shuffled, None).as_ref(), Some(&id));
        // Another person's log, another id; an id stored by an earlier version is kept.
        assert_ne!(
            lr::learner_id(&trainee_events("other"), None).as_ref(),
            Some(&id)
        );
        let stored = json!("learner-kept");
        assert_eq!(
            lr::learner_id(&records.training_events, Some(&stored)).as_deref(),
            Some("learner-kept")
        );
        assert_eq!(lr::learner_id(&[], None), None);
    }

    #[test]
    fn a_stored_learner_id_travels_in_the_settings_and_names_the_actor() {
        let mut records = sample();
        records.training_events = trainee_events("ev");
        records.settings.push(SettingRecord {
            key: lr::LEARNER_ID_SETTING.into(),
            value: json!("learner-from-v1"),
        });
        let record = lr::for_backup(&records, CourseCatalog::builtin(), today()).unwrap();
        assert!(record
            .statements
            .iter()
            .all(|s| s.actor.account.name == "learner-from-v1"));
        records.learning_record = Some(serde_json::to_value(record).unwrap());
        assert!(parse(export(records, AT).as_bytes()).is_ok());
    }

    /// Parses `records` after `edit` changed their learning record; the refusal's problem if refused.
    fn refusal(edit: impl FnOnce(&mut Records)) -> String {
        let mut records = with_record();
        edit(&mut records);
        match parse(export(records, AT).as_bytes()) {
            Err(BackupError::BadRecord {
                section: Section::LearningRecord,
                problem,
                ..
            }) => problem,
            other => panic!("expected a learning record refusal, got {other:?}"),
        }
    }

    #[test]
    fn refuses_a_learning_record_that_does_not_describe_these_events() {
        // Another person's record pasted into this backup.
        let theirs = {
            let mut r = sample();
            r.training_events = trainee_events("other");
            lr::for_backup(&r, CourseCatalog::builtin(), today()).unwrap()
        };
        let p = refusal(|r| r.learning_record = Some(serde_json::to_value(&theirs).unwrap()));
        assert!(p.contains("not in this backup"), "{p}");
        // The events were removed but their statements kept.
        let p = refusal(|r| r.training_events.truncate(1));
        assert!(p.contains("not in this backup"), "{p}");
        // A statement repeated.
        let p = refusal(|r| {
            let lr = r.learning_record.as_mut().unwrap();
            let first = lr["statements"][0].clone();
            lr["statements"].as_array_mut().unwrap().push(first);
        });
        assert!(p.contains("duplicate"), "{p}");
        // Made in someone else's name.
        let p = refusal(|r| {
            r.learning_record.as_mut().unwrap()["statements"][1]["actor"]["account"]["name"] =
                json!("learner-somebody-else");
        });
        assert!(p.contains("another learner"), "{p}");
    }

    #[test]
    fn refuses_a_learning_record_of_the_wrong_shape() {
        type Edit = Box<dyn Fn(&mut Value)>;
        let cases: Vec<(&str, Edit)> = vec![
            ("a string", Box::new(|v| *v = json!("x"))),
            (
                "another format",
                Box::new(|v| v["format"] = json!("xapi-dump")),
            ),
            (
                "a newer version",
                Box::new(|v| v["version"] = json!(lr::VERSION + 1)),
            ),
            ("no statements", Box::new(|v| v["statements"] = json!({}))),
            (
                "a bad date",
                Box::new(|v| v["generated_on"] = json!("2026-13-40")),
            ),
            (
                "an extra field",
                Box::new(|v| v["script"] = json!("<script>")),
            ),
            (
                "a statement without a verb",
                Box::new(|v| {
                    v["statements"][0].as_object_mut().unwrap().remove("verb");
                }),
            ),
            (
                "a hostile, over-long name",
                Box::new(|v| {
                    v["statements"][0]["object"]["definition"]["name"]["zh-CN"] =
                        json!("<img src=x onerror=alert(1)>".repeat(500));
                }),
            ),
            (
                "nested too deep",
                Box::new(|v| {
                    v["statements"][0]["result"] =
                        (0..MAX_VALUE_DEPTH + 2).fold(json!(1), |v, _| json!([v]));
                }),
            ),
        ];
        for (what, edit) in cases {
            let mut records = with_record();
            edit(records.learning_record.as_mut().unwrap());
            let err = parse(export(records, AT).as_bytes()).unwrap_err();
            assert!(
                matches!(
                    err,
                    BackupError::BadRecord {
                        section: Section::LearningRecord,
                        ..
                    }
                ),
                "{what}: {err:?}"
            );
            assert!(err.message(Lang::Zh).contains("学习记录"), "{what}");
            assert!(err.message(Lang::Zh).contains("没有做任何更改"), "{what}");
        }
        // A hostile but bounded certificate name is data, as everywhere else.
        let records = with_record();
        assert!(
            statements(&records)[3]["object"]["definition"]["name"]["zh-CN"]
                .as_str()
                .unwrap()
                .contains("<b>")
        );
        assert!(parse(export(records, AT).as_bytes()).is_ok());
    }

    /// `sample()` with a log of `n` study days and its learning record.
    fn large(n: u64) -> Records {
        let mut records = sample();
        let start = Date::ymd(1990, 1, 1);
        records.training_events = (0..n)
            .map(|i| {
                let e = Event::new(
                    format!("{:011x}-{:010x}", 1_764_000_000_000u64 + i, i * 7919),
                    start.add_days(i as i64),
                    Some(COURSE),
                    if i == 0 {
                        EventKind::Enrolled { target: None }
                    } else {
                        EventKind::HoursStudied { minutes: 90 }
                    },
                );
                TrainingEventRecord {
                    event_id: e.id.0.clone(),
                    course_id: COURSE.into(),
                    recorded_at_ms: 1_764_000_000_000 + i as i64,
                    event: serde_json::to_value(&e).unwrap(),
                }
            })
            .collect();
        let record: LearningRecord =
            lr::for_backup(&records, CourseCatalog::builtin(), today()).unwrap();
        assert_eq!(record.statements.len() as u64, n);
        records.learning_record = Some(serde_json::to_value(record).unwrap());
        records
    }

    #[test]
    fn a_10000_event_log_with_its_learning_record_fits_the_import_limit() {
        let records = large(10_000);
        let text = export(records.clone(), AT);
        assert!(text.len() < MAX_BACKUP_BYTES, "{} bytes", text.len());
        assert_eq!(parse(text.as_bytes()).unwrap().records, records);
    }

    #[test]
    fn a_log_too_large_for_its_record_is_exported_without_it_and_still_imports() {
        let records = large(14_000);
        assert!(export_payload(&records.clone().into_value(), AT).len() > MAX_BACKUP_BYTES);
        let text = export(records.clone(), AT);
        let back = parse(text.as_bytes()).unwrap().records;
        assert_eq!(back.learning_record, None);
        assert_eq!(back.training_events, records.training_events);
    }

    #[test]
    fn records_moved_into_json_are_what_serde_makes_of_them() {
        for records in [sample(), large(3), Records::default()] {
            let expected = serde_json::to_value(&records).unwrap();
            assert_eq!(records.into_value(), expected);
        }
    }

    #[test]
    fn the_file_carries_the_records_in_canonical_form_under_their_checksum() {
        let records = large(5);
        let text = export(records, AT);
        let doc: Value = serde_json::from_str(&text).unwrap();
        let mut canonical = String::new();
        canonical_json(&doc["records"], &mut canonical);
        assert!(text.ends_with(&format!("\"records\":{canonical}}}")));
        assert_eq!(doc["sha256"], Value::String(hex_sha256(&canonical)));
        assert_eq!(doc["exported_at"], AT);
        assert_eq!(doc["format"], BACKUP_FORMAT);
        assert_eq!(doc["schema_version"], BACKUP_SCHEMA_VERSION);
    }

    #[test]
    fn checksum_ignores_key_order_and_whitespace() {
        let a: Value = serde_json::from_str(r#"{"b":1,"a":{"y":[1,2],"x":"枣"}}"#).unwrap();
        let b: Value =
            serde_json::from_str("{ \"a\" : { \"x\":\"枣\", \"y\": [1, 2] }, \"b\": 1 }").unwrap();
        assert_eq!(records_checksum(&a), records_checksum(&b));
        let mut s = String::new();
        canonical_json(&a, &mut s);
        assert_eq!(s, r#"{"a":{"x":"枣","y":[1,2]},"b":1}"#);
        // A pretty-printed export still verifies.
        let doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
        assert!(parse(serde_json::to_string_pretty(&doc).unwrap().as_bytes()).is_ok());
    }

    #[test]
    fn refuses_a_truncated_file() {
        let text = export(sample(), AT);
        for cut in [0, 1, text.len() / 2, text.len() - 1] {
            assert_eq!(
                parse(&text.as_bytes()[..cut]),
                Err(BackupError::NotJson),
                "cut at {cut}"
            );
        }
        assert_eq!(parse(&[0xff, 0xfe, b'{']), Err(BackupError::NotJson));
    }

    #[test]
    fn refuses_another_format() {
        for other in [
            r#"{"format":"other-app","schema_version":1}"#.to_string(),
            r#"{"name":"a package.json"}"#.to_string(),
            "[1,2,3]".to_string(),
            "\"leye-backup\"".to_string(),
            export(sample(), AT).replace("\"leye-backup\"", "\"leye-backup2\""),
        ] {
            assert_eq!(
                parse(other.as_bytes()),
                Err(BackupError::WrongFormat),
                "{other:.60}"
            );
        }
        // Right name, but extra top-level fields: not a file this app wrote.
        let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
        doc["script"] = json!("x");
        assert_eq!(
            parse(&serde_json::to_vec(&doc).unwrap()),
            Err(BackupError::WrongFormat)
        );
    }

    #[test]
    fn refuses_a_wrong_or_missing_version() {
        for v in [json!(2), json!(17)] {
            let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
            doc["schema_version"] = v.clone();
            let err = parse(&serde_json::to_vec(&doc).unwrap()).unwrap_err();
            assert!(
                matches!(err, BackupError::UnsupportedVersion { .. }),
                "{v}: {err:?}"
            );
            assert!(err.message(Lang::Zh).contains("更新版本"), "{v}");
        }
        // Versions no LeYe ever wrote are not blamed on a newer app.
        for v in [json!(0), json!(-1), json!("1"), json!(1.5), Value::Null] {
            let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
            doc["schema_version"] = v.clone();
            let err = parse(&serde_json::to_vec(&doc).unwrap()).unwrap_err();
            assert!(
                matches!(err, BackupError::UnknownVersion { .. }),
                "{v}: {err:?}"
            );
            let (zh, en) = (err.message(Lang::Zh), err.message(Lang::En));
            assert!(
                !zh.contains("更新版本") && !en.contains("newer"),
                "{zh} / {en}"
            );
        }
        let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
        doc.as_object_mut().unwrap().remove("schema_version");
        assert_eq!(
            parse(&serde_json::to_vec(&doc).unwrap()),
            Err(BackupError::WrongFormat)
        );
    }

    #[test]
    fn holdings_count_what_a_person_recognises() {
        let mut records = sample();
        assert_eq!(Holdings::of(&Records::default()), Holdings::default());
        assert!(Holdings::default().is_empty());
        let course = "internet-plus-skills";
        let event = |id: &str, what: Value| TrainingEventRecord {
            event_id: id.into(),
            course_id: course.into(),
            recorded_at_ms: 1,
            event: json!({"id": id, "on": "2026-11-20", "course": course, "what": what}),
        };
        records.training_events = vec![
            event("e1", json!({"type": "enrolled"})),
            event("e2", json!({"type": "hours_studied", "minutes": 120})),
            event("e3", json!({"type": "hours_studied", "minutes": 90})),
            event("e4", json!({"type": "undo", "target": "e3"})),
            event(
                "e5",
                json!({"type": "certificate_added", "certificate": {
                "name": "中式烹调师", "level": null, "number": "A1", "issued_on": "2026-11-20"}}),
            ),
            event("e6", json!({"type": "something_newer"})),
        ];
        let h = Holdings::of(&records);
        assert_eq!((h.courses, h.minutes, h.certificates), (1, 120, 1));
        assert_eq!(h.answers, records.answers.len());
        assert_eq!(h.saved, records.saved.len());
        assert_eq!(h.records, records.len());
        assert!(!h.is_empty());
    }

    #[test]
    fn a_file_saved_again_with_a_byte_order_mark_still_imports() {
        let text = export(sample(), AT);
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice(text.as_bytes());
        assert_eq!(parse(&bytes).unwrap().records, sample());
        // Only one mark, and only in front.
        let mut twice = UTF8_BOM.to_vec();
        twice.extend_from_slice(&bytes);
        assert_eq!(parse(&twice), Err(BackupError::NotJson));
    }

    #[test]
    fn refuses_a_wrong_checksum() {
        let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
        doc["records"]["answers"][0]["value"] = json!(35); // edited by hand
        assert_eq!(
            parse(&serde_json::to_vec(&doc).unwrap()),
            Err(BackupError::ChecksumMismatch)
        );
        let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
        doc["sha256"] = json!("not-hex");
        assert_eq!(
            parse(&serde_json::to_vec(&doc).unwrap()),
            Err(BackupError::ChecksumMismatch)
        );
        doc["sha256"] = json!("0".repeat(64));
        assert_eq!(
            parse(&serde_json::to_vec(&doc).unwrap()),
            Err(BackupError::ChecksumMismatch)
        );
    }

    #[test]
    fn refuses_a_50_mb_file_before_parsing() {
        // Not JSON at all: if it were parsed, the error would be NotJson, not TooLarge.
        let huge = vec![b'x'; 50 * 1024 * 1024];
        assert_eq!(
            parse(&huge),
            Err(BackupError::TooLarge { bytes: huge.len() })
        );
        let just_over = vec![b' '; MAX_BACKUP_BYTES + 1];
        assert!(matches!(
            parse(&just_over),
            Err(BackupError::TooLarge { .. })
        ));
        assert!(BackupError::TooLarge { bytes: huge.len() }
            .message(Lang::Zh)
            .contains("50 MB"));
    }

    #[test]
    fn hostile_strings_are_kept_as_data_when_bounded() {
        let mut records = sample();
        let hostile = "<script>alert(1)</script>\"; DROP TABLE answers; -- \u{202e} \u{200b}";
        records.answers[0].value = json!(hostile);
        records.saved[0].program_id = "<img src=x onerror=alert(1)>".into();
        let backup = parse(export(records, AT).as_bytes()).unwrap();
        assert_eq!(backup.records.answers[0].value, json!(hostile));
        assert_eq!(
            backup.records.saved[0].program_id,
            "<img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn refuses_hostile_strings_that_break_bounds() {
        let base: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
        let cases: Vec<(&str, Value, Section)> = vec![
            (
                "/answers/0/value",
                json!("x".repeat(MAX_TEXT_CHARS + 1)),
                Section::Answers,
            ),
            (
                "/answers/0/fact_id",
                json!("a".repeat(MAX_ID_CHARS + 1)),
                Section::Answers,
            ),
            ("/answers/0/fact_id", json!(""), Section::Answers),
            ("/answers/0/fact_id", json!("age\u{0}\n"), Section::Answers),
            ("/saved/0/program_id", json!("p\u{1b}[31m"), Section::Saved),
            (
                "/training_events/0/course_id",
                json!("c".repeat(10_000)),
                Section::TrainingEvents,
            ),
            ("/settings/0/key", json!("k\r"), Section::Settings),
            ("/answers/0/updated_at_ms", json!(-5), Section::Answers),
            (
                "/answers/0/updated_at_ms",
                json!(MAX_TIMESTAMP_MS + 1),
                Section::Answers,
            ),
            ("/saved/0/ticked_documents", json!([2, 0]), Section::Saved),
            ("/saved/0/ticked_documents", json!([-1]), Section::Saved),
            ("/answers/0/extra", json!(1), Section::Answers),
            (
                "/training_events/0/event",
                nested(MAX_VALUE_DEPTH + 2),
                Section::TrainingEvents,
            ),
            (
                "/settings/0/value",
                json!(vec![0; MAX_VALUE_ENTRIES + 1]),
                Section::Settings,
            ),
        ];
        for (path, value, section) in cases {
            let mut doc = base.clone();
            let (parent, key) = path.rsplit_once('/').unwrap();
            let slot = doc["records"].pointer_mut(parent).unwrap();
            match slot {
                Value::Object(map) => {
                    map.insert(key.into(), value);
                }
                Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
                _ => unreachable!(),
            }
            let err = parse(&resign(doc)).unwrap_err();
            match err {
                BackupError::BadRecord {
                    section: s,
                    index: 0,
                    ..
                } => assert_eq!(s, section, "{path}"),
                other => panic!("{path}: {other:?}"),
            }
        }
    }

    fn nested(depth: usize) -> Value {
        (0..depth).fold(json!(1), |v, _| json!([v]))
    }

    #[test]
    fn refuses_duplicates_and_missing_sections() {
        let mut records = sample();
        records.answers.push(records.answers[0].clone());
        let err = parse(export(records.clone(), AT).as_bytes()).unwrap_err();
        assert!(
            matches!(
                err,
                BackupError::BadRecord {
                    section: Section::Answers,
                    index: 2,
                    ..
                }
            ),
            "{err:?}"
        );

        let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
        doc["records"].as_object_mut().unwrap().remove("saved");
        assert!(matches!(
            parse(&resign(doc)),
            Err(BackupError::BadRecord {
                section: Section::Saved,
                ..
            })
        ));

        let mut doc: Value = serde_json::from_str(&export(sample(), AT)).unwrap();
        doc["records"]["learning_record"] = json!("x");
        assert!(matches!(
            parse(&resign(doc)),
            Err(BackupError::BadRecord {
                section: Section::LearningRecord,
                ..
            })
        ));
    }

    #[test]
    fn every_refusal_has_both_languages() {
        let errors = [
            BackupError::TooLarge {
                bytes: 6 * 1024 * 1024,
            },
            BackupError::NotJson,
            BackupError::WrongFormat,
            BackupError::UnsupportedVersion { found: "2".into() },
            BackupError::UnknownVersion { found: "0".into() },
            BackupError::ChecksumMismatch,
            BackupError::BadRecord {
                section: Section::Saved,
                index: 3,
                problem: "x".into(),
            },
        ];
        for e in errors {
            let (zh, en) = (e.message(Lang::Zh), e.message(Lang::En));
            assert!(zh.contains("没有做任何更改"), "{zh}");
            assert!(en.contains("Nothing was changed"), "{en}");
            assert_eq!(e.to_string(), en);
        }
    }
}
