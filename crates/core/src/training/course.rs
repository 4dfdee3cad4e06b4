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

/// A course's stable id (`kebab-case`, as in the catalog file).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CourseId(pub String);

impl CourseId {
    pub fn new(id: impl Into<String>) -> CourseId {
        CourseId(id.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CourseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A specific that the public sources may not state. Written as the value itself, or as the string `"unknown"`.
/// Unknown is never filled with a guess: the UI shows 以当地最新通知为准 and the course's `check_with`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stated<T> {
    Known(T),
    Unknown,
}

impl<T> Stated<T> {
    pub fn known(&self) -> Option<&T> {
        match self {
            Stated::Known(v) => Some(v),
            Stated::Unknown => None,
        }
    }
    pub fn is_unknown(&self) -> bool {
        matches!(self, Stated::Unknown)
    }
}

const UNKNOWN: &str = "unknown";

impl<T: Serialize> Serialize for Stated<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Stated::Known(v) => v.serialize(s),
            Stated::Unknown => s.serialize_str(UNKNOWN),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Stated<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Buffer once so "unknown" can be told apart from a known value of any shape.
        let v = serde_json::Value::deserialize(d)?;
        if v.as_str() == Some(UNKNOWN) {
            return Ok(Stated::Unknown);
        }
        T::deserialize(v)
            .map(Stated::Known)
            .map_err(de::Error::custom)
    }
}

/// What sort of offering this is, in the plan's own terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CourseKind {
    /// 互联网+职业技能培训 (plan 二(二)7).
    InternetPlus,
    /// A city training brand such as 枣庄辣子鸡制作 or 柳编 (plan 二(二)7, 一市一品牌).
    TrainingBrand,
    /// 职业技能提升接力计划: 订单培训 / 定向培养 (plan 二(二)7).
    OrderTraining,
    /// 创业培训 (plan 二(一)4).
    StartupTraining,
    /// “创赢未来、业兴枣庄”创业训练营 (plan 二(一)4).
    StartupCamp,
    /// 中青年企业家培训班 (plan 二(一)4).
    EntrepreneurClass,
}

impl CourseKind {
    /// Camps and entrepreneur classes are session-based and carry a business-plan checklist.
    pub fn is_camp(self) -> bool {
        matches!(
            self,
            CourseKind::StartupCamp | CourseKind::EntrepreneurClass | CourseKind::StartupTraining
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    Online,
    InPerson,
    Blended,
}

/// How a course is completed, as the catalog states it. The amount (hours, sessions, module list) is a separate
/// [`Stated`] field, so "completes by sessions, number unknown" can be said honestly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Completion {
    Modules,
    Hours,
    Sessions,
    Unknown,
}

/// Who an offering is meant for (for sorting "for you" first; who may JOIN is the rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// 网约车、外卖、快递等平台从业者 (新就业形态).
    PlatformWorkers,
    /// 农民工, including those returning home.
    MigrantWorkers,
    Graduates,
    /// 各类劳动者: anyone of working age.
    AllWorkers,
    /// People planning or starting a business.
    Founders,
    /// People already running a business.
    BusinessOwners,
}

/// One module of a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    pub id: String,
    pub name: Text,
}

/// One item of a camp's business-plan checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: String,
    pub name: Text,
}

/// National occupational skill levels (职业技能等级). Serialised as the `cert_level` fact's choice values
/// (catalog/facts.toml), so the program catalog's benefit table rows name them the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CertificateLevel {
    /// 五级 / 初级工
    #[serde(rename = "level5")]
    Junior,
    /// 四级 / 中级工
    #[serde(rename = "level4")]
    Intermediate,
    /// 三级 / 高级工
    #[serde(rename = "level3")]
    Senior,
    /// 二级 / 技师
    #[serde(rename = "level2")]
    Technician,
    /// 一级 / 高级技师
    #[serde(rename = "level1")]
    SeniorTechnician,
}

impl CertificateLevel {
    pub const ALL: [CertificateLevel; 5] = [
        CertificateLevel::Junior,
        CertificateLevel::Intermediate,
        CertificateLevel::Senior,
        CertificateLevel::Technician,
        CertificateLevel::SeniorTechnician,
    ];

    /// The `cert_level` fact value ("level5" .. "level1").
    pub fn fact_value(self) -> &'static str {
        match self {
            CertificateLevel::Junior => "level5",
            CertificateLevel::Intermediate => "level4",
            CertificateLevel::Senior => "level3",
            CertificateLevel::Technician => "level2",
            CertificateLevel::SeniorTechnician => "level1",
        }
    }

    pub fn from_fact_value(value: &str) -> Option<CertificateLevel> {
        CertificateLevel::ALL
            .into_iter()
            .find(|l| l.fact_value() == value)
    }

    /// Labels as in catalog/facts.toml.
    pub fn label(self) -> Text {
        match self {
            CertificateLevel::Junior => Text::new("初级(五级)", "Basic (level 5)"),
            CertificateLevel::Intermediate => Text::new("中级(四级)", "Intermediate (level 4)"),
            CertificateLevel::Senior => Text::new("高级(三级)", "Advanced (level 3)"),
            CertificateLevel::Technician => Text::new("技师(二级)", "Technician (level 2)"),
            CertificateLevel::SeniorTechnician => {
                Text::new("高级技师(一级)", "Senior technician (level 1)")
            }
        }
    }
}

/// The certificate a course leads to, as far as the sources say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateOffer {
    pub name: Text,
    /// `None` (absent) means the certificate has no skill level (e.g. a training completion certificate).
    pub level: Stated<Option<CertificateLevel>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confidence {
    H,
    M,
    L,
}

/// Where a statement about a course comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

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

/// A problem found in the course catalog, naming the file and entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseIssue {
    pub file: String,
    pub course: String,
    pub message: String,
}

impl fmt::Display for CourseIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]: {}", self.file, self.course, self.message)
    }
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

    /// [`CourseCatalog::validate`] against a program catalog: unlocked and linked programs must exist, and
    /// every who-may-join rule must pass the engine's checks against the fact vocabulary.
    pub fn validate_against(&self, catalog: &Catalog) -> Vec<CourseIssue> {
        let ids: Vec<&str> = catalog.programs().iter().map(|p| p.id.as_str()).collect();
        let mut issues = self.validate(Some(&ids));
        for c in &self.courses {
            let mut issue = |message: String| {
                issues.push(CourseIssue {
                    file: c.file.clone(),
                    course: c.id.0.clone(),
                    message,
                })
            };
            if let Some(p) = &c.program {
                if !ids.contains(&p.as_str()) {
                    issue(format!("program {p} does not exist"));
                }
            }
            for m in c.who_may_join.validate(catalog.facts()) {
                issue(format!("who may join: {m}"));
            }
        }
        issues
    }

    pub fn courses(&self) -> &[Course] {
        &self.courses
    }

    pub fn course(&self, id: &CourseId) -> Option<&Course> {
        self.courses.iter().find(|c| &c.id == id)
    }

    /// Checks what the type system cannot: unique ids, both languages present, sources present, completion
    /// amounts consistent, and (when `program_ids` is given) that every unlocked program exists.
    pub fn validate(&self, program_ids: Option<&[&str]>) -> Vec<CourseIssue> {
        let mut issues = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for c in &self.courses {
            let mut issue = |message: String| {
                issues.push(CourseIssue {
                    file: c.file.clone(),
                    course: c.id.0.clone(),
                    message,
                })
            };
            if c.id.0.is_empty()
                || !c
                    .id
                    .0
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
            {
                issue("id must be non-empty kebab-case (a-z, 0-9, -)".into());
            }
            if !seen.insert(c.id.0.clone()) {
                issue("duplicate course id".into());
            }
            let mut texts: Vec<(&str, &Text)> = vec![
                ("name", &c.name),
                ("summary", &c.summary),
                ("channel", &c.channel),
                ("check_with", &c.check_with),
            ];
            if let Some(p) = c.provider.known() {
                texts.push(("provider", p));
            }
            if let Some(cert) = c.certificate.known() {
                texts.push(("certificate.name", &cert.name));
            }
            let module_names: Vec<&Text> = c
                .modules
                .known()
                .map(|m| m.iter().map(|m| &m.name).collect())
                .unwrap_or_default();
            texts.extend(module_names.into_iter().map(|t| ("module name", t)));
            texts.extend(c.milestones.iter().map(|m| ("milestone name", &m.name)));
            for (field, t) in texts {
                if t.zh.trim().is_empty() || t.en.trim().is_empty() {
                    issue(format!("{field} needs both zh and en text"));
                }
            }
            if c.plan_clause.trim().is_empty() {
                issue("plan_clause is required".into());
            }
            if c.sources.is_empty() {
                issue("at least one source is required".into());
            }
            let stated_amount_unknown = match c.completion {
                Completion::Modules => c.modules.is_unknown(),
                Completion::Hours => c.required_hours.is_unknown(),
                Completion::Sessions => c.sessions.is_unknown(),
                Completion::Unknown => false,
            };
            if matches!(c.completion, Completion::Modules)
                && c.modules.known().is_some_and(|m| m.is_empty())
            {
                issue(
                    "completion by modules needs at least one module (or modules = \"unknown\")"
                        .into(),
                );
            }
            if stated_amount_unknown && c.check_with.zh.trim().is_empty() {
                issue("an unknown completion amount needs check_with saying where to ask".into());
            }
            let mut ids = std::collections::HashSet::new();
            for m in c.modules.known().into_iter().flatten() {
                if !ids.insert(&m.id) {
                    issue(format!("duplicate module id {}", m.id));
                }
            }
            let mut ids = std::collections::HashSet::new();
            for m in &c.milestones {
                if !ids.insert(&m.id) {
                    issue(format!("duplicate milestone id {}", m.id));
                }
            }
            if let Some(known) = program_ids {
                for p in &c.unlocks {
                    if !known.contains(&p.as_str()) {
                        issue(format!("unlocks unknown program id {p}"));
                    }
                }
            }
        }
        issues
    }
}
