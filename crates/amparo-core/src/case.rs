//! The case: the person, their custody, their hearings and their attorney.
//!
//! [`CaseDraft`] is what a form or a command sends; [`Case`] is what the
//! store returns. They share [`Person`], [`Custody`] and [`Hearing`]: in a
//! draft the A-number is however the user typed it, in a stored case it is
//! the canonical `A-012-345-678` (or empty).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::remembered_date::RememberedDate;

/// Who the case is about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Person {
    /// The name exactly as on DHS/EOIR records; used in captions. Required.
    pub record_name: String,
    /// The name the person uses, when different.
    pub used_name: String,
    /// Pronouns, as the person gives them.
    pub pronouns: String,
    /// Other spellings and aliases found on documents.
    pub aliases: Vec<String>,
    /// Date of birth, as precisely as it is known.
    pub birth_date: Option<RememberedDate>,
    /// Country of birth.
    pub country_of_birth: String,
    /// Nationality (citizenship).
    pub nationality: String,
    /// Languages the person speaks, as free entries (K'iche', Mam, ...).
    pub languages: Vec<String>,
    /// Whether the person needs an interpreter.
    pub needs_interpreter: bool,
    /// A-number: typed freely in a draft, `A-012-345-678` when stored, empty
    /// when unknown.
    pub a_number: String,
}

/// Where the person is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CustodyStatus {
    /// Not known.
    #[default]
    Unknown,
    /// Not detained.
    Free,
    /// Held by immigration authorities.
    Detained,
    /// Removed (deported) from the United States.
    Removed,
}

impl CustodyStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Unknown => "unknown",
            Self::Free => "free",
            Self::Detained => "detained",
            Self::Removed => "removed",
        }
    }

    pub(crate) fn from_str(text: &str) -> Self {
        match text {
            "free" => Self::Free,
            "detained" => Self::Detained,
            "removed" => Self::Removed,
            _ => Self::Unknown,
        }
    }
}

/// A move from one detention facility to another.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Transfer {
    /// The facility the person was moved to.
    pub facility: String,
    /// When, as precisely as known.
    pub date: Option<RememberedDate>,
}

/// Custody: the fields that matter depend on the status. Fields that do not
/// apply to the status are cleared when the case is saved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Custody {
    /// Free, detained, removed or unknown.
    pub status: CustodyStatus,
    /// Detained: the facility where the person is held now (may be unknown).
    pub facility: String,
    /// Detained: the facility's phone number, for the family.
    pub facility_phone: String,
    /// Detained: the number the facility gives the person (often needed to
    /// call, visit or send money).
    pub detainee_id: String,
    /// Detained: the deportation officer (name, phone), as the family knows it.
    pub officer: String,
    /// Detained: the bond, in the family's words ("$5,000, set on March 3";
    /// "no bond").
    pub bond: String,
    /// Detained: since when.
    pub detained_since: Option<RememberedDate>,
    /// Detained: earlier moves between facilities, oldest first.
    pub transfers: Vec<Transfer>,
    /// Removed: to which country.
    pub removed_to: String,
    /// Removed: when.
    pub removed_on: Option<RememberedDate>,
}

/// The kind of hearing in immigration court.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum HearingKind {
    /// Master calendar hearing.
    #[default]
    Master,
    /// Individual (merits) hearing.
    Individual,
    /// Bond hearing.
    Bond,
    /// Anything else.
    Other,
}

/// Whether the person appears in person or by video.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum HearingMode {
    /// Not known yet.
    #[default]
    Unknown,
    /// In the courtroom.
    InPerson,
    /// By video (WebEx or similar).
    Video,
}

/// A hearing. Its date is exact: a court sets a day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Hearing {
    /// Set by the store; empty in a draft for a new hearing.
    pub id: String,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// Time of day, `HH:MM` (24 h), when known.
    pub time: String,
    /// The court, e.g. "Otay Mesa Immigration Court".
    pub court: String,
    /// The immigration judge.
    pub judge: String,
    /// Master, individual, bond or other.
    pub kind: HearingKind,
    /// In person or by video.
    pub mode: HearingMode,
}

/// The attorney of record. Both fields empty means none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Attorney {
    /// The attorney's name.
    pub name: String,
    /// The attorney's EOIR ID.
    pub eoir_id: String,
    /// The attorney's phone, for the family.
    pub phone: String,
}

/// What a form or a command sends to create or change a case.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CaseDraft {
    /// The person.
    pub person: Person,
    /// Custody.
    pub custody: Custody,
    /// Hearings, in any order (the store sorts them by date).
    pub hearings: Vec<Hearing>,
    /// Attorney of record.
    pub attorney: Attorney,
    /// Free notes.
    pub notes: String,
    /// The IANA time zone the court counts days in (one of
    /// [`crate::COURT_TIME_ZONES`]); empty for this computer's own.
    pub court_time_zone: String,
}

/// A stored case.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Case {
    /// UUIDv7.
    pub id: String,
    /// The person.
    pub person: Person,
    /// Custody.
    pub custody: Custody,
    /// Hearings by date.
    pub hearings: Vec<Hearing>,
    /// Attorney of record.
    pub attorney: Attorney,
    /// Free notes.
    pub notes: String,
    /// The court's IANA time zone; empty for this computer's own.
    pub court_time_zone: String,
    /// The day (`YYYY-MM-DD`, where the court sits) the case was last
    /// checked with the immigration court's automated line; empty: never.
    pub checked_with_court_on: String,
    /// The fictional example case that Amparo offers on first start.
    pub is_example: bool,
    /// Creation time, UTC RFC 3339.
    pub created_at: String,
    /// Last change, UTC RFC 3339.
    pub updated_at: String,
    /// When it was moved to the Deleted list, if it was.
    pub deleted_at: Option<String>,
}

impl Case {
    /// The draft that would save this case unchanged: what an edit form
    /// starts from.
    pub fn to_draft(&self) -> CaseDraft {
        CaseDraft {
            person: self.person.clone(),
            custody: self.custody.clone(),
            hearings: self.hearings.clone(),
            attorney: self.attorney.clone(),
            notes: self.notes.clone(),
            court_time_zone: self.court_time_zone.clone(),
        }
    }
}

/// One row of the case list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseSummary {
    /// UUIDv7.
    pub id: String,
    /// Name as on DHS/EOIR records.
    pub record_name: String,
    /// Name the person uses.
    pub used_name: String,
    /// `A-012-345-678` or empty.
    pub a_number: String,
    /// Nationality.
    pub nationality: String,
    /// Custody status.
    pub custody: CustodyStatus,
    /// The first hearing on or after today, `YYYY-MM-DD`.
    pub next_hearing: Option<String>,
    /// The earliest hearing or due date that is coming or overdue, counted
    /// in the court's time zone.
    pub next_due: Option<crate::deadline::Deadline>,
    /// The fictional example case.
    pub is_example: bool,
    /// Last change, UTC RFC 3339.
    pub updated_at: String,
    /// When it was moved to the Deleted list, if it was.
    pub deleted_at: Option<String>,
}
