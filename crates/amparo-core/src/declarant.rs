//! Declarants: the people who give statements in a case (the person, family
//! members, witnesses, the tattoo artist).

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::remembered_date::RememberedDate;

/// Whether a declarant reads English, as far as the advocate knows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReadsEnglish {
    /// Not asked yet.
    #[default]
    Unknown,
    /// Reads English well enough to sign an English text.
    Yes,
    /// Does not read English.
    No,
}

/// What a form sends to create or change a declarant.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct DeclarantDraft {
    /// Full name as it will be printed and signed. Required.
    pub full_name: String,
    /// True when the declarant is the person the case is about.
    pub is_the_person: bool,
    /// Relationship to the person ("mother", "tattoo artist").
    pub relationship: String,
    /// Since when they know the person.
    pub known_since: Option<RememberedDate>,
    /// Age in years, when the date of birth is not known.
    pub age: Option<u16>,
    /// Date of birth, as precisely as it is known.
    pub birth_date: Option<RememberedDate>,
    /// City of residence.
    pub city: String,
    /// Country of residence.
    pub country: String,
    /// Phone, email or how to reach them.
    pub contact: String,
    /// Languages they speak, first the one they are most at home in.
    pub languages: Vec<String>,
    /// Whether they read English.
    pub reads_english: ReadsEnglish,
}

/// A stored declarant.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Declarant {
    /// UUIDv7.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// Everything the form holds.
    #[serde(flatten)]
    pub record: DeclarantDraft,
    /// Creation time, UTC RFC 3339.
    pub created_at: String,
    /// Last change, UTC RFC 3339.
    pub updated_at: String,
}

impl DeclarantDraft {
    /// True only when the declarant is known to be 18 or older on `on`:
    /// "I am over the age of 18" is printed only then.
    pub fn known_adult(&self, on: chrono::NaiveDate) -> bool {
        if let Some(age) = self.age
            && age >= 18
        {
            return true;
        }
        // The latest day the birth could have been decides: a birth known
        // only to the year counts from 31 December of that year.
        let Some(birth) = self.birth_date else {
            return false;
        };
        let (month, day) = match (birth.month, birth.day) {
            (Some(m), Some(d)) => (m, d),
            (Some(m), None) => (m, days_in(birth.year, m)),
            _ => (12, 31),
        };
        let eighteenth = (birth.year + 18, u32::from(month), u32::from(day));
        let today = (on.year(), on.month(), on.day());
        today >= eighteenth
    }
}

fn days_in(year: i32, month: u8) -> u8 {
    chrono::Month::try_from(month)
        .ok()
        .and_then(|m| m.num_days(year))
        .unwrap_or(31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(year, month, day).expect("a real day")
    }

    #[test]
    fn adulthood_is_counted_from_the_latest_possible_birthday() {
        let mut d = DeclarantDraft::default();
        assert!(!d.known_adult(date(2026, 11, 30)), "nothing known");
        d.birth_date = Some(RememberedDate::year(2008));
        assert!(!d.known_adult(date(2026, 11, 30)), "may turn 18 on Dec 31");
        assert!(d.known_adult(date(2026, 12, 31)));
        d.birth_date = Some(RememberedDate::day(2008, 11, 30));
        assert!(d.known_adult(date(2026, 11, 30)));
        assert!(!d.known_adult(date(2026, 11, 29)));
        d.birth_date = None;
        d.age = Some(17);
        assert!(!d.known_adult(date(2026, 11, 30)));
        d.age = Some(54);
        assert!(d.known_adult(date(2026, 11, 30)));
    }
}
