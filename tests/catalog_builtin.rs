//! The catalog as built into the app: it must validate cleanly, the committed pack must match it, and a
//! malformed catalog must fail `catalog check` with messages naming the file and entry.

// Reads the catalog's TOML or uses proptest (native-only dependencies): runs under native `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use leye_catalog_source as catalog_source;

use leye_core::catalog::{Catalog, CompactParts, COURSES_JSON};
use leye_core::lang::Lang;
use leye_core::pack::{build_pack, PackError};
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_builtin_catalog_has_no_issues() {
    let catalog = Catalog::builtin();
    let issues = catalog.validate(catalog.published());
    let listing: Vec<String> = issues.iter().map(|i| i.to_string()).collect();
    assert!(
        issues.is_empty(),
        "{} catalog problems:\n{}",
        issues.len(),
        listing.join("\n")
    );
    assert!(
        !catalog.facts().is_empty(),
        "catalog/facts.toml has no facts"
    );
    assert!(!catalog.version().is_empty());
}

/// The three parts the web app embeds (written by its build.rs), each a piece of its own there.
const EMBEDDED: CompactParts = CompactParts {
    data: include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin")),
    english: Some(include_bytes!(concat!(env!("OUT_DIR"), "/catalog-en.bin"))),
    courses: Some(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/catalog-courses.bin"
    ))),
};

/// The bytes the web app embeds (written by the app's build.rs in the core's compact form) are the same
/// catalog, down to every compiled rule and value in force.
#[test]
fn the_web_apps_compact_catalog_is_the_builtin_catalog() {
    let read = Catalog::from_compact(EMBEDDED);
    assert!(!read.programs().is_empty());
    assert_eq!(format!("{read:?}"), format!("{:?}", Catalog::builtin()));
}

/// Read without its English and courses, as for a Chinese screen (issue 16), the catalog passes every worked
/// case of catalog/cases, and gives each case's person the same results in the same Chinese words, rule by
/// rule.
#[test]
fn without_its_english_the_catalog_gives_the_same_results_in_chinese() {
    let chinese = Catalog::from_compact(CompactParts {
        english: None,
        courses: None,
        ..EMBEDDED
    });
    let full = Catalog::from_compact(EMBEDDED);
    assert!(!chinese.has_english() && full.has_english());
    let (cases, errors) = catalog_source::read_cases(&root().join("catalog"), "catalog");
    assert!(errors.is_empty(), "{errors:#?}");
    let (ran, failures) = leye_core::cases::run_all(&chinese, &cases);
    assert!(ran >= 40 && failures.is_empty(), "{failures:#?}");
    let shown = |c: &Catalog, case: &leye_core::cases::Case| {
        let facts = case.facts(c).expect("the case's answers");
        leye_core::outcome::evaluate(c, &facts, case.today)
            .into_iter()
            .map(|r| {
                let trace: Vec<String> = r
                    .trace
                    .iter()
                    .map(|t| format!("{:?} {}", t.status, t.text.zh))
                    .collect();
                (
                    r.program,
                    r.outcome,
                    r.group,
                    r.verdict.zh,
                    r.benefit.zh,
                    trace,
                )
            })
            .collect::<Vec<_>>()
    };
    for entry in &cases {
        let case: leye_core::cases::Case = serde_json::from_value(entry.clone()).expect("a case");
        assert_eq!(
            shown(&chinese, &case),
            shown(&full, &case),
            "{}",
            case.label()
        );
    }
}

#[test]
fn the_builtin_catalog_is_the_catalog_folder() {
    // OUT_DIR is rebuilt whenever catalog/ changes; this guards the rerun-if-changed wiring.
    let fresh = Catalog::from_document(&catalog_source::read_catalog_dir(
        &root().join("catalog"),
        "catalog",
    ));
    let ids = |c: &Catalog| {
        c.programs()
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Catalog::builtin()), ids(&fresh));
    assert_eq!(Catalog::builtin().facts().len(), fresh.facts().len());
    let courses: serde_json::Value = serde_json::from_str(COURSES_JSON).unwrap();
    assert!(courses.is_array(), "OUT_DIR/courses.json must be an array");
}

#[test]
fn the_committed_pack_is_up_to_date_and_loads() {
    let doc = catalog_source::read_catalog_dir(&root().join("catalog"), "catalog");
    let fresh = build_pack(&doc).unwrap_or_else(|e| panic!("the catalog cannot be packed: {e}"));
    let committed =
        std::fs::read_to_string(root().join("public/catalog/pack.json")).unwrap_or_default();
    assert!(
        committed == fresh,
        "public/catalog/pack.json is stale: run `cargo run --bin catalog -- pack --out public/catalog/pack.json`"
    );
    let catalog = Catalog::from_pack_json(&committed).expect("the committed pack loads");
    assert_eq!(
        catalog.programs().len(),
        Catalog::builtin().programs().len()
    );
    assert_eq!(catalog.version(), Catalog::builtin().version());
    assert_eq!(catalog.published(), Catalog::builtin().published());
}

#[test]
fn a_tampered_pack_is_refused_and_the_person_is_told_the_current_data_stays() {
    let doc = catalog_source::read_catalog_dir(&root().join("catalog"), "catalog");
    let pack = build_pack(&doc).expect("packable");
    let mut v: serde_json::Value = serde_json::from_str(&pack).unwrap();
    // Change one amount-bearing field without updating the checksum.
    v["payload"]["meta"]["version"] = "9999.1".into();
    let err = Catalog::from_pack_json(&v.to_string()).unwrap_err();
    assert_eq!(err, PackError::Checksum);
    assert_eq!(
        err.message(Lang::Zh),
        "更新包已损坏(校验失败),继续使用当前数据"
    );
    // A consistent pack whose content is invalid is refused by the same validation as `catalog check`.
    let mut bad = doc.clone();
    bad["programs"][0]["sources"] = serde_json::json!([]);
    assert!(matches!(build_pack(&bad), Err(PackError::Invalid(_))));
    let payload = serde_json::json!({"meta": bad["meta"], "facts": bad["facts"], "programs": bad["programs"], "courses": [],
        "parameters": bad["parameters"], "sources": bad["sources"]});
    let forged = serde_json::json!({"format": "leye-catalog-pack", "format_version": leye_core::pack::PACK_FORMAT_VERSION,
        "version": v["version"], "published": v["published"],
        "sha256": leye_core::pack::checksum(&payload), "payload": payload});
    match Catalog::from_pack_json(&forged.to_string()) {
        Err(PackError::Invalid(issues)) => {
            assert!(issues.iter().any(|i| i.message.contains("no `sources`")))
        }
        other => panic!(
            "expected Invalid, got {:?}",
            other.map(|c| c.version().to_string())
        ),
    }
}

#[test]
fn a_malformed_catalog_fails_check_naming_file_and_entry() {
    let out = Command::new(env!("CARGO_BIN_EXE_catalog"))
        .args([
            "check",
            "tests/fixtures/broken_catalog",
            "--today",
            "2026-11-26",
        ])
        .current_dir(root())
        .output()
        .expect("run catalog check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "check must fail:\n{stdout}");
    let file = "tests/fixtures/broken_catalog/programs/broken.toml: [broken-subsidy]";
    for expected in [
        format!("{file} `name`: English text (en) is missing"),
        format!("{file} criterion `grad`: unknown fact `graduation_year`"),
        format!("{file} criterion `vet-date`: test `within` needs a date fact, but `veteran` is bool"),
        format!("{file} criterion `phd`: `phd` is not a choice of `edu_level`"),
        format!("{file} no `sources`"),
        format!("{file} benefit: an amount needs `source`"),
        format!("{file} expired on 2025-12-31"),
        format!("{file} `excludes` names `no-such-program`"),
        "tests/fixtures/broken_catalog/programs/broken.toml: [missing-fields] cannot read this program: missing field `kind`".into(),
        "tests/fixtures/broken_catalog/programs/syntax.toml: [half-written] not valid TOML".into(),
    ] {
        assert!(stdout.contains(&expected), "missing `{expected}` in:\n{stdout}");
    }
}

#[test]
fn check_passes_on_the_real_catalog() {
    let out = Command::new(env!("CARGO_BIN_EXE_catalog"))
        .args(["check", "catalog", "--today"])
        .arg(Catalog::builtin().published().to_string())
        .current_dir(root())
        .output()
        .expect("run catalog check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "catalog check failed:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("ok: "), "{stdout}");
}

#[test]
fn eval_prints_every_program_as_json_and_refuses_impossible_answers() {
    let dir = std::env::temp_dir().join(format!("leye-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    std::fs::write(
        &good,
        r#"{"platform_work":["food_delivery"],"employment_registered":true,"ui_months":null}"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_catalog"))
        .args(["eval", "--today", "2026-11-26", "--facts"])
        .arg(&good)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(
        results.as_array().unwrap().len(),
        Catalog::builtin().programs().len()
    );
    assert!(results[0]["trace"].is_array() && results[0]["outcome"].is_string());

    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"birth_date":"1826-01-01","ui_months":-3,"nope":true}"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_catalog"))
        .args(["eval", "--today", "2026-11-26", "--facts"])
        .arg(&bad)
        .current_dir(root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("日期不能早于1926-11-26")
            && stderr.contains("-3")
            && stderr.contains("nope"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_published_date_known_without_reading_the_catalog_is_the_catalogs_own() {
    assert_eq!(Catalog::builtin_published(), Catalog::builtin().published());
}

#[test]
fn reading_the_text_entry_by_entry_gives_the_same_catalog_as_reading_its_tree() {
    use leye_core::catalog::CATALOG_JSON;
    let tree: serde_json::Value = serde_json::from_str(CATALOG_JSON).unwrap();
    let (a, b) = (
        Catalog::from_json(CATALOG_JSON),
        Catalog::from_document(&tree),
    );
    assert_eq!(a.meta(), b.meta());
    let ids = |c: &Catalog| {
        c.programs()
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    let facts = |c: &Catalog| c.facts().iter().map(|f| f.id.clone()).collect::<Vec<_>>();
    assert_eq!(facts(&a), facts(&b));
    assert_eq!(a.courses(), b.courses());
    let today = a.published();
    assert_eq!(a.validate(today), b.validate(today));
    assert!(!ids(&a).is_empty());

    // A damaged entry is named in both, and the rest still read.
    let mut damaged = tree.clone();
    damaged["programs"][0]["kind"] = serde_json::json!(42);
    let (a, b) = (
        Catalog::from_json(&damaged.to_string()),
        Catalog::from_document(&damaged),
    );
    let first = tree["programs"][0]["id"].as_str().unwrap();
    for c in [&a, &b] {
        assert!(!ids(c).iter().any(|id| id == first));
        assert!(c
            .validate(today)
            .iter()
            .any(|i| i.entry == first && i.message.starts_with("cannot read this program")));
    }
    assert!(Catalog::from_json("{not json")
        .validate(today)
        .iter()
        .any(|i| i.message.contains("not valid JSON")));
}
