//! The course catalog: courses, training brands, startup training and camps, as data with sources.
//!
//! Source files are `catalog/courses/*.toml` (`[[course]]` tables). The build turns them into one JSON array
//! that [`CourseCatalog::from_json`] reads. Most course specifics are not published (see
//! /work/shared/policy/facts.md §11), so every specific is a [`Stated`] value: known, or explicitly `"unknown"`.

use super::TrainingError;
use crate::catalog::Catalog;
use crate::date::Date;
use crate::facts::{FactDef, Facts};
use crate::lang::Text;
use crate::rules::{evaluate_rule, Rule, RuleResult};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

mod parts;
mod validate;

pub use parts::{
    Audience, CertificateLevel, CertificateOffer, Completion, Confidence, CourseId, CourseKind,
    Delivery, Milestone, Module, Source, Stated,
};
pub use validate::CourseIssue;

/// One offering of the catalog.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Course {
    pub id: CourseId,
    pub kind: CourseKind,
    pub name: Text,
    pub summary: Text,
    /// The action plan's clause(s), e.g. "二、(二)7".
    pub plan_clause: String,
    #[serde(default)]
    pub audiences: Vec<Audience>,
    /// The program entry (catalog/programs) describing the same offering, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    /// Who runs it (培训机构, 职业院校 ...), if the sources say.
    pub provider: Stated<Text>,
    /// Where to ask or sign up: always given, even when the provider is unknown.
    pub channel: Text,
    pub delivery: Stated<Delivery>,
    pub completion: Completion,
    pub modules: Stated<Vec<Module>>,
    pub required_hours: Stated<u16>,
    pub sessions: Stated<u16>,
    pub certificate: Stated<CertificateOffer>,
    /// Program ids (catalog/programs) the course can lead to. With an unknown certificate the link holds only if
    /// the course in fact ends with a skill-level certificate; `check_with` says so.
    #[serde(default)]
    pub unlocks: Vec<String>,
    /// The business-plan checklist (camps and startup training).
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Who may join: `criteria` and optional `rule`, in the program format of docs/catalog-format.md,
    /// evaluated by the rules engine ([`Course::may_join`]). No criteria: open to anyone; the provider decides.
    #[serde(flatten)]
    pub who_may_join: Rule,
    /// `false` when the published conditions for joining are only partly known: the UI says "may be able to
    /// join — confirm with" the channel.
    pub rules_complete: bool,
    pub sources: Vec<Source>,
    /// What is not known and where to check it (plain words for the user).
    pub check_with: Text,
    pub last_verified: Date,
    /// The catalog file the entry came from (added by the build), so issues name file and entry.
    #[serde(default, alias = "source_file", alias = "file")]
    pub file: String,
}

impl Course {
    /// Whether this person may join, with the per-criterion trace, as the engine evaluates programs. With
    /// `rules_complete = false` an all-met result means "may be able to join — confirm with" `channel`.
    pub fn may_join(&self, vocabulary: &[FactDef], facts: &Facts, today: Date) -> RuleResult {
        evaluate_rule(&self.who_may_join, vocabulary, facts, today)
    }

    /// The completion requirement stated by the catalog, if its amount is known.
    pub fn stated_requirement(&self) -> Option<Requirement> {
        match self.completion {
            Completion::Modules => self
                .modules
                .known()
                .filter(|m| !m.is_empty())
                .map(|m| Requirement::AllModules(m.iter().map(|m| m.id.clone()).collect())),
            Completion::Hours => self
                .required_hours
                .known()
                .map(|&h| Requirement::Target(Target::Hours(h))),
            Completion::Sessions => self
                .sessions
                .known()
                .map(|&s| Requirement::Target(Target::Sessions(s))),
            Completion::Unknown => None,
        }
    }

    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules
            .known()
            .and_then(|m| m.iter().find(|m| m.id == id))
    }

    pub fn milestone(&self, id: &str) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.id == id)
    }
}

/// A completion target the trainee copies from their own enrolment notice when the catalog does not know it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", content = "amount", rename_all = "snake_case")]
pub enum Target {
    /// This many distinct modules done.
    Modules(u16),
    /// This many hours studied.
    Hours(u16),
    /// This many sessions attended.
    Sessions(u16),
}

impl Target {
    pub fn amount(self) -> u16 {
        match self {
            Target::Modules(n) | Target::Hours(n) | Target::Sessions(n) => n,
        }
    }
}

/// The rule a course's progress is measured against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Requirement {
    /// Every module of the catalog's list.
    AllModules(Vec<String>),
    Target(Target),
}

/// All courses, in catalog order.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CourseCatalog {
    courses: Vec<Course>,
}

impl CourseCatalog {
    pub fn new(courses: Vec<Course>) -> CourseCatalog {
        CourseCatalog { courses }
    }

    /// Parses the built catalog (a JSON array of course entries).
    pub fn from_json(json: &str) -> Result<CourseCatalog, TrainingError> {
        serde_json::from_str::<Vec<Course>>(json)
            .map(CourseCatalog::new)
            .map_err(|e| TrainingError::CatalogUnreadable(e.to_string()))
    }

    /// The courses of a loaded program catalog (the built-in one or an installed pack). Parsing is
    /// all-or-nothing: a pack with one unreadable course is refused rather than shown half.
    pub fn from_catalog(catalog: &Catalog) -> Result<CourseCatalog, TrainingError> {
        let mut courses = Vec::with_capacity(catalog.courses().len());
        for raw in catalog.courses() {
            let course = Course::deserialize(raw).map_err(|e| {
                let file = raw.get("file").and_then(|f| f.as_str()).unwrap_or("?");
                let id = raw.get("id").and_then(|f| f.as_str()).unwrap_or("?");
                TrainingError::CatalogUnreadable(format!("{file} [{id}]: {e}"))
            })?;
            courses.push(course);
        }
        Ok(CourseCatalog::new(courses))
    }

    /// The courses built into the app (catalog/courses/*.toml). Parsed once; a build whose course files do
    /// not parse fails `cargo test` (tests/training_catalog.rs), so an empty list here means no files.
    pub fn builtin() -> &'static CourseCatalog {
        static BUILTIN: std::sync::OnceLock<CourseCatalog> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| CourseCatalog::from_catalog(Catalog::builtin()).unwrap_or_default())
    }

    pub fn courses(&self) -> &[Course] {
        &self.courses
    }

    pub fn course(&self, id: &CourseId) -> Option<&Course> {
        self.courses.iter().find(|c| &c.id == id)
    }
}
