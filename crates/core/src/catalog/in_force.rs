//! Putting a catalog in force for a day: every parameter a rule or a text names is replaced by its value in
//! force that day, and each program lists the figures it shows with their sources. The checks that keep
//! figures in one place are in `figures`.

use super::{Catalog, Program};
use crate::date::Date;
use crate::lang::Text;
use crate::params::{Num, ShareRef, Unit};
use crate::rules::{Criterion, TestKind};
use serde_json::Value;

/// Every text of a program, with a name for messages.
pub(super) fn program_texts(p: &mut Program, f: &mut dyn FnMut(&str, &mut Text)) {
    f("name", &mut p.name);
    f("summary", &mut p.summary);
    for d in &mut p.departments {
        f("department", d);
    }
    for d in &mut p.documents {
        f("document", d);
    }
    let b = &mut p.benefit;
    for (what, t) in [
        ("benefit unit", &mut b.unit),
        ("benefit period", &mut b.period),
        ("benefit duration", &mut b.duration),
        ("benefit note", &mut b.note),
    ] {
        if let Some(t) = t {
            f(what, t);
        }
    }
    for c in &mut p.criteria {
        criterion_texts(c, f);
    }
    for c in p.apply.iter_mut().chain(p.confirm_with.as_mut()) {
        if let Some(n) = &mut c.name {
            f("channel name", n);
        }
        if let Some(n) = &mut c.note {
            f("channel note", n);
        }
    }
    for w in &mut p.windows {
        f("window text", &mut w.text);
    }
}

pub(super) fn criterion_texts(c: &mut Criterion, f: &mut dyn FnMut(&str, &mut Text)) {
    f("criterion met", &mut c.met);
    f("criterion failed", &mut c.failed);
    if let Some(t) = &mut c.unknown {
        f("criterion unknown", t);
    }
    if let Some(t) = &mut c.change {
        f("criterion change", t);
    }
}

/// The unit a number of a test must have: spans in years or months, ages, counts.
pub(super) fn unit_for(c: &Criterion, key: &str) -> &'static [Unit] {
    match (c.test, key) {
        (_, "years") => &[Unit::Years],
        (_, "months") => &[Unit::Months],
        (TestKind::AgeBetween | TestKind::AgeBelow, _) => &[Unit::Age],
        _ => &[
            Unit::Count,
            Unit::Months,
            Unit::Years,
            Unit::Age,
            Unit::Yuan,
        ],
    }
}

/// A catalog as its reader assembled it, before any day's values are put in force: it can only be put in
/// force, so no screen or rule ever sees a parameter's name where a value belongs. Lets the app read the
/// built-in catalog in one task and put it in force on today in the next (issue 16's TBT), without first
/// putting it in force on its publication day for nothing.
#[derive(Debug)]
pub struct WrittenCatalog(pub(super) Catalog);

impl WrittenCatalog {
    /// The catalog as it applies on `day` (see [`Catalog::in_force`]).
    pub fn in_force(self, day: Date) -> Catalog {
        Catalog::put_in_force_from(std::sync::Arc::new(self.0), day)
    }

    /// Until someone asks for another day, the values in force on the day the catalog was published.
    pub fn in_force_when_published(self) -> Catalog {
        let published = self.0.meta.published;
        self.in_force(published)
    }
}

impl Catalog {
    /// This catalog as it applies on `day`: the values of that day in every rule and text. Evaluation uses
    /// it (and `outcome::evaluate` puts a catalog in force itself if it was not, or was for another day).
    pub fn in_force(&self, day: Date) -> Catalog {
        if self.in_force_on == Some(day) {
            return self.clone();
        }
        let written = match &self.written {
            Some(w) => w.clone(),
            None => std::sync::Arc::new(self.clone()),
        };
        Catalog::put_in_force_from(written, day)
    }

    /// A copy of the catalog as written with the values of `day`, keeping the written form for other days.
    fn put_in_force_from(written: std::sync::Arc<Catalog>, day: Date) -> Catalog {
        let mut c = (*written).clone();
        c.written = Some(written);
        c.put_in_force(day);
        c
    }

    /// The day whose values this catalog carries, if it was put in force.
    pub fn in_force_on(&self) -> Option<Date> {
        self.in_force_on
    }

    pub fn parameters(&self) -> &crate::params::Parameters {
        &self.parameters
    }

    fn put_in_force(&mut self, day: Date) {
        let params = std::mem::take(&mut self.parameters);
        let num = |n: &mut Num| {
            if let Num::Param(id) = n {
                if let Some(v) = params.int_on(id, day) {
                    *n = Num::Lit(v);
                }
            }
        };
        let nums = |c: &mut Criterion| {
            for n in [
                &mut c.value,
                &mut c.min,
                &mut c.max,
                &mut c.years,
                &mut c.months,
            ]
            .into_iter()
            .flatten()
            {
                num(n);
            }
        };
        for f in &mut self.facts {
            let mut unused = Vec::new();
            f.question = params.fill(&f.question, day, &mut unused);
            if let Some(h) = &f.help {
                f.help = Some(params.fill(h, day, &mut unused));
            }
            if let Some(h) = &f.find_out {
                f.find_out = Some(params.fill(h, day, &mut unused));
            }
            for c in &mut f.choices {
                c.label = params.fill(&c.label, day, &mut unused);
                for n in c.age_bounds_mut().into_iter().flatten() {
                    num(n);
                }
                // A band's label may name its own ages ("{min_age}到{max_age}岁"), computed from limits
                // that are parameters (the band after "16 to 24" starts at 25).
                if let Some((lo, hi)) = c.ages() {
                    let show = |n: Option<i64>| n.map_or_else(String::new, |n| n.to_string());
                    for s in [&mut c.label.zh, &mut c.label.en] {
                        if s.contains("{min_age}") || s.contains("{max_age}") {
                            *s = s
                                .replace("{min_age}", &show(lo))
                                .replace("{max_age}", &show(hi));
                        }
                    }
                }
            }
            if let Some(c) = &mut f.ask_if {
                nums(c);
            }
        }
        for p in &mut self.programs {
            let mut used = Vec::new();
            program_texts(p, &mut |_, t| *t = params.fill(t, day, &mut used));
            for c in &mut p.criteria {
                nums(c);
            }
            for w in &mut p.windows {
                for n in [&mut w.years, &mut w.months].into_iter().flatten() {
                    num(n);
                }
            }
            let b = &mut p.benefit;
            let mut benefit_used = Vec::new();
            for n in [&mut b.yuan, &mut b.cap_yuan]
                .into_iter()
                .flatten()
                .chain(b.rows.iter_mut().map(|r| &mut r.yuan))
            {
                if let Some(id) = n.param() {
                    benefit_used.push(id.to_string());
                }
                num(n);
            }
            if let Some(ShareRef::Param(id)) = &b.share {
                benefit_used.push(id.clone());
                if let Some(crate::params::Value::Share(s)) =
                    params.get(id).and_then(|p| p.value_on(day))
                {
                    b.share = Some(ShareRef::Lit(s));
                }
            }
            for id in &benefit_used {
                if !used.contains(id) {
                    used.insert(0, id.clone());
                }
            }
            p.figures = used
                .iter()
                .filter_map(|id| params.figure(id, day))
                .collect();
            p.benefit_figures = benefit_used;
            p.compile(&self.facts);
        }
        for course in &mut self.courses {
            put_json_in_force(course, &params, day);
        }
        self.parameters = params;
        self.in_force_on = Some(day);
    }
}

/// A course entry with its parameters in force (texts filled, criteria numbers replaced).
fn put_json_in_force(v: &mut Value, params: &crate::params::Parameters, day: Date) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(zh)), Some(Value::String(en)), 2) =
                (m.get("zh"), m.get("en"), m.len())
            {
                let t = params.fill(&Text::new(zh.clone(), en.clone()), day, &mut Vec::new());
                m.insert("zh".into(), Value::String(t.zh));
                m.insert("en".into(), Value::String(t.en));
                return;
            }
            let is_criterion = m.contains_key("fact") && m.contains_key("test");
            for (k, child) in m.iter_mut() {
                if is_criterion && NUMBER_KEYS.contains(&k.as_str()) {
                    if let Some(n) = child.as_str().and_then(|id| params.int_on(id, day)) {
                        *child = Value::from(n);
                    }
                } else {
                    put_json_in_force(child, params, day);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| put_json_in_force(x, params, day)),
        _ => {}
    }
}

/// Keys of a course's criteria whose values are numbers of the test.
pub(super) const NUMBER_KEYS: [&str; 5] = ["value", "min", "max", "years", "months"];
