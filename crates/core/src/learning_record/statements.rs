//! The statements derived from the training log, one per thing learnt, in date order.

use super::*;

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
        let course_name = |c: &crate::training::Course| (c.name.zh.clone(), c.name.en.clone());
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
    crate::order::sort_by(&mut out, |a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    out.into_iter().map(|(_, _, s)| s).collect()
}
