//! 我的 → 数据 as plain data: what a catalog switch changed for the person, the stored answers read against a
//! catalog's vocabulary, and the figures the screen shows (file name, sizes, clock times).

use crate::catalog::Catalog;
use crate::date::Date;
use crate::facts::{Answer, FactDef, Facts};
use crate::lang::Text;
use crate::outcome::ProgramResult;
use crate::text::data::change_summary;
use serde_json::Value;

/// The download name of a backup made on `today`: `leye-backup-2026-11-26.json`.
pub fn backup_file_name(today: Date) -> String {
    format!("leye-backup-{today}.json")
}

/// Bytes as people read them: "0 KB", "850 KB", "1.2 MB", "2.5 GB" (1 KB = 1024 bytes, one decimal
/// below 10 units). Integer arithmetic only, so the same figure shows on every phone.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    // Tenths of a KB, rounded to nearest.
    let mut tenths = (u128::from(bytes) * 10 + 512) / 1024;
    let mut unit = 0;
    while tenths >= 10 * 1024 && unit + 1 < UNITS.len() {
        tenths = (tenths + 512) / 1024;
        unit += 1;
    }
    if tenths >= 100 || unit == 0 {
        format!("{} {}", (tenths + 5) / 10, UNITS[unit])
    } else {
        format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
    }
}

/// A moment (milliseconds since 1970, UTC) as local wall-clock text "2026-11-26 13:57".
/// `offset_minutes` is the phone's offset east of UTC (China: +480); the caller reads it from the browser.
pub fn clock_text(ms: i64, offset_minutes: i64) -> String {
    let local_minutes = ms.div_euclid(60_000) + offset_minutes;
    let day = Date::from_days(local_minutes.div_euclid(24 * 60));
    let minute_of_day = local_minutes.rem_euclid(24 * 60);
    format!("{day} {:02}:{:02}", minute_of_day / 60, minute_of_day % 60)
}

/// The person's stored answers as `Facts` for `vocabulary`. Lenient on purpose: an answer the
/// vocabulary no longer knows, or no longer accepts, is left out (it becomes "not asked yet") rather
/// than hiding every result.
pub fn facts_from_answers<'a>(
    answers: impl IntoIterator<Item = (&'a str, &'a Value)>,
    vocabulary: &[FactDef],
    today: Date,
) -> Facts {
    let mut facts = Facts::new();
    for (id, raw) in answers {
        let Some(def) = vocabulary.iter().find(|d| d.id == id) else {
            continue;
        };
        match def.parse(raw, today) {
            Ok(Answer::Known(value)) => {
                facts.set(id, value);
            }
            Ok(Answer::Unknown) => {
                facts.mark_unknown(id);
            }
            Err(_) => {}
        }
    }
    facts
}

/// What a switch to a new catalog changed for one person: programs they can now apply for, and
/// programs they no longer qualify for (names from the catalog that produced them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogChange {
    pub newly_qualifying: Vec<Text>,
    pub no_longer_qualifying: Vec<Text>,
    /// Courses the person enrolled in and programs they saved that the new catalog no longer lists: their
    /// records are kept and shown as no longer listed (issue 14), and the person is told.
    pub no_longer_listed: Vec<Text>,
}

impl CatalogChange {
    /// Compares results under the old catalog with results under the new one (same facts, same day).
    /// "Qualifying" is the engine's own: eligible or likely eligible.
    pub fn between(
        before: &[ProgramResult],
        before_catalog: &Catalog,
        after: &[ProgramResult],
        after_catalog: &Catalog,
    ) -> CatalogChange {
        let qualified = |results: &[ProgramResult], id: &str| {
            results
                .iter()
                .any(|r| r.program == id && r.outcome.qualifies())
        };
        let name = |catalog: &Catalog, id: &str| {
            catalog
                .program(id)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| Text::new(id, id))
        };
        CatalogChange {
            newly_qualifying: after
                .iter()
                .filter(|r| r.outcome.qualifies() && !qualified(before, &r.program))
                .map(|r| name(after_catalog, &r.program))
                .collect(),
            no_longer_qualifying: before
                .iter()
                .filter(|r| r.outcome.qualifies() && !qualified(after, &r.program))
                .map(|r| name(before_catalog, &r.program))
                .collect(),
            no_longer_listed: Vec::new(),
        }
    }

    /// Adds the person's enrolled courses and saved programs that `after` no longer lists (named as
    /// `before` named them; by id when neither does).
    pub fn with_unlisted(
        mut self,
        before: &Catalog,
        after: &Catalog,
        enrolled_courses: &[String],
        saved_programs: &[String],
    ) -> CatalogChange {
        use crate::training::{CourseCatalog, CourseId};
        let (old, new) = (
            CourseCatalog::from_catalog(before).unwrap_or_default(),
            CourseCatalog::from_catalog(after).unwrap_or_default(),
        );
        for id in enrolled_courses {
            let id = CourseId::new(id.as_str());
            if new.course(&id).is_none() {
                let name = old.course(&id).map(|c| c.name.clone());
                self.no_longer_listed
                    .push(name.unwrap_or_else(|| Text::new(id.as_str(), id.as_str())));
            }
        }
        for id in saved_programs {
            if after.program(id).is_none() {
                let name = before.program(id).map(|p| p.name.clone());
                self.no_longer_listed
                    .push(name.unwrap_or_else(|| Text::new(id.as_str(), id.as_str())));
            }
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.newly_qualifying.is_empty()
            && self.no_longer_qualifying.is_empty()
            && self.no_longer_listed.is_empty()
    }

    /// One or two sentences for the person (see [`change_summary`]).
    pub fn summary(&self) -> Text {
        change_summary(
            &self.newly_qualifying,
            &self.no_longer_qualifying,
            &self.no_longer_listed,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Answer;
    use crate::outcome::{evaluate, Outcome};
    use serde_json::Value;

    #[test]
    fn backup_file_is_named_after_the_day() {
        assert_eq!(
            backup_file_name(Date::ymd(2026, 11, 26)),
            "leye-backup-2026-11-26.json"
        );
    }

    #[test]
    fn sizes_read_like_a_phone_settings_screen() {
        assert_eq!(human_bytes(0), "0 KB");
        assert_eq!(human_bytes(300), "0 KB");
        assert_eq!(human_bytes(850 * 1024), "850 KB");
        assert_eq!(human_bytes(1_258_291), "1.2 MB"); // 1.2 × 1024²
        assert_eq!(human_bytes(10 * 1024 * 1024), "10 MB");
        assert_eq!(human_bytes(3 * 1024 * 1024 * 1024 / 2), "1.5 GB");
        assert_eq!(human_bytes(u64::MAX), "16777216 TB");
    }

    #[test]
    fn clock_text_is_local_wall_time() {
        // 2026-11-26T05:57:00Z is 13:57 in Zaozhuang (UTC+8) and still the 25th in New York (UTC−5).
        let ms = (Date::ymd(2026, 11, 26).to_days() * 86_400 + 5 * 3600 + 57 * 60) * 1000;
        assert_eq!(clock_text(ms, 480), "2026-11-26 13:57");
        assert_eq!(clock_text(ms, -300), "2026-11-26 00:57");
        assert_eq!(clock_text(ms - 6 * 3_600_000, -300), "2026-11-25 18:57");
    }

    fn catalog() -> &'static Catalog {
        Catalog::builtin()
    }

    #[test]
    fn answers_unknown_to_the_vocabulary_are_left_out_not_fatal() {
        let vocab = catalog().facts();
        let known = &vocab[0];
        let answers = [
            ("no_such_fact", Value::Bool(true)),
            (known.id.as_str(), Value::Null),
        ];
        let facts = facts_from_answers(
            answers.iter().map(|(k, v)| (*k, v)),
            vocab,
            Date::ymd(2026, 11, 26),
        );
        assert_eq!(facts.len(), 1);
        assert_eq!(facts.answer(&known.id), Some(&Answer::Unknown));
    }

    #[test]
    fn a_switch_reports_programs_gained_and_lost() {
        let today = Date::ymd(2026, 11, 26);
        let before = evaluate(catalog(), &Facts::new(), today);
        assert!(before.len() >= 2);
        // The new catalog's results: first program now qualifies, a qualifying one (if any) stops.
        let mut after = before.clone();
        for r in after.iter_mut() {
            r.outcome = Outcome::NotEligible;
        }
        let mut before = before;
        for r in before.iter_mut() {
            r.outcome = Outcome::NotEligible;
        }
        after[0].outcome = Outcome::Eligible;
        before[1].outcome = Outcome::LikelyEligible;

        let change = CatalogChange::between(&before, catalog(), &after, catalog());
        assert_eq!(
            change.newly_qualifying,
            vec![catalog().programs()[0].name.clone()]
        );
        assert_eq!(
            change.no_longer_qualifying,
            vec![catalog().programs()[1].name.clone()]
        );
        let summary = change.summary();
        assert!(
            summary.zh.starts_with("新增1项你可以申请的政策"),
            "{}",
            summary.zh
        );
        assert!(summary.zh.contains(&catalog().programs()[0].name.zh));
        assert!(summary.zh.contains("以当地最新通知为准"));
        assert!(
            summary.en.starts_with("1 new program you can apply for"),
            "{}",
            summary.en
        );
    }

    #[test]
    fn same_results_say_nothing_changed() {
        let today = Date::ymd(2026, 11, 26);
        let results = evaluate(catalog(), &Facts::new(), today);
        let change = CatalogChange::between(&results, catalog(), &results, catalog());
        assert!(change.is_empty());
        assert_eq!(change.summary().zh, "你的结果没有变化。");
    }

    #[test]
    fn a_dropped_course_or_saved_program_is_reported_not_called_no_change() {
        let today = Date::ymd(2026, 11, 26);
        let results = evaluate(catalog(), &Facts::new(), today);
        let course = crate::training::CourseCatalog::from_catalog(catalog()).unwrap();
        let enrolled = course.courses()[0].id.as_str().to_owned();
        let saved = catalog().programs()[0].id.clone();
        // The same catalog without that course and that program.
        let mut doc: Value = serde_json::from_str(crate::catalog::CATALOG_JSON).unwrap();
        doc["courses"]
            .as_array_mut()
            .unwrap()
            .retain(|c| c["id"] != enrolled.as_str());
        doc["programs"]
            .as_array_mut()
            .unwrap()
            .retain(|p| p["id"] != saved.as_str());
        let after = Catalog::from_document(&doc);
        let change = CatalogChange::between(&results, catalog(), &results, catalog())
            .with_unlisted(
                catalog(),
                &after,
                &[enrolled, "gone-without-a-name".into()],
                &[saved],
            );
        assert!(!change.is_empty());
        assert_eq!(change.no_longer_listed.len(), 3);
        let summary = change.summary();
        assert!(!summary.zh.contains("没有变化"), "{}", summary.zh);
        assert!(
            summary.zh.contains(&course.courses()[0].name.zh),
            "{}",
            summary.zh
        );
        assert!(
            summary.zh.contains(&catalog().programs()[0].name.zh),
            "{}",
            summary.zh
        );
        assert!(summary.zh.contains("gone-without-a-name"));
        assert!(summary.zh.contains("你的记录都还在"));
        assert!(summary.en.contains("no longer listed"), "{}", summary.en);
        // Nothing dropped: nothing said.
        let same = CatalogChange::between(&results, catalog(), &results, catalog()).with_unlisted(
            catalog(),
            catalog(),
            &[course.courses()[0].id.as_str().to_owned()],
            &[],
        );
        assert!(same.is_empty());
    }

    #[test]
    fn a_program_new_in_the_catalog_counts_as_gained() {
        let today = Date::ymd(2026, 11, 26);
        let mut after = evaluate(catalog(), &Facts::new(), today);
        after.truncate(1);
        after[0].outcome = Outcome::Eligible;
        let change = CatalogChange::between(&[], catalog(), &after, catalog());
        assert_eq!(change.newly_qualifying.len(), 1);
        assert!(change.no_longer_qualifying.is_empty());
    }
}
