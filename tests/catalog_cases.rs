//! Runs every per-program test case in catalog/cases/*.toml (facts -> expected outcome), plus the cases of
//! the worked example printed in docs/catalog-format.md. A failure names the file, program and case.

// Reads the catalog's TOML or uses proptest (native-only dependencies): runs under native `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use leye_catalog_source as catalog_source;

use leye_core::cases;
use leye_core::catalog::Catalog;
use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_catalog_case_passes() {
    let catalog = Catalog::from_document(&catalog_source::read_catalog_dir(
        &root().join("catalog"),
        "catalog",
    ));
    let (entries, errors) = catalog_source::read_cases(&root().join("catalog"), "catalog");
    assert!(errors.is_empty(), "unreadable case files:\n{errors:#?}");
    let (ran, failures) = cases::run_all(&catalog, &entries);
    assert!(
        failures.is_empty(),
        "{} of {ran} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Every person-facing program should have cases once the data lands; report the gaps by name.
    let covered: Vec<&str> = entries
        .iter()
        .filter_map(|c| c.get("program").and_then(Value::as_str))
        .collect();
    let missing: Vec<&str> = catalog
        .programs()
        .iter()
        .filter(|p| !p.is_for_employers() && !covered.contains(&p.id.as_str()))
        .map(|p| p.id.as_str())
        .collect();
    if !missing.is_empty() {
        eprintln!("programs without cases yet: {}", missing.join(", "));
    }
}

/// The program printed in docs/catalog-format.md, parsed from the document itself.
fn worked_example() -> Value {
    let doc = std::fs::read_to_string(root().join("docs/catalog-format.md"))
        .expect("docs/catalog-format.md");
    let section = doc
        .split("## Complete worked example")
        .nth(1)
        .expect("the worked example section");
    let block = section
        .split("```toml")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a toml block");
    let table: toml::Table = block.parse().expect("the worked example is valid TOML");
    catalog_source::toml_to_json(toml::Value::Table(table))
}

#[test]
fn the_documented_worked_example_is_valid_and_behaves_as_its_cases_say() {
    let mut doc = catalog_source::read_catalog_dir(&root().join("catalog"), "catalog");
    let example = worked_example()["program"]
        .as_array()
        .expect("[[program]]")
        .clone();
    // The example stands in for the catalog's own entry of the same id, among all the others (whose
    // parameters it shares).
    let programs = doc["programs"].as_array_mut().expect("programs");
    for mut p in example {
        p["file"] = "docs/catalog-format.md".into();
        let id = p["id"].clone();
        let slot = programs
            .iter_mut()
            .find(|q| q["id"] == id)
            .expect("the example is one of the catalog's programs");
        *slot = p;
    }
    doc["load_errors"] = Value::Array(Vec::new());
    let catalog = Catalog::from_document(&doc);
    let issues = catalog.validate(catalog.published());
    assert!(
        issues.is_empty(),
        "{}",
        issues
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );

    let text = std::fs::read_to_string(root().join("tests/fixtures/example_cases.toml")).unwrap();
    let table: toml::Table = text.parse().unwrap();
    let mut entries = catalog_source::toml_to_json(toml::Value::Table(table))["case"]
        .as_array()
        .unwrap()
        .clone();
    for e in &mut entries {
        e["file"] = "tests/fixtures/example_cases.toml".into();
    }
    let (ran, failures) = cases::run_all(&catalog, &entries);
    assert_eq!(ran, 6);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_wrong_expectation_is_reported_with_file_program_and_case() {
    let catalog = Catalog::from_document(&catalog_source::read_catalog_dir(
        &root().join("catalog"),
        "catalog",
    ));
    let Some(p) = catalog.programs().iter().find(|p| !p.is_for_employers()) else {
        return;
    };
    let case = serde_json::json!({
        "program": p.id, "name": "deliberately wrong", "today": "2026-11-26", "expect": "for_employers",
        "facts": {}, "file": "x.toml"
    });
    let (_, failures) = cases::run_all(&catalog, &[case]);
    assert_eq!(failures.len(), 1);
    assert!(
        failures[0].starts_with(&format!(
            "x.toml: [{}] deliberately wrong: expected for_employers",
            p.id
        )),
        "{}",
        failures[0]
    );
}
