//! The case's coming hearings and due dates as an iCalendar file for a
//! phone's calendar, in the family's language, each with a reminder the
//! day before. A hearing is at its time where the court sits (in UTC when
//! the case names the court's time zone, else at that hour wherever the
//! phone is); a due date is a whole day. The file names no one: a phone's
//! calendar is seen by others, and the family knows whose hearing it is.
//! Each event keeps the same UID from one export to the next, so opening a
//! newer file updates the calendar instead of adding a second copy.

use amparo_core::{Case, Deadline, DueKind, Store};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};

use crate::catalog::{choice_name as name, say};
use crate::error::PrintError;

/// How long a hearing is shown as lasting: the court does not say.
const HEARING_HOURS: i64 = 1;

/// The calendar file (`.ics` text) of the case `case_id` in `lang`.
pub fn family_calendar(store: &Store, case_id: &str, lang: &str) -> Result<String, PrintError> {
    let case = store.case(case_id)?;
    let deadlines = store.deadlines(case_id)?;
    Ok(calendar(&case, &deadlines, lang))
}

fn calendar(case: &Case, deadlines: &[Deadline], lang: &str) -> String {
    let lang = if lang == "es" { "es" } else { "en" };
    let mut out = Calendar::new();
    out.name(&say(lang, "calendar.name", &[]));
    for d in deadlines.iter().filter(|d| d.days_left >= 0) {
        let Ok(day) = NaiveDate::parse_from_str(&d.date, "%Y-%m-%d") else {
            continue;
        };
        // What the event is, not where it falls in the list: adding a due
        // date must not change the others' UIDs.
        let what = match (d.kind, &d.due_date_id) {
            (DueKind::Other, Some(id)) => id.clone(),
            (DueKind::Hearing, _) => format!("hearing-{}", name(d.hearing_kind)),
            (kind, _) => name(kind),
        };
        let uid = format!("{}-{}-{what}@amparo", case.id, d.date);
        let mut event = Event::new();
        event.uid(&uid);
        let mut alarm = Alarm::display(
            &say(lang, "calendar.tomorrow", &[]),
            Trigger::before_start(chrono::Duration::days(1)),
        );
        alarm.uid(&format!("{uid}-day-before"));
        event.alarm(alarm);
        match d.kind {
            DueKind::Hearing => {
                let hearing = case
                    .hearings
                    .iter()
                    .find(|h| h.date == d.date && Some(h.kind) == d.hearing_kind);
                let kind = name(d.hearing_kind.unwrap_or_default());
                event.summary(&say(lang, &format!("hearingKind.{kind}"), &[]));
                if let Some(h) = hearing {
                    if !h.court.trim().is_empty() {
                        event.location(h.court.trim());
                    }
                    match at(day, &h.time, &case.court_time_zone) {
                        Some(When::Utc(start)) => {
                            event.starts(start);
                            event.ends(start + chrono::Duration::hours(HEARING_HOURS));
                        }
                        Some(When::Local(start)) => {
                            event.starts(start);
                            event.ends(start + chrono::Duration::hours(HEARING_HOURS));
                        }
                        None => {
                            event.all_day(day);
                        }
                    }
                } else {
                    event.all_day(day);
                }
            }
            DueKind::Filing | DueKind::Other => {
                let what = if d.kind == DueKind::Filing {
                    say(lang, "deadline.filing", &[])
                } else {
                    d.title.clone()
                };
                event.summary(&what);
                if d.confirm_with_court {
                    event.description(&say(lang, "deadline.confirm", &[]));
                }
                event.all_day(day);
            }
        }
        out.push(event.done());
    }
    out.done().to_string()
}

enum When {
    Utc(chrono::DateTime<chrono::Utc>),
    Local(NaiveDateTime),
}

/// The hearing's start: in UTC where the court's zone is known, else the
/// same hour wherever the calendar is; none without a time.
fn at(day: NaiveDate, time: &str, zone: &str) -> Option<When> {
    let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").ok()?;
    let local = day.and_time(time);
    match zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => tz
            .from_local_datetime(&local)
            .earliest()
            .map(|t| When::Utc(t.with_timezone(&chrono::Utc))),
        Err(_) => Some(When::Local(local)),
    }
}

#[cfg(test)]
mod tests {
    use amparo_core::{CaseDraft, DueDateDraft, Hearing, HearingKind, Store};

    use super::family_calendar;

    #[test]
    fn hearings_are_at_the_courts_hour_and_due_dates_are_whole_days() {
        let mut store = Store::open_in_memory().expect("store");
        let mut draft = CaseDraft::default();
        draft.person.record_name = "Jesús Alberto Rivas Moreno".into();
        draft.court_time_zone = "America/Chicago".into();
        let day = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
        draft.hearings = vec![Hearing {
            date: day.clone(),
            time: "13:00".into(),
            court: "Pearsall Immigration Court".into(),
            kind: HearingKind::Individual,
            ..Hearing::default()
        }];
        let case = store.create_case(&draft).expect("case");
        store
            .add_due_date(
                &case.id,
                &DueDateDraft {
                    date: (chrono::Utc::now().date_naive() + chrono::Days::new(10)).to_string(),
                    title: "Evidence; due\nbefore, noon".into(),
                },
            )
            .expect("due");
        let ics = family_calendar(&store, &case.id, "es").expect("calendar");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(
            ics.contains("SUMMARY:Audiencia individual (de fondo)"),
            "{ics}"
        );
        assert!(ics.contains("LOCATION:Pearsall Immigration Court"), "{ics}");
        // 13:00 in Chicago is 18:00 or 19:00 UTC, depending on the season.
        let compact = day.replace('-', "");
        assert!(
            ics.contains(&format!("DTSTART:{compact}T180000Z"))
                || ics.contains(&format!("DTSTART:{compact}T190000Z")),
            "{ics}"
        );
        assert!(
            ics.contains("DTSTART;VALUE=DATE:"),
            "the due date is a whole day: {ics}"
        );
        assert!(
            ics.contains("SUMMARY:Evidence\\; due\\nbefore\\, noon"),
            "typed text is escaped, never read as iCalendar: {ics}"
        );
        assert!(ics.contains("BEGIN:VALARM"), "{ics}");
        assert!(!ics.contains("Rivas"), "no one is named: {ics}");
        // DTSTAMP is when the file was made (RFC 5545); all else, the UIDs
        // of the events and their reminders too, is the same, so a phone
        // updates its events instead of adding them twice.
        let stable = |text: &str| {
            text.lines()
                .filter(|l| !l.starts_with("DTSTAMP:"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let again = family_calendar(&store, &case.id, "es").expect("again");
        assert_eq!(stable(&ics), stable(&again));
    }
}
