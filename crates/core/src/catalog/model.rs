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
