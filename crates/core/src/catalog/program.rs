//! One program of the action plan, and the catalog's version and date.

use super::*;

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

    pub(super) fn compile(&mut self, vocabulary: &[FactDef]) {
        let mut c = Compiled::new(self.criteria.clone(), self.rule.as_ref(), vocabulary);
        for w in &self.windows {
            let (Some(fact), Some(span)) = (&w.fact, w.span_months()) else {
                continue;
            };
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
                    met: w.met_text(),
                    failed: w.failed_text(),
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
