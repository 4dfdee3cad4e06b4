//! The catalog in the compact binary form of [`crate::compact`]: how the web app carries its built-in
//! catalog. The app's build script reads the catalog as every other reader does ([`Catalog::from_json`],
//! with its checks) and writes it with [`Catalog::to_compact`]; the app reads it back with
//! [`Catalog::from_compact`], which needs none of serde's JSON readers. Both forms end in the same
//! [`Catalog::assemble`], so what is worked out after reading (compiled rules, exclusions, values in force)
//! is worked out once, the same way.

use super::*;
use crate::compact::{
    self, compact_struct, compact_unit_enum, Compact, Malformed, Reader, Writer, Written,
};
use crate::facts::Choice;
use crate::money::Share;
use crate::params::{DatedValue, RawValue as ParamValue, Unit};
use crate::rules::{AllNode, AnyNode, NotNode};

compact_unit_enum!(Kind {
    Subsidy,
    Loan,
    Insurance,
    Training,
    Camp,
    Service,
    Award,
    Employer
});
compact_unit_enum!(BenefitKind {
    Fixed,
    Cap,
    Share,
    Table,
    Unknown,
    None
});
compact_unit_enum!(ChannelKind {
    Aishandong,
    PlatformApp,
    DistrictOffice,
    CityOffice,
    Hotline12333,
    Zhangshang12333,
    Website,
    Employer,
    School,
    Bank,
    Other,
});
compact_unit_enum!(TestKind {
    IsTrue,
    IsFalse,
    In,
    NotIn,
    AnyOf,
    AllOf,
    NoneOf,
    AtLeast,
    AtMost,
    Below,
    Between,
    Within,
    AtLeastAgo,
    AgeBetween,
    AgeBelow,
    OnOrAfter,
    OnOrBefore,
    Answered,
});
compact_unit_enum!(FactType {
    Bool,
    Date,
    Int,
    Choice,
    Multi
});
compact_unit_enum!(Unit {
    Yuan,
    Months,
    Years,
    Age,
    Count,
    Share,
    Date
});
compact_unit_enum!(Confidence { H, M, L });

compact_struct!(Meta {
    version,
    published,
    names
});
compact_struct!(Choice {
    value,
    label,
    min_age,
    max_age,
    over_age,
    under_age
});
compact_struct!(FactDef {
    id,
    fact_type,
    question,
    help,
    min,
    max,
    unit,
    not_future,
    max_years_ago,
    choices,
    exclusive,
    ask_if,
    group,
    short,
    file,
    find_out,
    age_of,
});
compact_struct!(Criterion {
    id,
    fact,
    test,
    values,
    value,
    min,
    max,
    years,
    months,
    date,
    met,
    failed,
    unknown,
    change,
    uncertain,
});
compact_struct!(AllNode { all });
compact_struct!(AnyNode { any });
compact_struct!(NotNode { not });
compact_struct!(Share { num, den, percent });
compact_struct!(BenefitRow { value, yuan });
compact_struct!(Benefit {
    kind,
    yuan,
    share,
    cap_yuan,
    fact,
    rows,
    unit,
    period,
    duration,
    note,
    source,
    per_notice,
});
compact_struct!(Channel {
    channel,
    name,
    url,
    note
});
compact_struct!(Window {
    id,
    text,
    fact,
    years,
    months,
    from,
    until
});
compact_struct!(Source {
    id,
    title,
    url,
    confidence,
    date,
    note,
    file
});
compact_struct!(DatedValue {
    from,
    value,
    source,
    checked,
    note
});
compact_struct!(Parameter {
    id,
    label,
    unit,
    values,
    file
});
compact_struct!(CatalogIssue {
    file,
    entry,
    message
});
compact_struct!(Program {
    id,
    kind,
    name,
    summary,
    plan_clause,
    departments,
    benefit,
    criteria,
    rule,
    rules_complete,
    confirm_with,
    documents,
    apply,
    sources,
    effective_from,
    effective_until,
    last_verified,
    excludes,
    windows,
    review_by,
    open_ended,
    plan_only,
    file,
    keywords,
    automatic,
} skip { figures, benefit_figures, compiled });

impl Compact for RuleNode {
    fn put(&self, w: &mut Writer) {
        match self {
            RuleNode::Criterion(id) => {
                w.variant(0);
                id.put(w);
            }
            RuleNode::All(n) => {
                w.variant(1);
                n.put(w);
            }
            RuleNode::Any(n) => {
                w.variant(2);
                n.put(w);
            }
            RuleNode::Not(n) => {
                w.variant(3);
                n.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> compact::Result<Self> {
        Ok(match r.variant(4)? {
            0 => RuleNode::Criterion(Compact::take(r)?),
            1 => RuleNode::All(Compact::take(r)?),
            2 => RuleNode::Any(Compact::take(r)?),
            _ => RuleNode::Not(Compact::take(r)?),
        })
    }
}

/// A literal or a parameter's id: `Num`, `ShareRef` and a parameter's raw value share this shape.
macro_rules! compact_lit_or_name {
    ($ty:ident, $lit:ident, $name:ident) => {
        impl Compact for $ty {
            fn put(&self, w: &mut Writer) {
                match self {
                    $ty::$lit(v) => {
                        w.variant(0);
                        v.put(w);
                    }
                    $ty::$name(s) => {
                        w.variant(1);
                        s.put(w);
                    }
                }
            }
            fn take(r: &mut Reader) -> compact::Result<Self> {
                Ok(match r.variant(2)? {
                    0 => $ty::$lit(Compact::take(r)?),
                    _ => $ty::$name(Compact::take(r)?),
                })
            }
        }
    };
}
compact_lit_or_name!(Num, Lit, Param);
compact_lit_or_name!(ShareRef, Lit, Param);
compact_lit_or_name!(ParamValue, Int, Text);

impl Catalog {
    /// The catalog as written (before any day's values are put in), in the compact form: the data, and the
    /// English of its texts apart.
    pub fn to_compact(&self) -> Written {
        let c = self.written.as_deref().unwrap_or(self);
        let mut w = Writer::default();
        c.meta.put(&mut w);
        c.facts.put(&mut w);
        c.programs.put(&mut w);
        c.courses.put(&mut w);
        c.load_issues.put(&mut w);
        c.parameters.params.put(&mut w);
        c.parameters.sources.put(&mut w);
        w.finish()
    }

    /// Reads what [`Catalog::to_compact`] wrote, with the values in force on the day it was published (as
    /// [`Catalog::from_json`]). Bytes it did not write give an empty catalog whose issue says so (as an
    /// unreadable JSON document does), never a panic. Without `english`, each text's English is its
    /// Chinese and [`Catalog::has_english`] says so.
    pub fn from_compact(data: &[u8], english: Option<&[u8]>) -> Catalog {
        Catalog::read_compact(data, english).in_force_when_published()
    }

    /// [`Catalog::from_compact`] before any day's values are put in force: the app puts it in force on
    /// today, in a task of its own.
    pub fn read_compact(data: &[u8], english: Option<&[u8]>) -> WrittenCatalog {
        let read = |r: &mut Reader| -> compact::Result<WrittenCatalog> {
            let meta = Meta::take(r)?;
            let facts = Vec::take(r)?;
            let programs = Vec::take(r)?;
            let courses = Vec::take(r)?;
            let load_issues = Vec::take(r)?;
            let parameters = Parameters {
                params: Vec::take(r)?,
                sources: Vec::take(r)?,
            };
            if !r.is_empty() {
                return Err(Malformed);
            }
            let mut read =
                Catalog::assemble(meta, facts, programs, courses, load_issues, parameters);
            read.0.english = r.reads_english();
            Ok(read)
        };
        Reader::new(data, english)
            .and_then(|mut r| read(&mut r))
            .unwrap_or_else(|Malformed| {
                let mut c = Catalog::empty();
                c.load_issues.push(issue(
                    "catalog",
                    "",
                    "the built-in catalog's compact form is unreadable",
                ));
                WrittenCatalog(c)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything the catalog holds, compiled rules and the values in force included.
    fn everything(c: &Catalog) -> String {
        format!("{c:?}")
    }

    #[test]
    fn the_built_in_catalog_reads_back_exactly_as_from_its_json() {
        let from_json = Catalog::builtin();
        assert!(from_json.programs().len() >= 40, "the real catalog");
        let w = from_json.to_compact();
        let back = Catalog::from_compact(&w.data, Some(&w.english));
        assert!(back.has_english());
        assert_eq!(everything(&back), everything(from_json));
        // And on another day, from the written form each carries.
        let day = Date::ymd(2027, 3, 1);
        assert_eq!(
            everything(&back.in_force(day)),
            everything(&from_json.in_force(day))
        );
        // The app's way: read, then put in force once on its day, never on the publication day first.
        for day in [day, from_json.published()] {
            assert_eq!(
                everything(&Catalog::read_compact(&w.data, Some(&w.english)).in_force(day)),
                everything(&from_json.in_force(day))
            );
        }
        // Smaller than the JSON it replaces (no field names).
        assert!(
            w.data.len() + w.english.len() < CATALOG_JSON.len(),
            "{} bytes",
            w.data.len()
        );
    }

    /// Read for a Chinese screen: the same catalog, except that each text's English is its Chinese, which
    /// the catalog says, and which carries over when it is put in force on another day.
    #[test]
    fn read_without_its_english_the_catalog_is_the_same_in_chinese() {
        let from_json = Catalog::builtin();
        let w = from_json.to_compact();
        let day = Date::ymd(2027, 3, 1);
        let chinese = Catalog::read_compact(&w.data, None).in_force(day);
        let full = from_json.in_force(day);
        assert!(!chinese.has_english() && !chinese.in_force(from_json.published()).has_english());
        assert_eq!(chinese.programs().len(), full.programs().len());
        for (c, f) in chinese.programs().iter().zip(full.programs()) {
            assert_eq!(c.id, f.id);
            assert_eq!((&c.name.zh, &c.summary.zh), (&f.name.zh, &f.summary.zh));
            // (A figure put into a text's English is written the English way, even into this copy.)
            assert_eq!(c.name.en, f.name.zh);
        }
        for (c, f) in chinese.facts().iter().zip(full.facts()) {
            assert_eq!(
                (&c.id, &c.question.zh, &c.question.en),
                (&f.id, &f.question.zh, &f.question.zh)
            );
        }
        // The English is most of what is left apart: the data a Chinese screen needs is much smaller.
        assert!(
            w.english.len() * 3 > w.data.len(),
            "{} / {}",
            w.english.len(),
            w.data.len()
        );
    }

    #[test]
    fn damaged_bytes_give_an_empty_catalog_that_says_so() {
        let w = Catalog::builtin().to_compact();
        let bytes = &w.data;
        let english = Some(&w.english[..]);
        for bad in [&bytes[..bytes.len() / 2], &bytes[..0], &[0xff; 16][..]] {
            for english in [english, None] {
                let c = Catalog::from_compact(bad, english);
                assert!(c.programs().is_empty());
                assert!(c
                    .load_issues
                    .iter()
                    .any(|i| i.message.contains("compact form")));
            }
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert!(Catalog::from_compact(&padded, english)
            .programs()
            .is_empty());
        // English that is not this catalog's.
        let short = &w.english[..w.english.len() - 1];
        assert!(Catalog::from_compact(bytes, Some(short))
            .programs()
            .is_empty());
    }
}
