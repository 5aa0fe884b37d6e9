//! Timeline events in the store, each saved with its sources in one
//! transaction, and the dates a case already records that could become
//! events.

use chrono::Datelike;
use rusqlite::{OptionalExtension, Row, params};

use super::links::{LinkTable, check_links, read_links, trimmed, write_links};
use super::removals::Removable;
use super::{Store, now};
use crate::case::{CustodyStatus, HearingKind};
use crate::error::{Error, FieldError, FieldProblem, Result};
use crate::evidence_link::{EvidenceLink, LinkKind};
use crate::remembered_date::RememberedDate;
use crate::timeline::{Event, EventDraft, EventKind, KnownDate, chronological};

const LINE_MAX: usize = 2_000;
const TEXT_MAX: usize = 20_000;

impl Store {
    /// Validates `draft` and adds it to the case's chronology.
    pub fn create_event(&mut self, case_id: &str, draft: &EventDraft) -> Result<Event> {
        self.case_exists(case_id)?;
        let clean = self.check_event(case_id, draft)?;
        let id = uuid::Uuid::now_v7().to_string();
        let stamp = now();
        let tx = self.conn.savepoint()?;
        let taken: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM events WHERE case_id = ?1 AND origin = ?2 AND origin <> ''",
                params![case_id, clean.origin],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(Error::InUse(
                "that date is already in the chronology".to_owned(),
            ));
        }
        tx.execute(
            "INSERT INTO events (id, case_id, date, place, kind, description, origin, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                id,
                case_id,
                clean.date.map(|d| d.encode()),
                clean.place,
                clean.kind.as_str(),
                clean.description,
                clean.origin,
                stamp
            ],
        )?;
        write_links(&tx, LinkTable::EventSources, &id, &clean.sources)?;
        tx.commit()?;
        self.event(&id)
    }

    /// Validates `draft` and replaces the event `id` with it (its origin
    /// stays what it was).
    pub fn update_event(&mut self, id: &str, draft: &EventDraft) -> Result<Event> {
        let old = self.event(id)?;
        let mut clean = self.check_event(&old.case_id, draft)?;
        clean.origin = old.event.origin;
        let tx = self.conn.savepoint()?;
        tx.execute(
            "UPDATE events SET date = ?2, place = ?3, kind = ?4, description = ?5, updated_at = ?6
             WHERE id = ?1",
            params![
                id,
                clean.date.map(|d| d.encode()),
                clean.place,
                clean.kind.as_str(),
                clean.description,
                now()
            ],
        )?;
        write_links(&tx, LinkTable::EventSources, id, &clean.sources)?;
        tx.commit()?;
        self.event(id)
    }

    /// The event `id`.
    pub fn event(&self, id: &str) -> Result<Event> {
        let mut event = self
            .conn()
            .query_row("SELECT * FROM events WHERE id = ?1", [id], event_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))?;
        event.event.sources = read_links(self.conn(), LinkTable::EventSources, id)?;
        Ok(event)
    }

    /// The case's chronology, in order (see [`chronological`]).
    pub fn events(&self, case_id: &str) -> Result<Vec<Event>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM events WHERE case_id = ?1")?;
        let mut events: Vec<Event> = stmt
            .query_map([case_id], event_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        for event in &mut events {
            event.event.sources = read_links(self.conn(), LinkTable::EventSources, &event.id)?;
        }
        chronological(&mut events);
        Ok(events)
    }

    /// Removes an event from the chronology.
    pub fn delete_event(&mut self, id: &str) -> Result<()> {
        self.remove(Removable::Event, id)
    }

    /// Dates the case already records (hearings, detention, transfers,
    /// removal, dated photos) that are not yet in its chronology, each as
    /// the event it would become. Descriptions are in English, as the
    /// printed chronology is.
    pub fn known_dates(&self, case_id: &str) -> Result<Vec<KnownDate>> {
        let case = self.case(case_id)?;
        let taken: Vec<String> = self
            .conn()
            .prepare("SELECT origin FROM events WHERE case_id = ?1 AND origin <> ''")?
            .query_map([case_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut found = Vec::new();
        let mut add = |origin: String,
                       date: Option<RememberedDate>,
                       kind: EventKind,
                       place: &str,
                       description: String,
                       sources: Vec<EvidenceLink>| {
            if date.is_some() && !taken.contains(&origin) {
                found.push(KnownDate {
                    event: EventDraft {
                        date,
                        place: place.to_owned(),
                        kind,
                        description,
                        sources,
                        origin,
                    },
                });
            }
        };
        for h in &case.hearings {
            let what = match h.kind {
                HearingKind::Master => "Master calendar hearing",
                HearingKind::Individual => "Individual hearing",
                HearingKind::Bond => "Bond hearing",
                HearingKind::Other => "Hearing",
            };
            let judge = if h.judge.is_empty() {
                String::new()
            } else {
                format!(" before Immigration Judge {}", h.judge)
            };
            add(
                format!("hearing:{}", h.id),
                crate::calendar::parse_day(&h.date)
                    .map(|d| RememberedDate::day(d.year(), d.month() as u8, d.day() as u8)),
                EventKind::Hearing,
                &h.court,
                format!("{what}{judge}"),
                Vec::new(),
            );
        }
        let custody = &case.custody;
        if matches!(
            custody.status,
            CustodyStatus::Detained | CustodyStatus::Removed
        ) {
            add(
                "detained".into(),
                custody.detained_since,
                EventKind::Detention,
                &custody.facility,
                "Detained".into(),
                Vec::new(),
            );
            for t in &custody.transfers {
                let origin = format!(
                    "transfer:{}:{}",
                    t.date.map(|d| d.encode()).unwrap_or_default(),
                    t.facility
                );
                add(
                    origin,
                    t.date,
                    EventKind::Transfer,
                    &t.facility,
                    "Transferred".into(),
                    Vec::new(),
                );
            }
        }
        if custody.status == CustodyStatus::Removed {
            add(
                "removed".into(),
                custody.removed_on,
                EventKind::Removal,
                &custody.removed_to,
                "Removed".into(),
                Vec::new(),
            );
        }
        for photo in self.photos(case_id, 0, u32::MAX)?.photos {
            let description = if photo.details.caption.is_empty() {
                format!(
                    "Photo taken ({})",
                    photo.file_names.first().cloned().unwrap_or_default()
                )
            } else {
                photo.details.caption.clone()
            };
            add(
                format!("photo:{}", photo.id),
                photo.details.taken,
                EventKind::Other,
                &photo.details.place,
                description,
                vec![EvidenceLink {
                    kind: LinkKind::Photo,
                    id: photo.id.clone(),
                    paragraph: None,
                    page: None,
                }],
            );
        }
        found.sort_by_key(|k| k.event.date.and_then(|d| d.first_day()));
        Ok(found)
    }

    fn check_event(&self, case_id: &str, draft: &EventDraft) -> Result<EventDraft> {
        let mut errors = Vec::new();
        let mut out = draft.clone();
        match out.date {
            None => errors.push(FieldError::new("date", FieldProblem::Required)),
            Some(d) => {
                if let Err(problem) = d.check() {
                    errors.push(FieldError::new("date", problem));
                }
            }
        }
        out.place = trimmed(&out.place, "place", LINE_MAX, &mut errors);
        out.description = trimmed(&out.description, "description", TEXT_MAX, &mut errors);
        if out.description.is_empty() {
            errors.push(FieldError::new("description", FieldProblem::Required));
        }
        out.origin = out.origin.trim().to_owned();
        out.sources = check_links(self.conn(), case_id, &out.sources, "sources", &mut errors)?;
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(Error::Invalid(errors))
        }
    }
}

fn event_from_row(r: &Row<'_>) -> rusqlite::Result<Event> {
    Ok(Event {
        id: r.get("id")?,
        case_id: r.get("case_id")?,
        event: EventDraft {
            date: RememberedDate::decode(&r.get::<_, String>("date")?),
            place: r.get("place")?,
            kind: EventKind::parse(&r.get::<_, String>("kind")?).unwrap_or_default(),
            description: r.get("description")?,
            sources: Vec::new(),
            origin: r.get("origin")?,
        },
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}
