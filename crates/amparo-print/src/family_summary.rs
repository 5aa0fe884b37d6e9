//! "Family summary": one page, in the family's language, with what they
//! are asked for when they call a detention center, a court or a lawyer:
//! the person as on the government's papers, where they are held and how
//! to reach them, the next hearing, the attorney, what is due when, and how
//! to check it all. Anything not known yet prints as a line to write it in
//! by hand. How to check comes from settings a lawyer can correct (phone
//! numbers and websites change); the app itself stays offline.

use std::collections::HashMap;

use amparo_core::{Case, CustodyStatus, Deadline, DueKind, HearingMode, Store};
use serde::Serialize;

use crate::catalog::{choice_name as name, say};
use crate::declaration::long_date;
use crate::error::PrintError;
use crate::render::{self, Pages};

/// The wording settings printed under "How to check", in order.
const CHECK_WORDING: [&str; 3] = ["familyCheckCourt", "familyCheckLocator", "familyCheckAgain"];

#[derive(Debug, Serialize)]
struct SummaryData {
    example: bool,
    lang: &'static str,
    title: String,
    intro: String,
    printed: String,
    sections: Vec<Section>,
}

#[derive(Debug, Serialize)]
struct Section {
    heading: String,
    rows: Vec<Row>,
    notes: Vec<String>,
}

/// A label and its value; no value prints a line to fill in by hand.
#[derive(Debug, Serialize)]
struct Row {
    label: String,
    value: Option<String>,
}

/// The family summary of the case `case_id` in `lang` (`es`, or English).
pub fn family_summary(store: &Store, case_id: &str, lang: &str) -> Result<Pages, PrintError> {
    let case = store.case(case_id)?;
    let deadlines = store.deadlines(case_id)?;
    let wording = store.wording_map()?;
    let data = summary_data(&case, &deadlines, &wording, lang, crate::today());
    render::compile("/family-summary.typ", None, &data, Vec::new())
}

fn summary_data(
    case: &Case,
    deadlines: &[Deadline],
    wording: &HashMap<String, String>,
    lang: &str,
    today: chrono::NaiveDate,
) -> SummaryData {
    let lang: &'static str = if lang == "es" { "es" } else { "en" };
    let w = |key: &str| say(lang, key, &[]);
    let p = &case.person;
    let person = Section {
        heading: w("summary.person"),
        rows: vec![
            row(w("person.recordName"), &p.record_name),
            row(w("person.aNumber"), &p.a_number),
            row(w("person.countryOfBirth"), &p.country_of_birth),
            row(
                w("person.birthDate"),
                &p.birth_date.map(|d| d.in_words(lang)).unwrap_or_default(),
            ),
        ],
        notes: Vec::new(),
    };
    SummaryData {
        example: case.is_example,
        lang,
        title: w("summary.title"),
        intro: w("summary.intro"),
        printed: say(
            lang,
            "summary.printedOn",
            &[("date", &long_date(&today.to_string(), lang))],
        ),
        sections: vec![
            person,
            whereabouts(case, lang),
            next_hearing(case, deadlines, lang),
            attorney(case, lang),
            due(deadlines, lang),
            Section {
                heading: w("summary.check"),
                rows: Vec::new(),
                notes: CHECK_WORDING
                    .iter()
                    .map(|key| {
                        wording
                            .get(&format!("{key}.{lang}"))
                            .or_else(|| wording.get(&format!("{key}.en")))
                            .cloned()
                            .unwrap_or_default()
                    })
                    .filter(|text| !text.trim().is_empty())
                    .collect(),
            },
        ],
    }
}

fn row(label: String, value: &str) -> Row {
    let value = value.trim();
    Row {
        label,
        value: (!value.is_empty()).then(|| value.to_owned()),
    }
}

fn whereabouts(case: &Case, lang: &str) -> Section {
    let w = |key: &str| say(lang, key, &[]);
    let c = &case.custody;
    let status = row(
        w("summary.status"),
        &w(&format!("custodyStatus.{}", name(c.status))),
    );
    let rows = match c.status {
        CustodyStatus::Detained => vec![
            status,
            row(w("custody.facility"), &c.facility),
            row(w("custody.facilityPhone"), &c.facility_phone),
            row(w("custody.detaineeId"), &c.detainee_id),
            row(w("custody.officer"), &c.officer),
            row(w("custody.bond"), &c.bond),
        ],
        CustodyStatus::Removed => vec![
            status,
            row(w("custody.removedTo"), &c.removed_to),
            row(
                w("custody.removedOn"),
                &c.removed_on.map(|d| d.in_words(lang)).unwrap_or_default(),
            ),
        ],
        CustodyStatus::Free | CustodyStatus::Unknown => vec![status],
    };
    Section {
        heading: w("summary.where"),
        rows,
        notes: Vec::new(),
    }
}

fn next_hearing(case: &Case, deadlines: &[Deadline], lang: &str) -> Section {
    let w = |key: &str| say(lang, key, &[]);
    // The deadlines count days where the court sits: a hearing still to
    // come is one they list with days left.
    let coming = case.hearings.iter().find(|h| {
        deadlines
            .iter()
            .any(|d| d.kind == DueKind::Hearing && d.date == h.date && d.days_left >= 0)
    });
    let Some(h) = coming else {
        return Section {
            heading: w("summary.nextHearing"),
            rows: Vec::new(),
            notes: vec![w("summary.noHearing")],
        };
    };
    let mode = match h.mode {
        HearingMode::Unknown => String::new(),
        mode => w(&format!("hearingMode.{}", name(mode))),
    };
    Section {
        heading: w("summary.nextHearing"),
        rows: vec![
            row(w("hearings.date"), &long_date(&h.date, lang)),
            row(
                w("hearings.time"),
                &court_time(&h.time, &case.court_time_zone, lang),
            ),
            row(w("hearings.court"), &h.court),
            row(
                w("hearings.kind"),
                &w(&format!("hearingKind.{}", name(h.kind))),
            ),
            row(w("hearings.mode"), &mode),
        ],
        notes: Vec::new(),
    }
}

fn attorney(case: &Case, lang: &str) -> Section {
    let w = |key: &str| say(lang, key, &[]);
    let a = &case.attorney;
    // None written down yet: the lines stay, to write on.
    Section {
        heading: w("attorney.title"),
        rows: vec![
            row(w("attorney.name"), &a.name),
            row(w("attorney.phone"), &a.phone),
        ],
        notes: Vec::new(),
    }
}

fn due(deadlines: &[Deadline], lang: &str) -> Section {
    let w = |key: &str| say(lang, key, &[]);
    let rows: Vec<Row> = deadlines
        .iter()
        .filter(|d| d.days_left >= 0)
        .map(|d| {
            let mut what = match d.kind {
                DueKind::Hearing => w(&format!(
                    "hearingKind.{}",
                    name(d.hearing_kind.unwrap_or_default())
                )),
                DueKind::Filing => w("deadline.filing"),
                DueKind::Other => d.title.clone(),
            };
            if d.confirm_with_court {
                what = format!("{what} ({})", w("deadline.confirm"));
            }
            Row {
                label: long_date(&d.date, lang),
                value: Some(what),
            }
        })
        .collect();
    let notes = if rows.is_empty() {
        vec![w("summary.nothingDue")]
    } else {
        Vec::new()
    };
    Section {
        heading: w("summary.due"),
        rows,
        notes,
    }
}

/// The time on a twelve-hour clock, said to be the court's (a family far
/// away reads it in their own zone otherwise), with the court's zone when
/// the case names it.
fn court_time(time: &str, zone: &str, lang: &str) -> String {
    if time.trim().is_empty() {
        return String::new();
    }
    let time = twelve_hour(time, lang);
    if zone.is_empty() {
        say(lang, "summary.courtTime", &[("time", &time)])
    } else {
        let zone = say(lang, &format!("timeZone.{zone}"), &[]);
        say(
            lang,
            "summary.courtTimeIn",
            &[("time", &time), ("zone", &zone)],
        )
    }
}

/// "13:05" as a family reads it: "1:05 PM", "1:05 p. m.".
fn twelve_hour(time: &str, lang: &str) -> String {
    let Some((h, m)) = time.split_once(':') else {
        return time.to_owned();
    };
    let (Ok(hour), Ok(minute)) = (h.parse::<u32>(), m.parse::<u32>()) else {
        return time.to_owned();
    };
    if hour > 23 || minute > 59 {
        return time.to_owned();
    }
    let shown = match hour % 12 {
        0 => 12,
        other => other,
    };
    let half = match (hour < 12, lang) {
        (true, "es") => "a. m.",
        (false, "es") => "p. m.",
        (true, _) => "AM",
        (false, _) => "PM",
    };
    format!("{shown}:{minute:02} {half}")
}

#[cfg(test)]
mod tests {
    use super::twelve_hour;

    #[test]
    fn times_read_on_a_twelve_hour_clock() {
        assert_eq!(twelve_hour("13:00", "en"), "1:00 PM");
        assert_eq!(twelve_hour("08:30", "es"), "8:30 a. m.");
        assert_eq!(twelve_hour("00:15", "en"), "12:15 AM");
        assert_eq!(twelve_hour("12:00", "es"), "12:00 p. m.");
        assert_eq!(twelve_hour("", "en"), "");
    }
}
