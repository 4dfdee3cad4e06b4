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

/// The built-in catalog in the compact form, in the three parts the app fetches apart (issue 16): what the
/// check and the policy screens need, in Chinese; the English of its texts; and the courses, which only the
/// 培训 screens and the exports read.
pub struct CompactCatalog {
    pub data: Vec<u8>,
    pub english: Vec<u8>,
    pub courses: Vec<u8>,
}

impl CompactCatalog {
    /// All three parts, to read the whole catalog.
    pub fn whole(&self) -> CompactParts<'_> {
        CompactParts {
            data: &self.data,
            english: Some(&self.english),
            courses: Some(&self.courses),
        }
    }
}

/// The parts of a [`CompactCatalog`] to read; a part left `None` is not read (see
/// [`Catalog::has_english`], [`Catalog::has_courses`]).
#[derive(Clone, Copy)]
pub struct CompactParts<'a> {
    pub data: &'a [u8],
    pub english: Option<&'a [u8]>,
    pub courses: Option<&'a [u8]>,
}

impl Catalog {
    /// The catalog as written (before any day's values are put in), in the compact form.
    pub fn to_compact(&self) -> CompactCatalog {
        let c = self.written.as_deref().unwrap_or(self);
        let mut w = Writer::default();
        c.meta.put(&mut w);
        c.facts.put(&mut w);
        c.programs.put(&mut w);
        c.load_issues.put(&mut w);
        c.parameters.params.put(&mut w);
        c.parameters.sources.put(&mut w);
        let Written { data, english } = w.finish();
        CompactCatalog {
            data,
            english,
            // JSON trees with no texts of the catalog's kind: all in their data.
            courses: compact::to_bytes(&c.courses).data,
        }
    }

    /// Reads what [`Catalog::to_compact`] wrote, with the values in force on the day it was published (as
    /// [`Catalog::from_json`]). Bytes it did not write give an empty catalog whose issue says so (as an
    /// unreadable JSON document does), never a panic. Without its English, each text's English is its
    /// Chinese; without its courses, it has none; [`Catalog::has_english`] and [`Catalog::has_courses`]
    /// say so.
    pub fn from_compact(parts: CompactParts) -> Catalog {
        Catalog::read_compact(parts).in_force_when_published()
    }

    /// [`Catalog::from_compact`] before any day's values are put in force: the app puts it in force on
    /// today, in a task of its own.
    pub fn read_compact(parts: CompactParts) -> WrittenCatalog {
        let read = |r: &mut Reader| -> compact::Result<WrittenCatalog> {
            let meta = Meta::take(r)?;
            let facts = Vec::take(r)?;
            let programs = Vec::take(r)?;
            let load_issues = Vec::take(r)?;
            let parameters = Parameters {
                params: Vec::take(r)?,
                sources: Vec::take(r)?,
            };
            if !r.is_empty() {
                return Err(Malformed);
            }
            let courses = match parts.courses {
                Some(bytes) => compact::from_bytes(bytes, None)?,
                None => Vec::new(),
            };
            let mut read =
                Catalog::assemble(meta, facts, programs, courses, load_issues, parameters);
            read.0.english_read = r.reads_english();
            read.0.courses_read = parts.courses.is_some();
            Ok(read)
        };
        Reader::new(parts.data, parts.english)
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
        let compact = from_json.to_compact();
        let back = Catalog::from_compact(compact.whole());
        assert!(back.has_english() && back.has_courses());
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
                everything(&Catalog::read_compact(compact.whole()).in_force(day)),
                everything(&from_json.in_force(day))
            );
        }
        // Smaller than the JSON it replaces (no field names).
        let all = compact.data.len() + compact.english.len() + compact.courses.len();
        assert!(all < CATALOG_JSON.len(), "{all} bytes");
    }

    /// Read for a Chinese screen: the same catalog, except that each text's English is its Chinese and there
    /// are no courses, which the catalog says, and which carries over when it is put in force on another day.
    #[test]
    fn read_in_part_the_catalog_says_what_it_left_out() {
        let from_json = Catalog::builtin();
        let compact = from_json.to_compact();
        let day = Date::ymd(2027, 3, 1);
        let part = |english, courses| {
            Catalog::read_compact(CompactParts {
                english,
                courses,
                ..compact.whole()
            })
            .in_force(day)
        };
        let chinese = part(None, None);
        let full = from_json.in_force(day);
        assert!(!chinese.has_english() && !chinese.in_force(from_json.published()).has_english());
        assert!(!chinese.has_courses() && chinese.courses().is_empty());
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
        // Each part alone: the courses whole, with their English; the English without the courses.
        let with_courses = part(None, Some(&compact.courses));
        assert!(with_courses.has_courses() && !with_courses.has_english());
        assert_eq!(
            format!("{:?}", with_courses.courses()),
            format!("{:?}", full.courses())
        );
        let english = part(Some(&compact.english), None);
        assert!(english.has_english() && !english.has_courses());
        assert_eq!(english.programs()[0].name, full.programs()[0].name);
        // The parts left apart are most of the catalog: the data a Chinese screen needs is much smaller.
        let apart = compact.english.len() + compact.courses.len();
        assert!(
            apart * 2 > compact.data.len(),
            "{apart} / {}",
            compact.data.len()
        );
    }

    #[test]
    fn damaged_bytes_give_an_empty_catalog_that_says_so() {
        let compact = Catalog::builtin().to_compact();
        let whole = compact.whole();
        let unreadable = |parts: CompactParts| {
            let c = Catalog::from_compact(parts);
            c.programs().is_empty()
                && c.load_issues
                    .iter()
                    .any(|i| i.message.contains("compact form"))
        };
        let bytes = &compact.data;
        for bad in [&bytes[..bytes.len() / 2], &bytes[..0], &[0xff; 16][..]] {
            for english in [whole.english, None] {
                assert!(unreadable(CompactParts {
                    data: bad,
                    english,
                    ..whole
                }));
            }
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert!(unreadable(CompactParts {
            data: &padded,
            ..whole
        }));
        // English or courses that are not this catalog's.
        let short = &compact.english[..compact.english.len() - 1];
        assert!(unreadable(CompactParts {
            english: Some(short),
            ..whole
        }));
        let courses = &compact.courses[..compact.courses.len() - 1];
        assert!(unreadable(CompactParts {
            courses: Some(courses),
            ..whole
        }));
    }
}
