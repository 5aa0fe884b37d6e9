//! The case's chronology: what happened when, as precisely as it is known,
//! and what each event rests on.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::evidence_link::EvidenceLink;
use crate::remembered_date::{DatePrecision, RememberedDate};

/// What kind of thing happened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EventKind {
    /// Entry into the United States (or an attempt).
    Entry,
    /// An appointment (CBP One, ICE check-in, biometrics).
    Appointment,
    /// An interview (credible fear, asylum officer).
    Interview,
    /// Detention.
    Detention,
    /// A move between detention facilities.
    Transfer,
    /// A hearing in court.
    Hearing,
    /// Removal (deportation).
    Removal,
    /// Contact with the person (a call, a visit, a message).
    Contact,
    /// Anything else.
    #[default]
    Other,
}

impl EventKind {
    /// Every kind, in the order a form lists them.
    pub const ALL: [EventKind; 9] = [
        Self::Entry,
        Self::Appointment,
        Self::Interview,
        Self::Detention,
        Self::Transfer,
        Self::Hearing,
        Self::Removal,
        Self::Contact,
        Self::Other,
    ];

    /// The stored (and command-line) name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Entry => "entry",
            Self::Appointment => "appointment",
            Self::Interview => "interview",
            Self::Detention => "detention",
            Self::Transfer => "transfer",
            Self::Hearing => "hearing",
            Self::Removal => "removal",
            Self::Contact => "contact",
            Self::Other => "other",
        }
    }

    /// Reads a stored or typed name.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// What a form or a command sends to add or change an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct EventDraft {
    /// When, as precisely as known; may be in the future (a hearing set).
    pub date: Option<RememberedDate>,
    /// Where ("San Ysidro port of entry").
    pub place: String,
    /// What kind of event.
    pub kind: EventKind,
    /// What happened, in a sentence. Required.
    pub description: String,
    /// The statements, photos and tattoo records it rests on.
    pub sources: Vec<EvidenceLink>,
    /// What the case already knew this date from (`hearing:<id>`,
    /// `detained`, `transfer:<n>`, `removed`, `photo:<id>`); empty when typed
    /// by hand. The same origin is added once per case.
    pub origin: String,
}

/// A stored event.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// UUIDv7.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// Everything the form holds.
    #[serde(flatten)]
    pub event: EventDraft,
    /// Creation time, UTC RFC 3339.
    pub created_at: String,
    /// Last change, UTC RFC 3339.
    pub updated_at: String,
}

/// Sorts events as a chronology: by the first day of the period each date
/// names; on the same first day an exact date before a month before a year
/// (so "March 2023" comes after "1 March 2023", and "2023" after both);
/// "about" never moves an event; otherwise in the order they were added.
pub fn chronological(events: &mut [Event]) {
    events.sort_by_key(|e| {
        let date = e.event.date;
        (
            date.and_then(|d| d.first_day()),
            date.map(|d| precision_rank(d.precision())),
            e.created_at.clone(),
            e.id.clone(),
        )
    });
}

fn precision_rank(precision: DatePrecision) -> u8 {
    match precision {
        DatePrecision::Day => 0,
        DatePrecision::Month => 1,
        DatePrecision::Year => 2,
    }
}

/// A date the case already records (a hearing, detention, a transfer,
/// removal, a dated photo) that is not yet in the chronology: the event it
/// would become, added with one click.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KnownDate {
    /// The event to add; its `origin` says where the date comes from.
    pub event: EventDraft,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, date: RememberedDate) -> Event {
        Event {
            id: id.into(),
            case_id: "c".into(),
            event: EventDraft {
                date: Some(date),
                description: id.into(),
                ..EventDraft::default()
            },
            created_at: "2026-01-01T00:00:00Z".into(),
            updated_at: String::new(),
        }
    }

    #[test]
    fn mixed_precisions_sort_by_first_day_then_exact_first() {
        let mut events = vec![
            event("year 2023", RememberedDate::year(2023)),
            event("about March 2023", RememberedDate::month(2023, 3).about()),
            event("15 March 2023", RememberedDate::day(2023, 3, 15)),
            event("1 March 2023", RememberedDate::day(2023, 3, 1)),
            event(
                "about 1 January 2023",
                RememberedDate::day(2023, 1, 1).about(),
            ),
            event("January 2023", RememberedDate::month(2023, 1)),
            event("about 2022", RememberedDate::year(2022).about()),
            event("17 March 2025", RememberedDate::day(2025, 3, 17)),
        ];
        chronological(&mut events);
        let order: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            order,
            [
                "about 2022",
                "about 1 January 2023",
                "January 2023",
                "year 2023",
                "1 March 2023",
                "about March 2023",
                "15 March 2023",
                "17 March 2025",
            ]
        );
    }

    #[test]
    fn about_does_not_move_an_event() {
        let mut plain = vec![
            event("b", RememberedDate::month(2020, 5)),
            event("a", RememberedDate::day(2020, 5, 1)),
        ];
        let mut approx = vec![
            event("b", RememberedDate::month(2020, 5).about()),
            event("a", RememberedDate::day(2020, 5, 1).about()),
        ];
        chronological(&mut plain);
        chronological(&mut approx);
        let ids = |v: &[Event]| v.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&plain), ids(&approx));
        assert_eq!(ids(&plain), ["a", "b"]);
    }
}
