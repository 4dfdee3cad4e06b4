//! The catalog pack: the whole catalog as one JSON file the app can download later
//! (`public/catalog/pack.json`), checked completely before it replaces the current catalog.
//!
//! ```json
//! { "format": "leye-catalog-pack", "format_version": 2, "version": "2026.11.1", "published": "2026-11-26",
//!   "sha256": "<hex of SHA-256 over canonical_json(payload)>", "payload": { "meta", "facts", "programs", "courses", "parameters", "sources" } }
//! ```
//! The canonical serialisation sorts object keys and has no whitespace, so the checksum does not depend on
//! how a JSON library orders or pretty-prints keys.

use super::catalog::{Catalog, CatalogIssue};
use super::date::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const PACK_FORMAT: &str = "leye-catalog-pack";
/// 2: the payload carries dated parameters and sources; rules and texts name them (catalog 2026.12).
pub const PACK_FORMAT_VERSION: u32 = 2;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Pack {
    pub format: String,
    pub format_version: u32,
    pub version: String,
    pub published: Date,
    pub sha256: String,
    pub payload: Value,
}

/// Why a downloaded pack was refused. The app keeps its current catalog in every case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not JSON, or not shaped like a pack.
    Malformed(String),
    /// Some other file (format name differs).
    WrongFormat(String),
    /// Made for a newer app version.
    UnsupportedVersion(u32),
    /// Damaged in transit or edited: the checksum does not match.
    Checksum,
    /// The envelope's version/date disagree with the payload's.
    MetaMismatch,
    /// The content fails the catalog checks.
    Invalid(Vec<CatalogIssue>),
}

/// JSON with object keys sorted and no whitespace.
pub fn canonical_json(v: &Value) -> String {
    let mut out = String::new();
    write_canonical(v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            crate::order::sort(&mut keys);
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_canonical(&m[k], out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(x, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Lowercase hex SHA-256 of the canonical serialisation.
pub fn checksum(payload: &Value) -> String {
    crate::digest::sha256_hex(&canonical_json(payload))
}

/// Builds the pack from a catalog document (as read from catalog/). Refuses a catalog that fails
/// validation, checked as of its own publication date.
pub fn build_pack(doc: &Value) -> Result<String, PackError> {
    let catalog = Catalog::from_document(doc);
    let issues = catalog.validate(catalog.published());
    if !issues.is_empty() {
        return Err(PackError::Invalid(issues));
    }
    let mut payload = serde_json::Map::new();
    for key in [
        "meta",
        "facts",
        "programs",
        "courses",
        "parameters",
        "sources",
    ] {
        payload.insert(
            key.into(),
            doc.get(key).cloned().unwrap_or(Value::Array(Vec::new())),
        );
    }
    let payload = Value::Object(payload);
    let pack = Pack {
        format: PACK_FORMAT.into(),
        format_version: PACK_FORMAT_VERSION,
        version: catalog.version().to_string(),
        published: catalog.published(),
        sha256: checksum(&payload),
        payload,
    };
    let mut text =
        serde_json::to_string_pretty(&pack).map_err(|e| PackError::Malformed(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

impl Catalog {
    /// Reads a downloaded pack: format, version, checksum, then the same validation as `catalog check`
    /// (as of the pack's publication date). Only a pack passing all of them becomes a catalog.
    pub fn from_pack_json(json: &str) -> Result<Catalog, PackError> {
        let pack: Pack =
            serde_json::from_str(json).map_err(|e| PackError::Malformed(e.to_string()))?;
        if pack.format != PACK_FORMAT {
            return Err(PackError::WrongFormat(pack.format));
        }
        if pack.format_version != PACK_FORMAT_VERSION {
            return Err(PackError::UnsupportedVersion(pack.format_version));
        }
        if checksum(&pack.payload) != pack.sha256.to_ascii_lowercase() {
            return Err(PackError::Checksum);
        }
        let catalog = Catalog::from_document(&pack.payload);
        if catalog.version() != pack.version || catalog.published() != pack.published {
            return Err(PackError::MetaMismatch);
        }
        let issues = catalog.validate(catalog.published());
        if !issues.is_empty() {
            return Err(PackError::Invalid(issues));
        }
        Ok(catalog)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn canonical_json_sorts_keys_at_every_level() {
        let v: Value =
            serde_json::from_str(r#"{"b":1,"a":{"y":[1,{"d":"x","c":null}],"x":"中"}}"#).unwrap();
        assert_eq!(
            canonical_json(&v),
            r#"{"a":{"x":"中","y":[1,{"c":null,"d":"x"}]},"b":1}"#
        );
        assert_eq!(checksum(&Value::Null).len(), 64);
    }

    #[test]
    fn damaged_packs_are_refused_with_a_message_for_the_person() {
        let e = Catalog::from_pack_json("not json").unwrap_err();
        assert!(matches!(e, PackError::Malformed(_)));
        let pack = serde_json::json!({"format":"leye-catalog-pack","format_version":PACK_FORMAT_VERSION,"version":"1",
            "published":"2026-11-26","sha256":"00","payload":{}});
        let e = Catalog::from_pack_json(&pack.to_string()).unwrap_err();
        assert_eq!(e, PackError::Checksum);
        assert_eq!(
            e.message(Lang::Zh),
            "更新包已损坏(校验失败),继续使用当前数据"
        );
        let mut other = pack.clone();
        other["format_version"] = (PACK_FORMAT_VERSION + 1).into();
        assert_eq!(
            Catalog::from_pack_json(&other.to_string()).unwrap_err(),
            PackError::UnsupportedVersion(PACK_FORMAT_VERSION + 1)
        );
    }

    #[test]
    fn a_pack_whose_envelope_disagrees_with_its_contents_says_so_not_damaged() {
        let doc = crate::catalog::CATALOG_JSON;
        let text = build_pack(&serde_json::from_str(doc).unwrap()).unwrap();
        let mut pack: Value = serde_json::from_str(&text).unwrap();
        pack["version"] = "9999.1.1".into(); // the envelope no longer matches payload.meta
        let e = Catalog::from_pack_json(&pack.to_string()).unwrap_err();
        assert_eq!(e, PackError::MetaMismatch);
        for lang in [Lang::Zh, Lang::En] {
            assert_ne!(e.message(lang), PackError::Checksum.message(lang));
        }
        assert!(e.message(Lang::Zh).contains("不一致"));
        assert!(!e.message(Lang::Zh).contains("校验失败"));
        assert!(e.message(Lang::En).contains("does not match its contents"));
    }
}
