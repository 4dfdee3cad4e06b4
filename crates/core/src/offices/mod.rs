//! Where to go: the public employment service offices by district, and the city-wide channels, as data with
//! sources (catalog/offices.json).
//!
//! Invariant (checked by [`Offices::validate`] and the native tests): every office names a source, and an
//! office shows an address, a phone number or opening hours only when someone verified them (a `verified`
//! date) against a source that can be looked up (a URL). Nothing is invented: for a district whose office
//! details are not confirmed, the screen shows only its name, the kind of office to ask for, 12333 and the
//! city bureau's site.

use super::date::Date;
use super::lang::Text;
use serde::Deserialize;
use std::fmt;
use std::sync::OnceLock;

/// The built-in data, embedded at compile time so it works offline.
const OFFICES_JSON: &str = include_str!("../../../../catalog/offices.json");

/// The districts (区(市)) of Zaozhuang named by the action plan; each must have an entry.
pub const DISTRICTS: [&str; 7] = [
    "市中区",
    "薛城区",
    "峄城区",
    "台儿庄区",
    "山亭区",
    "滕州市",
    "枣庄高新区",
];

/// Where a piece of office data comes from.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeSource {
    pub id: String,
    pub title: String,
    /// Where to look it up; `None` for a document without a public address.
    pub url: Option<String>,
}

/// The channels that serve the whole city: hotline, the bureau's site, the apps.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityContact {
    pub name: Text,
    pub website: String,
    /// Dialled as is ("12333").
    pub hotline: String,
    pub apps: Vec<Text>,
    pub sources: Vec<String>,
}

/// One district's public employment service office.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub id: String,
    /// "市中区", "滕州市", "枣庄高新区".
    pub district: Text,
    /// What to ask for: "市中区公共就业服务机构 / 人社局".
    pub name: Text,
    #[serde(default)]
    pub address: Option<Text>,
    /// Digits (and - or spaces) only, so it can be a tel: link.
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub hours: Option<Text>,
    /// When the address/phone/hours were last checked against the source; required if any is given.
    #[serde(default)]
    pub verified: Option<Date>,
    pub source: String,
}

impl Office {
    /// True when the office has any detail beyond its name (address, phone or hours).
    pub fn has_details(&self) -> bool {
        self.address.is_some() || self.phone.is_some() || self.hours.is_some()
    }

    /// The tel: link for its phone number, when one is confirmed.
    pub fn tel_href(&self) -> Option<String> {
        self.phone.as_deref().map(tel_href)
    }
}

/// All of catalog/offices.json.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offices {
    pub last_verified: Date,
    pub sources: Vec<OfficeSource>,
    pub city: CityContact,
    pub offices: Vec<Office>,
}

/// A problem in the offices data, named so a maintainer knows which entry and field to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfficesError {
    /// The file is not valid JSON of the expected shape.
    Unreadable(String),
    /// An entry names a source id that is not in `sources`.
    UnknownSource { entry: String, source: String },
    /// An office gives an address, phone or hours without a `verified` date.
    Unverified { office: String },
    /// An office's details rest on a source that cannot be looked up (no URL).
    DetailsWithoutCheckableSource { office: String, source: String },
    /// A phone number that cannot be dialled.
    BadPhone { entry: String, phone: String },
    /// A district of the action plan has no entry (or two).
    District { district: String, count: usize },
    /// Two entries share an id.
    DuplicateId(String),
    /// A required text is empty.
    Empty { entry: String, field: &'static str },
}

impl fmt::Display for OfficesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OfficesError::Unreadable(e) => write!(f, "catalog/offices.json cannot be read: {e}"),
            OfficesError::UnknownSource { entry, source } => write!(
                f,
                "{entry}: source `{source}` is not listed under `sources`; add it or fix the id"
            ),
            OfficesError::Unverified { office } => write!(
                f,
                "{office}: address/phone/hours given without a `verified` date; remove them or record when they were checked"
            ),
            OfficesError::DetailsWithoutCheckableSource { office, source } => write!(
                f,
                "{office}: address/phone/hours rest on `{source}`, which has no URL; cite a source people can check"
            ),
            OfficesError::BadPhone { entry, phone } => write!(
                f,
                "{entry}: phone `{phone}` is not a number that can be dialled; use digits, '-' or spaces"
            ),
            OfficesError::District { district, count } => write!(
                f,
                "{district} must have exactly one office entry, found {count}"
            ),
            OfficesError::DuplicateId(id) => write!(f, "office id `{id}` is used twice"),
            OfficesError::Empty { entry, field } => write!(f, "{entry}: `{field}` is empty"),
        }
    }
}

impl std::error::Error for OfficesError {}

impl Offices {
    /// The built-in offices data. The native tests guarantee it parses and validates.
    pub fn builtin() -> &'static Offices {
        static BUILTIN: OnceLock<Offices> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Offices::parse(OFFICES_JSON).expect("catalog/offices.json is checked by tests")
        })
    }

    /// Reads and validates an offices document; every problem is reported.
    pub fn parse(json: &str) -> Result<Offices, Vec<OfficesError>> {
        let offices: Offices = serde_json::from_str(json)
            .map_err(|e| vec![OfficesError::Unreadable(e.to_string())])?;
        let issues = offices.validate();
        if issues.is_empty() {
            Ok(offices)
        } else {
            Err(issues)
        }
    }

    pub fn source(&self, id: &str) -> Option<&OfficeSource> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Every problem with the data (empty when it is fit to show).
    pub fn validate(&self) -> Vec<OfficesError> {
        let mut issues = Vec::new();
        let known = |id: &str| self.sources.iter().any(|s| s.id == id);
        for id in &self.city.sources {
            if !known(id) {
                issues.push(OfficesError::UnknownSource {
                    entry: "city".into(),
                    source: id.clone(),
                });
            }
        }
        if !valid_phone(&self.city.hotline) {
            issues.push(OfficesError::BadPhone {
                entry: "city".into(),
                phone: self.city.hotline.clone(),
            });
        }
        if self.city.website.trim().is_empty() {
            issues.push(OfficesError::Empty {
                entry: "city".into(),
                field: "website",
            });
        }
        let mut ids: Vec<&str> = Vec::new();
        for o in &self.offices {
            if ids.contains(&o.id.as_str()) {
                issues.push(OfficesError::DuplicateId(o.id.clone()));
            }
            ids.push(&o.id);
            for (field, text) in [("district", &o.district), ("name", &o.name)] {
                if text.zh.trim().is_empty() || text.en.trim().is_empty() {
                    issues.push(OfficesError::Empty {
                        entry: o.id.clone(),
                        field,
                    });
                }
            }
            match self.source(&o.source) {
                None => issues.push(OfficesError::UnknownSource {
                    entry: o.id.clone(),
                    source: o.source.clone(),
                }),
                Some(s) if o.has_details() && s.url.is_none() => {
                    issues.push(OfficesError::DetailsWithoutCheckableSource {
                        office: o.id.clone(),
                        source: s.id.clone(),
                    })
                }
                Some(_) => {}
            }
            if o.has_details() && o.verified.is_none() {
                issues.push(OfficesError::Unverified {
                    office: o.id.clone(),
                });
            }
            if let Some(phone) = &o.phone {
                if !valid_phone(phone) {
                    issues.push(OfficesError::BadPhone {
                        entry: o.id.clone(),
                        phone: phone.clone(),
                    });
                }
            }
        }
        for district in DISTRICTS {
            let count = self
                .offices
                .iter()
                .filter(|o| o.district.zh == district)
                .count();
            if count != 1 {
                issues.push(OfficesError::District {
                    district: district.into(),
                    count,
                });
            }
        }
        issues
    }
}

/// "tel:0632-1234567" → "tel:06321234567": the link dials digits only.
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

/// A dialable number: digits with optional '-', spaces and a leading '+', 5 to 15 digits.
fn valid_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(|c| c.is_ascii_digit()).count();
    let allowed = phone
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || c == '-' || c == ' ' || (c == '+' && i == 0));
    allowed && (5..=15).contains(&digits)
}

#[cfg(test)]
mod tests;
