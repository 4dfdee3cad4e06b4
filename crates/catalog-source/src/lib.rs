//! Reads the catalog's TOML source folder into the JSON document the domain loads.
//!
//! Native only and NOT part of the module tree: `build.rs` and the `catalog` tool include this file with
//! `#[path]`, so the wasm build never links a TOML parser. It only reshapes data (TOML -> JSON, plus the
//! source file name on each entry); every check on the content lives in the domain (`Catalog::validate`),
//! so the app, the tool and the tests report the same problems.
//!
//! Output shape: `{ "meta": {...}, "facts": [...], "programs": [...], "courses": [...], "parameters": [...],
//! "sources": [...], "load_errors": [...] }`
//! where each entry carries `"file"` and each load error is `{ "file", "message" }`. A file that does not
//! parse becomes a load error instead of a panic, so a half-edited file never breaks everybody's build.

#![allow(dead_code)]

use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};

/// Converts a TOML value to JSON. Dates become their `YYYY-MM-DD` text.
pub fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// `.toml` files of a folder, sorted by name so the output (and the pack checksum) is deterministic.
pub fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn label(prefix: &str, path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = rel.to_string_lossy().replace('\\', "/");
    if prefix.is_empty() {
        rel
    } else {
        format!("{}/{rel}", prefix.trim_end_matches('/'))
    }
}

fn load_error(errors: &mut Vec<Value>, file: &str, message: impl Into<String>) {
    errors.push(json!({ "file": file, "message": message.into() }));
}

/// The id of the entry a syntax error sits in: the last `id = "..."` line before the error.
fn entry_near(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset.min(text.len()))?;
    before.lines().rev().find_map(|line| {
        let rest = line
            .trim()
            .strip_prefix("id")?
            .trim_start()
            .strip_prefix('=')?
            .trim();
        Some(rest.trim_matches('"').to_string())
    })
}

/// Parses one file and returns the entries of its array-of-tables `key` (`[[program]]`), each tagged with
/// `"file"`. Anything else at the top level is reported: it is almost always a misplaced table.
fn entries(path: &Path, file: &str, key: &str, errors: &mut Vec<Value>) -> Vec<Value> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            load_error(errors, file, format!("cannot read the file: {e}"));
            return Vec::new();
        }
    };
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let at = e.span().map_or(0, |r| r.start);
            let mut err = json!({ "file": file, "message": format!("not valid TOML: {}", e.to_string().trim()) });
            if let Some(id) = entry_near(&text, at) {
                err["entry"] = Value::String(id);
            }
            errors.push(err);
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (k, v) in table {
        if k != key {
            load_error(
                errors,
                file,
                format!("unexpected top-level key `{k}`: entries must be [[{key}]] tables"),
            );
            continue;
        }
        match toml_to_json(v) {
            Value::Array(items) => {
                for item in items {
                    match item {
                        Value::Object(mut m) => {
                            m.insert("file".into(), Value::String(file.to_string()));
                            out.push(Value::Object(m));
                        }
                        _ => load_error(
                            errors,
                            file,
                            format!("`{key}` must be written as [[{key}]] tables"),
                        ),
                    }
                }
            }
            _ => load_error(
                errors,
                file,
                format!("`{key}` must be written as [[{key}]] tables"),
            ),
        }
    }
    out
}

/// Reads `dir` (the catalog folder). `prefix` is how file names are shown (`"catalog"` gives
/// `catalog/programs/x.toml`).
pub fn read_catalog_dir(dir: &Path, prefix: &str) -> Value {
    let mut errors = Vec::new();
    let root = dir;

    let meta_path = dir.join("meta.toml");
    let meta_label = label(prefix, &meta_path, root);
    let meta = match std::fs::read_to_string(&meta_path) {
        Ok(text) => match text.parse::<toml::Table>() {
            Ok(t) => toml_to_json(toml::Value::Table(t)),
            Err(e) => {
                load_error(
                    &mut errors,
                    &meta_label,
                    format!("not valid TOML: {}", e.to_string().trim()),
                );
                Value::Object(Map::new())
            }
        },
        Err(e) => {
            load_error(
                &mut errors,
                &meta_label,
                format!("cannot read the file: {e}"),
            );
            Value::Object(Map::new())
        }
    };

    let facts_path = dir.join("facts.toml");
    let facts = if facts_path.exists() {
        let facts_label = label(prefix, &facts_path, root);
        entries(&facts_path, &facts_label, "fact", &mut errors)
    } else {
        load_error(
            &mut errors,
            &label(prefix, &facts_path, root),
            "missing: the fact vocabulary is required",
        );
        Vec::new()
    };

    let mut programs = Vec::new();
    for f in toml_files(&dir.join("programs")) {
        let l = label(prefix, &f, root);
        programs.extend(entries(&f, &l, "program", &mut errors));
    }

    let mut parameters = Vec::new();
    for f in toml_files(&dir.join("parameters")) {
        let l = label(prefix, &f, root);
        parameters.extend(entries(&f, &l, "parameter", &mut errors));
    }
    let mut sources = Vec::new();
    for f in toml_files(&dir.join("sources")) {
        let l = label(prefix, &f, root);
        sources.extend(entries(&f, &l, "source", &mut errors));
    }

    let mut courses = Vec::new();
    for f in toml_files(&dir.join("courses")) {
        let l = label(prefix, &f, root);
        courses.extend(entries(&f, &l, "course", &mut errors));
    }

    json!({
        "meta": meta,
        "facts": facts,
        "programs": programs,
        "courses": courses,
        "parameters": parameters,
        "sources": sources,
        "load_errors": errors,
    })
}

/// Reads the test case files `dir/cases/*.toml` as `(file label, [[case]] entries)`.
pub fn read_cases(dir: &Path, prefix: &str) -> (Vec<Value>, Vec<Value>) {
    let mut errors = Vec::new();
    let mut cases = Vec::new();
    for f in toml_files(&dir.join("cases")) {
        let l = label(prefix, &f, dir);
        cases.extend(entries(&f, &l, "case", &mut errors));
    }
    (cases, errors)
}
