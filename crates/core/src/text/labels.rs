//! The names of the core's closed sets as the screens show them: kinds of program, ways to apply,
//! outcomes and result groups, certificate levels. Their `label()` methods are implemented here, on
//! the domain types, so callers read them as before while the domain files hold no wording (and the
//! domain never names the text layer: it points down to them, not they up to it).

use super::both;
use crate::catalog::{Channel, ChannelKind, Kind};
use crate::lang::Text;
use crate::outcome::{Group, Outcome};
use crate::training::CertificateLevel;

crate::messages! {
    /// What kind of help a program gives (`catalog::Kind`).
    pub enum KindText {
    Subsidy => "补贴", "Subsidy";
    Loan => "贷款", "Loan";
    Insurance => "保险保障", "Insurance";
    Training => "培训", "Training";
    Camp => "训练营", "Camp";
    Service => "服务", "Service";
    Award => "评选奖励", "Award";
    Employer => "面向企业", "For employers";
    }
}

crate::messages! {
    /// Where to apply, for the channels that have a standard name (`catalog::ChannelKind`), and the
    /// fallbacks when an entry names none.
    pub enum ChannelText {
    DistrictOffice => "区(市)公共就业和人才服务机构", "your district public employment service office";
    CityOffice => "市公共就业和人才服务中心(市人社局)", "the city public employment service centre (at the human resources and social security bureau)";
    Hotline12333 => "人社服务热线12333(外地手机拨0632-12333)", "the 12333 social security hotline (0632-12333 from a phone registered outside Zaozhuang)";
    Zhangshang12333 => "掌上12333 App", "the 掌上12333 app";
    Employer => "你的单位或平台代为申请", "your employer or platform applies for you";
    School => "你的学校(就业指导中心)", "your school's career office";
    Bank => "经办银行", "the handling bank";
    Aishandong => "爱山东App", "the 爱山东 app";
    LocalOffice => "当地人社部门", "the local human resources and social security office";
    }
}

impl Kind {
    pub fn label(self) -> Text {
        both(match self {
            Kind::Subsidy => KindText::Subsidy,
            Kind::Loan => KindText::Loan,
            Kind::Insurance => KindText::Insurance,
            Kind::Training => KindText::Training,
            Kind::Camp => KindText::Camp,
            Kind::Service => KindText::Service,
            Kind::Award => KindText::Award,
            Kind::Employer => KindText::Employer,
        })
    }
}

impl ChannelKind {
    /// The standard label; None where the entry must name it (the 爱山东 service, the app, the site).
    pub fn default_label(self) -> Option<Text> {
        let key = match self {
            ChannelKind::DistrictOffice => ChannelText::DistrictOffice,
            ChannelKind::CityOffice => ChannelText::CityOffice,
            ChannelKind::Hotline12333 => ChannelText::Hotline12333,
            ChannelKind::Zhangshang12333 => ChannelText::Zhangshang12333,
            ChannelKind::Employer => ChannelText::Employer,
            ChannelKind::School => ChannelText::School,
            ChannelKind::Bank => ChannelText::Bank,
            ChannelKind::Aishandong
            | ChannelKind::PlatformApp
            | ChannelKind::Website
            | ChannelKind::Other => return None,
        };
        Some(both(key))
    }
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
                ChannelKind::Aishandong => both(ChannelText::Aishandong),
                ChannelKind::Website => Text::new(
                    self.url.clone().unwrap_or_default(),
                    self.url.clone().unwrap_or_default(),
                ),
                _ => both(ChannelText::LocalOffice),
            }),
        }
    }
}

crate::messages! {
    /// A program's outcome for the person (`outcome::Outcome`).
    pub enum OutcomeText {
    Eligible => "可以申请", "You can apply";
    LikelyEligible => "可能符合,请先确认", "Likely eligible: confirm first";
    NeedsInfo => "需要更多信息", "Need more information";
    NotEligible => "不符合", "Not eligible";
    ForEmployers => "面向企业", "For employers";
    }
}

impl Outcome {
    pub fn label(self) -> Text {
        both(match self {
            Outcome::Eligible => OutcomeText::Eligible,
            Outcome::LikelyEligible => OutcomeText::LikelyEligible,
            Outcome::NeedsInfo => OutcomeText::NeedsInfo,
            Outcome::NotEligible => OutcomeText::NotEligible,
            Outcome::ForEmployers => OutcomeText::ForEmployers,
        })
    }
}

crate::messages! {
    /// How the results screen groups programs (`outcome::Group`).
    pub enum GroupText {
    CanApply => "可以申请", "You can apply";
    AlmostThere => "还差一点", "Almost there";
    NeedsInfo => "需要更多信息", "Need more information";
    NotEligible => "不符合", "Not eligible";
    ForEmployers => "面向企业", "For employers";
    }
}

impl Group {
    pub fn label(self) -> Text {
        both(match self {
            Group::CanApply => GroupText::CanApply,
            Group::AlmostThere => GroupText::AlmostThere,
            Group::NeedsInfo => GroupText::NeedsInfo,
            Group::NotEligible => GroupText::NotEligible,
            Group::ForEmployers => GroupText::ForEmployers,
        })
    }
}

crate::messages! {
    /// National occupational skill levels, as in catalog/facts.toml (`training::CertificateLevel`).
    pub enum CertificateLevelText {
    Junior => "初级(五级)", "Basic (level 5)";
    Intermediate => "中级(四级)", "Intermediate (level 4)";
    Senior => "高级(三级)", "Advanced (level 3)";
    Technician => "技师(二级)", "Technician (level 2)";
    SeniorTechnician => "高级技师(一级)", "Senior technician (level 1)";
    }
}

impl CertificateLevel {
    /// Labels as in catalog/facts.toml.
    pub fn label(self) -> Text {
        both(match self {
            CertificateLevel::Junior => CertificateLevelText::Junior,
            CertificateLevel::Intermediate => CertificateLevelText::Intermediate,
            CertificateLevel::Senior => CertificateLevelText::Senior,
            CertificateLevel::Technician => CertificateLevelText::Technician,
            CertificateLevel::SeniorTechnician => CertificateLevelText::SeniorTechnician,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_table;

    #[test]
    fn every_label_has_both_languages() {
        check_table(KindText::ALL, &[]).unwrap();
        check_table(ChannelText::ALL, &[]).unwrap();
        check_table(OutcomeText::ALL, &[]).unwrap();
        check_table(GroupText::ALL, &[]).unwrap();
        check_table(CertificateLevelText::ALL, &[]).unwrap();
    }
}
