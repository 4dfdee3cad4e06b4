//! Checking a backup's learning record against the backup's own events.

use super::*;

/// Checks a backup's learning record against the backup's own records, without the course catalog (the
/// importing app may hold a newer one): the header is this format; every statement has the xAPI shape, bounded
/// text, the actor [`learner_id`] gives for these records, and an id that only a statement about one of these
/// events (or a completion of one of their courses) can have; no id repeats. So a record that describes other
/// events, or another person, is refused rather than silently dropped. `Err((statement index, problem))`.
pub fn check_backup_record(record: &Value, records: &Records) -> Result<(), (usize, String)> {
    let header = |p: &str| Err((0, p.to_string()));
    let Value::Object(map) = record else {
        return header("not an object");
    };
    if map.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return header("not a learning record");
    }
    match map.get("version").and_then(Value::as_u64) {
        Some(v) if v >= 1 && v <= u64::from(VERSION) => {}
        _ => return header("unsupported learning record version"),
    }
    if map.len() != 4 {
        return header("unexpected fields");
    }
    let Some(generated) = map.get("generated_on").and_then(Value::as_str) else {
        return header("no date");
    };
    if Date::parse(generated).is_err() {
        return header("bad date");
    }
    let Some(Value::Array(statements)) = map.get("statements") else {
        return header("no statements");
    };
    // The ids a statement derived from these records can carry.
    let mut allowed = HashSet::new();
    for e in &records.training_events {
        if let Some(id) = e.event.get("id").and_then(Value::as_str) {
            allowed.insert(uuid_from(&format!("leye-statement:{id}")));
        }
        if let Some(course) = e.event.get("course").and_then(Value::as_str) {
            allowed.insert(uuid_from(&format!("leye-completed:{course}")));
        }
    }
    let actor = learner_id(&records.training_events, stored_learner_id(records));
    let mut seen = HashSet::new();
    for (i, raw) in statements.iter().enumerate() {
        let at = |p: String| (i, p);
        records::check_value(raw, 0).map_err(at)?;
        let s: Statement =
            serde_json::from_value(raw.clone()).map_err(|_| at("not an xAPI statement".into()))?;
        if !allowed.contains(&s.id) {
            return Err(at("statement about an event not in this backup".into()));
        }
        if !seen.insert(s.id.clone()) {
            return Err(at("duplicate statement".into()));
        }
        if s.actor.account.home_page != HOME_PAGE || Some(&s.actor.account.name) != actor.as_ref() {
            return Err(at("statement by another learner".into()));
        }
    }
    Ok(())
}
