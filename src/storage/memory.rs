//! The in-memory backend: same records as the IndexedDB stores, kept while the page lives.
//! Used when IndexedDB is unavailable (private mode, blocked); the UI then shows "数据不会被保存".

use super::{CatalogPackRecord, CatalogStatus, UndoRecord};
use leye_core::backup::{AnswerRecord, SavedProgramRecord, TrainingEventRecord};
use serde_json::Value;
use std::collections::BTreeMap;

/// One map per store, keyed like the store, so iteration order matches IndexedDB's key order.
#[derive(Default)]
pub(super) struct Memory {
    pub answers: BTreeMap<String, AnswerRecord>,
    pub saved: BTreeMap<String, SavedProgramRecord>,
    pub events: BTreeMap<String, TrainingEventRecord>,
    pub settings: BTreeMap<String, Value>,
    pub catalog_pack: Option<CatalogPackRecord>,
    pub catalog_status: CatalogStatus,
    pub before_restore: Option<UndoRecord>,
}
