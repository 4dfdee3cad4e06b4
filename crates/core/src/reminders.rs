//! Local reminders (phone notifications) for upcoming deadlines, decided here so the rules are tested
//! natively: only items due within [`REMIND_WITHIN_DAYS`] days, each item at most once a day, and at most
//! [`MAX_PER_DAY`] a day so a busy fortnight does not flood the phone (the in-app banner lists them all).
//! Whether to remind at all (the person opted in and the browser allows it) is the caller's check.

use crate::date::Date;
use crate::training::{due_within, Deadline};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How far ahead a deadline is worth a reminder (issue 5: "due within 14 days").
pub const REMIND_WITHIN_DAYS: i64 = 14;
/// Most reminders shown in one day.
pub const MAX_PER_DAY: usize = 5;

/// The reminders already shown today; kept in settings so a reload or a second opening the same day
/// shows nothing again. Only today's items matter, so the set starts afresh each day and stays small.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminded {
    pub on: Option<Date>,
    pub items: BTreeSet<String>,
}

/// Identifies one deadline across openings: what it is, what it is about, and its date (a moved date is a
/// new item worth a reminder).
pub fn item_key(d: &Deadline) -> String {
    format!("{}:{:?}:{}", d.date, d.kind, d.reference)
}

impl Reminded {
    /// The deadlines to remind about now, soonest first, from `deadlines` (soonest first, as
    /// `training::upcoming` gives them); marks them as shown today.
    pub fn take_due<'a>(&mut self, deadlines: &'a [Deadline], today: Date) -> Vec<&'a Deadline> {
        if self.on != Some(today) {
            self.on = Some(today);
            self.items.clear();
        }
        let room = MAX_PER_DAY.saturating_sub(self.items.len());
        let due: Vec<&Deadline> = due_within(deadlines, today, REMIND_WITHIN_DAYS)
            .into_iter()
            .filter(|d| !self.items.contains(&item_key(d)))
            .take(room)
            .collect();
        self.items.extend(due.iter().map(|d| item_key(d)));
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Text;
    use crate::testing::today;
    use crate::training::DeadlineKind;

    fn deadline(days: i64, reference: &str) -> Deadline {
        Deadline {
            date: today().add_days(days),
            kind: DeadlineKind::ClaimWindow,
            title: Text::new(reference, reference),
            reference: reference.into(),
        }
    }

    fn refs(due: &[&Deadline]) -> Vec<String> {
        due.iter().map(|d| d.reference.clone()).collect()
    }

    #[test]
    fn only_deadlines_within_14_days_once_a_day_each() {
        let list = vec![
            deadline(-1, "past"),
            deadline(0, "today"),
            deadline(8, "soon"),
            deadline(14, "last-day"),
            deadline(15, "later"),
            deadline(300, "far"),
        ];
        let mut r = Reminded::default();
        assert_eq!(
            refs(&r.take_due(&list, today())),
            ["today", "soon", "last-day"]
        );
        // Opened again the same day: nothing new.
        assert!(r.take_due(&list, today()).is_empty());
        // A new item due soon, added later the same day, still gets its one reminder.
        let mut more = list.clone();
        more.push(deadline(3, "new-session"));
        more.sort_by_key(|d| d.date);
        assert_eq!(refs(&r.take_due(&more, today())), ["new-session"]);
        // The next day each item due within 14 days is reminded once again (15 days out is now 14).
        let tomorrow = today().add_days(1);
        assert_eq!(
            refs(&r.take_due(&more, tomorrow)),
            ["new-session", "soon", "last-day", "later"]
        );
        assert_eq!(r.on, Some(tomorrow));
        assert_eq!(r.items.len(), 4, "yesterday's items are forgotten");
    }

    #[test]
    fn a_moved_date_is_a_new_item() {
        let mut r = Reminded::default();
        assert_eq!(r.take_due(&[deadline(5, "s")], today()).len(), 1);
        assert_eq!(r.take_due(&[deadline(6, "s")], today()).len(), 1);
    }

    #[test]
    fn at_most_five_a_day_soonest_first() {
        let list: Vec<Deadline> = (0..8).map(|i| deadline(i, &format!("d{i}"))).collect();
        let mut r = Reminded::default();
        assert_eq!(
            refs(&r.take_due(&list, today())),
            ["d0", "d1", "d2", "d3", "d4"]
        );
        assert!(r.take_due(&list, today()).is_empty());
    }

    #[test]
    fn survives_a_settings_round_trip() {
        let mut r = Reminded::default();
        r.take_due(&[deadline(2, "ZZ-1")], today());
        let stored = serde_json::to_value(&r).unwrap();
        crate::backup::check_value(&stored, 0).unwrap();
        let mut back: Reminded = serde_json::from_value(stored).unwrap();
        assert_eq!(back, r);
        assert!(back.take_due(&[deadline(2, "ZZ-1")], today()).is_empty());
    }
}
