//! Layers point down only: no module of the core reaches, through any chain of `crate::` / `super::`
//! paths, back to itself. The compiler keeps the core from reaching into the app (a crate cannot name
//! its dependants); inside one crate only a test like this one keeps the modules from forming circles.
//!
//! Module A uses B when any file of A names `crate::B…` or `super::B…` (a `use` list with braces
//! counts every name in it). Comments and string literals are skipped.

mod source_support;

use source_support::{code_only, is_ident, rust_files};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module → the modules it uses.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// The modules of the app's tree whose circles the app check looks for (entry points and the
/// catalog tool are left out: nothing uses them).
const APP_MODULES: &[&str] = &[
    "app",
    "components",
    "pages",
    "pwa",
    "state",
    "storage",
    "platform",
];

/// The graph of the modules under `src`. A module is named by the first `depth` segments of its path
/// (1: `facts`; 2: `pages::check` beside `pages::program`). `tops` limits the tree to those top-level
/// modules (empty: every file except `lib.rs`, `main.rs` and `bin/`).
fn graph(src: &Path, depth: usize, tops: &[&str]) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut sources = Vec::new();
    for file in files {
        let rel = file.strip_prefix(src).expect("under src");
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let Some(path) = module_path(&parts) else {
            continue;
        };
        if path.is_empty() || (!tops.is_empty() && !tops.contains(&path[0].as_str())) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("readable source");
        sources.push((path, text));
    }
    graph_of(&sources, depth)
}

/// The graph of already-read sources: (the file's module path, its text).
fn graph_of(sources: &[(Vec<String>, String)], depth: usize) -> Graph {
    let node = |path: &[String]| path[..path.len().min(depth)].join("::");
    let known: BTreeSet<String> = sources.iter().map(|(p, _)| node(p)).collect();
    let mut g = Graph::new();
    for (path, text) in sources {
        let from = node(path);
        let uses = g.entry(from.clone()).or_default();
        for target in references(path, text) {
            // The longest prefix of the path that names a module of the tree.
            let to = (1..=target.len().min(depth))
                .rev()
                .map(|n| target[..n].join("::"))
                .find(|n| known.contains(n));
            if let Some(to) = to {
                if to != from {
                    uses.insert(to);
                }
            }
        }
    }
    g
}

/// `training/event.rs` → `[training, event]`; `state/mod.rs` → `[state]`; None for the crate roots.
fn module_path(parts: &[String]) -> Option<Vec<String>> {
    let (last, dirs) = parts.split_last()?;
    if dirs.first().is_some_and(|d| d == "bin") {
        return None;
    }
    let mut path: Vec<String> = dirs.to_vec();
    match last.strip_suffix(".rs")? {
        "lib" | "main" if dirs.is_empty() => return None,
        "mod" => {}
        name => path.push(name.to_string()),
    }
    Some(path)
}

/// The crate-absolute paths a file names, with `super::` resolved against `module` (the file's own
/// module path; an inline `mod x { … }` adds a level while it is open).
fn references(module: &[String], text: &str) -> Vec<Vec<String>> {
    let code = code_only(text);
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    // Open inline modules, as the brace depth at which each one opened.
    let mut inline: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'{' {
            depth += 1;
        } else if c == b'}' {
            depth = depth.saturating_sub(1);
            while inline.last().is_some_and(|&d| d > depth) {
                inline.pop();
            }
        }
        let starts_word = i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != b':';
        if !starts_word {
            i += 1;
            continue;
        }
        // ASCII bytes only start characters, so slicing there is safe.
        let rest = if c.is_ascii() { &code[i..] } else { "" };
        if let Some(after) = rest.strip_prefix("mod ") {
            let name: String = after.chars().take_while(|c| is_ident(*c as u8)).collect();
            let tail = after[name.len()..].trim_start();
            if !name.is_empty() && tail.starts_with('{') {
                inline.push(depth + 1);
            }
        }
        let base: Option<(Vec<String>, &str)> = if let Some(r) = rest.strip_prefix("crate::") {
            Some((Vec::new(), r))
        } else if rest.starts_with("super::") {
            let mut here: Vec<String> = module.to_vec();
            here.extend(inline.iter().map(|_| String::from("<inline>")));
            let mut r = rest;
            while let Some(next) = r.strip_prefix("super::") {
                here.pop();
                r = next;
            }
            Some((here, r))
        } else {
            None
        };
        if let Some((prefix, r)) = base {
            let (paths, used) = use_tree(r);
            for p in paths {
                let mut full = prefix.clone();
                full.extend(p);
                // A path through an inline module (`super::` from inside `mod tests`) stays in the file.
                if !full.iter().any(|s| s == "<inline>") && !full.is_empty() {
                    out.push(full);
                }
            }
            i += rest.len() - r.len() + used.max(1);
            continue;
        }
        i += 1;
    }
    out
}

/// Reads `a::b::{c, d::{e}}` from the start of `s`: the paths it names and the bytes read.
fn use_tree(s: &str) -> (Vec<Vec<String>>, usize) {
    let b = s.as_bytes();
    let mut segs: Vec<String> = Vec::new();
    let mut i = 0;
    loop {
        if s[i..].starts_with('{') {
            i += 1;
            let mut paths = Vec::new();
            loop {
                while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'}' {
                    i += 1;
                    break;
                }
                let (inner, used) = use_tree(&s[i..]);
                i += used.max(1);
                for p in inner {
                    let mut full = segs.clone();
                    full.extend(p);
                    paths.push(full);
                }
            }
            return (paths, i);
        }
        let start = i;
        while i < b.len() && is_ident(b[i]) {
            i += 1;
        }
        if i > start {
            segs.push(s[start..i].to_string());
        }
        if i > start && s[i..].starts_with("::") {
            i += 2;
            continue;
        }
        // `self` in a list names the path itself; `*` and `as` aliases add nothing.
        segs.retain(|s| s != "self");
        return (vec![segs], i);
    }
}

/// The first circle found, as the modules along it with the first repeated at the end.
fn find_cycle(g: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        g: &Graph,
        n: &str,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(n) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let from = stack
                    .iter()
                    .position(|s| s == n)
                    .expect("open is on the stack");
                let mut cycle = stack[from..].to_vec();
                cycle.push(n.to_string());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(n.to_string(), Mark::Open);
        stack.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(g, m, marks, stack) {
                return Some(c);
            }
        }
        stack.pop();
        marks.insert(n.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for n in g.keys() {
        if let Some(c) = visit(g, n, &mut marks, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

/// Fails naming the circle, and every edge on it, if `g` has one.
fn assert_no_cycle(what: &str, g: &Graph) {
    if let Some(cycle) = find_cycle(g) {
        panic!(
            "{what}: the modules {} use each other in a circle; move the shared part down into a \
             module both use, or invert who calls whom",
            cycle.join(" → ")
        );
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_core_modules_point_down_only() {
    let g = graph(&root().join("crates/core/src"), 1, &[]);
    assert!(g.len() > 10, "the core's modules were found: {g:?}");
    assert_no_cycle("crates/core/src", &g);
}

/// Inside a folder module too (`training::event` and `training::subsidy`): its files point down only.
#[test]
fn the_core_parts_point_down_only() {
    let g = graph(&root().join("crates/core/src"), 2, &[]);
    assert_no_cycle("crates/core/src", &g);
}

/// The app's layers as a whole: app → pages → components → state → storage/platform, never back.
#[test]
fn the_app_layers_point_down_only() {
    let g = graph(&root().join("src"), 1, APP_MODULES);
    assert!(
        g.contains_key("pages"),
        "the app's modules were found: {g:?}"
    );
    assert_no_cycle("src", &g);
}

/// The app's tree, a module per screen and per part (`pages::check`, `pages::program`, ...).
#[test]
fn the_app_modules_point_down_only() {
    let g = graph(&root().join("src"), 2, APP_MODULES);
    assert!(g.contains_key("app"), "the app's modules were found: {g:?}");
    assert_no_cycle("src", &g);
}

fn made_up(edges: &[(&str, &str)]) -> Graph {
    let mut g = Graph::new();
    for (a, b) in edges {
        g.entry(a.to_string()).or_default().insert(b.to_string());
        g.entry(b.to_string()).or_default();
    }
    g
}

#[test]
fn a_made_up_circle_is_found_and_named() {
    let g = made_up(&[
        ("outcome", "rules"),
        ("rules", "facts"),
        ("facts", "date"),
        ("facts", "outcome"),
    ]);
    assert_eq!(
        find_cycle(&g),
        Some(vec![
            "facts".to_string(),
            "outcome".into(),
            "rules".into(),
            "facts".into()
        ])
    );
    let failure = std::panic::catch_unwind(|| assert_no_cycle("made up", &g));
    assert!(failure.is_err(), "a circle fails the check");

    let tree = made_up(&[
        ("outcome", "rules"),
        ("rules", "facts"),
        ("outcome", "facts"),
    ]);
    assert_eq!(find_cycle(&tree), None);
}

#[test]
fn paths_are_read_from_use_lists_super_and_code_but_not_comments_or_strings() {
    let path = |p: &str| p.split('/').map(String::from).collect::<Vec<_>>();
    let sources = vec![
        (
            path("training/event"),
            "use super::course::X;\nuse crate::{date::Date, rules::{Rule, Status}, lang};\n\
             // crate::backup is only mentioned\nlet s = \"crate::offices\"; let c = '{';\n\
             fn f() -> crate::outcome::Outcome { crate::money::yuan(1) }\n\
             #[cfg(test)]\nmod tests {\n    use super::*;\n    use super::super::subsidy::Y;\n}\n"
                .to_string(),
        ),
        (path("training/course"), String::new()),
        (path("training/subsidy"), String::new()),
        (path("facts/def"), "use super::value::V;".to_string()),
        (path("facts/value"), String::new()),
    ];
    let mut sources = sources;
    for m in [
        "date", "lang", "money", "outcome", "rules", "backup", "offices",
    ] {
        sources.push((path(m), String::new()));
    }
    let refs = references(&sources[0].0, &sources[0].1);
    let names: BTreeSet<String> = refs.iter().map(|p| p.join("::")).collect();
    for expected in [
        "training::course::X",
        "date::Date",
        "rules::Rule",
        "rules::Status",
        "lang",
        "outcome::Outcome",
        "money::yuan",
        "training::subsidy::Y",
    ] {
        assert!(names.contains(expected), "{expected} in {names:?}");
    }
    assert!(!names
        .iter()
        .any(|n| n.starts_with("backup") || n.starts_with("offices")));

    let top = graph_of(&sources, 1);
    assert_eq!(
        top["training"],
        ["date", "lang", "money", "outcome", "rules"]
            .into_iter()
            .map(String::from)
            .collect()
    );
    let two = graph_of(&sources, 2);
    assert!(two["training::event"].contains("training::course"));
    assert!(two["training::event"].contains("training::subsidy"));
    assert!(two["facts::def"].contains("facts::value"));
}
