//! The skills subsidy's terms (amounts by level, claim window, yearly cap) as the program catalog states
//! them. Below both the log, which checks a claim against them, and the subsidy view, which reads the log.

use super::course::CertificateLevel;
use super::TrainingError;
use crate::catalog::{Catalog, Channel};
use crate::date::Date;
use crate::lang::Text;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in 分 (1 元 = 100 分). Integer arithmetic only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fen(pub u64);

impl Fen {
    pub fn from_yuan(yuan: u64) -> Fen {
        Fen(yuan * 100)
    }
}

impl Fen {
    /// "1,500 yuan" for English text.
    pub fn en(self) -> String {
        self.to_string().replace('元', " yuan")
    }
}

/// "1,500元" or "1,500.50元".
impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let yuan = self.0 / 100;
        let digits = yuan.to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        match self.0 % 100 {
            0 => write!(f, "{grouped}元"),
            fen => write!(f, "{grouped}.{fen:02}元"),
        }
    }
}

/// The amount for one certificate level, from the program catalog's benefit table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelAmount {
    pub level: CertificateLevel,
    pub amount: Fen,
}

/// The subsidy's terms as the program catalog states them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillsSubsidyTerms {
    /// The program's id in the catalog (for linking to its page and outcome).
    pub program_id: String,
    pub name: Text,
    /// Levels missing from the table have no known amount (shown as 以当地最新通知为准).
    pub amounts: Vec<LevelAmount>,
    /// Claim within this many months of the certificate's issue date.
    pub claim_within_months: u16,
    /// At most this many claims per calendar year.
    pub max_claims_per_year: u8,
    /// Where to apply (e.g. 爱山东 “职工职业技能提升补贴申请”).
    pub apply: Text,
}

/// The program id of 失业保险技能提升补贴 in catalog/programs.
pub const SKILLS_SUBSIDY_PROGRAM: &str = "skill-upgrade-subsidy";

impl SkillsSubsidyTerms {
    /// The terms from a loaded program catalog (built-in or an installed pack). An error if the catalog has
    /// no usable entry: then the UI shows no amounts and claims cannot be marked.
    pub fn from_catalog(catalog: &Catalog) -> Result<SkillsSubsidyTerms, TrainingError> {
        let program = catalog.program(SKILLS_SUBSIDY_PROGRAM).ok_or_else(|| {
            TrainingError::SubsidyTermsUnreadable(SKILLS_SUBSIDY_PROGRAM.to_string())
        })?;
        let json = serde_json::to_value(program)
            .map_err(|e| TrainingError::SubsidyTermsUnreadable(e.to_string()))?;
        SkillsSubsidyTerms::from_program_json(&json)
    }

    /// Reads the terms from the program catalog's entry (docs/catalog-format.md), as JSON:
    /// - amounts: `benefit` of kind `table` on fact `cert_level`, one row per level (`yuan`);
    /// - claim window: the `windows` entry counted from fact `cert_date` (`months` or `years`);
    /// - yearly cap: the criterion on fact `skill_subsidy_claims_this_year` with test `at_most` N, i.e. N + 1 claims;
    /// - where to apply: the first named `apply` channel with where it is (爱山东App「service」), else 12333.
    ///
    /// Anything missing is an error naming the part, so a data change cannot silently drop a term.
    pub fn from_program_json(
        program: &serde_json::Value,
    ) -> Result<SkillsSubsidyTerms, TrainingError> {
        let bad = |what: &str| TrainingError::SubsidyTermsUnreadable(what.to_string());
        let text =
            |v: &serde_json::Value| -> Option<Text> { serde_json::from_value(v.clone()).ok() };
        let program_id = program["id"].as_str().ok_or_else(|| bad("id"))?.to_string();
        let name = text(&program["name"]).ok_or_else(|| bad("name"))?;
        let benefit = &program["benefit"];
        if benefit["kind"] != "table" || benefit["fact"] != "cert_level" {
            return Err(bad("benefit: a table on cert_level"));
        }
        let mut amounts = Vec::new();
        for row in benefit["rows"]
            .as_array()
            .ok_or_else(|| bad("benefit.rows"))?
        {
            let level = row["value"]
                .as_str()
                .and_then(CertificateLevel::from_fact_value)
                .ok_or_else(|| bad("benefit.rows.value"))?;
            let yuan = row["yuan"]
                .as_u64()
                .ok_or_else(|| bad("benefit.rows.yuan"))?;
            amounts.push(LevelAmount {
                level,
                amount: Fen::from_yuan(yuan),
            });
        }
        let window = program["windows"]
            .as_array()
            .and_then(|ws| ws.iter().find(|w| w["fact"] == "cert_date"))
            .ok_or_else(|| bad("windows: one counted from cert_date"))?;
        let months = window["months"]
            .as_u64()
            .or_else(|| window["years"].as_u64().map(|y| y * 12));
        let claim_within_months = months
            .and_then(|m| u16::try_from(m).ok())
            .ok_or_else(|| bad("windows.months"))?;
        let cap = program["criteria"]
            .as_array()
            .and_then(|cs| {
                // The firm limit (an `uncertain` criterion only asks to confirm, it is no limit).
                cs.iter().find(|c| {
                    c["fact"] == "skill_subsidy_claims_this_year"
                        && matches!(c["test"].as_str(), Some("at_most" | "below"))
                        && c["uncertain"] != true
                })
            })
            .and_then(|c| {
                let n = c["value"].as_u64()?;
                if c["test"] == "below" {
                    Some(n)
                } else {
                    Some(n + 1)
                }
            })
            .and_then(|n| u8::try_from(n).ok())
            .ok_or_else(|| bad("criteria: at_most or below on skill_subsidy_claims_this_year"))?;
        // The channel's full label: an 爱山东 service comes with the app's name, never the service name alone.
        let apply = program["apply"]
            .as_array()
            .and_then(|a| {
                a.iter()
                    .filter_map(|c| serde_json::from_value::<Channel>(c.clone()).ok())
                    .find(|c| c.name.is_some())
            })
            .map(|c| c.label())
            .unwrap_or_else(|| {
                Text::new(
                    "人社服务热线12333(外地手机拨0632-12333)",
                    "the 12333 social security hotline",
                )
            });
        Ok(SkillsSubsidyTerms {
            program_id,
            name,
            amounts,
            claim_within_months,
            max_claims_per_year: cap,
            apply,
        })
    }

    pub fn amount_for(&self, level: CertificateLevel) -> Option<Fen> {
        self.amounts
            .iter()
            .find(|a| a.level == level)
            .map(|a| a.amount)
    }

    /// The last day a claim is accepted: the same day `claim_within_months` later, or that month's last day
    /// when it has no such day. This is how the Civil Code counts periods (民法典 第二百零一、二百零二条: the
    /// start day is not counted; the corresponding day of the final month is the last day), and how the rules
    /// engine computes the program's window, so the 培训 tab and the program page show the same date.
    pub fn last_day_to_claim(&self, issued_on: Date) -> Date {
        issued_on.add_months(i32::from(self.claim_within_months))
    }
}
