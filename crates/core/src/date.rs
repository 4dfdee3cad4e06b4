//! Civil dates (no time zones: policy windows are counted in calendar days and months).
//!
//! "Today" is always passed in by the caller, never read here, so tests can pin it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A proleptic Gregorian calendar date, valid for years 1..=9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date string or triple was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form YYYY-MM-DD.
    Format(String),
    /// The form is right but no such day exists (2025-02-30).
    NoSuchDay(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(s) => write!(f, "“{s}” is not a date of the form YYYY-MM-DD"),
            DateError::NoSuchDay(s) => write!(f, "{s} is not a day in the calendar"),
        }
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Builds a date, refusing days that do not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1..=9999).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return Err(DateError::NoSuchDay(format!(
                "{year:04}-{month:02}-{day:02}"
            )));
        }
        Ok(Date { year, month, day })
    }

    /// Builds a date known to be valid (constants in code and tests). Panics otherwise.
    pub fn ymd(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).expect("valid date literal")
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD` (ASCII digits, exactly that shape).
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10
            || b[4] != b'-'
            || b[7] != b'-'
            || !digits(0..4)
            || !digits(5..7)
            || !digits(8..10)
        {
            return Err(DateError::Format(s.chars().take(40).collect()));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        Date::new(num(0..4) as i32, num(5..7) as u8, num(8..10) as u8)
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::to_days`]; clamps to the supported range.
    pub fn from_days(days: i64) -> Date {
        let z = days.clamp(-719_162, 2_932_896) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// Adds calendar months; the day is clamped to the month's end (Jan 31 + 1 month = Feb 28/29).
    pub fn add_months(self, months: i32) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = total.div_euclid(12).clamp(1, 9999) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    pub fn add_years(self, years: i32) -> Date {
        self.add_months(years.saturating_mul(12))
    }

    /// Signed number of days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// Whole months from `self` to `later` (0 if `later` is earlier), counting a month only once its day is reached.
    pub fn whole_months_until(self, later: Date) -> i32 {
        if later <= self {
            return 0;
        }
        let mut months =
            (later.year - self.year) * 12 + i32::from(later.month) - i32::from(self.month);
        if self.add_months(months) > later {
            months -= 1;
        }
        months.max(0)
    }

    /// Age in whole years on `today` of someone born on `self`.
    pub fn age_on(self, today: Date) -> i32 {
        self.whole_months_until(today) / 12
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_round_trip() {
        let d = Date::parse("2026-11-26").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2026, 11, 26));
        assert_eq!(d.to_string(), "2026-11-26");
    }

    #[test]
    fn refuses_bad_shapes_and_missing_days() {
        for bad in [
            "2026-1-26",
            "26-11-2026",
            "2026/11/26",
            "",
            "2026-11-26x",
            "２０２６-11-26",
        ] {
            assert!(
                matches!(Date::parse(bad), Err(DateError::Format(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            Date::parse("2025-02-29"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            Date::parse("2026-13-01"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn day_numbers_match_known_values() {
        assert_eq!(Date::ymd(1970, 1, 1).to_days(), 0);
        assert_eq!(Date::ymd(2000, 3, 1).to_days(), 11_017);
        assert_eq!(Date::ymd(1969, 12, 31).to_days(), -1);
        for days in [-800_000, -1, 0, 1, 11_016, 20_000, 2_932_000] {
            assert_eq!(
                Date::from_days(days).to_days(),
                days.clamp(-719_162, 2_932_896)
            );
        }
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        assert_eq!(Date::ymd(2026, 1, 31).add_months(1), Date::ymd(2026, 2, 28));
        assert_eq!(Date::ymd(2024, 1, 31).add_months(1), Date::ymd(2024, 2, 29));
        assert_eq!(
            Date::ymd(2026, 3, 15).add_months(-3),
            Date::ymd(2025, 12, 15)
        );
        assert_eq!(
            Date::ymd(2025, 11, 26).add_months(12),
            Date::ymd(2026, 11, 26)
        );
    }

    #[test]
    fn whole_months_and_ages() {
        let today = Date::ymd(2026, 11, 26);
        assert_eq!(Date::ymd(2025, 11, 26).whole_months_until(today), 12);
        assert_eq!(Date::ymd(2025, 11, 27).whole_months_until(today), 11);
        assert_eq!(Date::ymd(1990, 11, 26).age_on(today), 36);
        assert_eq!(Date::ymd(1990, 11, 27).age_on(today), 35);
        // A 29 February birthday is reached on 28 February in common years.
        assert_eq!(Date::ymd(2024, 2, 29).age_on(Date::ymd(2025, 2, 28)), 1);
        assert_eq!(Date::ymd(2024, 2, 29).age_on(Date::ymd(2025, 2, 27)), 0);
        assert_eq!(today.whole_months_until(Date::ymd(2020, 1, 1)), 0);
    }

    #[test]
    fn serde_uses_the_iso_string() {
        let d = Date::ymd(2026, 7, 1);
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-07-01\"");
        assert_eq!(serde_json::from_str::<Date>("\"2026-07-01\"").unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
    }
}
