//! The parts of a program: its kind, benefit, channels and time window.

use super::*;

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
