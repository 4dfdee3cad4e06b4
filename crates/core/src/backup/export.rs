//! Writing the backup file.

use super::canonical::{canonical_json, push_json_string};
use super::{BACKUP_FORMAT, BACKUP_SCHEMA_VERSION, MAX_BACKUP_BYTES};
use crate::digest::sha256_hex;
use crate::records::Records;
use serde_json::Value;

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
pub(super) fn export_payload(payload: &Value, exported_at: &str) -> String {
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
    let sha256 = sha256_hex(&out[records_at..]);
    out.replace_range(sha_at..sha_at + 64, &sha256);
    out.push('}');
    out
}
