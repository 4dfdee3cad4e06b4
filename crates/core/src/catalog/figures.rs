//! The checks that keep figures in one place: no figure written by hand in a text, no number in a rule
//! that is not a parameter, every reference known and of the right unit.

use super::in_force::{program_texts, unit_for, NUMBER_KEYS};
use super::{issue, Catalog, CatalogIssue};
use crate::lang::Text;
use crate::params::{hand_written_figures, is_parameter_name, placeholders, Num, ShareRef, Unit};
use serde_json::Value;

impl Catalog {
    /// The figure checks of `validate`: parameters and sources sound, every reference known and of the
    /// right unit, no number in a rule that is not a parameter, no figure written by hand in a text.
    pub(super) fn validate_figures(&self, out: &mut Vec<CatalogIssue>) {
        for (file, entry, msg) in self.parameters.validate(self.meta.published) {
            out.push(issue(&file, &entry, msg));
        }
        let names = &self.meta.names;
        let mut used: Vec<String> = Vec::new();
        let params = &self.parameters;
        let check_text = |file: &str,
                          entry: &str,
                          what: &str,
                          t: &Text,
                          out: &mut Vec<CatalogIssue>,
                          used: &mut Vec<String>| {
            for (lang, s) in [("zh", &t.zh), ("en", &t.en)] {
                let figures = hand_written_figures(s, names);
                if !figures.is_empty() {
                    out.push(issue(file, entry, format!(
                        "{what} ({lang}) writes the figure(s) {} by hand: name it as a parameter and write `{{parameter.id}}` (or list a name that contains digits in meta.toml `names`)",
                        figures.join(", ")
                    )));
                }
                for name in placeholders(s).into_iter().filter(|n| is_parameter_name(n)) {
                    if params.get(name).is_none() {
                        out.push(issue(
                            file,
                            entry,
                            format!("{what} ({lang}): unknown parameter {{{name}}}"),
                        ));
                    } else if !used.iter().any(|u| u == name) {
                        used.push(name.to_string());
                    }
                }
            }
        };
        let check_num = |file: &str,
                         entry: &str,
                         what: &str,
                         n: &Num,
                         units: &[Unit],
                         out: &mut Vec<CatalogIssue>,
                         used: &mut Vec<String>| {
            match n {
            Num::Lit(v) => out.push(issue(file, entry, format!(
                "{what} is the number {v}: every amount, limit, count and period is a parameter (write its id as a string)"
            ))),
            Num::Param(id) => match params.get(id) {
                None => out.push(issue(file, entry, format!("{what}: unknown parameter `{id}`"))),
                Some(p) => {
                    if !units.contains(&p.unit) {
                        out.push(issue(file, entry, format!("{what}: parameter `{id}` is in {}, which does not fit here", p.unit.name())));
                    }
                    if !used.contains(id) {
                        used.push(id.clone());
                    }
                }
            },
        }
        };
        for f in &self.facts {
            let mut f2 = f.clone();
            let mut texts = vec![("question", f2.question.clone())];
            if let Some(h) = f2.help.take() {
                texts.push(("help", h));
            }
            if let Some(h) = f2.find_out.take() {
                texts.push(("find_out", h));
            }
            for c in &f2.choices {
                texts.push(("choice label", c.label.clone()));
            }
            for (what, t) in texts {
                check_text(&f.file, &f.id, what, &t, out, &mut used);
            }
            for c in &f.choices {
                let bounds = [
                    ("min_age", &c.min_age),
                    ("max_age", &c.max_age),
                    ("over_age", &c.over_age),
                    ("under_age", &c.under_age),
                ];
                for (k, n) in bounds {
                    if let Some(n) = n {
                        check_num(
                            &f.file,
                            &f.id,
                            &format!("choice `{}` {k}", c.value),
                            n,
                            &[Unit::Age],
                            out,
                            &mut used,
                        );
                    }
                }
            }
            if let Some(c) = &f.ask_if {
                for (k, n) in c.numbers() {
                    check_num(
                        &f.file,
                        &f.id,
                        &format!("`ask_if` {k}"),
                        n,
                        unit_for(c, k),
                        out,
                        &mut used,
                    );
                }
            }
        }
        for p in &self.programs {
            let mut copy = p.clone();
            program_texts(&mut copy, &mut |what, t| {
                check_text(&p.file, &p.id, what, t, out, &mut used)
            });
            for c in &p.criteria {
                for (k, n) in c.numbers() {
                    check_num(
                        &p.file,
                        &p.id,
                        &format!("criterion `{}` {k}", c.id),
                        n,
                        unit_for(c, k),
                        out,
                        &mut used,
                    );
                }
            }
            for w in &p.windows {
                for (k, n, u) in [
                    ("years", &w.years, Unit::Years),
                    ("months", &w.months, Unit::Months),
                ] {
                    if let Some(n) = n {
                        check_num(
                            &p.file,
                            &p.id,
                            &format!("window `{}` {k}", w.id),
                            n,
                            &[u],
                            out,
                            &mut used,
                        );
                    }
                }
            }
            let b = &p.benefit;
            for (k, n) in [("yuan", &b.yuan), ("cap_yuan", &b.cap_yuan)] {
                if let Some(n) = n {
                    check_num(
                        &p.file,
                        &p.id,
                        &format!("benefit {k}"),
                        n,
                        &[Unit::Yuan],
                        out,
                        &mut used,
                    );
                }
            }
            for r in &b.rows {
                check_num(
                    &p.file,
                    &p.id,
                    &format!("benefit row `{}`", r.value),
                    &r.yuan,
                    &[Unit::Yuan],
                    out,
                    &mut used,
                );
            }
            match &b.share {
                Some(ShareRef::Lit(s)) => out.push(issue(
                    &p.file,
                    &p.id,
                    format!("benefit share is written as {s}: name it as a parameter"),
                )),
                Some(ShareRef::Param(id)) => match params.get(id) {
                    Some(x) if x.unit == Unit::Share => {
                        if !used.contains(id) {
                            used.push(id.clone());
                        }
                    }
                    Some(_) => out.push(issue(
                        &p.file,
                        &p.id,
                        format!("benefit share: `{id}` is not a share"),
                    )),
                    None => out.push(issue(
                        &p.file,
                        &p.id,
                        format!("benefit share: unknown parameter `{id}`"),
                    )),
                },
                None => {}
            }
        }
        for course in &self.courses {
            let file = course
                .get("file")
                .and_then(Value::as_str)
                .unwrap_or("catalog/courses");
            let id = course.get("id").and_then(Value::as_str).unwrap_or("?");
            let (mut texts, mut numbers) = (Vec::new(), Vec::new());
            json_figures(course, &mut texts, &mut numbers);
            for t in &texts {
                check_text(file, id, "text", t, out, &mut used);
            }
            for (what, v) in numbers {
                match v {
                    Value::Number(n) => out.push(issue(file, id, format!(
                        "{what} is the number {n}: every limit in a rule is a parameter (write its id as a string)"
                    ))),
                    Value::String(s) => match params.get(&s) {
                        None => out.push(issue(file, id, format!("{what}: unknown parameter `{s}`"))),
                        Some(_) => {
                            if !used.contains(&s) {
                                used.push(s);
                            }
                        }
                    },
                    _ => {}
                }
            }
        }
        for p in &params.params {
            if !used.contains(&p.id) {
                out.push(issue(
                    &p.file,
                    &p.id,
                    "parameter not used by any rule or text: remove it or use it",
                ));
            }
        }
    }
}

/// Walks a course entry: its bilingual texts (`{zh, en}` objects) and the numbers of its criteria.
fn json_figures(v: &Value, texts: &mut Vec<Text>, numbers: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(zh)), Some(Value::String(en)), 2) =
                (m.get("zh"), m.get("en"), m.len())
            {
                texts.push(Text::new(zh.clone(), en.clone()));
                return;
            }
            let is_criterion = m.contains_key("fact") && m.contains_key("test");
            for (k, child) in m {
                if is_criterion && NUMBER_KEYS.contains(&k.as_str()) {
                    let id = m.get("id").and_then(Value::as_str).unwrap_or("?");
                    numbers.push((format!("criterion `{id}` {k}"), child.clone()));
                } else {
                    json_figures(child, texts, numbers);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| json_figures(x, texts, numbers)),
        _ => {}
    }
}
