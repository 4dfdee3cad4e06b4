//! Turns the TOML catalog (catalog/) into JSON in OUT_DIR, embedded by `leye_core::catalog` with include_str!.
//! The app parses only JSON at runtime (serde_json), so no TOML parser ends up in the wasm.
//! Problems in the files are not build errors here: they travel as `load_errors` and are reported by
//! `Catalog::validate`, `catalog check` and `cargo test`, naming the file and entry.

use leye_catalog_source as catalog_source;

use std::path::PathBuf;

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // The catalog folder sits at the top of the repository, beside the app, where maintainers edit it.
    let dir = manifest.join("../../catalog");
    println!("cargo:rerun-if-changed=../../catalog");
    println!("cargo:rerun-if-changed=build.rs");

    let doc = catalog_source::read_catalog_dir(&dir, "catalog");
    let courses = doc
        .get("courses")
        .cloned()
        .unwrap_or_else(|| serde_json::Value::Array(Vec::new()));
    std::fs::write(out.join("catalog.json"), doc.to_string()).expect("write OUT_DIR/catalog.json");
    std::fs::write(out.join("courses.json"), courses.to_string())
        .expect("write OUT_DIR/courses.json");
    // The catalog's date and version, for comparisons that need nothing else from it. Empty when meta.toml
    // lacks one: `Catalog::validate` reports that; the date then reads as 2000-01-01.
    for field in ["published", "version"] {
        let value = doc
            .pointer(&format!("/meta/{field}"))
            .and_then(serde_json::Value::as_str)
            .unwrap_or("");
        let file = format!("catalog_{field}.txt");
        std::fs::write(out.join(&file), value)
            .unwrap_or_else(|e| panic!("write OUT_DIR/{file}: {e}"));
    }
}
