//! Shared fixtures for the training tests: a small catalog with KNOWN requirements (the real catalog's are
//! mostly unknown), the real catalog read from catalog/courses/*.toml, and the skills subsidy's terms.
#![allow(dead_code)]

use leye_core::date::Date;
use leye_core::lang::Text;
use leye_core::training::*;
use std::path::Path;

/// The injected "today" of every test.
pub fn today() -> Date {
    Date::ymd(2026, 11, 26)
}

pub fn d(s: &str) -> Date {
    Date::parse(s).expect("test date")
}

/// Four courses, one per completion rule, plus one whose requirement is unknown.
pub fn fixture_catalog() -> CourseCatalog {
    let json = r#"[
      {"id":"modules-course","kind":"internet_plus","name":{"zh":"模块课","en":"Modules course"},
       "summary":{"zh":"三个模块","en":"Three modules"},"plan_clause":"二、(二)7","provider":"unknown",
       "channel":{"zh":"12333","en":"12333"},"delivery":"online","completion":"modules",
       "modules":[{"id":"m1","name":{"zh":"一","en":"One"}},{"id":"m2","name":{"zh":"二","en":"Two"}},
                  {"id":"m3","name":{"zh":"三","en":"Three"}}],
       "required_hours":"unknown","sessions":"unknown",
       "certificate":{"name":{"zh":"网约配送员","en":"Delivery rider"},"level":"level5"},
       "unlocks":["skill-upgrade-subsidy"],"rules_complete":false,
       "sources":[{"title":"test","confidence":"H"}],"check_with":{"zh":"问12333","en":"Call 12333"},
       "last_verified":"2026-11-01","file":"fixture.json"},
      {"id":"hours-course","kind":"training_brand","name":{"zh":"课时课","en":"Hours course"},
       "summary":{"zh":"10小时","en":"10 hours"},"plan_clause":"二、(二)7","provider":"unknown",
       "channel":{"zh":"12333","en":"12333"},"delivery":"in_person","completion":"hours",
       "modules":"unknown","required_hours":10,"sessions":"unknown","certificate":"unknown",
       "rules_complete":false,"sources":[{"title":"test","confidence":"H"}],
       "check_with":{"zh":"问12333","en":"Call 12333"},"last_verified":"2026-11-01","file":"fixture.json"},
      {"id":"camp","kind":"startup_camp","name":{"zh":"训练营","en":"Camp"},
       "summary":{"zh":"4次课","en":"4 sessions"},"plan_clause":"二、(一)4","provider":"unknown",
       "channel":{"zh":"12333","en":"12333"},"delivery":"in_person","completion":"sessions",
       "modules":"unknown","required_hours":"unknown","sessions":4,"certificate":"unknown",
       "milestones":[{"id":"market","name":{"zh":"市场调查","en":"Market research"}},
                     {"id":"plan","name":{"zh":"创业计划书","en":"Business plan"}}],
       "rules_complete":false,"sources":[{"title":"test","confidence":"H"}],
       "check_with":{"zh":"问12333","en":"Call 12333"},"last_verified":"2026-11-01","file":"fixture.json"},
      {"id":"unknown-course","kind":"startup_training","name":{"zh":"未知课","en":"Unknown course"},
       "summary":{"zh":"不详","en":"Unknown"},"plan_clause":"二、(一)4","provider":"unknown",
       "channel":{"zh":"12333","en":"12333"},"delivery":"unknown","completion":"unknown",
       "modules":"unknown","required_hours":"unknown","sessions":"unknown","certificate":"unknown",
       "rules_complete":false,"sources":[{"title":"test","confidence":"H"}],
       "check_with":{"zh":"以当地最新通知为准","en":"Per the latest local notice"},"last_verified":"2026-11-01",
       "file":"fixture.json"}
    ]"#;
    let catalog = CourseCatalog::from_json(json).expect("fixture catalog parses");
    assert!(
        catalog.validate(None).is_empty(),
        "{:?}",
        catalog.validate(None)
    );
    catalog
}

/// The skills subsidy's terms with the figures of ../shared/policy/facts.md item 10 (the catalog's
/// skill-upgrade-subsidy entry states the same; tests/training_catalog.rs checks the two agree once it exists).
pub fn terms() -> SkillsSubsidyTerms {
    SkillsSubsidyTerms {
        program_id: "skill-upgrade-subsidy".into(),
        name: Text::new("考证补贴", "Certificate bonus"),
        amounts: vec![
            LevelAmount {
                level: CertificateLevel::Junior,
                amount: Fen::from_yuan(1000),
            },
            LevelAmount {
                level: CertificateLevel::Intermediate,
                amount: Fen::from_yuan(1500),
            },
            LevelAmount {
                level: CertificateLevel::Senior,
                amount: Fen::from_yuan(2000),
            },
        ],
        claim_within_months: 12,
        max_claims_per_year: 3,
        apply: Text::new("爱山东", "爱山东 app"),
    }
}

/// A log driven through `append`, failing the test on any refusal.
pub struct Trainee<'a> {
    pub log: TrainingLog,
    pub catalog: &'a CourseCatalog,
    pub today: Date,
    pub terms: Option<SkillsSubsidyTerms>,
    next: u32,
}

impl<'a> Trainee<'a> {
    pub fn new(catalog: &'a CourseCatalog) -> Trainee<'a> {
        Trainee {
            log: TrainingLog::new(),
            catalog,
            today: today(),
            terms: Some(terms()),
            next: 0,
        }
    }

    pub fn try_log(
        &mut self,
        on: &str,
        course: Option<&str>,
        what: EventKind,
    ) -> Result<EventId, TrainingError> {
        self.next += 1;
        let e = Event::new(format!("e{}", self.next), d(on), course, what);
        let id = e.id.clone();
        let ctx = Context {
            catalog: self.catalog,
            today: self.today,
            skills_subsidy: self.terms.as_ref(),
        };
        self.log.append(e, &ctx).map(|_| id)
    }

    pub fn log(&mut self, on: &str, course: Option<&str>, what: EventKind) -> EventId {
        match self.try_log(on, course, what.clone()) {
            Ok(id) => id,
            Err(e) => panic!(
                "refused {what:?} on {on}: {}",
                e.message(leye_core::lang::Lang::En)
            ),
        }
    }

    pub fn enrol(&mut self, on: &str, course: &str) -> EventId {
        self.log(on, Some(course), EventKind::Enrolled { target: None })
    }

    pub fn undo(&mut self, on: &str, target: &EventId) -> Result<EventId, TrainingError> {
        self.try_log(
            on,
            None,
            EventKind::Undo {
                target: target.clone(),
            },
        )
    }

    pub fn certificate(
        &mut self,
        on: &str,
        course: Option<&str>,
        level: Option<CertificateLevel>,
        number: &str,
    ) -> EventId {
        let certificate = Certificate {
            name: "中式烹调师".into(),
            level,
            number: number.into(),
            issued_on: d(on),
        };
        self.log(on, course, EventKind::CertificateAdded { certificate })
    }

    pub fn progress(&self) -> Progress {
        progress(&self.log, self.catalog)
    }

    /// The progress of one course, which must be in the log.
    pub fn course(&self, id: &str) -> CourseProgress {
        self.progress()
            .course(&CourseId::new(id))
            .cloned()
            .unwrap_or_else(|| panic!("{id} has no progress"))
    }
}

/// The real course catalog, read from catalog/courses/*.toml the way build.rs does (entries tagged with "file").
pub fn real_catalog_json() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/courses");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("catalog/courses exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut entries = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable");
        let table: toml::Table = text
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let courses = table
            .get("course")
            .and_then(|c| c.as_array())
            .unwrap_or_else(|| panic!("{}: no [[course]]", f.display()));
        for c in courses {
            let mut v = serde_json::to_value(c).expect("toml to json");
            v["file"] = serde_json::Value::String(format!(
                "catalog/courses/{}",
                f.file_name().unwrap().to_string_lossy()
            ));
            entries.push(v);
        }
    }
    serde_json::Value::Array(entries).to_string()
}

pub fn real_catalog() -> CourseCatalog {
    CourseCatalog::from_json(&real_catalog_json()).unwrap_or_else(|e| panic!("{e:?}"))
}
