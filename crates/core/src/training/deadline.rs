//! Every upcoming date in one list, soonest first: claim windows closing, scheduled sessions, and program
//! windows supplied by the program catalog. Exports to an .ics calendar that works offline.

use super::course::CourseCatalog;
use super::event::{EventKind, TrainingLog};
use super::subsidy::{skills_subsidies, SkillsSubsidyTerms, SubsidyStatus};
use crate::catalog::Catalog;
use crate::date::Date;
use crate::ics::{AllDayEvent, Calendar, Stamp};
use crate::lang::{Lang, Text};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The last day to claim the skills subsidy for a certificate.
    ClaimWindow,
    /// A camp or course session the trainee scheduled.
    Session,
    /// A program's application window closing (from the program catalog).
    ProgramWindow,
}

/// One dated item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub date: Date,
    pub kind: DeadlineKind,
    pub title: Text,
    /// A stable reference (certificate number, event id, program id): keeps the calendar UID stable.
    pub reference: String,
}

impl Deadline {
    /// A program window closing, as the program catalog states it.
    pub fn program_window(program_id: &str, program_name: &Text, closes_on: Date) -> Deadline {
        Deadline {
            date: closes_on,
            kind: DeadlineKind::ProgramWindow,
            title: Text::new(
                format!("{}:申请截止", program_name.zh),
                format!("{}: applications close", program_name.en),
            ),
            reference: program_id.to_string(),
        }
    }
}

/// The closing days of the application periods (`windows` with an `until` date) of the given programs, for
/// programs still in force on `today`. The UI passes the programs the person saved or qualifies for; windows
/// counted from a person's own date (a certificate's) are not here: the training log computes those exactly.
pub fn program_windows(catalog: &Catalog, program_ids: &[&str], today: Date) -> Vec<Deadline> {
    let mut out = Vec::new();
    for id in program_ids {
        let Some(p) = catalog.program(id) else {
            continue;
        };
        if p.effective_until.is_some_and(|end| end < today) {
            continue;
        }
        for w in &p.windows {
            if let Some(until) = w.until.filter(|&u| u >= today) {
                let mut d = Deadline::program_window(&p.id, &p.name, until);
                d.reference = format!("{}:{}", p.id, w.id);
                out.push(d);
            }
        }
    }
    out
}

/// Whether any program of the catalog has a fixed application window still open: with no training events
/// either, there is no deadline to show (the app then skips loading the due-soon banner).
pub fn any_open_program_window(catalog: &Catalog, today: Date) -> bool {
    catalog.programs().iter().any(|p| {
        p.effective_until.is_none_or(|end| end >= today)
            && p.windows
                .iter()
                .any(|w| w.until.is_some_and(|u| u >= today))
    })
}

/// Every deadline on or after `today`, soonest first (ties: by kind, then reference). `program_windows` are the
/// program catalog's windows; past ones are dropped here too.
pub fn upcoming(
    log: &TrainingLog,
    catalog: &CourseCatalog,
    skills_subsidy: Option<&SkillsSubsidyTerms>,
    program_windows: impl IntoIterator<Item = Deadline>,
    today: Date,
) -> Vec<Deadline> {
    let mut all: Vec<Deadline> = program_windows.into_iter().collect();
    if let Some(terms) = skills_subsidy {
        for s in skills_subsidies(log, terms, today) {
            // A capped year still has a window to keep in mind when it reaches into next year.
            let open = matches!(
                s.status,
                SubsidyStatus::Open { .. }
                    | SubsidyStatus::YearCapReached {
                        next_possible: Some(_),
                        ..
                    }
            );
            if open {
                let amount_zh =
                    s.amount.map_or("金额以当地最新通知为准".to_string(), |a| {
                        a.to_string()
                    });
                let amount_en = s
                    .amount
                    .map_or("amount not published yet".to_string(), |a| a.en());
                all.push(Deadline {
                    date: s.last_day,
                    kind: DeadlineKind::ClaimWindow,
                    title: Text::new(
                        format!(
                            "{}最后申领日:{}证书({})",
                            terms.name.zh, s.certificate.name, amount_zh
                        ),
                        format!(
                            "Last day to claim {}: {} certificate ({})",
                            terms.name.en, s.certificate.name, amount_en
                        ),
                    ),
                    reference: format!("certificate:{}", s.certificate.number.trim()),
                });
            }
        }
    }
    for e in log.effective() {
        if let (EventKind::SessionScheduled { title }, Some(course)) = (&e.what, &e.course) {
            let Some(c) = catalog.course(course) else {
                continue;
            };
            if log.enrolment(course).is_none() {
                continue;
            }
            all.push(Deadline {
                date: e.on,
                kind: DeadlineKind::Session,
                title: Text::new(
                    format!("{}:{}", c.name.zh, title),
                    format!("{}: {}", c.name.en, title),
                ),
                reference: format!("event:{}", e.id),
            });
        }
    }
    all.retain(|d| d.date >= today);
    crate::order::sort_by(&mut all, |a, b| {
        (a.date, a.kind, &a.reference).cmp(&(b.date, b.kind, &b.reference))
    });
    all
}

/// The deadlines from `today` through `today + days` (the app-open banner uses 14).
pub fn due_within(deadlines: &[Deadline], today: Date, days: i64) -> Vec<&Deadline> {
    let until = today.add_days(days);
    deadlines
        .iter()
        .filter(|d| d.date >= today && d.date <= until)
        .collect()
}

/// The deadlines as an iCalendar file, with a reminder at 09:00 the day before each. `stamp` is "now" (UTC),
/// injected by the caller.
pub fn to_ics(deadlines: &[Deadline], lang: Lang, stamp: Stamp) -> String {
    let name = Text::new("乐业通 截止日期", "LeYe deadlines");
    let note = Text::new(
        "由乐业通生成,仅供提醒。以当地最新通知为准,可拨打12333或登录爱山东核实。",
        "Made by LeYe as a reminder. The latest local notice is what counts; check with 12333 or the 爱山东 app.",
    );
    let events = deadlines
        .iter()
        .map(|d| AllDayEvent {
            uid: format!("{}-{:?}-{}", d.date, d.kind, d.reference),
            date: d.date,
            summary: d.title.get(lang).to_string(),
            description: Some(note.get(lang).to_string()),
            alarm_days_before: Some(1),
        })
        .collect();
    Calendar {
        name: name.get(lang).to_string(),
        events,
    }
    .to_ics(stamp)
}
