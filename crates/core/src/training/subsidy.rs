//! 失业保险技能提升补贴: what each certificate is worth, by when to claim it, and the yearly cap.
//!
//! The amounts, the claim window and the cap are NOT written here: they come from the program catalog's entry
//! for the subsidy ([`SkillsSubsidyTerms`]), so a policy change is a data change. Whether the person meets the
//! program's own conditions (insured at least a year, or receiving unemployment benefit) is the rules engine's
//! verdict on that program; the UI shows it next to these figures.

use super::course::CertificateLevel;
use super::event::{Certificate, TrainingLog};
use super::TrainingError;
use crate::catalog::{Catalog, Channel};
use crate::date::Date;
use crate::facts::FactValue;
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

/// Where one certificate stands with the subsidy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum SubsidyStatus {
    /// Claimable: `months_left` whole months and `days_left` days until the last day (0 = today is the last day).
    Open {
        months_left: i32,
        days_left: i64,
    },
    /// Still within its window, but this calendar year's claims are used up. If the window reaches into next
    /// year, `next_possible` is 1 January of next year.
    YearCapReached {
        year: i32,
        next_possible: Option<Date>,
    },
    Claimed {
        on: Date,
    },
    /// The window closed on `last_day` without a recorded claim.
    Expired,
}

/// The subsidy as it applies to one certificate the trainee holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SkillsSubsidy {
    pub certificate: Certificate,
    /// `None`: the level has no amount in the catalog's table — show 以当地最新通知为准.
    pub amount: Option<Fen>,
    pub last_day: Date,
    pub status: SubsidyStatus,
}

/// Claims recorded in a calendar year.
pub fn claims_in_year(log: &TrainingLog, year: i32) -> usize {
    log.claims().values().filter(|d| d.year() == year).count()
}

/// The subsidy for every certificate with a skill level, earliest issued first.
pub fn skills_subsidies(
    log: &TrainingLog,
    terms: &SkillsSubsidyTerms,
    today: Date,
) -> Vec<SkillsSubsidy> {
    let claims = log.claims();
    let used_this_year = claims_in_year(log, today.year());
    log.certificates()
        .into_iter()
        .filter_map(|(_, cert)| {
            let level = cert.level?;
            let last_day = terms.last_day_to_claim(cert.issued_on);
            let status = if let Some(&on) = claims.get(cert.number.as_str()) {
                SubsidyStatus::Claimed { on }
            } else if today > last_day {
                SubsidyStatus::Expired
            } else if used_this_year >= usize::from(terms.max_claims_per_year) {
                let next_year = Date::ymd(today.year() + 1, 1, 1);
                SubsidyStatus::YearCapReached {
                    year: today.year(),
                    next_possible: (next_year <= last_day).then_some(next_year),
                }
            } else {
                SubsidyStatus::Open {
                    months_left: today.whole_months_until(last_day),
                    days_left: today.days_until(last_day),
                }
            };
            Some(SkillsSubsidy {
                certificate: cert.clone(),
                amount: terms.amount_for(level),
                last_day,
                status,
            })
        })
        .collect()
}

/// The skills-subsidy facts the trainee's log already answers, for the rules engine's questionnaire and
/// outcome (catalog/facts.toml): `cert_level` and `cert_date` of the certificate most worth claiming now (still
/// in its window and unclaimed; the highest level, then the soonest deadline), and `skill_subsidy_claims_this_year`.
/// With no such certificate only the claim count is given, so the app still asks about certificates held
/// elsewhere instead of answering "none" for the person.
pub fn skills_facts(
    log: &TrainingLog,
    terms: &SkillsSubsidyTerms,
    today: Date,
) -> Vec<(&'static str, FactValue)> {
    let best = skills_subsidies(log, terms, today)
        .into_iter()
        .filter(|s| {
            matches!(
                s.status,
                SubsidyStatus::Open { .. } | SubsidyStatus::YearCapReached { .. }
            )
        })
        .filter_map(|s| s.certificate.level.map(|l| (l, s)))
        // CertificateLevel orders Junior first, so the highest level is the maximum.
        .max_by(|(la, a), (lb, b)| la.cmp(lb).then(b.last_day.cmp(&a.last_day)));
    let mut facts = Vec::new();
    if let Some((level, s)) = best {
        facts.push((
            "cert_level",
            FactValue::Choice(level.fact_value().to_string()),
        ));
        facts.push(("cert_date", FactValue::Date(s.certificate.issued_on)));
    }
    facts.push((
        "skill_subsidy_claims_this_year",
        FactValue::Int(claims_in_year(log, today.year()) as i64),
    ));
    facts
}
