//! Writes the built-in catalog in the core's compact binary form (`leye_core::compact`) into OUT_DIR, for
//! src/state/load.rs to embed: the app then reads it without serde's JSON readers, which were the largest code
//! on the rider's answer path (issue 16, docs/size.md). The catalog is read here exactly as every other reader
//! reads it (`Catalog::from_json` over the JSON the core's build script made from catalog/), so its checks and
//! reported problems are the same; `cargo test` proves the round trip.

fn main() {
    // leye-core's own build script watches catalog/; it is rebuilt (and so is this) when the catalog changes.
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let written = leye_core::catalog::Catalog::builtin().to_compact();
    std::fs::write(out.join("catalog.bin"), written.data).expect("write OUT_DIR/catalog.bin");
    // The texts' English and the courses apart: the check never fetches them (src/state/load.rs).
    std::fs::write(out.join("catalog-en.bin"), written.english)
        .expect("write OUT_DIR/catalog-en.bin");
    std::fs::write(out.join("catalog-courses.bin"), written.courses)
        .expect("write OUT_DIR/catalog-courses.bin");
}
