//! The learning record: xAPI-style statements derived from the training log, for the backup and a standalone
//! download.
//!
//! - Actor: an account on this device (`homePage` `urn:leye:device`, `name` the app's local id). Nothing
//!   identifies the person unless they share the file.
//! - Verbs: ADL / Tin Can registry IRIs (registered, completed, experienced, attended, passed, earned).
//! - Objects: `urn:leye:course:<id>` and `.../module:<id>`, `.../milestone:<id>`, `.../certificate:<number>`.
//! - Timestamps: events are civil dates; a date is written as its start in China Standard Time (+08:00).
//! - Statement ids: UUIDs derived from the event id (SHA-256, version 8), so re-exporting gives the same ids.
//! - Left out on purpose: notes (private), scheduled sessions and subsidy claims (not learning), undone events.

use crate::domain::date::Date;
use crate::domain::training::{progress, CourseCatalog, EventKind, TrainingLog};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub const FORMAT: &str = "leye-learning-record";
pub const VERSION: u32 = 1;
const HOME_PAGE: &str = "urn:leye:device";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    #[serde(rename = "homePage")]
    pub home_page: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    #[serde(rename = "objectType")]
    pub object_type: String,
    pub account: Account,
}

/// Language map, xAPI style: {"zh-CN": "...", "en-US": "..."}.
pub type LanguageMap = BTreeMap<String, String>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verb {
    pub id: String,
    pub display: LanguageMap,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityDefinition {
    pub name: LanguageMap,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    #[serde(rename = "objectType")]
    pub object_type: String,
    pub id: String,
    pub definition: ActivityDefinition,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// ISO 8601 duration, e.g. "PT1H30M".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub actor: Actor,
    pub verb: Verb,
    pub object: Activity,
    pub timestamp: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<StatementResult>,
}

/// The standalone download: the statements with a small header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningRecord {
    pub format: String,
    pub version: u32,
    pub generated_on: Date,
    pub statements: Vec<Statement>,
}

impl LearningRecord {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the record has only strings, numbers and maps")
    }
}

fn lang_map(zh: &str, en: &str) -> LanguageMap {
    BTreeMap::from([
        ("zh-CN".to_string(), zh.to_string()),
        ("en-US".to_string(), en.to_string()),
    ])
}

fn verb(id: &str, zh: &str, en: &str) -> Verb {
    Verb {
        id: id.to_string(),
        display: lang_map(zh, en),
    }
}

/// Percent-encodes everything outside RFC 3986 unreserved characters, so any id is a valid IRI segment.
fn segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A name-based UUID (version 8, RFC 9562) from SHA-256 of `name`.
fn uuid_from(name: &str) -> String {
    let d = Sha256::digest(name.as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut h = String::with_capacity(32);
    for x in b {
        let _ = write!(h, "{x:02x}");
    }
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

fn timestamp(d: Date) -> String {
    format!("{d}T00:00:00+08:00")
}

fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// Derives the statements, in date order (ties by event id). `local_id` is the app's per-device actor id.
pub fn statements(log: &TrainingLog, catalog: &CourseCatalog, local_id: &str) -> Vec<Statement> {
    let actor = Actor {
        object_type: "Agent".into(),
        account: Account {
            home_page: HOME_PAGE.into(),
            name: local_id.into(),
        },
    };
    let activity = |id: String, zh: &str, en: &str| Activity {
        object_type: "Activity".into(),
        id,
        definition: ActivityDefinition {
            name: lang_map(zh, en),
        },
    };
    let mut out: Vec<(Date, String, Statement)> = Vec::new();
    for e in log.effective() {
        let course = e.course.as_ref().and_then(|id| catalog.course(id));
        let course_iri = course.map(|c| format!("urn:leye:course:{}", segment(c.id.as_str())));
        let course_name =
            |c: &crate::domain::training::Course| (c.name.zh.clone(), c.name.en.clone());
        let made = match (&e.what, course, &course_iri) {
            (EventKind::Enrolled { .. }, Some(c), Some(iri)) => {
                let (zh, en) = course_name(c);
                Some((
                    verb(
                        "http://adlnet.gov/expapi/verbs/registered",
                        "报名",
                        "registered",
                    ),
                    activity(iri.clone(), &zh, &en),
                    None,
                ))
            }
            (EventKind::ModuleDone { module }, Some(c), Some(iri)) => {
                let (zh, en) = c
                    .module(module)
                    .map_or((module.clone(), module.clone()), |m| {
                        (m.name.zh.clone(), m.name.en.clone())
                    });
                let result = StatementResult {
                    completion: Some(true),
                    ..Default::default()
                };
                Some((
                    verb(
                        "http://adlnet.gov/expapi/verbs/completed",
                        "完成",
                        "completed",
                    ),
                    activity(format!("{iri}:module:{}", segment(module)), &zh, &en),
                    Some(result),
                ))
            }
            (EventKind::HoursStudied { minutes }, Some(c), Some(iri)) => {
                let (zh, en) = course_name(c);
                let result = StatementResult {
                    duration: Some(duration(u32::from(*minutes))),
                    ..Default::default()
                };
                Some((
                    verb(
                        "http://adlnet.gov/expapi/verbs/experienced",
                        "学习",
                        "experienced",
                    ),
                    activity(iri.clone(), &zh, &en),
                    Some(result),
                ))
            }
            (EventKind::SessionAttended { title }, Some(c), Some(iri)) => {
                let (mut zh, mut en) = course_name(c);
                if let Some(t) = title {
                    zh = format!("{zh}:{t}");
                    en = format!("{en}: {t}");
                }
                Some((
                    verb(
                        "http://adlnet.gov/expapi/verbs/attended",
                        "参加",
                        "attended",
                    ),
                    activity(format!("{iri}:session"), &zh, &en),
                    None,
                ))
            }
            (EventKind::ExamPassed { exam }, Some(_), Some(iri)) => {
                let result = StatementResult {
                    success: Some(true),
                    ..Default::default()
                };
                Some((
                    verb("http://adlnet.gov/expapi/verbs/passed", "通过", "passed"),
                    activity(format!("{iri}:exam:{}", segment(exam)), exam, exam),
                    Some(result),
                ))
            }
            (EventKind::MilestoneTicked { milestone }, Some(c), Some(iri)) => {
                let (zh, en) = c
                    .milestone(milestone)
                    .map_or((milestone.clone(), milestone.clone()), |m| {
                        (m.name.zh.clone(), m.name.en.clone())
                    });
                let result = StatementResult {
                    completion: Some(true),
                    ..Default::default()
                };
                Some((
                    verb(
                        "http://adlnet.gov/expapi/verbs/completed",
                        "完成",
                        "completed",
                    ),
                    activity(format!("{iri}:milestone:{}", segment(milestone)), &zh, &en),
                    Some(result),
                ))
            }
            (EventKind::CertificateAdded { certificate }, _, _) => {
                let level = certificate.level.map(|l| l.label());
                let result = StatementResult {
                    response: level.map(|l| l.zh),
                    ..Default::default()
                };
                Some((
                    verb("http://id.tincanapi.com/verb/earned", "获得", "earned"),
                    activity(
                        format!(
                            "urn:leye:certificate:{}",
                            segment(certificate.number.trim())
                        ),
                        &certificate.name,
                        &certificate.name,
                    ),
                    Some(result),
                ))
            }
            _ => None,
        };
        if let Some((verb, object, result)) = made {
            let statement = Statement {
                id: uuid_from(&format!("leye-statement:{}", e.id)),
                actor: actor.clone(),
                verb,
                object,
                timestamp: timestamp(e.on),
                result,
            };
            out.push((e.on, e.id.0.clone(), statement));
        }
    }
    // Course completion is derived, so its statement is too (id from the course, stable across exports).
    for p in progress(log, catalog).courses {
        if let (Some(on), Some(c)) = (p.completed_on, catalog.course(&p.course)) {
            let statement = Statement {
                id: uuid_from(&format!("leye-completed:{}", c.id)),
                actor: actor.clone(),
                verb: verb(
                    "http://adlnet.gov/expapi/verbs/completed",
                    "完成",
                    "completed",
                ),
                object: activity(
                    format!("urn:leye:course:{}", segment(c.id.as_str())),
                    &c.name.zh,
                    &c.name.en,
                ),
                timestamp: timestamp(on),
                result: Some(StatementResult {
                    completion: Some(true),
                    duration: (p.minutes_studied > 0).then(|| duration(p.minutes_studied)),
                    ..Default::default()
                }),
            };
            out.push((on, format!("~completed:{}", c.id), statement));
        }
    }
    out.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    out.into_iter().map(|(_, _, s)| s).collect()
}

/// The standalone download for `today`.
pub fn learning_record(
    log: &TrainingLog,
    catalog: &CourseCatalog,
    local_id: &str,
    today: Date,
) -> LearningRecord {
    LearningRecord {
        format: FORMAT.into(),
        version: VERSION,
        generated_on: today,
        statements: statements(log, catalog, local_id),
    }
}
