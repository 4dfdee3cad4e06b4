//! The code that ships sorts through `leye_core::order` (issue 16): each call of the standard library's
//! sorts compiles its own copy of the sort into the wasm (3–4 KB each), `order`'s functions share one.
//! Test code (`tests.rs`, `#[cfg(test)]` modules) may sort as it likes.

mod source_support;

use source_support::{code_only, rust_files};
use std::path::{Path, PathBuf};

const STD_SORTS: &[&str] = &[
    ".sort(",
    ".sort_by(",
    ".sort_by_key(",
    ".sort_by_cached_key(",
    ".sort_unstable(",
    ".sort_unstable_by(",
    ".sort_unstable_by_key(",
];

/// Where shipped code calls one of the standard library's sorts, as "file:line: code".
fn std_sorts(roots: &[PathBuf]) -> Vec<String> {
    let mut files = Vec::new();
    for root in roots {
        rust_files(root, &mut files);
    }
    let mut found = Vec::new();
    for file in files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if matches!(name, "tests.rs" | "testing.rs") || file.ends_with("core/src/order.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("readable source");
        let code = code_only(&text);
        let shipped = code.split("#[cfg(test)]").next().unwrap_or_default();
        for ((i, code), line) in shipped.lines().enumerate().zip(text.lines()) {
            if STD_SORTS.iter().any(|s| code.contains(s)) {
                found.push(format!("{}:{}: {}", file.display(), i + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn shipped_code_sorts_through_leye_core_order() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = std_sorts(&[root.join("src"), root.join("crates/core/src")]);
    assert!(
        found.is_empty(),
        "use leye_core::order (one copy of the sort in the wasm) instead of:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_standard_sort_is_found() {
    let dir = std::env::temp_dir().join(format!("one-sort-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.rs"),
        "fn f(v: &mut [u8]) {\n    // v.sort(); in a comment\n    v.sort_unstable();\n}\n#[cfg(test)]\nmod t { fn g(v: &mut [u8]) { v.sort(); } }\n",
    )
    .unwrap();
    let found = std_sorts(std::slice::from_ref(&dir));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].ends_with("a.rs:3: v.sort_unstable();"),
        "{found:?}"
    );
}
