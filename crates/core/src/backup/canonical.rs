//! The canonical JSON the backup's checksum covers: keys sorted, no whitespace.

use serde_json::Value;

/// Writes `value` in canonical form: object keys sorted by their UTF-16-independent byte order,
/// no whitespace, strings escaped as serde_json does.
pub fn canonical_json(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            crate::order::sort(&mut keys);
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

pub(super) fn push_json_string(s: &str, out: &mut String) {
    out.push_str(&serde_json::to_string(s).expect("a string serialises to JSON"));
}

/// Hex sha256 of the canonical form of a records payload.
pub fn records_checksum(records: &Value) -> String {
    let mut canonical = String::new();
    canonical_json(records, &mut canonical);
    crate::digest::sha256_hex(&canonical)
}
