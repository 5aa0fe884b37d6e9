//! Validation of a case draft. It collects every problem at once (so a form
//! can mark all bad fields together) and, when there are none, returns the
//! draft in its stored form: text trimmed, empty list entries dropped, the
//! A-number canonical, custody fields that do not apply cleared.

use chrono::{Days, NaiveDate as Date};

use crate::a_number::ANumber;
use crate::case::{CaseDraft, Custody, CustodyStatus, Hearing, Transfer};
use crate::error::{FieldError, FieldProblem};
use crate::remembered_date::RememberedDate;

const NAME_MAX: usize = 300;
const LINE_MAX: usize = 1_000;
const NOTES_MAX: usize = 200_000;

/// The problems saving `draft` now would report, without saving it: what a
/// form shows as the user leaves each field.
pub fn check_draft(draft: &CaseDraft) -> Vec<FieldError> {
    validate(draft, crate::store::today())
        .err()
        .unwrap_or_default()
}

/// Checks `draft` against `today` (the caller's calendar day) and returns it
/// normalised, or every field that is wrong.
pub(crate) fn validate(draft: &CaseDraft, today: Date) -> Result<CaseDraft, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut out = draft.clone();
    let latest = latest_past_day(today);

    let p = &mut out.person;
    p.record_name = text(&p.record_name, "person.recordName", NAME_MAX, &mut errors);
    if p.record_name.is_empty() {
        errors.push(FieldError::new("person.recordName", FieldProblem::Required));
    }
    p.used_name = text(&p.used_name, "person.usedName", NAME_MAX, &mut errors);
    p.pronouns = text(&p.pronouns, "person.pronouns", NAME_MAX, &mut errors);
    p.country_of_birth = text(
        &p.country_of_birth,
        "person.countryOfBirth",
        NAME_MAX,
        &mut errors,
    );
    p.nationality = text(&p.nationality, "person.nationality", NAME_MAX, &mut errors);
    p.aliases = list(&p.aliases, "person.aliases", &mut errors);
    p.languages = list(&p.languages, "person.languages", &mut errors);
    past_date(&p.birth_date, "person.birthDate", latest, &mut errors);
    p.a_number = match p.a_number.trim() {
        "" => String::new(),
        typed => match ANumber::parse(typed) {
            Ok(n) => n.to_string(),
            Err(problem) => {
                errors.push(FieldError::new("person.aNumber", problem));
                typed.to_owned()
            }
        },
    };

    let c = &mut out.custody;
    match c.status {
        CustodyStatus::Detained => {
            c.facility = text(&c.facility, "custody.facility", NAME_MAX, &mut errors);
            reaching(c, &mut errors);
            past_date(
                &c.detained_since,
                "custody.detainedSince",
                latest,
                &mut errors,
            );
            c.transfers = transfers(&c.transfers, latest, &mut errors);
            c.removed_to.clear();
            c.removed_on = None;
        }
        CustodyStatus::Removed => {
            c.removed_to = text(&c.removed_to, "custody.removedTo", NAME_MAX, &mut errors);
            past_date(&c.removed_on, "custody.removedOn", latest, &mut errors);
            // Where they were held before removal stays part of the story.
            c.facility = text(&c.facility, "custody.facility", NAME_MAX, &mut errors);
            reaching(c, &mut errors);
            past_date(
                &c.detained_since,
                "custody.detainedSince",
                latest,
                &mut errors,
            );
            c.transfers = transfers(&c.transfers, latest, &mut errors);
        }
        CustodyStatus::Free | CustodyStatus::Unknown => {
            c.facility.clear();
            c.facility_phone.clear();
            c.detainee_id.clear();
            c.officer.clear();
            c.bond.clear();
            c.detained_since = None;
            c.transfers.clear();
            c.removed_to.clear();
            c.removed_on = None;
        }
    }

    for (i, h) in out.hearings.iter_mut().enumerate() {
        *h = hearing(h, i, &mut errors);
    }
    out.hearings
        .sort_by(|a, b| (&a.date, &a.time).cmp(&(&b.date, &b.time)));

    out.attorney.name = text(&out.attorney.name, "attorney.name", NAME_MAX, &mut errors);
    out.attorney.eoir_id = text(
        &out.attorney.eoir_id,
        "attorney.eoirId",
        NAME_MAX,
        &mut errors,
    );
    out.attorney.phone = text(&out.attorney.phone, "attorney.phone", NAME_MAX, &mut errors);
    out.notes = text(&out.notes, "notes", NOTES_MAX, &mut errors);
    out.court_time_zone = out.court_time_zone.trim().to_owned();
    if !out.court_time_zone.is_empty()
        && !crate::deadline::COURT_TIME_ZONES.contains(&out.court_time_zone.as_str())
    {
        errors.push(FieldError::new("courtTimeZone", FieldProblem::Unknown));
    }

    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// How a family reaches a detained person: the facility's phone, the
/// detainee ID, the deportation officer and the bond.
fn reaching(c: &mut Custody, errors: &mut Vec<FieldError>) {
    c.facility_phone = text(&c.facility_phone, "custody.facilityPhone", NAME_MAX, errors);
    c.detainee_id = text(&c.detainee_id, "custody.detaineeId", NAME_MAX, errors);
    c.officer = text(&c.officer, "custody.officer", NAME_MAX, errors);
    c.bond = text(&c.bond, "custody.bond", NAME_MAX, errors);
}

fn text(value: &str, field: &str, max: usize, errors: &mut Vec<FieldError>) -> String {
    let trimmed = value.trim();
    if trimmed.chars().count() > max {
        errors.push(FieldError::new(field, FieldProblem::TooLong));
    }
    trimmed.to_owned()
}

fn list(values: &[String], field: &str, errors: &mut Vec<FieldError>) -> Vec<String> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| text(v, &format!("{field}.{i}"), NAME_MAX, errors))
        .filter(|v| !v.is_empty())
        .collect()
}

/// The last day a date of something that already happened may name: a day
/// of grace, since "today" in UTC may be yesterday where the user lives.
pub(crate) fn latest_past_day(today: Date) -> Date {
    today.checked_add_days(Days::new(1)).unwrap_or(Date::MAX)
}

/// Checks a date of something that already happened: a real date, not
/// after `latest` (see [`latest_past_day`]).
pub(crate) fn past_date(
    date: &Option<RememberedDate>,
    field: &str,
    latest: Date,
    errors: &mut Vec<FieldError>,
) {
    if let Some(d) = date {
        if let Err(problem) = d.check() {
            errors.push(FieldError::new(field, problem));
        } else if d.is_after(latest) {
            errors.push(FieldError::new(field, FieldProblem::DateInFuture));
        }
    }
}

fn transfers(list: &[Transfer], latest: Date, errors: &mut Vec<FieldError>) -> Vec<Transfer> {
    let mut kept = Vec::new();
    for (i, t) in list.iter().enumerate() {
        let field = format!("custody.transfers.{i}");
        let facility = text(&t.facility, &format!("{field}.facility"), NAME_MAX, errors);
        if facility.is_empty() && t.date.is_none() {
            continue; // a blank row the user added and left
        }
        if facility.is_empty() {
            errors.push(FieldError::new(
                format!("{field}.facility"),
                FieldProblem::Required,
            ));
        }
        past_date(&t.date, &format!("{field}.date"), latest, errors);
        kept.push(Transfer {
            facility,
            date: t.date,
        });
    }
    kept
}

fn hearing(h: &Hearing, i: usize, errors: &mut Vec<FieldError>) -> Hearing {
    let field = format!("hearings.{i}");
    let mut out = h.clone();
    out.date = h.date.trim().to_owned();
    if out.date.is_empty() {
        errors.push(FieldError::new(
            format!("{field}.date"),
            FieldProblem::Required,
        ));
    } else if crate::calendar::parse_day(&out.date).is_none() {
        errors.push(FieldError::new(
            format!("{field}.date"),
            FieldProblem::DateInvalid,
        ));
    }
    out.time = h.time.trim().to_owned();
    if !out.time.is_empty() {
        match clock_time(&out.time) {
            Some(time) => out.time = time,
            None => errors.push(FieldError::new(
                format!("{field}.time"),
                FieldProblem::TimeFormat,
            )),
        }
    }
    out.court = text(&h.court, &format!("{field}.court"), LINE_MAX, errors);
    out.judge = text(&h.judge, &format!("{field}.judge"), NAME_MAX, errors);
    out
}

/// A time of day as people write it, kept as `HH:MM` on a 24-hour clock:
/// "13:30" and "8:30", or on a 12-hour clock as a family reads a hearing
/// notice, "1:30 pm", "1:30 p. m.", "1 PM", "12 a.m." (midnight).
fn clock_time(text: &str) -> Option<String> {
    let plain: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect::<String>()
        .to_lowercase();
    let (clock, half) = match plain.strip_suffix("am") {
        Some(c) => (c, Some(false)),
        None => match plain.strip_suffix("pm") {
            Some(c) => (c, Some(true)),
            None => (plain.as_str(), None),
        },
    };
    let (h, m) = match clock.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h, m),
        // "1 pm": whole hours only with a.m. or p.m.
        None if half.is_some() => (clock, "00"),
        _ => return None,
    };
    if h.is_empty() || h.len() > 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    let hour = match half {
        None if h < 24 => h,
        Some(pm) if (1..=12).contains(&h) => h % 12 + if pm { 12 } else { 0 },
        _ => return None,
    };
    (m < 60).then(|| format!("{hour:02}:{m:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Person;

    const TODAY: Date = Date::from_ymd_opt(2026, 11, 30).expect("a real day");

    fn named(name: &str) -> CaseDraft {
        CaseDraft {
            person: Person {
                record_name: name.into(),
                ..Person::default()
            },
            ..CaseDraft::default()
        }
    }

    fn problems(draft: &CaseDraft) -> Vec<(String, FieldProblem)> {
        match validate(draft, TODAY) {
            Ok(_) => Vec::new(),
            Err(e) => e.into_iter().map(|e| (e.field, e.problem)).collect(),
        }
    }

    #[test]
    fn a_blank_record_name_is_required() {
        assert_eq!(
            problems(&named("   ")),
            vec![("person.recordName".to_owned(), FieldProblem::Required)]
        );
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let mut d = named("");
        d.person.a_number = "A-123".into();
        d.person.birth_date = Some(RememberedDate::day(2001, 2, 30));
        d.hearings.push(Hearing {
            date: "2027-13-01".into(),
            time: "25:00".into(),
            ..Hearing::default()
        });
        let fields: Vec<_> = problems(&d).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "person.recordName",
                "person.birthDate",
                "person.aNumber",
                "hearings.0.date",
                "hearings.0.time"
            ]
        );
    }

    #[test]
    fn a_birth_date_next_year_is_in_the_future_but_a_hearing_may_be() {
        let mut d = named("X");
        d.person.birth_date = Some(RememberedDate::year(2027));
        d.hearings.push(Hearing {
            date: "2027-03-17".into(),
            ..Hearing::default()
        });
        assert_eq!(
            problems(&d),
            vec![("person.birthDate".to_owned(), FieldProblem::DateInFuture)]
        );
    }

    #[test]
    fn the_stored_form_is_trimmed_canonical_and_sorted() {
        let mut d = named("  Rivas Moreno, Jesús  ");
        d.person.a_number = "a 12345678".into();
        d.person.languages = vec!["Spanish".into(), "  ".into(), " K'iche' ".into()];
        d.custody.status = CustodyStatus::Free;
        d.custody.facility = "left over from an earlier status".into();
        d.hearings = vec![
            Hearing {
                date: "2027-03-17".into(),
                ..Hearing::default()
            },
            Hearing {
                date: "2026-12-01".into(),
                ..Hearing::default()
            },
        ];
        let out = validate(&d, TODAY).expect("valid");
        assert_eq!(out.person.record_name, "Rivas Moreno, Jesús");
        assert_eq!(out.person.a_number, "A-012-345-678");
        assert_eq!(out.person.languages, ["Spanish", "K'iche'"]);
        assert_eq!(out.custody.facility, "", "a free person has no facility");
        assert_eq!(out.hearings[0].date, "2026-12-01");
    }

    #[test]
    fn a_time_is_read_as_people_write_it_and_kept_on_a_24_hour_clock() {
        for (typed, kept) in [
            ("08:30", "08:30"),
            ("8:30", "08:30"),
            ("23:59", "23:59"),
            ("1:30 pm", "13:30"),
            ("1:30 p. m.", "13:30"),
            ("1 PM", "13:00"),
            ("9 a.m.", "09:00"),
            ("12:15 p. m.", "12:15"),
            ("12 a. m.", "00:00"),
        ] {
            assert_eq!(clock_time(typed).as_deref(), Some(kept), "{typed}");
        }
        for bad in [
            "24:00", "12:60", "noon", "12-30", "13:00 pm", "0 am", "8", "1:5", "+1:30", "١:٣٠",
        ] {
            assert_eq!(clock_time(bad), None, "{bad}");
        }
    }
}
