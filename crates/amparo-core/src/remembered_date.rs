//! Dates as people remember them: "March 2017", "about 2009", "5 January 2017".
//!
//! A family often knows only the month or the year something happened, and a
//! declaration must not pretend to more precision than the witness has. So a
//! remembered date carries its precision (day, month or year) and whether it
//! is approximate ("about"), and it is stored as text that keeps both:
//! `2017`, `2017-03`, `2017-03-05`, with a leading `~` when approximate.

use chrono::{Month, NaiveDate as Date};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::{MONTHS_EN, MONTHS_ES};
use crate::error::FieldProblem;

/// A date known to the day, the month or only the year, possibly approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RememberedDate {
    /// The year (four digits).
    pub year: i32,
    /// The month, 1 to 12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only together with the month).
    pub day: Option<u8>,
    /// True when the person says "about" or "around".
    pub about: bool,
}

/// How much of a [`RememberedDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DatePrecision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// The exact day.
    Day,
}

/// Years outside this range are typing mistakes for anything a case records.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

impl RememberedDate {
    /// An exact day.
    pub fn day(year: i32, month: u8, day: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
            about: false,
        }
    }

    /// A month of a year.
    pub fn month(year: i32, month: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: None,
            about: false,
        }
    }

    /// Only a year.
    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
            about: false,
        }
    }

    /// The same date marked as approximate.
    pub fn about(self) -> Self {
        Self {
            about: true,
            ..self
        }
    }

    /// How much of the date is known.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// Checks that the date exists: a real month, a day that month has, a
    /// plausible year, and no day without a month.
    pub fn check(&self) -> Result<(), FieldProblem> {
        if !YEARS.contains(&self.year) {
            return Err(FieldProblem::YearOutOfRange);
        }
        match (self.month, self.day) {
            (None, Some(_)) => Err(FieldProblem::DateInvalid),
            (None, None) => Ok(()),
            (Some(m), day) => {
                let month = Month::try_from(m).map_err(|_| FieldProblem::DateInvalid)?;
                if let Some(d) = day {
                    Date::from_ymd_opt(self.year, month.number_from_month(), u32::from(d))
                        .ok_or(FieldProblem::DateInvalid)?;
                }
                Ok(())
            }
        }
    }

    /// The first day of the period the date names (1 January for a year).
    /// `None` when the date does not exist.
    pub fn first_day(&self) -> Option<Date> {
        Date::from_ymd_opt(
            self.year,
            u32::from(self.month.unwrap_or(1)),
            u32::from(self.day.unwrap_or(1)),
        )
    }

    /// True when the whole period lies after `today`: "March 2030" is in the
    /// future in 2026, "2026" is not.
    pub fn is_after(&self, today: Date) -> bool {
        self.first_day().is_some_and(|first| first > today)
    }

    /// The storage form: `2017`, `2017-03`, `2017-03-05`, `~` first when
    /// approximate.
    pub fn encode(&self) -> String {
        let about = if self.about { "~" } else { "" };
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{about}{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{about}{:04}-{m:02}", self.year),
            _ => format!("{about}{:04}", self.year),
        }
    }

    /// Reads a date as typed on the command line: `2017-03-05`, `2017-03`,
    /// `2017`, with `~` or `about ` first when approximate.
    pub fn parse_typed(text: &str) -> Result<Self, FieldProblem> {
        let text = text.trim();
        let text = text
            .strip_prefix("about ")
            .map(|rest| format!("~{}", rest.trim()))
            .unwrap_or_else(|| text.to_owned());
        let date = Self::decode(&text).ok_or(FieldProblem::DateInvalid)?;
        date.check()?;
        Ok(date)
    }

    /// Reads the storage form back; `None` for anything else.
    pub fn decode(text: &str) -> Option<Self> {
        let (about, rest) = match text.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut parts = rest.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().map(str::parse).transpose().ok()?;
        let day = parts.next().map(str::parse).transpose().ok()?;
        if parts.next().is_some() {
            return None;
        }
        Some(Self {
            year,
            month,
            day,
            about,
        })
    }
}

impl RememberedDate {
    /// The date in words, at its own precision, in `lang` (`es`, else
    /// English): "March 5, 1998", "March 1998", "about 1998"; "5 de marzo
    /// de 1998", "marzo de 1998", "aproximadamente 1998".
    pub fn in_words(&self, lang: &str) -> String {
        let es = lang == "es";
        let month = self
            .month
            .and_then(|m| usize::from(m).checked_sub(1))
            .and_then(|i| {
                if es {
                    MONTHS_ES.get(i)
                } else {
                    MONTHS_EN.get(i)
                }
            })
            .map(|m| (*m).to_owned());
        let words = match (self.day, month) {
            (Some(d), Some(m)) if es => format!("{d} de {m} de {}", self.year),
            (Some(d), Some(m)) => format!("{m} {d}, {}", self.year),
            (None, Some(m)) if es => format!("{m} de {}", self.year),
            (None, Some(m)) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
        };
        match (self.about, es) {
            (false, _) => words,
            (true, true) => format!("aproximadamente {words}"),
            (true, false) => format!("about {words}"),
        }
    }
}

impl std::fmt::Display for RememberedDate {
    /// English, for the command line: "about March 2017", "5 January 2017".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.about {
            f.write_str("about ")?;
        }
        let month_name = self
            .month
            .and_then(|m| Month::try_from(m).ok())
            .map(|m| m.name());
        match (self.day, month_name) {
            (Some(d), Some(m)) => write!(f, "{d} {m} {}", self.year),
            (None, Some(m)) => write!(f, "{m} {}", self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_form_round_trips_every_precision() {
        for d in [
            RememberedDate::day(2017, 3, 5),
            RememberedDate::month(2017, 3).about(),
            RememberedDate::year(2009).about(),
            RememberedDate::year(1999),
        ] {
            assert_eq!(
                RememberedDate::decode(&d.encode()),
                Some(d),
                "{}",
                d.encode()
            );
        }
        assert_eq!(RememberedDate::month(2017, 3).about().encode(), "~2017-03");
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(
            RememberedDate::day(2023, 2, 29).check(),
            Err(FieldProblem::DateInvalid)
        );
        assert_eq!(RememberedDate::day(2024, 2, 29).check(), Ok(()));
        assert_eq!(
            RememberedDate::month(2020, 13).check(),
            Err(FieldProblem::DateInvalid)
        );
        let day_without_month = RememberedDate {
            year: 2020,
            month: None,
            day: Some(4),
            about: false,
        };
        assert_eq!(day_without_month.check(), Err(FieldProblem::DateInvalid));
        assert_eq!(
            RememberedDate::year(20017).check(),
            Err(FieldProblem::YearOutOfRange)
        );
    }

    #[test]
    fn a_period_is_in_the_future_only_when_it_starts_after_today() {
        let today = Date::from_ymd_opt(2026, 11, 30).expect("a real day");
        assert!(!RememberedDate::year(2026).is_after(today));
        assert!(!RememberedDate::month(2026, 11).is_after(today));
        assert!(RememberedDate::month(2026, 12).is_after(today));
        assert!(RememberedDate::day(2026, 12, 1).is_after(today));
    }

    #[test]
    fn typed_dates_read_every_precision() {
        assert_eq!(
            RememberedDate::parse_typed("about 2017-03"),
            Ok(RememberedDate::month(2017, 3).about())
        );
        assert_eq!(
            RememberedDate::parse_typed("2017-03-05"),
            Ok(RememberedDate::day(2017, 3, 5))
        );
        assert_eq!(
            RememberedDate::parse_typed("5/3/2017"),
            Err(FieldProblem::DateInvalid)
        );
        assert_eq!(
            RememberedDate::parse_typed("2017-02-30"),
            Err(FieldProblem::DateInvalid)
        );
    }

    #[test]
    fn english_display_says_about() {
        assert_eq!(
            RememberedDate::month(2017, 3).about().to_string(),
            "about March 2017"
        );
        assert_eq!(
            RememberedDate::day(2017, 1, 5).to_string(),
            "5 January 2017"
        );
    }
}
