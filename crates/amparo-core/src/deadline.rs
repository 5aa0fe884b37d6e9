//! Deadlines: hearings and due dates as "in N days", counted in the court's
//! time zone (a day ends at midnight where the court sits, not where the
//! laptop is), and the evidence-filing deadline each individual hearing
//! implies for a person who is not detained.
//!
//! The filing rule (15 days before an individual hearing, for non-detained
//! cases) is a setting to confirm with the court's rules; for a detained
//! person the judge sets it, so it is entered by hand as a due date.

use chrono::{Days, NaiveDate as Date, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::parse_day;
use crate::case::{Case, CustodyStatus, HearingKind};

/// The days before an individual hearing that evidence is due, until the
/// user changes it (Immigration Court Practice Manual, non-detained; to be
/// confirmed with the court's rules).
pub const DEFAULT_FILING_DAYS_BEFORE: u32 = 15;

/// The time zones US immigration courts sit in; an empty zone means this
/// computer's own.
pub const COURT_TIME_ZONES: [&str; 10] = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Puerto_Rico",
    "Pacific/Guam",
    "Pacific/Saipan",
];

/// What falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DueKind {
    /// A hearing.
    Hearing,
    /// Evidence due before an individual hearing, computed from the setting.
    Filing,
    /// A due date entered by hand.
    Other,
}

/// A due date entered by hand (a detained case's filing deadline set by the
/// judge, a brief, a biometrics appointment).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct DueDateDraft {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// What is due. Required.
    pub title: String,
}

/// A stored hand-entered due date.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueDate {
    /// UUIDv7.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// What is due.
    pub title: String,
}

/// One coming (or missed) date of a case.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// Hearing, filing or other.
    pub kind: DueKind,
    /// For a hearing, and for the filing deadline it implies: which kind.
    pub hearing_kind: Option<HearingKind>,
    /// The hearing's court, or the due date's title.
    pub title: String,
    /// Days from today in the court's time zone: 0 today, negative when
    /// overdue.
    pub days_left: i32,
    /// A date computed from a setting, to confirm with the court's rules.
    pub confirm_with_court: bool,
    /// The hand-entered due date, when it is one (so it can be removed).
    pub due_date_id: Option<String>,
}

/// Every coming date of `case`, and every hand-entered one missed, by date:
/// hearings from today on; for a person not detained, each coming
/// individual hearing's filing deadline (`filing_days_before` days before,
/// shown even when already past); the hand-entered due dates.
pub fn deadlines(
    case: &Case,
    due_dates: &[DueDate],
    filing_days_before: u32,
    today: Date,
) -> Vec<Deadline> {
    let mut found = Vec::new();
    let detained = case.custody.status == CustodyStatus::Detained;
    for hearing in &case.hearings {
        let Some(day) = parse_day(&hearing.date) else {
            continue;
        };
        if day < today {
            continue;
        }
        found.push(Deadline {
            date: hearing.date.clone(),
            kind: DueKind::Hearing,
            hearing_kind: Some(hearing.kind),
            title: hearing.court.clone(),
            days_left: days_between(today, day),
            confirm_with_court: false,
            due_date_id: None,
        });
        if hearing.kind == HearingKind::Individual && !detained {
            let due = day
                .checked_sub_days(Days::new(u64::from(filing_days_before)))
                .unwrap_or(Date::MIN);
            found.push(Deadline {
                date: due.to_string(),
                kind: DueKind::Filing,
                hearing_kind: Some(hearing.kind),
                title: hearing.court.clone(),
                days_left: days_between(today, due),
                confirm_with_court: true,
                due_date_id: None,
            });
        }
    }
    for due in due_dates {
        let Some(day) = parse_day(&due.date) else {
            continue;
        };
        found.push(Deadline {
            date: due.date.clone(),
            kind: DueKind::Other,
            hearing_kind: None,
            title: due.title.clone(),
            days_left: days_between(today, day),
            confirm_with_court: false,
            due_date_id: Some(due.id.clone()),
        });
    }
    found.sort_by(|a, b| a.date.cmp(&b.date).then(a.title.cmp(&b.title)));
    found
}

/// Today's date where the court sits: in `zone` (an IANA name), or in this
/// computer's time zone when `zone` is empty or unknown.
pub fn court_today(zone: &str) -> Date {
    court_day(zone, Utc::now())
}

fn court_day(zone: &str, instant: chrono::DateTime<Utc>) -> Date {
    match zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => tz.from_utc_datetime(&instant.naive_utc()).date_naive(),
        Err(_) => chrono::Local
            .from_utc_datetime(&instant.naive_utc())
            .date_naive(),
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
fn days_between(from: Date, to: Date) -> i32 {
    i32::try_from((to - from).num_days()).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{Custody, Hearing};

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date::from_ymd_opt(year, month, day).expect("a real day")
    }

    fn case(status: CustodyStatus, hearings: &[(&str, HearingKind)]) -> Case {
        Case {
            id: "c".into(),
            person: Default::default(),
            custody: Custody {
                status,
                ..Custody::default()
            },
            hearings: hearings
                .iter()
                .map(|(date, kind)| Hearing {
                    date: (*date).into(),
                    kind: *kind,
                    court: "Otay Mesa".into(),
                    ..Hearing::default()
                })
                .collect(),
            attorney: Default::default(),
            notes: String::new(),
            court_time_zone: String::new(),
            checked_with_court_on: String::new(),
            is_example: false,
            created_at: String::new(),
            updated_at: String::new(),
            deleted_at: None,
        }
    }

    #[test]
    fn an_individual_hearing_implies_a_filing_deadline_when_not_detained() {
        let today = date(2026, 11, 30);
        let free = case(
            CustodyStatus::Free,
            &[
                ("2026-12-10", HearingKind::Individual),
                ("2027-01-05", HearingKind::Master),
                ("2026-11-01", HearingKind::Individual),
            ],
        );
        let found = deadlines(&free, &[], 15, today);
        let seen: Vec<(&str, DueKind, i32)> = found
            .iter()
            .map(|d| (d.date.as_str(), d.kind, d.days_left))
            .collect();
        assert_eq!(
            seen,
            [
                ("2026-11-25", DueKind::Filing, -5),
                ("2026-12-10", DueKind::Hearing, 10),
                ("2027-01-05", DueKind::Hearing, 36),
            ]
        );
        assert!(found[0].confirm_with_court);

        let held = case(
            CustodyStatus::Detained,
            &[("2026-12-10", HearingKind::Individual)],
        );
        let due = DueDate {
            id: "d".into(),
            case_id: "c".into(),
            date: "2026-12-03".into(),
            title: "Evidence due (set by the judge)".into(),
        };
        let found = deadlines(&held, &[due], 15, today);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].kind, DueKind::Other);
        assert_eq!(found[0].days_left, 3);
        assert!(found.iter().all(|d| d.kind != DueKind::Filing));
    }

    #[test]
    fn the_court_day_is_counted_in_its_own_zone() {
        for zone in COURT_TIME_ZONES {
            assert!(zone.parse::<chrono_tz::Tz>().is_ok(), "{zone}");
        }
        // At 02:00 UTC it is still the day before in California.
        let instant: chrono::DateTime<Utc> = "2026-12-01T02:00:00Z".parse().expect("instant");
        assert_eq!(
            court_day("America/Los_Angeles", instant),
            date(2026, 11, 30)
        );
        assert_eq!(court_day("America/New_York", instant), date(2026, 11, 30));
        assert_eq!(court_day("Pacific/Guam", instant), date(2026, 12, 1));
    }
}
