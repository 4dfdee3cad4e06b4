//! The learning record: xAPI-style statements derived from the training log, for the backup and a standalone
//! download.
//!
//! - Actor: an account on this device (`homePage` `urn:leye:device`, `name` a local id, see [`learner_id`]).
//!   Nothing identifies the person unless they share the file.
//! - Verbs: ADL / Tin Can registry IRIs (registered, completed, experienced, attended, passed, earned).
//! - Objects: `urn:leye:course:<id>` and `.../module:<id>`, `.../milestone:<id>`, `.../certificate:<number>`.
//! - Timestamps: events are civil dates; a date is written as its start in China Standard Time (+08:00).
//! - Statement ids: UUIDs derived from the event id (SHA-256, version 8), so re-exporting gives the same ids.
//! - Left out on purpose: notes (private), scheduled sessions and subsidy claims (not learning), undone events.
//!
//! The record is derived data: the training events are the one source of truth. A backup carries the record
//! so the file is useful on its own ([`for_backup`]); an import checks that it describes the file's own events
//! ([`check_backup_record`]) and then drops it, because the app derives it again from the imported events.

use crate::date::Date;
use crate::records::{self, Records, TrainingEventRecord};
use crate::training::{progress, CourseCatalog, Event, EventKind, TrainingLog};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

// The statements themselves, and the check a backup's record passes.
mod check;
mod statements;

pub use check::check_backup_record;
pub use statements::statements;

pub const FORMAT: &str = "leye-learning-record";
pub const VERSION: u32 = 1;
const HOME_PAGE: &str = "urn:leye:device";
/// Settings key of a learner id an earlier version of the app stored; honoured so that device's record keeps
/// its actor. Nothing writes it any more: the id is derived (see [`learner_id`]).
pub const LEARNER_ID_SETTING: &str = "training.learner_id";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    #[serde(rename = "homePage")]
    pub home_page: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    #[serde(rename = "objectType")]
    pub object_type: String,
    pub account: Account,
}

/// Language map, xAPI style: {"zh-CN": "...", "en-US": "..."}.
pub type LanguageMap = BTreeMap<String, String>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verb {
    pub id: String,
    pub display: LanguageMap,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityDefinition {
    pub name: LanguageMap,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    #[serde(rename = "objectType")]
    pub object_type: String,
    pub id: String,
    pub definition: ActivityDefinition,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// ISO 8601 duration, e.g. "PT1H30M".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub actor: Actor,
    pub verb: Verb,
    pub object: Activity,
    pub timestamp: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<StatementResult>,
}

/// The standalone download: the statements with a small header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningRecord {
    pub format: String,
    pub version: u32,
    pub generated_on: Date,
    pub statements: Vec<Statement>,
}

impl LearningRecord {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the record has only strings, numbers and maps")
    }
}

fn lang_map(zh: &str, en: &str) -> LanguageMap {
    BTreeMap::from([
        ("zh-CN".to_string(), zh.to_string()),
        ("en-US".to_string(), en.to_string()),
    ])
}

fn verb(id: &str, zh: &str, en: &str) -> Verb {
    Verb {
        id: id.to_string(),
        display: lang_map(zh, en),
    }
}

/// Percent-encodes everything outside RFC 3986 unreserved characters, so any id is a valid IRI segment.
fn segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A name-based UUID (version 8, RFC 9562) from SHA-256 of `name`.
fn uuid_from(name: &str) -> String {
    let d = Sha256::digest(name.as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut h = String::with_capacity(32);
    for x in b {
        let _ = write!(h, "{x:02x}");
    }
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

fn timestamp(d: Date) -> String {
    format!("{d}T00:00:00+08:00")
}

fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// The standalone download for `today`.
pub fn learning_record(
    log: &TrainingLog,
    catalog: &CourseCatalog,
    local_id: &str,
    today: Date,
) -> LearningRecord {
    LearningRecord {
        format: FORMAT.into(),
        version: VERSION,
        generated_on: today,
        statements: statements(log, catalog, local_id),
    }
}

/// The actor's local id for a set of stored training events: an id stored by an earlier version if there is
/// one, else one derived from the first recorded event (earliest `recorded_at_ms`, ties by event id). Events
/// are append-only, so the id is the same in every export and survives a backup and restore without being
/// stored anywhere; it changes only when the log is erased. `None` when there is nothing to describe.
pub fn learner_id(events: &[TrainingEventRecord], stored: Option<&Value>) -> Option<String> {
    if let Some(Value::String(id)) = stored {
        if records::check_id(id).is_ok() {
            return Some(id.clone());
        }
    }
    let first = events
        .iter()
        .min_by(|a, b| (a.recorded_at_ms, &a.event_id).cmp(&(b.recorded_at_ms, &b.event_id)))?;
    Some(format!(
        "learner-{}",
        uuid_from(&format!("leye-learner:{}", first.event_id))
    ))
}

/// The learning record of stored training events for `today`: `None` when there are no events. Events that do
/// not parse (a damaged record) are left out, as the 培训 screen leaves them out.
pub fn from_stored(
    events: &[TrainingEventRecord],
    stored_learner_id: Option<&Value>,
    catalog: &CourseCatalog,
    today: Date,
) -> Option<LearningRecord> {
    let id = learner_id(events, stored_learner_id)?;
    let log = TrainingLog::from_events(
        events
            .iter()
            .filter_map(|r| serde_json::from_value::<Event>(r.event.clone()).ok()),
    );
    Some(learning_record(&log, catalog, &id, today))
}

fn stored_learner_id(records: &Records) -> Option<&Value> {
    records
        .settings
        .iter()
        .find(|s| s.key == LEARNER_ID_SETTING)
        .map(|s| &s.value)
}

/// The learning record a backup of `records` carries, derived from the same snapshot so the two always agree.
pub fn for_backup(
    records: &Records,
    catalog: &CourseCatalog,
    today: Date,
) -> Option<LearningRecord> {
    from_stored(
        &records.training_events,
        stored_learner_id(records),
        catalog,
        today,
    )
}
