//! The course catalog's own checks: unique ids, both languages, sources, consistent amounts, and links
//! to the program catalog.

use super::*;

/// A problem found in the course catalog, naming the file and entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseIssue {
    pub file: String,
    pub course: String,
    pub message: String,
}

impl fmt::Display for CourseIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]: {}", self.file, self.course, self.message)
    }
}

impl CourseCatalog {
    /// [`CourseCatalog::validate`] against a program catalog: unlocked and linked programs must exist, and
    /// every who-may-join rule must pass the engine's checks against the fact vocabulary.
    pub fn validate_against(&self, catalog: &Catalog) -> Vec<CourseIssue> {
        let ids: Vec<&str> = catalog.programs().iter().map(|p| p.id.as_str()).collect();
        let mut issues = self.validate(Some(&ids));
        for c in &self.courses {
            let mut issue = |message: String| {
                issues.push(CourseIssue {
                    file: c.file.clone(),
                    course: c.id.0.clone(),
                    message,
                })
            };
            if let Some(p) = &c.program {
                if !ids.contains(&p.as_str()) {
                    issue(format!("program {p} does not exist"));
                }
            }
            for m in c.who_may_join.validate(catalog.facts()) {
                issue(format!("who may join: {m}"));
            }
        }
        issues
    }

    /// Checks what the type system cannot: unique ids, both languages present, sources present, completion
    /// amounts consistent, and (when `program_ids` is given) that every unlocked program exists.
    pub fn validate(&self, program_ids: Option<&[&str]>) -> Vec<CourseIssue> {
        let mut issues = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for c in &self.courses {
            let mut issue = |message: String| {
                issues.push(CourseIssue {
                    file: c.file.clone(),
                    course: c.id.0.clone(),
                    message,
                })
            };
            if c.id.0.is_empty()
                || !c
                    .id
                    .0
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
            {
                issue("id must be non-empty kebab-case (a-z, 0-9, -)".into());
            }
            if !seen.insert(c.id.0.clone()) {
                issue("duplicate course id".into());
            }
            let mut texts: Vec<(&str, &Text)> = vec![
                ("name", &c.name),
                ("summary", &c.summary),
                ("channel", &c.channel),
                ("check_with", &c.check_with),
            ];
            if let Some(p) = c.provider.known() {
                texts.push(("provider", p));
            }
            if let Some(cert) = c.certificate.known() {
                texts.push(("certificate.name", &cert.name));
            }
            let module_names: Vec<&Text> = c
                .modules
                .known()
                .map(|m| m.iter().map(|m| &m.name).collect())
                .unwrap_or_default();
            texts.extend(module_names.into_iter().map(|t| ("module name", t)));
            texts.extend(c.milestones.iter().map(|m| ("milestone name", &m.name)));
            for (field, t) in texts {
                if t.zh.trim().is_empty() || t.en.trim().is_empty() {
                    issue(format!("{field} needs both zh and en text"));
                }
            }
            if c.plan_clause.trim().is_empty() {
                issue("plan_clause is required".into());
            }
            if c.sources.is_empty() {
                issue("at least one source is required".into());
            }
            let stated_amount_unknown = match c.completion {
                Completion::Modules => c.modules.is_unknown(),
                Completion::Hours => c.required_hours.is_unknown(),
                Completion::Sessions => c.sessions.is_unknown(),
                Completion::Unknown => false,
            };
            if matches!(c.completion, Completion::Modules)
                && c.modules.known().is_some_and(|m| m.is_empty())
            {
                issue(
                    "completion by modules needs at least one module (or modules = \"unknown\")"
                        .into(),
                );
            }
            if stated_amount_unknown && c.check_with.zh.trim().is_empty() {
                issue("an unknown completion amount needs check_with saying where to ask".into());
            }
            let mut ids = std::collections::HashSet::new();
            for m in c.modules.known().into_iter().flatten() {
                if !ids.insert(&m.id) {
                    issue(format!("duplicate module id {}", m.id));
                }
            }
            let mut ids = std::collections::HashSet::new();
            for m in &c.milestones {
                if !ids.insert(&m.id) {
                    issue(format!("duplicate milestone id {}", m.id));
                }
            }
            if let Some(known) = program_ids {
                for p in &c.unlocks {
                    if !known.contains(&p.as_str()) {
                        issue(format!("unlocks unknown program id {p}"));
                    }
                }
            }
        }
        issues
    }
}
