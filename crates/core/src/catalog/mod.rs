//! The program catalog: every program of the action plan, loaded from JSON built out of catalog/*.toml
//! (see build.rs and docs/catalog-format.md), and its validation.
//!
//! Loading never panics: an entry that does not parse is left out and reported as a `CatalogIssue` naming
//! its file and id, so `catalog check` and `cargo test` fail loudly while the app keeps working with the rest.

use super::date::Date;
use super::facts::{FactDef, FactType, Facts};
use super::lang::{Lang, Text};
use super::money::Yuan;
pub use super::params::{Confidence, Figure, Num, Parameter, Parameters, ShareRef, Source};
use super::rules::{
    check_text, validate_rule, validate_test, Compiled, Criterion, Rule, RuleNode, TestKind,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::fmt;
use std::sync::OnceLock;

mod benefit;
mod compact;
mod figures;
mod in_force;
mod issue;
mod load;
mod model;
mod program;
mod validate;
mod validate_program;

pub use benefit::describe_benefit;
pub use compact::{CompactCatalog, CompactParts};
pub use in_force::WrittenCatalog;
use issue::issue;
pub use issue::CatalogIssue;
pub use model::{Benefit, BenefitKind, BenefitRow, Channel, ChannelKind, Kind, Window};
pub use program::{Meta, Program};
use validate::valid_id;

/// The catalog as built from catalog/ (facts, programs, courses, load errors), see build.rs.
pub const CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));
/// The courses of catalog/courses/*.toml as a JSON array, each entry with its `"file"`.
pub const COURSES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/courses.json"));
/// The built-in catalog's `published` date (YYYY-MM-DD), for comparisons that need nothing else from it.
const CATALOG_PUBLISHED: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog_published.txt"));
/// The built-in catalog's version, likewise.
const CATALOG_VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog_version.txt"));

/// The loaded catalog.
#[derive(Clone, Debug)]
pub struct Catalog {
    meta: Meta,
    facts: Vec<FactDef>,
    programs: Vec<Program>,
    courses: Vec<Value>,
    /// Entries that could not be read at all.
    load_issues: Vec<CatalogIssue>,
    /// For each program, the ids it cannot be combined with (both directions).
    exclusions: Vec<Vec<String>>,
    /// Every figure with its dated values and sources.
    parameters: Parameters,
    /// The day whose values the programs carry (see `in_force`); None while they still name parameters.
    in_force_on: Option<Date>,
    /// The catalog as written, parameters not yet replaced: what `validate` checks and what `in_force`
    /// starts from. None on that written form itself.
    written: Option<std::sync::Arc<Catalog>>,
    /// False when the texts' English was left unread ([`Catalog::read_compact`] without it: the app's
    /// built-in catalog for a Chinese screen, issue 16). Each text's English is then its Chinese, so
    /// nothing may show or export it until the catalog is read again with its English.
    english_read: bool,
    /// False when the courses were left unread (likewise, for the screens that do not list them): the
    /// catalog then has none.
    courses_read: bool,
}

impl Catalog {
    pub fn version(&self) -> &str {
        &self.meta.version
    }

    /// The day this catalog's data was published ("数据截至").
    pub fn published(&self) -> Date {
        self.meta.published
    }

    /// Whether every text's English was read (see the `english_read` field).
    pub fn has_english(&self) -> bool {
        self.english_read
    }

    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The fact vocabulary, in preferred question order.
    pub fn facts(&self) -> &[FactDef] {
        &self.facts
    }

    pub fn fact(&self, id: &str) -> Option<&FactDef> {
        self.facts.iter().find(|f| f.id == id)
    }

    pub fn programs(&self) -> &[Program] {
        &self.programs
    }

    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    /// Whether the courses were read (see the `courses_read` field).
    pub fn has_courses(&self) -> bool {
        self.courses_read
    }

    /// Raw course entries (catalog/courses), for the training module: none unless [`Catalog::has_courses`].
    pub fn courses(&self) -> &[Value] {
        &self.courses
    }

    /// Programs that cannot be combined with `id`, whichever side declared it.
    pub fn excluded_with(&self, id: &str) -> &[String] {
        self.programs
            .iter()
            .position(|p| p.id == id)
            .map_or(&[], |i| &self.exclusions[i])
    }

    pub(crate) fn exclusions_at(&self, index: usize) -> &[String] {
        &self.exclusions[index]
    }

    /// The benefit in words for this person: the amount that applies when the answers pick a table row.
    pub fn describe_benefit(&self, p: &Program, facts: Option<&Facts>) -> (Text, Option<Yuan>) {
        describe_benefit(p, self.fact(p.benefit.fact.as_deref().unwrap_or("")), facts)
    }
}
