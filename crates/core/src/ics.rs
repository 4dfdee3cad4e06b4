//! A small RFC 5545 (iCalendar) writer for all-day reminders.
//!
//! Output invariants: CRLF line ends; content lines folded so none exceeds 75 octets, never inside a UTF-8
//! character; TEXT values escape `\`, `;`, `,` and newlines; control characters dropped; UIDs are stable
//! (a hash of the caller's id) so re-importing the file updates events instead of duplicating them.

use crate::date::Date;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// The PRODID of files we write.
pub const PROD_ID: &str = "-//LeYe//乐业通//ZH";
const MAX_OCTETS: usize = 75;

/// The moment a file is written, in UTC (DTSTAMP). Injected: the domain never reads the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl Stamp {
    /// Midnight UTC of `date`, for callers that only know the day.
    pub fn day(date: Date) -> Stamp {
        Stamp {
            date,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }

    fn format(self) -> String {
        format!(
            "{}T{:02}{:02}{:02}Z",
            basic_date(self.date),
            self.hour.min(23),
            self.minute.min(59),
            self.second.min(59)
        )
    }
}

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllDayEvent {
    /// Any stable id; written hashed, so it may contain anything.
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: Option<String>,
    /// A display alarm at 09:00 this many days before (1..=30); `None` for none.
    pub alarm_days_before: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// Shown by calendar apps as the calendar's name (X-WR-CALNAME).
    pub name: String,
    pub events: Vec<AllDayEvent>,
}

fn basic_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line: at most 75 octets per physical line, continuation lines start with a space.
fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

fn uid(raw: &str) -> String {
    let digest = Sha256::digest(raw.as_bytes());
    let mut hex = String::with_capacity(32);
    for b in &digest[..16] {
        let _ = write!(hex, "{b:02x}");
    }
    format!("{hex}@leye")
}

impl Calendar {
    /// Writes the calendar. `stamp` becomes every event's DTSTAMP.
    pub fn to_ics(&self, stamp: Stamp) -> String {
        let mut out = String::new();
        let mut line = |l: String| push_folded(&mut out, &l);
        line("BEGIN:VCALENDAR".into());
        line("VERSION:2.0".into());
        line(format!("PRODID:{PROD_ID}"));
        line("CALSCALE:GREGORIAN".into());
        line("METHOD:PUBLISH".into());
        line(format!("X-WR-CALNAME:{}", escape_text(&self.name)));
        for e in &self.events {
            line("BEGIN:VEVENT".into());
            line(format!("UID:{}", uid(&e.uid)));
            line(format!("DTSTAMP:{}", stamp.format()));
            line(format!("DTSTART;VALUE=DATE:{}", basic_date(e.date)));
            // DTEND is exclusive: the next day makes a one-day event in every client.
            line(format!(
                "DTEND;VALUE=DATE:{}",
                basic_date(e.date.add_days(1))
            ));
            line(format!("SUMMARY:{}", escape_text(&e.summary)));
            if let Some(d) = &e.description {
                line(format!("DESCRIPTION:{}", escape_text(d)));
            }
            line("TRANSP:TRANSPARENT".into());
            if let Some(days) = e.alarm_days_before.map(|d| d.clamp(1, 30)) {
                // Relative to the event's start (midnight): 15 hours earlier is 09:00 the day before.
                let whole_days = days - 1;
                let trigger = if whole_days == 0 {
                    "-PT15H".to_string()
                } else {
                    format!("-P{whole_days}DT15H")
                };
                line("BEGIN:VALARM".into());
                line("ACTION:DISPLAY".into());
                line(format!("DESCRIPTION:{}", escape_text(&e.summary)));
                line(format!("TRIGGER:{trigger}"));
                line("END:VALARM".into());
            }
            line("END:VEVENT".into());
        }
        line("END:VCALENDAR".into());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_four_specials_and_drops_controls() {
        assert_eq!(
            escape_text("a,b;c\\d\ne\r\nf\u{7}g"),
            "a\\,b\\;c\\\\d\\ne\\nfg"
        );
    }

    #[test]
    fn folds_without_splitting_characters() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "枣".repeat(60));
        push_folded(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= MAX_OCTETS, "{} octets", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }
}
