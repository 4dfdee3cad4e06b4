//! The 政策 tab's list: search over the words people type, the "for me" filter and the order.

use crate::catalog::{Catalog, Kind, Program};
use crate::outcome::{Group, ProgramResult};

/// Programs whose outcome is "can apply" or "almost there": the 政策 tab's "for me" filter.
pub fn for_me(r: &ProgramResult) -> bool {
    matches!(r.group, Group::CanApply | Group::AlmostThere)
}

/// Search over the Chinese (and English) text people would type: name (with its official term in
/// brackets), summary, kind, plan clause, departments and the catalog's keywords (住房补贴 → 圆梦计划). Every word of the query must match; blank
/// matches all. Case-insensitive for Latin letters.
pub fn matches_search(p: &Program, query: &str) -> bool {
    let hay = [
        p.name.zh.as_str(),
        p.name.en.as_str(),
        p.summary.zh.as_str(),
        p.summary.en.as_str(),
        p.plan_clause.as_str(),
    ]
    .into_iter()
    .map(str::to_string)
    .chain([p.kind.label().zh, p.kind.label().en])
    .chain(p.departments.iter().map(|d| d.zh.clone()))
    .chain(p.keywords.iter().cloned())
    .collect::<Vec<String>>()
    .join("\n")
    .to_lowercase();
    // A word matches if the program's text holds it, or if it holds one of the program's keywords: "我受伤了"
    // finds what "受伤" finds.
    query.split_whitespace().all(|word| {
        let word = word.to_lowercase();
        hay.contains(&word)
            || p.keywords
                .iter()
                .any(|k| k.chars().count() >= 2 && word.contains(&k.to_lowercase()))
    })
}

/// The 政策 tab's list: catalog order, people's programs first and employer measures last.
pub fn browse<'a>(
    catalog: &'a Catalog,
    results: &[ProgramResult],
    query: &str,
    kind: Option<Kind>,
    only_for_me: bool,
) -> Vec<&'a Program> {
    let mut out: Vec<&Program> = catalog
        .programs()
        .iter()
        .filter(|p| kind.is_none_or(|k| p.kind == k))
        .filter(|p| matches_search(p, query))
        .filter(|p| !only_for_me || results.iter().any(|r| r.program == p.id && for_me(r)))
        .collect();
    crate::order::sort_by_key(&mut out, |p| p.is_for_employers());
    out
}
