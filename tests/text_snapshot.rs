//! Every interface string and every error's wording, in both languages, against a snapshot taken before
//! the code moved into the core crate (issue 15). A change of wording is a deliberate edit of
//! `tests/fixtures/text_snapshot.tsv`: run with `LEYE_UPDATE_TEXT_SNAPSHOT=1` and review the diff.

use leye_core::backup::{BackupError, Section as BackupSection};
use leye_core::catalog::{CatalogIssue, Kind};
use leye_core::date::Date;
use leye_core::facts::{FactError, FactType};
use leye_core::i18n::{Key, Message};
use leye_core::lang::{Lang, Text};
use leye_core::outcome::{Group, Outcome};
use leye_core::pack::PackError;
use leye_core::text::data::DataText;
use leye_core::text::labels::{
    CertificateLevelText, ChannelText, GroupText, KindText, OutcomeText,
};
use leye_core::text::params::ParamsText;
use leye_core::text::policy::PolicyText;
use leye_core::text::questions::QuestionText;
use leye_core::text::rules::RulesText;
use leye_core::text::shell::{ExportText, ShellEnvText};
use leye_core::text::summary::SummaryText;
use leye_core::text::summary_lines::SummaryLineText;
use leye_core::text::training::TrainingText;
use leye_core::training::{CertificateLevel, TextField, TrainingError};
use leye_core::view::results::Section;

const SNAPSHOT: &str = "tests/fixtures/text_snapshot.tsv";

/// One line per string: `name <TAB> zh <TAB> en`, with tabs and newlines escaped so a line is a string.
fn line(out: &mut String, name: &str, zh: &str, en: &str) {
    let esc = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('\t', "\\t")
            .replace('\n', "\\n")
    };
    out.push_str(&format!("{name}\t{}\t{}\n", esc(zh), esc(en)));
}

fn table<M: Message + std::fmt::Debug>(out: &mut String, table: &str, all: &[M]) {
    for key in all {
        line(
            out,
            &format!("{table}::{key:?}"),
            key.text(Lang::Zh),
            key.text(Lang::En),
        );
    }
}

fn labels<T: std::fmt::Debug>(out: &mut String, what: &str, all: &[T], label: impl Fn(&T) -> Text) {
    for v in all {
        let t = label(v);
        line(out, &format!("{what}::{v:?}"), &t.zh, &t.en);
    }
}

fn messages<E: std::fmt::Debug>(
    out: &mut String,
    what: &str,
    all: &[E],
    msg: impl Fn(&E, Lang) -> String,
) {
    for e in all {
        line(
            out,
            &format!("{what}::{e:?}"),
            &msg(e, Lang::Zh),
            &msg(e, Lang::En),
        );
    }
}

fn snapshot() -> String {
    let mut out = String::new();
    table(&mut out, "Key", Key::ALL);
    table(&mut out, "TrainingText", TrainingText::ALL);
    table(&mut out, "DataText", DataText::ALL);
    table(&mut out, "PolicyText", PolicyText::ALL);
    table(&mut out, "SummaryText", SummaryText::ALL);
    table(&mut out, "ShellEnvText", ShellEnvText::ALL);
    table(&mut out, "ExportText", ExportText::ALL);

    labels(&mut out, "Kind", &Kind::ALL, |k| k.label());
    labels(&mut out, "CertificateLevel", &CertificateLevel::ALL, |c| {
        c.label()
    });
    labels(&mut out, "Section", &Section::ALL, |s| s.label());
    use Outcome as O;
    labels(
        &mut out,
        "Outcome",
        &[
            O::Eligible,
            O::LikelyEligible,
            O::NeedsInfo,
            O::NotEligible,
            O::ForEmployers,
        ],
        |o| o.label(),
    );
    use Group as G;
    labels(
        &mut out,
        "Group",
        &[
            G::CanApply,
            G::AlmostThere,
            G::NeedsInfo,
            G::NotEligible,
            G::ForEmployers,
        ],
        |g| g.label(),
    );

    let d = Date::ymd(2026, 3, 15);
    let s = |x: &str| x.to_string();
    use TrainingError as T;
    messages(
        &mut out,
        "TrainingError",
        &[
            T::CatalogUnreadable(s("eof")),
            T::BadEventId,
            T::UnknownCourse(s("c1")),
            T::CourseRequired,
            T::NotEnrolled(s("c1")),
            T::AlreadyEnrolled(s("c1")),
            T::BeforeEnrolment { enrolled_on: d },
            T::InFuture { today: d },
            T::HoursNotPositive,
            T::TooManyHoursInDay {
                date: d,
                already_minutes: 1290,
            },
            T::MoreThanADay,
            T::HoursUnreadable(s("abc")),
            T::TargetOutOfRange { max: 2000 },
            T::UnknownModule {
                module: s("m9"),
                known: vec![s("m1"), s("m2")],
            },
            T::UnknownModule {
                module: s("m9"),
                known: vec![],
            },
            T::ModuleAlreadyDone(s("m1")),
            T::UnknownMilestone(s("x")),
            T::MilestoneAlreadyTicked(s("x")),
            T::DuplicateCertificate(s("cert")),
            T::UnknownCertificate(s("cert")),
            T::CertificateHasNoLevel(s("cert")),
            T::AlreadyClaimed(s("cert")),
            T::ClaimBeforeIssue { issued_on: d },
            T::ClaimAfterDeadline { last_day: d },
            T::ClaimCapReached { year: 2026, max: 3 },
            T::SubsidyTermsUnreadable(s("no amount")),
            T::SubsidyTermsMissing,
            T::UnknownEvent(s("e1")),
            T::AlreadyUndone(s("e1")),
            T::CannotUndoUndo,
        ],
        |e, l| e.message(l),
    );

    // The texts a trainee types, each by name: empty, and too long.
    let fields: Vec<TrainingError> = TextField::ALL
        .iter()
        .flat_map(|&field| [T::EmptyText { field }, T::TextTooLong { field, max: 80 }])
        .collect();
    messages(&mut out, "TrainingError", &fields, |e, l| e.message(l));

    let issue = CatalogIssue {
        file: s("programs/x.toml"),
        entry: s("x"),
        message: s("bad"),
    };
    use PackError as P;
    messages(
        &mut out,
        "PackError",
        &[
            P::Malformed(s("eof")),
            P::WrongFormat(s("other")),
            P::UnsupportedVersion(9),
            P::Checksum,
            P::MetaMismatch,
            P::Invalid(vec![issue.clone()]),
            P::Invalid(vec![issue.clone(), issue]),
        ],
        |e, l| e.message(l),
    );

    use BackupError as B;
    messages(
        &mut out,
        "BackupError",
        &[
            B::TooLarge {
                bytes: 30 * 1024 * 1024,
            },
            B::NotJson,
            B::WrongFormat,
            B::UnsupportedVersion { found: s("9") },
            B::UnknownVersion { found: s("abc") },
            B::ChecksumMismatch,
            B::BadRecord {
                section: BackupSection::Answers,
                index: 2,
                problem: s("too long"),
            },
            B::BadRecord {
                section: BackupSection::Saved,
                index: 0,
                problem: s("x"),
            },
            B::BadRecord {
                section: BackupSection::TrainingEvents,
                index: 0,
                problem: s("x"),
            },
            B::BadRecord {
                section: BackupSection::Settings,
                index: 0,
                problem: s("x"),
            },
            B::BadRecord {
                section: BackupSection::LearningRecord,
                index: 0,
                problem: s("x"),
            },
        ],
        |e, l| e.message(l),
    );

    let q = Text::new("你的出生日期?", "Your date of birth?");
    use FactError as F;
    let mut facts = vec![F::Malformed(s("eof")), F::UnknownFact(s("agee"))];
    for expected in [
        FactType::Bool,
        FactType::Date,
        FactType::Int,
        FactType::Choice,
        FactType::Multi,
    ] {
        facts.push(F::WrongType {
            fact: s("age"),
            expected,
        });
    }
    facts.extend([
        F::OutOfRange {
            fact: s("n"),
            value: 200,
            min: 0,
            max: 120,
        },
        F::InFuture {
            fact: s("birth_date"),
            date: d,
            question: q.clone(),
        },
        F::TooLongAgo {
            fact: s("birth_date"),
            earliest: d,
            question: q,
        },
        F::NotAChoice {
            fact: s("education"),
            value: s("phd2"),
        },
        F::ExclusiveCombined {
            fact: s("situation"),
            label: Text::new("都不是", "None of these"),
        },
    ]);
    messages(&mut out, "FactError", &facts, |e, l| e.message(l));

    // The tables the domain's labels and sentences moved into (issue 15), added after the snapshot was taken.
    table(&mut out, "SummaryLineText", SummaryLineText::ALL);
    table(&mut out, "QuestionText", QuestionText::ALL);
    table(&mut out, "KindText", KindText::ALL);
    table(&mut out, "ChannelText", ChannelText::ALL);
    table(&mut out, "OutcomeText", OutcomeText::ALL);
    table(&mut out, "GroupText", GroupText::ALL);
    table(&mut out, "CertificateLevelText", CertificateLevelText::ALL);
    table(&mut out, "RulesText", RulesText::ALL);
    table(&mut out, "ParamsText", ParamsText::ALL);
    out
}

#[test]
fn every_string_matches_the_snapshot() {
    let now = snapshot();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    if std::env::var_os("LEYE_UPDATE_TEXT_SNAPSHOT").is_some() {
        std::fs::write(&path, &now).expect("write the text snapshot");
        return;
    }
    let before = std::fs::read_to_string(&path).expect("tests/fixtures/text_snapshot.tsv exists");
    let (b, n): (Vec<_>, Vec<_>) = (before.lines().collect(), now.lines().collect());
    for (i, (x, y)) in b.iter().zip(&n).enumerate() {
        assert_eq!(x, y, "line {} of {SNAPSHOT} differs", i + 1);
    }
    assert_eq!(
        b.len(),
        n.len(),
        "{SNAPSHOT} has {} lines, the code {}",
        b.len(),
        n.len()
    );
}
