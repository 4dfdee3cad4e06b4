//! The parts of a course as data: its id, stated-or-unknown specifics, kind, delivery, audience, modules
//! and milestones, certificate and sources.

use super::*;

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
}

/// The certificate a course leads to, as far as the sources say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateOffer {
    pub name: Text,
    /// `None` (absent) means the certificate has no skill level (e.g. a training completion certificate).
    pub level: Stated<Option<CertificateLevel>>,
}

/// The same letters as the catalog's parameters and sources (one type for both).
pub use crate::params::Confidence;

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
