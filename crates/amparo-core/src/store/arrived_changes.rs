//! What a case file brought that was also changed here: kept beside this
//! copy's version until someone chooses one; and, per person a case went to
//! or came from, which version of each thing they are known to have, which
//! is how a case file's change is told from a change made here.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::case_rows::{Arrival, CaseRows, TableRows};
use super::case_units::{Unit, units};
use super::{Store, now};
use crate::error::{Error, Result};

/// Something changed both here and in a case file, with both versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArrivedChange {
    /// Stable id, to choose by.
    pub id: String,
    /// What kind of thing: the table it lives in (`statements`, `cases`,
    /// `photos`, `events` ...).
    pub kind: String,
    /// What it is called here (a statement's title, a person's name, an
    /// event's description).
    pub title: String,
    /// A statement's title in its declarant's language ("" for others).
    pub title_original: String,
    /// The contact the case file came from, by the name given them; none
    /// for someone not in the contacts.
    pub from: Option<String>,
    /// The name the sender's Amparo gives itself in the custody log, when
    /// it is not a contact and the log has it.
    pub from_device: Option<String>,
    /// When the case file was opened here (UTC).
    pub arrived_at: String,
    /// What differs, field by field.
    pub fields: Vec<ChangedField>,
}

/// One field that differs between the version here and the case file's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangedField {
    /// The field (a column: `title`, `caption`, `original`, `english` ...).
    pub field: String,
    /// For a statement's paragraph, its number (from 1).
    pub paragraph: Option<u32>,
    /// Its value here ("" when it has none).
    pub here: String,
    /// Its value in the case file ("" when it has none).
    pub theirs: String,
}

/// Which version of something changed on both sides to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Keep {
    /// This copy's version; the case file's is dropped.
    Here,
    /// The case file's version, in place of this copy's.
    Theirs,
}

/// The version of `unit` that `peer` is known to have, by its hash.
pub(crate) fn exchanged(
    conn: &Connection,
    peer: &str,
    case_id: &str,
    unit: &str,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT sha256 FROM exchanged_versions WHERE peer = ?1 AND case_id = ?2 AND unit = ?3",
            params![peer, case_id, unit],
            |r| r.get(0),
        )
        .optional()?)
}

/// Records that `peer` now has these versions (unit, hash).
pub(crate) fn remember_exchanged<'a>(
    conn: &Connection,
    peer: &str,
    case_id: &str,
    versions: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<()> {
    let mut stmt = conn.prepare(
        "INSERT INTO exchanged_versions (peer, case_id, unit, sha256) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (peer, case_id, unit) DO UPDATE SET sha256 = excluded.sha256",
    )?;
    for (unit, sha256) in versions {
        stmt.execute(params![peer, case_id, unit, sha256])?;
    }
    Ok(())
}

/// Keeps the case file's version of `unit` beside this copy's (a newer one
/// from a later case file takes the older one's place).
pub(crate) fn keep_arrived(
    conn: &Connection,
    case_id: &str,
    unit_key: &str,
    arrival: &Arrival<'_>,
    unit: &Unit<'_>,
) -> Result<()> {
    let mut tables: Vec<TableRows> = Vec::new();
    for (table, row) in &unit.rows {
        match tables.last_mut() {
            Some(last) if last.table == table.table => last.rows.push(row.to_vec()),
            _ => tables.push(TableRows {
                table: table.table.clone(),
                columns: table.columns.clone(),
                rows: vec![row.to_vec()],
            }),
        }
    }
    let rows = serde_json::to_string(&tables).map_err(|e| Error::Serialization(e.to_string()))?;
    conn.execute(
        "INSERT INTO arrived_changes (id, case_id, unit, sender, sequence, arrived_at, rows)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (case_id, unit) DO UPDATE SET sender = excluded.sender,
             sequence = excluded.sequence, arrived_at = excluded.arrived_at, rows = excluded.rows",
        params![
            uuid::Uuid::now_v7().to_string(),
            case_id,
            unit_key,
            arrival.sender,
            i64::try_from(arrival.sequence).unwrap_or(i64::MAX),
            now(),
            rows
        ],
    )?;
    Ok(())
}

/// Drops a kept version of `unit` (both sides now agree on it).
pub(crate) fn forget_arrived(conn: &Connection, case_id: &str, unit: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM arrived_changes WHERE case_id = ?1 AND unit = ?2",
        params![case_id, unit],
    )?;
    Ok(())
}

struct Stored {
    case_id: String,
    unit: String,
    sender: String,
    arrived_at: String,
    rows: CaseRows,
}

impl Store {
    /// Records that the contacts whose signing keys are `peers` now have
    /// the case as `rows` holds it (a case file was written for them).
    pub fn remember_sent(&self, peers: &[&str], rows: &CaseRows) -> Result<()> {
        let keys = self.key_columns_of_case_tables()?;
        let sent = units(rows, &keys);
        let tx = self.conn().unchecked_transaction()?;
        for peer in peers {
            remember_exchanged(
                &tx,
                peer,
                &rows.case_id,
                sent.iter().map(|(k, u)| (k.as_str(), u.sha256.as_str())),
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// What case files brought that was also changed here, oldest first.
    pub fn arrived_changes(&self, case_id: &str) -> Result<Vec<ArrivedChange>> {
        let ids: Vec<String> = self
            .conn()
            .prepare("SELECT id FROM arrived_changes WHERE case_id = ?1 ORDER BY arrived_at, unit")?
            .query_map([case_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let keys = self.key_columns_of_case_tables()?;
        let here_rows = self.case_rows(case_id)?;
        let here = units(&here_rows, &keys);
        let mut changes = Vec::with_capacity(ids.len());
        for id in ids {
            let stored = self.stored_change(&id)?;
            let theirs = units(&stored.rows, &keys);
            let (Some(mine), Some(other)) = (here.get(&stored.unit), theirs.get(&stored.unit))
            else {
                continue;
            };
            let from = self.contact_by_signing_key(&stored.sender)?.map(|c| c.name);
            let from_device = if from.is_some() {
                None
            } else {
                self.conn()
                    .query_row(
                        "SELECT device_name FROM custody_log WHERE case_id = ?1 AND device_key = ?2
                         ORDER BY seq DESC LIMIT 1",
                        params![case_id, stored.sender],
                        |r| r.get(0),
                    )
                    .optional()?
            };
            changes.push(ArrivedChange {
                id,
                kind: mine.table.to_owned(),
                title: title(mine),
                title_original: mine
                    .rows
                    .first()
                    .filter(|(t, _)| t.table == "statements")
                    .and_then(|(t, r)| super::case_units::text_at(t, r, "title_original"))
                    .unwrap_or_default()
                    .to_owned(),
                from,
                from_device,
                arrived_at: stored.arrived_at,
                fields: changed_fields(mine, other),
            });
        }
        Ok(changes)
    }

    /// Keeps one version of something changed on both sides and forgets
    /// the other.
    pub fn settle_arrived_change(&mut self, id: &str, keep: Keep) -> Result<()> {
        let stored = self.stored_change(id)?;
        if keep == Keep::Theirs {
            self.take_unit(&stored.case_id, &stored.rows)?;
        }
        forget_arrived(self.conn(), &stored.case_id, &stored.unit)
    }

    fn stored_change(&self, id: &str) -> Result<Stored> {
        let (case_id, unit, sender, arrived_at, rows): (String, String, String, String, String) =
            self.conn()
                .query_row(
                    "SELECT case_id, unit, sender, arrived_at, rows FROM arrived_changes
                     WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()?
                .ok_or_else(|| Error::NotFound(id.to_owned()))?;
        let tables: Vec<TableRows> =
            serde_json::from_str(&rows).map_err(|e| Error::Serialization(e.to_string()))?;
        Ok(Stored {
            rows: CaseRows {
                case_id: case_id.clone(),
                tables,
            },
            case_id,
            unit,
            sender,
            arrived_at,
        })
    }
}

/// What the thing is called: the first of its naming fields with a value.
fn title(unit: &Unit<'_>) -> String {
    const NAMING: &[&str] = &[
        "title",
        "record_name",
        "full_name",
        "caption",
        "description",
        "criterion",
        "body_location",
        "facility",
        "date",
    ];
    let Some((table, row)) = unit.rows.first() else {
        return String::new();
    };
    NAMING
        .iter()
        .filter_map(|name| table.columns.iter().position(|c| c == name))
        .filter_map(|at| row[at].as_str())
        .find(|text| !text.trim().is_empty())
        .unwrap_or_default()
        .to_owned()
}

/// The fields that differ: the thing's own columns, then a statement's
/// paragraphs by number.
fn changed_fields(mine: &Unit<'_>, theirs: &Unit<'_>) -> Vec<ChangedField> {
    const NOT_SHOWN: &[&str] = &["updated_at", "created_at", "position", "id", "case_id"];
    let mut fields = Vec::new();
    let own = |unit: &Unit<'_>| -> HashMap<String, String> {
        unit.rows
            .iter()
            .filter(|(t, _)| t.table == unit.table)
            .take(1)
            .flat_map(|(t, r)| t.columns.iter().cloned().zip(r.iter().map(shown)))
            .collect()
    };
    let (here_own, their_own) = (own(mine), own(theirs));
    if let Some((table, _)) = mine.rows.first() {
        for column in &table.columns {
            if NOT_SHOWN.contains(&column.as_str()) {
                continue;
            }
            let here = here_own.get(column).cloned().unwrap_or_default();
            let other = their_own.get(column).cloned().unwrap_or_default();
            if here != other {
                fields.push(ChangedField {
                    field: column.clone(),
                    paragraph: None,
                    here,
                    theirs: other,
                });
            }
        }
    }
    let paragraphs = |unit: &Unit<'_>| -> Vec<(String, String)> {
        let mut found: Vec<(i64, String, String)> = unit
            .rows
            .iter()
            .filter(|(t, _)| t.table == "paragraphs")
            .map(|(t, r)| {
                let get = |name: &str| {
                    t.columns
                        .iter()
                        .position(|c| c == name)
                        .map(|at| &r[at])
                        .cloned()
                        .unwrap_or(Value::Null)
                };
                (
                    get("position").as_i64().unwrap_or(0),
                    shown(&get("original")),
                    shown(&get("english")),
                )
            })
            .collect();
        found.sort();
        found.into_iter().map(|(_, o, e)| (o, e)).collect()
    };
    let (here_p, their_p) = (paragraphs(mine), paragraphs(theirs));
    for number in 0..here_p.len().max(their_p.len()) {
        let blank = (String::new(), String::new());
        let here = here_p.get(number).unwrap_or(&blank);
        let other = their_p.get(number).unwrap_or(&blank);
        let paragraph = Some(u32::try_from(number + 1).unwrap_or(u32::MAX));
        for (field, a, b) in [
            ("original", &here.0, &other.0),
            ("english", &here.1, &other.1),
        ] {
            if a != b {
                fields.push(ChangedField {
                    field: field.to_owned(),
                    paragraph,
                    here: a.clone(),
                    theirs: b.clone(),
                });
            }
        }
    }
    fields
}

fn shown(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
