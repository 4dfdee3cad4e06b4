//! The records a person's data is stored as (answers, saved programs, training events, settings), with
//! the bounds every stored record meets. Below both the backup file and the learning record, which
//! read and check them: neither needs the other to know what a record is.

use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    /// The learning record (`crate::learning_record`) derived from the training events, included
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
    pub(crate) fn into_value(self) -> Value {
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
pub(crate) fn clip(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_control()).take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}
