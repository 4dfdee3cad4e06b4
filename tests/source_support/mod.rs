//! Reading the project's Rust sources as text, for the tests that check rules of the code itself
//! (`layers.rs`: modules point down only; `one_sort.rs`: shipped code sorts through `leye_core::order`).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted so a failure names the same place each run.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable folder")
        .map(|e| e.expect("folder entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Whether `c` can be part of an identifier.
pub fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The source with comments, string and character literals blanked (lengths kept), so only code is read.
pub fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, c: u8| out.push(if c == b'\n' { b'\n' } else { b' ' });
    while i < b.len() {
        // ASCII bytes only start characters, so slicing there is safe.
        let rest = if b[i].is_ascii() { &text[i..] } else { "" };
        if rest.starts_with("//") {
            while i < b.len() && b[i] != b'\n' {
                blank(&mut out, b[i]);
                i += 1;
            }
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(b.len(), |e| i + e + 2);
            while i < end {
                blank(&mut out, b[i]);
                i += 1;
            }
        } else if (rest.starts_with("r#") || rest.starts_with("r\""))
            && (i == 0 || !is_ident(b[i - 1]))
        {
            let hashes = rest[1..].bytes().take_while(|c| *c == b'#').count();
            if rest.as_bytes().get(1 + hashes) != Some(&b'"') {
                out.push(b[i]);
                i += 1;
                continue;
            }
            let close = format!("\"{}", "#".repeat(hashes));
            let body = 2 + hashes;
            let end = rest[body..]
                .find(&close)
                .map_or(b.len(), |e| i + body + e + close.len());
            while i < end {
                blank(&mut out, b[i]);
                i += 1;
            }
        } else if b[i] == b'"' {
            blank(&mut out, b[i]);
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    blank(&mut out, b[i]);
                    i += 1;
                }
                if i < b.len() {
                    blank(&mut out, b[i]);
                    i += 1;
                }
            }
            if i < b.len() {
                blank(&mut out, b[i]);
                i += 1;
            }
        } else if b[i] == b'\'' && (rest[1..].starts_with('\\') || char_literal(&rest[1..])) {
            // A character literal ('{', '"', '\n'); a lifetime ('a) has no closing quote.
            let len = 1 + rest[1..].find('\'').map_or(0, |e| e + 1);
            let len = if rest[1..].starts_with("\\'") { 4 } else { len };
            for _ in 0..len.min(b.len() - i) {
                blank(&mut out, b[i]);
                i += 1;
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("blanking keeps UTF-8 (whole characters are replaced by ASCII)")
}

/// Whether `s` (after an opening `'`) is one character and a closing `'`.
fn char_literal(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some() && chars.next() == Some('\'')
}
