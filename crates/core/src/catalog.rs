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

mod in_force;

/// The catalog as built from catalog/ (facts, programs, courses, load errors), see build.rs.
pub const CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));
/// The courses of catalog/courses/*.toml as a JSON array, each entry with its `"file"`.
pub const COURSES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/courses.json"));
/// The built-in catalog's `published` date (YYYY-MM-DD), for comparisons that need nothing else from it.
const CATALOG_PUBLISHED: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog_published.txt"));

/// What kind of help a program gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Subsidy,
    Loan,
    Insurance,
    Training,
    Camp,
    Service,
    Award,
    /// 面向企业: measures for employers, listed so nothing of the plan is missing, never asked about.
    Employer,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Subsidy,
        Kind::Loan,
        Kind::Insurance,
        Kind::Training,
        Kind::Camp,
        Kind::Service,
        Kind::Award,
        Kind::Employer,
    ];

    pub fn label(self) -> Text {
        let (zh, en) = match self {
            Kind::Subsidy => ("补贴", "Subsidy"),
            Kind::Loan => ("贷款", "Loan"),
            Kind::Insurance => ("保险保障", "Insurance"),
            Kind::Training => ("培训", "Training"),
            Kind::Camp => ("训练营", "Camp"),
            Kind::Service => ("服务", "Service"),
            Kind::Award => ("评选奖励", "Award"),
            Kind::Employer => ("面向企业", "For employers"),
        };
        Text::new(zh, en)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BenefitKind {
    Fixed,
    Cap,
    Share,
    Table,
    Unknown,
    None,
}

/// One row of a benefit table: the amount for one answer of the table's fact (a certificate level).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenefitRow {
    pub value: String,
    /// A parameter id in the catalog's files; its value once in force.
    pub yuan: Num,
}

/// What a program gives.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benefit {
    pub kind: BenefitKind,
    /// Amounts and shares are parameter ids in the catalog's files, values once in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yuan: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<ShareRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_yuan: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<BenefitRow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The amount is an "up to" the sources give with a caveat: shown with "以当地最新通知为准".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_notice: bool,
}

/// Where people apply or ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChannelKind {
    #[serde(rename = "aishandong")]
    Aishandong,
    #[serde(rename = "platform_app")]
    PlatformApp,
    #[serde(rename = "district_office")]
    DistrictOffice,
    #[serde(rename = "city_office")]
    CityOffice,
    #[serde(rename = "hotline_12333")]
    Hotline12333,
    #[serde(rename = "zhangshang_12333")]
    Zhangshang12333,
    #[serde(rename = "website")]
    Website,
    #[serde(rename = "employer")]
    Employer,
    #[serde(rename = "school")]
    School,
    #[serde(rename = "bank")]
    Bank,
    #[serde(rename = "other")]
    Other,
}

impl ChannelKind {
    /// The standard label; None where the entry must name it (the 爱山东 service, the app, the site).
    pub fn default_label(self) -> Option<Text> {
        let (zh, en) = match self {
            ChannelKind::DistrictOffice => (
                "区(市)公共就业和人才服务机构",
                "your district public employment service office",
            ),
            ChannelKind::CityOffice => (
                "市公共就业和人才服务中心(市人社局)",
                "the city public employment service centre (at the human resources and social security bureau)",
            ),
            ChannelKind::Hotline12333 => (
                "人社服务热线12333(外地手机拨0632-12333)",
                "the 12333 social security hotline (0632-12333 from a phone registered outside Zaozhuang)",
            ),
            ChannelKind::Zhangshang12333 => ("掌上12333 App", "the 掌上12333 app"),
            ChannelKind::Employer => (
                "你的单位或平台代为申请",
                "your employer or platform applies for you",
            ),
            ChannelKind::School => ("你的学校(就业指导中心)", "your school's career office"),
            ChannelKind::Bank => ("经办银行", "the handling bank"),
            ChannelKind::Aishandong
            | ChannelKind::PlatformApp
            | ChannelKind::Website
            | ChannelKind::Other => return None,
        };
        Some(Text::new(zh, en))
    }
}

/// One way to apply (or to confirm a partly-known rule).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub channel: ChannelKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Channel {
    /// "爱山东App「职工职业技能提升补贴申请」", "区(市)公共就业和人才服务机构"...
    pub fn label(&self) -> Text {
        match (self.channel, &self.name) {
            (ChannelKind::Aishandong, Some(n)) => Text::new(
                format!("爱山东App「{}」", n.zh),
                format!("爱山东 app: {}", n.en),
            ),
            (_, Some(n)) => n.clone(),
            (k, None) => k.default_label().unwrap_or_else(|| match k {
                ChannelKind::Aishandong => Text::new("爱山东App", "the 爱山东 app"),
                ChannelKind::Website => Text::new(
                    self.url.clone().unwrap_or_default(),
                    self.url.clone().unwrap_or_default(),
                ),
                _ => Text::new(
                    "当地人社部门",
                    "the local human resources and social security office",
                ),
            }),
        }
    }
}

/// A claim deadline counted from a date fact, or a fixed application period.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub id: String,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

impl Window {
    pub(crate) fn span_months(&self) -> Option<i32> {
        let n = |v: &Option<Num>| {
            v.as_ref()
                .and_then(Num::lit)
                .and_then(|n| i32::try_from(n).ok())
        };
        n(&self.years)
            .map(|y| y.saturating_mul(12))
            .or(n(&self.months))
    }
}

/// One program of the action plan (docs/catalog-format.md describes every field).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: String,
    pub kind: Kind,
    pub name: Text,
    pub summary: Text,
    pub plan_clause: String,
    #[serde(default)]
    pub departments: Vec<Text>,
    pub benefit: Benefit,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleNode>,
    pub rules_complete: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm_with: Option<Channel>,
    #[serde(default)]
    pub documents: Vec<Text>,
    #[serde(default)]
    pub apply: Vec<Channel>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_until: Option<Date>,
    pub last_verified: Date,
    #[serde(default)]
    pub excludes: Vec<String>,
    #[serde(default)]
    pub windows: Vec<Window>,
    /// The day this entry must be checked again against its sources; past it the app says
    /// "信息可能已过期" and `catalog check` warns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_by: Option<Date>,
    /// The sources set no end date (instead of `effective_until`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open_ended: bool,
    /// Known only from the 2021 action plan: no current detailed rules were found.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub plan_only: bool,
    /// The figures this entry shows, with their sources, for the day the catalog is in force
    /// (filled by `Catalog::in_force`).
    #[serde(skip)]
    pub figures: Vec<Figure>,
    /// The figures of the benefit line itself (a subset of `figures`).
    #[serde(skip)]
    pub benefit_figures: Vec<String>,
    /// Source file (added by the catalog reader), for messages.
    #[serde(default)]
    pub file: String,
    /// Rule plus claim deadlines, resolved against the vocabulary when the catalog loads.
    #[serde(skip)]
    pub(crate) compiled: Option<Compiled>,
    /// Words people search with that are in neither the name nor the summary ("住房补贴" for 圆梦计划,
    /// "受伤" for 职业伤害保障), in Chinese and English.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Comes by itself once the conditions hold (职业伤害保障: the platform pays per order): never shown as
    /// something to apply for or to choose between.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub automatic: bool,
}

impl Program {
    /// The eligibility rule as written (without claim deadlines).
    pub fn eligibility(&self) -> Rule {
        Rule {
            criteria: self.criteria.clone(),
            rule: self.rule.clone(),
        }
    }

    /// Past its review date: the app says 信息可能已过期.
    pub fn may_be_outdated(&self, today: Date) -> bool {
        self.review_by.is_some_and(|d| d < today)
    }

    pub fn is_for_employers(&self) -> bool {
        self.kind == Kind::Employer
    }

    /// The source of the benefit amount, if named.
    pub fn benefit_source(&self) -> Option<&Source> {
        let id = self.benefit.source.as_deref()?;
        self.sources.iter().find(|s| s.id == id)
    }

    /// Where to confirm a partly-known rule or an unknown amount: `confirm_with`, else the first office or
    /// hotline among the apply channels, else 12333.
    pub fn where_to_check(&self) -> Text {
        if let Some(c) = &self.confirm_with {
            return c.label();
        }
        self.apply
            .iter()
            .find(|c| {
                matches!(
                    c.channel,
                    ChannelKind::DistrictOffice
                        | ChannelKind::CityOffice
                        | ChannelKind::Hotline12333
                )
            })
            .map(Channel::label)
            .unwrap_or_else(|| {
                ChannelKind::Hotline12333
                    .default_label()
                    .expect("12333 has a label")
            })
    }

    fn compile(&mut self, vocabulary: &[FactDef]) {
        let mut c = Compiled::new(self.criteria.clone(), self.rule.as_ref(), vocabulary);
        for w in &self.windows {
            let (Some(fact), Some(span)) = (&w.fact, w.span_months()) else {
                continue;
            };
            let t = &w.text;
            c.require(
                Criterion {
                    id: w.id.clone(),
                    fact: fact.clone(),
                    test: TestKind::Within,
                    values: Vec::new(),
                    value: None,
                    min: None,
                    max: None,
                    years: None,
                    months: Some(Num::Lit(span.into())),
                    date: None,
                    met: Text::new(
                        format!("在申请期限内({}),请在{{ready_on}}前申请", t.zh),
                        format!("Within the deadline ({}): apply by {{ready_on}}", t.en),
                    ),
                    failed: Text::new(
                        format!("已超过申请期限({},截止{{ready_on}})", t.zh),
                        format!("The deadline has passed ({}; it was {{ready_on}})", t.en),
                    ),
                    unknown: None,
                    change: None,
                    uncertain: false,
                },
                vocabulary,
            );
        }
        self.compiled = Some(c);
    }

    pub(crate) fn compiled(&self) -> &Compiled {
        self.compiled
            .as_ref()
            .expect("programs are compiled when the catalog loads")
    }
}

/// Version and date of a catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub version: String,
    pub published: Date,
    /// Names that contain digits but are not figures (the 12333 hotline, "7号窗口"...): `catalog check`
    /// skips them when it looks for figures written by hand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
}

/// A problem in the catalog, naming the file and the entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CatalogIssue {
    pub file: String,
    pub entry: String,
    pub message: String,
}

impl fmt::Display for CatalogIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.entry.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: [{}] {}", self.file, self.entry, self.message)
        }
    }
}

fn issue(file: &str, entry: &str, message: impl Into<String>) -> CatalogIssue {
    CatalogIssue {
        file: file.to_string(),
        entry: entry.to_string(),
        message: message.into(),
    }
}

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
}

/// The catalog document in parts, its entries not yet read.
struct Parts<E> {
    readable: bool,
    meta: Option<E>,
    facts: Vec<E>,
    programs: Vec<E>,
    courses: Vec<Value>,
    load_errors: Vec<Value>,
    parameters: Vec<E>,
    sources: Vec<E>,
}

/// One entry of the catalog document, not yet read: a node of a JSON tree (packs, whose checksum needs the
/// tree) or its raw text (the built-in catalog).
trait Entry {
    fn read<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error>;
    /// The entry as a tree, to name it in a message when it cannot be read.
    fn tree(&self) -> Value;
}

impl Entry for &Value {
    fn read<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        T::deserialize(*self)
    }
    fn tree(&self) -> Value {
        (*self).clone()
    }
}

impl Entry for &RawValue {
    fn read<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.get())
    }
    fn tree(&self) -> Value {
        serde_json::from_str(self.get()).unwrap_or(Value::Null)
    }
}

fn entry_label(raw: &Value, i: usize) -> (String, String) {
    let file = raw
        .get("file")
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_string();
    let id = raw
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| format!("entry #{}", i + 1));
    (file, id)
}

impl Catalog {
    /// No programs and no facts: what the app holds until the built-in catalog has been read (see
    /// `state::data_ready`), so the first screen need not wait for it.
    pub fn empty() -> Catalog {
        Catalog {
            meta: Meta {
                version: String::new(),
                published: Date::ymd(2000, 1, 1),
                names: Vec::new(),
            },
            facts: Vec::new(),
            programs: Vec::new(),
            courses: Vec::new(),
            load_issues: Vec::new(),
            exclusions: Vec::new(),
            parameters: Parameters::default(),
            in_force_on: None,
            written: None,
        }
    }

    /// The catalog built into the app. Parsed once. (The web app reads [`CATALOG_JSON`] from a piece of its
    /// own with [`Catalog::from_json`], see src/state.rs, so the bytes are not part of the code that loads first.)
    pub fn builtin() -> &'static Catalog {
        static BUILTIN: OnceLock<Catalog> = OnceLock::new();
        BUILTIN.get_or_init(|| Catalog::from_json(CATALOG_JSON))
    }

    /// When the built-in catalog was published, known without reading it.
    pub fn builtin_published() -> Date {
        Date::parse(CATALOG_PUBLISHED.trim()).unwrap_or(Date::ymd(2000, 1, 1))
    }

    /// Reads the JSON document produced from catalog/ (`{meta, facts, programs, courses, load_errors}`).
    /// Unreadable entries are left out and kept as issues (see `validate`).
    pub fn from_document(doc: &Value) -> Catalog {
        let list = |key: &str| -> Vec<&Value> {
            doc.get(key)
                .and_then(Value::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default()
        };
        let values = |key: &str| list(key).into_iter().cloned().collect();
        Catalog::from_parts(Parts {
            readable: !doc.is_null(),
            meta: doc.get("meta"),
            facts: list("facts"),
            programs: list("programs"),
            courses: values("courses"),
            load_errors: values("load_errors"),
            parameters: list("parameters"),
            sources: list("sources"),
        })
    }

    /// [`Catalog::from_document`] from the document's text, reading each entry straight from it rather
    /// than building the whole JSON tree first: the start-up parse of the built-in catalog takes half the time.
    pub fn from_json(json: &str) -> Catalog {
        #[derive(Default, Deserialize)]
        struct Document<'a> {
            #[serde(borrow, default)]
            meta: Option<&'a RawValue>,
            #[serde(borrow, default)]
            facts: Vec<&'a RawValue>,
            #[serde(borrow, default)]
            programs: Vec<&'a RawValue>,
            #[serde(default)]
            courses: Vec<Value>,
            #[serde(default)]
            load_errors: Vec<Value>,
            #[serde(borrow, default)]
            parameters: Vec<&'a RawValue>,
            #[serde(borrow, default)]
            sources: Vec<&'a RawValue>,
        }
        let (readable, doc) = match serde_json::from_str::<Document>(json) {
            Ok(doc) => (true, doc),
            Err(_) => (false, Document::default()),
        };
        Catalog::from_parts(Parts {
            readable,
            meta: doc.meta,
            facts: doc.facts,
            programs: doc.programs,
            courses: doc.courses,
            load_errors: doc.load_errors,
            parameters: doc.parameters,
            sources: doc.sources,
        })
    }

    fn from_parts<E: Entry>(doc: Parts<E>) -> Catalog {
        let mut load_issues = Vec::new();
        if !doc.readable {
            load_issues.push(issue(
                "catalog",
                "",
                "the catalog document is not valid JSON",
            ));
        }
        for e in &doc.load_errors {
            let file = e.get("file").and_then(Value::as_str).unwrap_or("?");
            let msg = e
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("unreadable");
            let entry = e.get("entry").and_then(Value::as_str).unwrap_or("");
            load_issues.push(issue(file, entry, msg));
        }
        let meta = match doc.meta.map(|m| m.read::<Meta>()) {
            Some(Ok(m)) => m,
            Some(Err(e)) => {
                load_issues.push(issue("catalog/meta.toml", "", format!("{e}")));
                Meta {
                    version: "0".into(),
                    published: Date::ymd(2000, 1, 1),
                    names: Vec::new(),
                }
            }
            None => {
                load_issues.push(issue(
                    "catalog/meta.toml",
                    "",
                    "missing `version` and `published`",
                ));
                Meta {
                    version: "0".into(),
                    published: Date::ymd(2000, 1, 1),
                    names: Vec::new(),
                }
            }
        };
        let mut facts = Vec::new();
        for (i, raw) in doc.facts.iter().enumerate() {
            match raw.read::<FactDef>() {
                Ok(f) => facts.push(f),
                Err(e) => {
                    let (file, id) = entry_label(&raw.tree(), i);
                    load_issues.push(issue(&file, &id, format!("cannot read this fact: {e}")));
                }
            }
        }
        let mut programs = Vec::new();
        for (i, raw) in doc.programs.iter().enumerate() {
            match raw.read::<Program>() {
                Ok(mut p) => {
                    p.compile(&facts);
                    programs.push(p);
                }
                Err(e) => {
                    let (file, id) = entry_label(&raw.tree(), i);
                    load_issues.push(issue(&file, &id, format!("cannot read this program: {e}")));
                }
            }
        }
        let mut parameters = Parameters::default();
        for (i, raw) in doc.parameters.iter().enumerate() {
            match raw.read::<Parameter>() {
                Ok(p) => parameters.params.push(p),
                Err(e) => {
                    let (file, id) = entry_label(&raw.tree(), i);
                    load_issues.push(issue(
                        &file,
                        &id,
                        format!("cannot read this parameter: {e}"),
                    ));
                }
            }
        }
        for (i, raw) in doc.sources.iter().enumerate() {
            match raw.read::<Source>() {
                Ok(s) => parameters.sources.push(s),
                Err(e) => {
                    let (file, id) = entry_label(&raw.tree(), i);
                    load_issues.push(issue(&file, &id, format!("cannot read this source: {e}")));
                }
            }
        }
        // A program's source written as `{ id = "..." }` alone is the catalog-wide source of that id.
        for p in &mut programs {
            for s in &mut p.sources {
                if s.title.is_empty() {
                    if let Some(full) = parameters.source(&s.id) {
                        *s = full.clone();
                    }
                }
            }
        }
        let courses = doc.courses;
        let exclusions = programs
            .iter()
            .map(|p| {
                let mut ids: Vec<String> =
                    p.excludes.iter().filter(|x| **x != p.id).cloned().collect();
                for other in &programs {
                    if other.excludes.contains(&p.id)
                        && other.id != p.id
                        && !ids.contains(&other.id)
                    {
                        ids.push(other.id.clone());
                    }
                }
                ids
            })
            .collect();
        let written = Catalog {
            meta,
            facts,
            programs,
            courses,
            load_issues,
            exclusions,
            parameters,
            in_force_on: None,
            written: None,
        };
        // Until someone asks for another day, the values in force on the day the catalog was published.
        let published = written.meta.published;
        written.in_force(published)
    }

    pub fn version(&self) -> &str {
        &self.meta.version
    }

    /// The day this catalog's data was published ("数据截至").
    pub fn published(&self) -> Date {
        self.meta.published
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

    /// Raw course entries (catalog/courses), for the training module.
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

    /// Every problem of the catalog, checked against `today` for expiry. Empty means the catalog is sound.
    pub fn validate(&self, today: Date) -> Vec<CatalogIssue> {
        if let Some(written) = &self.written {
            return written.validate(today);
        }
        let mut out = self.load_issues.clone();
        self.validate_facts(&mut out);
        self.validate_figures(&mut out);
        for (i, p) in self.programs.iter().enumerate() {
            if self.programs[..i].iter().any(|o| o.id == p.id) {
                out.push(issue(
                    &p.file,
                    &p.id,
                    "duplicate program id: ids must be unique across the catalog",
                ));
            }
            self.validate_program(p, today, &mut out);
        }
        out
    }

    /// What to re-verify, warned about but not refused by `catalog check`: programs past their `review_by`.
    pub fn review_warnings(&self, today: Date) -> Vec<CatalogIssue> {
        self.programs
            .iter()
            .filter_map(|p| {
                let due = p.review_by?;
                (due < today).then(|| {
                    issue(
                        &p.file,
                        &p.id,
                        format!("past its review date {due}: check it against its sources, then move `review_by` on (the app shows it as 信息可能已过期)"),
                    )
                })
            })
            .collect()
    }

    /// Programs in the order to re-verify them: the earliest `review_by` first, then the oldest
    /// `last_verified`.
    pub fn review_order(&self) -> Vec<&Program> {
        let mut list: Vec<&Program> = self.programs.iter().collect();
        list.sort_by_key(|p| {
            (
                p.review_by.unwrap_or(Date::ymd(1, 1, 1)),
                p.last_verified,
                p.id.clone(),
            )
        });
        list
    }

    fn validate_facts(&self, out: &mut Vec<CatalogIssue>) {
        for (i, f) in self.facts.iter().enumerate() {
            let mut msgs = Vec::new();
            if !valid_id(&f.id, '_') {
                msgs.push("id must be lowercase ASCII letters, digits and `_`".to_string());
            }
            if self.facts[..i].iter().any(|o| o.id == f.id) {
                msgs.push("duplicate fact id".to_string());
            }
            check_text(&mut msgs, "`question`", &f.question);
            if let Some(h) = &f.help {
                check_text(&mut msgs, "`help`", h);
            }
            if let Some(h) = &f.find_out {
                check_text(&mut msgs, "`find_out`", h);
            }
            match f.fact_type {
                FactType::Choice | FactType::Multi => {
                    if f.choices.len() < 2 {
                        msgs.push("a choice fact needs at least two choices".into());
                    }
                    for (j, c) in f.choices.iter().enumerate() {
                        if f.choices[..j].iter().any(|o| o.value == c.value) {
                            msgs.push(format!("duplicate choice `{}`", c.value));
                        }
                        // A band's label may name its own ages, `{min_age}` and `{max_age}`.
                        let mut label = c.label.clone();
                        if c.is_age_band() {
                            for s in [&mut label.zh, &mut label.en] {
                                *s = s.replace("{min_age}", "").replace("{max_age}", "");
                            }
                        }
                        check_text(&mut msgs, &format!("choice `{}`", c.value), &label);
                    }
                    if let Some(ex) = &f.exclusive {
                        if f.fact_type != FactType::Multi || f.choice(ex).is_none() {
                            msgs.push(format!(
                                "`exclusive = \"{ex}\"` must name a choice of a multi fact"
                            ));
                        }
                    }
                }
                FactType::Int => match (f.min, f.max) {
                    (Some(a), Some(b)) if a <= b => {}
                    _ => msgs.push(
                        "an int fact needs `min` <= `max` (what answers are possible)".into(),
                    ),
                },
                _ => {}
            }
            if !f.choices.is_empty() && !matches!(f.fact_type, FactType::Choice | FactType::Multi) {
                msgs.push("`choices` only apply to choice and multi facts".into());
            }
            if f.group.is_some() {
                if f.fact_type != FactType::Bool {
                    msgs.push("only bool facts can be in a `group` (asked as a checklist)".into());
                }
                match &f.short {
                    Some(t) => check_text(&mut msgs, "`short`", t),
                    None => msgs.push("a grouped fact needs `short`, its checklist label".into()),
                }
            }
            match &f.age_of {
                Some(of) => {
                    match self.facts.iter().find(|o| &o.id == of) {
                        Some(d) if d.fact_type == FactType::Date => {}
                        _ => msgs.push(format!(
                            "`age_of` must name a date fact (`{of}` is not one)"
                        )),
                    }
                    if f.fact_type != FactType::Choice {
                        msgs.push("an age band (`age_of`) must be a choice fact".into());
                    }
                    for c in f.choices.iter().filter(|c| !c.is_age_band()) {
                        msgs.push(format!(
                            "choice `{}` of an age band needs its ages (`min_age`, `max_age`, `over_age`, `under_age`)",
                            c.value
                        ));
                    }
                }
                None => {
                    for c in f.choices.iter().filter(|c| c.is_age_band()) {
                        msgs.push(format!(
                            "choice `{}` has ages, but the fact has no `age_of` (the birth date it stands in for)",
                            c.value
                        ));
                    }
                }
            }
            if let Some(cond) = &f.ask_if {
                match self.facts[..i].iter().position(|o| o.id == cond.fact) {
                    None => msgs.push(format!(
                        "`ask_if` must test a fact defined earlier in the file (`{}` is not)",
                        cond.fact
                    )),
                    Some(_) => msgs.extend(
                        validate_test(cond, &self.facts)
                            .into_iter()
                            .map(|m| format!("`ask_if`: {m}")),
                    ),
                }
            }
            out.extend(msgs.into_iter().map(|m| issue(&f.file, &f.id, m)));
        }
    }

    fn validate_program(&self, p: &Program, today: Date, out: &mut Vec<CatalogIssue>) {
        let mut m: Vec<String> = Vec::new();
        if !valid_id(&p.id, '-') {
            m.push("id must be lowercase ASCII letters, digits and `-`".into());
        }
        check_text(&mut m, "`name`", &p.name);
        check_text(&mut m, "`summary`", &p.summary);
        for (i, k) in p.keywords.iter().enumerate() {
            if k.trim().is_empty() || k.trim() != k {
                m.push(format!(
                    "keyword #{} is blank or has spaces around it",
                    i + 1
                ));
            } else if k.split_whitespace().count() > 1 {
                m.push(format!(
                    "keyword `{k}` is more than one word: search matches word by word, so split it"
                ));
            } else if p.keywords[..i]
                .iter()
                .any(|o| o.to_lowercase() == k.to_lowercase())
            {
                m.push(format!("keyword `{k}` is listed twice"));
            }
        }
        if p.automatic && p.is_for_employers() {
            m.push(
                "`automatic` is for what a person gets without applying, not an employer measure"
                    .into(),
            );
        }
        if p.plan_clause.trim().is_empty() {
            m.push("`plan_clause` is missing (e.g. \"二、(二)6\")".into());
        }
        if p.departments.is_empty() {
            m.push("`departments` is empty: name who runs it, as the plan does".into());
        }
        for (i, d) in p.departments.iter().enumerate() {
            check_text(&mut m, &format!("department #{}", i + 1), d);
        }
        for (i, d) in p.documents.iter().enumerate() {
            check_text(&mut m, &format!("document #{}", i + 1), d);
        }
        if p.sources.is_empty() {
            m.push(
                "no `sources`: every entry needs at least one source with its confidence".into(),
            );
        }
        for (i, s) in p.sources.iter().enumerate() {
            if p.sources[..i].iter().any(|o| o.id == s.id) {
                m.push(format!("duplicate source id `{}`", s.id));
            }
            if s.title.trim().is_empty() {
                m.push(format!("source `{}` has no title", s.id));
            }
        }
        self.validate_benefit(p, &mut m);
        if p.is_for_employers() {
            if !p.criteria.is_empty() {
                m.push("an employer entry is never asked about: leave `criteria` empty".into());
            }
        } else {
            m.extend(validate_rule(&p.criteria, p.rule.as_ref(), &self.facts));
            if p.criteria.is_empty() && p.kind != Kind::Service {
                m.push("no `criteria`: only services open to everyone may have none".into());
            }
        }
        if !p.rules_complete && p.confirm_with.is_none() {
            m.push(
                "`rules_complete = false` needs `confirm_with` (where a person confirms the rest)"
                    .into(),
            );
        }
        if p.apply.is_empty() {
            m.push("no `apply` channel: say how and where to apply".into());
        }
        for c in p.apply.iter().chain(&p.confirm_with) {
            self.validate_channel(c, &mut m);
        }
        if let (Some(a), Some(b)) = (p.effective_from, p.effective_until) {
            if a > b {
                m.push(format!(
                    "`effective_from` {a} is after `effective_until` {b}"
                ));
            }
        }
        if p.effective_from.is_none() {
            m.push("no `effective_from`: give the first day the program applies (the plan's date for a plan-only entry)".into());
        }
        match (p.effective_until, p.open_ended) {
            (None, false) => m.push(
                "give `effective_until`, or `open_ended = true` when the sources set no end".into(),
            ),
            (Some(_), true) => {
                m.push("`effective_until` and `open_ended = true` contradict each other".into())
            }
            _ => {}
        }
        if p.review_by.is_none() {
            m.push(
                "no `review_by`: the day this entry must be checked against its sources again"
                    .into(),
            );
        }
        if let Some(until) = p.effective_until {
            if until < today {
                m.push(format!("expired on {until}: update `effective_until` from a newer notice, or remove the entry"));
            }
        }
        if p.last_verified > today {
            m.push(format!(
                "`last_verified` {} is in the future",
                p.last_verified
            ));
        }
        for x in &p.excludes {
            match self.program(x) {
                None => m.push(format!(
                    "`excludes` names `{x}`, which is not in the catalog"
                )),
                Some(o) if o.id == p.id => m.push("a program cannot exclude itself".into()),
                Some(o) if !o.excludes.contains(&p.id) => m.push(format!(
                    "`excludes` `{x}` is one-sided: add \"{}\" to the `excludes` of `{x}` ({})",
                    p.id, o.file
                )),
                _ => {}
            }
        }
        for (i, w) in p.windows.iter().enumerate() {
            if p.windows[..i].iter().any(|o| o.id == w.id)
                || p.criteria.iter().any(|c| c.id == w.id)
            {
                m.push(format!(
                    "window `{}`: its id is already used in this entry",
                    w.id
                ));
            }
            check_text(&mut m, &format!("window `{}`", w.id), &w.text);
            match (&w.fact, w.from, w.until) {
                (Some(f), None, None) => {
                    match self.fact(f) {
                        Some(d) if d.fact_type == FactType::Date => {}
                        Some(_) => m.push(format!("window `{}`: `{f}` is not a date fact", w.id)),
                        None => m.push(format!("window `{}`: unknown fact `{f}`", w.id)),
                    }
                    match (&w.years, &w.months) {
                        (Some(n), None) | (None, Some(n)) if n.lit().is_none_or(|n| n > 0) => {}
                        _ => m.push(format!(
                            "window `{}`: give a positive `years` or `months`",
                            w.id
                        )),
                    }
                }
                (None, from, until) if from.is_some() || until.is_some() => {
                    if let (Some(a), Some(b)) = (from, until) {
                        if a > b {
                            m.push(format!(
                                "window `{}`: `from` {a} is after `until` {b}",
                                w.id
                            ));
                        }
                    }
                    if w.years.is_some() || w.months.is_some() {
                        m.push(format!(
                            "window `{}`: `years`/`months` only go with `fact`",
                            w.id
                        ));
                    }
                }
                _ => m.push(format!(
                    "window `{}`: give either `fact` + `months`/`years`, or `from`/`until`",
                    w.id
                )),
            }
        }
        out.extend(m.into_iter().map(|msg| issue(&p.file, &p.id, msg)));
    }

    fn validate_benefit(&self, p: &Program, m: &mut Vec<String>) {
        let b = &p.benefit;
        let has_amount =
            b.yuan.is_some() || b.cap_yuan.is_some() || !b.rows.is_empty() || b.share.is_some();
        match b.kind {
            BenefitKind::Fixed | BenefitKind::Cap => match &b.yuan {
                Some(n) if n.lit().is_none_or(|n| n > 0) => {}
                _ => m.push("benefit: `fixed` and `cap` need `yuan` > 0".into()),
            },
            BenefitKind::Share => {
                if b.share.is_none() {
                    m.push("benefit: `share` needs `share = \"50%\"` or \"2/3\"".into());
                }
            }
            BenefitKind::Table => match b.fact.as_deref().map(|f| (f, self.fact(f))) {
                Some((_, Some(def))) if def.fact_type == FactType::Choice => {
                    if b.rows.is_empty() {
                        m.push("benefit: `table` needs `rows`".into());
                    }
                    for r in &b.rows {
                        if def.choice(&r.value).is_none() {
                            m.push(format!(
                                "benefit: row `{}` is not a choice of `{}`",
                                r.value, def.id
                            ));
                        }
                    }
                }
                Some((f, Some(_))) => {
                    m.push(format!("benefit: table fact `{f}` must be a choice fact"))
                }
                Some((f, None)) => m.push(format!("benefit: unknown fact `{f}`")),
                None => m.push("benefit: `table` needs `fact` (a choice fact) and `rows`".into()),
            },
            BenefitKind::Unknown | BenefitKind::None => {
                if has_amount {
                    m.push("benefit: an `unknown`/`none` benefit cannot carry amounts".into());
                }
            }
        }
        if !matches!(b.kind, BenefitKind::Unknown | BenefitKind::None) {
            match &b.source {
                None => m.push("benefit: an amount needs `source` (a `sources` id): never state a figure without one".into()),
                Some(s) if !p.sources.iter().any(|x| &x.id == s) => {
                    m.push(format!("benefit: `source = \"{s}\"` is not one of this entry's `sources`"))
                }
                _ => {}
            }
        }
        for (what, t) in [
            ("unit", &b.unit),
            ("period", &b.period),
            ("duration", &b.duration),
            ("note", &b.note),
        ] {
            if let Some(t) = t {
                check_text(m, &format!("benefit `{what}`"), t);
            }
        }
    }

    fn validate_channel(&self, c: &Channel, m: &mut Vec<String>) {
        let needs_name = matches!(
            c.channel,
            ChannelKind::Aishandong | ChannelKind::PlatformApp | ChannelKind::Other
        );
        match &c.name {
            Some(n) => check_text(m, "channel `name`", n),
            None if needs_name => m.push(format!(
                "channel `{:?}` needs `name` (the service, app or place)",
                c.channel
            )),
            None => {}
        }
        if c.channel == ChannelKind::Website
            && c.url.as_deref().is_none_or(|u| !u.starts_with("http"))
        {
            m.push("channel `website` needs `url` starting with http".into());
        }
        if let Some(n) = &c.note {
            check_text(m, "channel `note`", n);
        }
    }

    /// The benefit in words for this person: the amount that applies when the answers pick a table row.
    pub fn describe_benefit(&self, p: &Program, facts: Option<&Facts>) -> (Text, Option<Yuan>) {
        describe_benefit(p, self.fact(p.benefit.fact.as_deref().unwrap_or("")), facts)
    }
}

fn valid_id(id: &str, sep: char) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == sep)
        && !id.starts_with(sep)
        && !id.ends_with(sep)
}

/// "最高20万元(每人)", "保费的50%,最多100元(每人每年)", "金额以当地最新通知为准,可咨询12333".
pub fn describe_benefit(
    p: &Program,
    table_fact: Option<&FactDef>,
    facts: Option<&Facts>,
) -> (Text, Option<Yuan>) {
    let b = &p.benefit;
    let yuan = |n: &Option<Num>| n.as_ref().and_then(Num::lit).map(|n| Yuan(n.max(0) as u64));
    // An amount whose parameter has no value in force that day is not shown as a figure.
    let in_force = match b.kind {
        BenefitKind::Fixed | BenefitKind::Cap => yuan(&b.yuan).is_some(),
        BenefitKind::Share => b.share.as_ref().and_then(ShareRef::lit).is_some(),
        _ => true,
    };
    let kind = if in_force {
        b.kind
    } else {
        BenefitKind::Unknown
    };
    let (text, amount) = describe_kind(p, kind, table_fact, facts);
    if b.per_notice && amount.is_some() {
        return (
            Text::new(
                format!("{}(以当地最新通知为准)", text.zh),
                format!("{} (check the latest local notice)", text.en),
            ),
            amount,
        );
    }
    (text, amount)
}

/// A table row's amount, once in force.
fn row_yuan(r: &BenefitRow) -> Yuan {
    Yuan(r.yuan.lit().unwrap_or(0).max(0) as u64)
}

fn describe_kind(
    p: &Program,
    kind: BenefitKind,
    table_fact: Option<&FactDef>,
    facts: Option<&Facts>,
) -> (Text, Option<Yuan>) {
    let b = &p.benefit;
    let with_unit = |zh: String, en: String| match &b.unit {
        Some(u) => Text::new(format!("{zh}({})", u.zh), format!("{en} ({})", u.en)),
        None => Text::new(zh, en),
    };
    let yuan = |n: &Option<Num>| n.as_ref().and_then(Num::lit).map(|n| Yuan(n.max(0) as u64));
    match kind {
        BenefitKind::Fixed => {
            let y = yuan(&b.yuan).unwrap_or(Yuan(0));
            (with_unit(y.zh(), y.en()), Some(y))
        }
        BenefitKind::Cap => {
            let y = yuan(&b.yuan).unwrap_or(Yuan(0));
            (
                with_unit(format!("最高{}", y.zh()), format!("up to {}", y.en())),
                Some(y),
            )
        }
        BenefitKind::Share => {
            let s = b
                .share
                .as_ref()
                .and_then(ShareRef::lit)
                .map(|s| (s.zh(), s.en()))
                .unwrap_or_default();
            match yuan(&b.cap_yuan) {
                Some(cap) => (
                    with_unit(
                        format!("费用的{},最多{}", s.0, cap.zh()),
                        format!("{} of the cost, at most {}", s.1, cap.en()),
                    ),
                    Some(cap),
                ),
                None => (
                    with_unit(format!("费用的{}", s.0), format!("{} of the cost", s.1)),
                    None,
                ),
            }
        }
        BenefitKind::Table => {
            let chosen =
                facts.and_then(
                    |f| match (f.value(b.fact.as_deref().unwrap_or("")), table_fact) {
                        (Some(super::facts::FactValue::Choice(v)), Some(def)) => b
                            .rows
                            .iter()
                            .find(|r| &r.value == v)
                            .map(|r| (r, def.choice(v).map(|c| c.label.clone()))),
                        _ => None,
                    },
                );
            match chosen {
                Some((row, label)) => {
                    let label = label.unwrap_or_else(|| Text::new(&row.value, &row.value));
                    (
                        with_unit(
                            format!("{}:{}", label.zh, row_yuan(row).zh()),
                            format!("{}: {}", label.en, row_yuan(row).en()),
                        ),
                        Some(row_yuan(row)),
                    )
                }
                None => {
                    let label = |v: &str, lang| {
                        table_fact.map_or(v.to_string(), |d| d.label(v, lang).to_string())
                    };
                    let zh: Vec<String> = b
                        .rows
                        .iter()
                        .map(|r| format!("{}{}", label(&r.value, Lang::Zh), row_yuan(r).zh()))
                        .collect();
                    let en: Vec<String> = b
                        .rows
                        .iter()
                        .map(|r| format!("{} {}", label(&r.value, Lang::En), row_yuan(r).en()))
                        .collect();
                    (with_unit(zh.join("、"), en.join(", ")), None)
                }
            }
        }
        BenefitKind::Unknown => {
            let w = p.where_to_check();
            (
                Text::new(
                    format!("金额以当地最新通知为准,可咨询{}", w.zh),
                    format!("Amount not published yet; ask {}", w.en),
                ),
                None,
            )
        }
        BenefitKind::None => (
            Text::new("服务类项目,不涉及补贴金额", "A service; no cash benefit"),
            None,
        ),
    }
}
