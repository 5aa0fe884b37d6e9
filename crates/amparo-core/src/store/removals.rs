//! Removing a tattoo record, an event, an allegation or a due date can be
//! undone for a while. What the removal took (the record's row, its own
//! links, and the links other records had to it) is kept in this
//! process's memory, never on disk: the undo puts back exactly those rows,
//! with their ids, and a shared laptop keeps nothing of what was removed
//! once the window closes or locks.

use std::time::{Duration, Instant};

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use super::Store;
use super::case_rows::table_columns;
use crate::error::{Error, Result};

/// How long a removal can be undone.
pub const UNDO_FOR: Duration = Duration::from_secs(15 * 60);

/// The most removals kept for undoing; older ones are forgotten first.
const KEPT: usize = 20;

/// What a removal takes: the record's own table (first: undoing inserts in
/// this order), then the rows that hang on it. `?1` is the record's id.
#[derive(Clone, Copy)]
pub(super) enum Removable {
    Tattoo,
    Event,
    Allegation,
    DueDate,
}

impl Removable {
    fn rows(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Tattoo => &[
                ("tattoos", "id = ?1"),
                ("tattoo_photos", "tattoo_id = ?1"),
                ("event_sources", "kind = 'tattoo' AND item_id = ?1"),
                ("allegation_answers", "kind = 'tattoo' AND item_id = ?1"),
            ],
            Self::Event => &[("events", "id = ?1"), ("event_sources", "event_id = ?1")],
            Self::Allegation => &[
                ("allegations", "id = ?1"),
                ("allegation_answers", "allegation_id = ?1"),
            ],
            Self::DueDate => &[("due_dates", "id = ?1")],
        }
    }
}

/// One removal, as the rows it took.
pub(super) struct Removal {
    id: String,
    at: Instant,
    tables: Vec<Taken>,
}

struct Taken {
    table: &'static str,
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

impl Store {
    /// Removes the record `id` of kind `what` in one transaction, keeping
    /// what it took so that [`Store::undo_removal`] can put it back.
    pub(super) fn remove(&mut self, what: Removable, id: &str) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let mut tables = Vec::new();
        for (table, condition) in what.rows() {
            tables.push(take(&tx, table, condition, id)?);
        }
        if tables[0].rows.is_empty() {
            return Err(Error::NotFound(id.to_owned()));
        }
        let (own_table, _) = what.rows()[0];
        tx.execute(&format!("DELETE FROM {own_table} WHERE id = ?1"), [id])?;
        tx.commit()?;
        self.removals.retain(|r| r.id != id);
        if self.removals.len() == KEPT {
            self.removals.remove(0);
        }
        self.removals.push(Removal {
            id: id.to_owned(),
            at: Instant::now(),
            tables,
        });
        Ok(())
    }

    /// Puts back the record `id` removed in the last [`UNDO_FOR`], with
    /// every link it had, as it was. `NotFound` when there is no such
    /// removal to undo (too long ago, or the window was closed since);
    /// `Changed` when its case has been erased since. A link to something
    /// else removed since (a photo, an event) stays out.
    pub fn undo_removal(&mut self, id: &str) -> Result<()> {
        self.removals.retain(|r| r.at.elapsed() < UNDO_FOR);
        let index = self
            .removals
            .iter()
            .position(|r| r.id == id)
            .ok_or_else(|| Error::NotFound(id.to_owned()))?;
        let tx = self.conn.savepoint()?;
        let removal = &self.removals[index];
        for (n, taken) in removal.tables.iter().enumerate() {
            for row in &taken.rows {
                match put_back(&tx, taken, row) {
                    Ok(()) => {}
                    // A link to something removed since stays out; the
                    // record itself must come back whole or not at all.
                    Err(e) if n > 0 && is_constraint(&e) => {}
                    Err(e) if is_constraint(&e) => {
                        return Err(Error::Changed(
                            "the case it belonged to is no longer here".into(),
                        ));
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        tx.commit()?;
        self.removals.remove(index);
        Ok(())
    }
}

fn is_constraint(e: &Error) -> bool {
    matches!(e, Error::Sqlite(rusqlite::Error::SqliteFailure(f, _))
        if f.code == rusqlite::ErrorCode::ConstraintViolation)
}

fn take(conn: &Connection, table: &'static str, condition: &str, id: &str) -> Result<Taken> {
    let columns = table_columns(conn, table)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {} FROM {table} WHERE {condition}",
        columns.join(", ")
    ))?;
    let rows = stmt
        .query_map([id], |row| {
            (0..columns.len())
                .map(|i| row.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<_>>>()
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Taken {
        table,
        columns,
        rows,
    })
}

fn put_back(conn: &Connection, taken: &Taken, row: &[Value]) -> Result<()> {
    let marks = (1..=row.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    conn.execute(
        &format!(
            "INSERT INTO {} ({}) VALUES ({marks})",
            taken.table,
            taken.columns.join(", ")
        ),
        params_from_iter(row),
    )?;
    Ok(())
}
