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
//!
//! The parts: [`crate::records`] (the record types and their bounds, shared with the learning record),
//! `validate` (those bounds over a whole set), `canonical` (the checksummed form), `export`, `import`
//! (`parse`), `holdings` (what the restore question counts) and `error` (why a file was refused).

mod canonical;
mod error;
mod export;
mod holdings;
mod import;
mod validate;

pub use crate::records::{
    check_id, check_time, check_value, AnswerRecord, Records, SavedProgramRecord, SettingRecord,
    TrainingEventRecord, MAX_ANSWERS, MAX_ID_CHARS, MAX_SAVED, MAX_SETTINGS, MAX_TEXT_CHARS,
    MAX_TICKED_DOCUMENTS, MAX_TIMESTAMP_MS, MAX_TRAINING_EVENTS, MAX_VALUE_DEPTH,
    MAX_VALUE_ENTRIES,
};
pub use canonical::{canonical_json, records_checksum};
pub use error::{BackupError, Section};
pub use export::export;
pub use holdings::Holdings;
pub use import::parse;
pub use validate::validate;

use serde::Deserialize;
use serde_json::Value;

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

#[cfg(test)]
mod tests;
