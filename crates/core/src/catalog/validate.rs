//! The catalog's own checks: the facts, review dates, and (in `validate_program`) every program.

use super::*;

impl Catalog {
    /// Every problem of the catalog, checked against `today` for expiry. Empty means the catalog is sound.
    pub fn validate(&self, today: Date) -> Vec<CatalogIssue> {
        if let Some(written) = &self.written {
            return written.validate(today);
        }
        let mut out = self.load_issues.clone();
        self.validate_facts(&mut out);
        self.validate_figures(&mut out);
        for (i, p) in self.programs.iter().enumerate() {
            if self.programs[..i].iter().any(|o| o.id == p.id) {
                out.push(issue(
                    &p.file,
                    &p.id,
                    "duplicate program id: ids must be unique across the catalog",
                ));
            }
            self.validate_program(p, today, &mut out);
        }
        out
    }

    /// What to re-verify, warned about but not refused by `catalog check`: programs past their `review_by`.
    pub fn review_warnings(&self, today: Date) -> Vec<CatalogIssue> {
        self.programs
            .iter()
            .filter_map(|p| {
                let due = p.review_by?;
                (due < today).then(|| {
                    issue(
                        &p.file,
                        &p.id,
                        format!("past its review date {due}: check it against its sources, then move `review_by` on (the app shows it as 信息可能已过期)"),
                    )
                })
            })
            .collect()
    }

    /// Programs in the order to re-verify them: the earliest `review_by` first, then the oldest
    /// `last_verified`.
    pub fn review_order(&self) -> Vec<&Program> {
        let mut list: Vec<&Program> = self.programs.iter().collect();
        crate::order::sort_by_key(&mut list, |p| {
            (
                p.review_by.unwrap_or(Date::ymd(1, 1, 1)),
                p.last_verified,
                p.id.clone(),
            )
        });
        list
    }

    fn validate_facts(&self, out: &mut Vec<CatalogIssue>) {
        for (i, f) in self.facts.iter().enumerate() {
            let mut msgs = Vec::new();
            if !valid_id(&f.id, '_') {
                msgs.push("id must be lowercase ASCII letters, digits and `_`".to_string());
            }
            if self.facts[..i].iter().any(|o| o.id == f.id) {
                msgs.push("duplicate fact id".to_string());
            }
            check_text(&mut msgs, "`question`", &f.question);
            if let Some(h) = &f.help {
                check_text(&mut msgs, "`help`", h);
            }
            if let Some(h) = &f.find_out {
                check_text(&mut msgs, "`find_out`", h);
            }
            match f.fact_type {
                FactType::Choice | FactType::Multi => {
                    if f.choices.len() < 2 {
                        msgs.push("a choice fact needs at least two choices".into());
                    }
                    for (j, c) in f.choices.iter().enumerate() {
                        if f.choices[..j].iter().any(|o| o.value == c.value) {
                            msgs.push(format!("duplicate choice `{}`", c.value));
                        }
                        // A band's label may name its own ages, `{min_age}` and `{max_age}`.
                        let mut label = c.label.clone();
                        if c.is_age_band() {
                            for s in [&mut label.zh, &mut label.en] {
                                *s = s.replace("{min_age}", "").replace("{max_age}", "");
                            }
                        }
                        check_text(&mut msgs, &format!("choice `{}`", c.value), &label);
                    }
                    if let Some(ex) = &f.exclusive {
                        if f.fact_type != FactType::Multi || f.choice(ex).is_none() {
                            msgs.push(format!(
                                "`exclusive = \"{ex}\"` must name a choice of a multi fact"
                            ));
                        }
                    }
                }
                FactType::Int => match (f.min, f.max) {
                    (Some(a), Some(b)) if a <= b => {}
                    _ => msgs.push(
                        "an int fact needs `min` <= `max` (what answers are possible)".into(),
                    ),
                },
                _ => {}
            }
            if !f.choices.is_empty() && !matches!(f.fact_type, FactType::Choice | FactType::Multi) {
                msgs.push("`choices` only apply to choice and multi facts".into());
            }
            if f.group.is_some() {
                if f.fact_type != FactType::Bool {
                    msgs.push("only bool facts can be in a `group` (asked as a checklist)".into());
                }
                match &f.short {
                    Some(t) => check_text(&mut msgs, "`short`", t),
                    None => msgs.push("a grouped fact needs `short`, its checklist label".into()),
                }
            }
            match &f.age_of {
                Some(of) => {
                    match self.facts.iter().find(|o| &o.id == of) {
                        Some(d) if d.fact_type == FactType::Date => {}
                        _ => msgs.push(format!(
                            "`age_of` must name a date fact (`{of}` is not one)"
                        )),
                    }
                    if f.fact_type != FactType::Choice {
                        msgs.push("an age band (`age_of`) must be a choice fact".into());
                    }
                    for c in f.choices.iter().filter(|c| !c.is_age_band()) {
                        msgs.push(format!(
                            "choice `{}` of an age band needs its ages (`min_age`, `max_age`, `over_age`, `under_age`)",
                            c.value
                        ));
                    }
                }
                None => {
                    for c in f.choices.iter().filter(|c| c.is_age_band()) {
                        msgs.push(format!(
                            "choice `{}` has ages, but the fact has no `age_of` (the birth date it stands in for)",
                            c.value
                        ));
                    }
                }
            }
            if let Some(cond) = &f.ask_if {
                match self.facts[..i].iter().position(|o| o.id == cond.fact) {
                    None => msgs.push(format!(
                        "`ask_if` must test a fact defined earlier in the file (`{}` is not)",
                        cond.fact
                    )),
                    Some(_) => msgs.extend(
                        validate_test(cond, &self.facts)
                            .into_iter()
                            .map(|m| format!("`ask_if`: {m}")),
                    ),
                }
            }
            out.extend(msgs.into_iter().map(|m| issue(&f.file, &f.id, m)));
        }
    }
}

pub(super) fn valid_id(id: &str, sep: char) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == sep)
        && !id.starts_with(sep)
        && !id.ends_with(sep)
}
