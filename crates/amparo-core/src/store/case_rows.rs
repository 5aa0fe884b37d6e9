//! A case's rows as data that travels: every row of every table that
//! belongs to one case, table by table, column by column, in key order, so
//! the same case always gives the same rows; and taking such rows into this
//! store without trusting them.
//!
//! Taking rows is one transaction that either adds the case (or what is new
//! in it) or changes nothing. A row that would attach to another case, a
//! reference to an item the case does not hold, or a value the case's own
//! readers cannot read refuses the whole set. What is already here with
//! other values is changed only when the sender alone changed it since
//! they last had this copy's version; otherwise the version here is kept,
//! with the file's beside it to choose from (see `case_units` and
//! `arrived_changes`).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::Store;
use super::arrived_changes::{exchanged, forget_arrived, keep_arrived, remember_exchanged};
use super::case_files::record_opened;
use super::case_units::{self, paragraph_statements, unit_key, units};
use super::custody::{self, CustodyAction, CustodyEntry};
use crate::error::{Error, Result};

/// Every table that holds a case's rows, parents before children, with the
/// condition that picks the case's rows (`?1` is the case id).
const TABLES: &[(&str, &str)] = &[
    ("cases", "id = ?1 AND deleted_at IS NULL"),
    ("detention_transfers", "case_id = ?1"),
    ("hearings", "case_id = ?1"),
    ("photos", "case_id = ?1"),
    ("tattoos", "case_id = ?1"),
    (
        "tattoo_photos",
        "tattoo_id IN (SELECT id FROM tattoos WHERE case_id = ?1)",
    ),
    ("declarants", "case_id = ?1"),
    ("statements", "case_id = ?1"),
    (
        "paragraphs",
        "statement_id IN (SELECT id FROM statements WHERE case_id = ?1)",
    ),
    (
        "paragraph_exhibits",
        "paragraph_id IN (SELECT p.id FROM paragraphs p JOIN statements s ON s.id = p.statement_id
                          WHERE s.case_id = ?1)",
    ),
    ("exhibit_letters", "case_id = ?1"),
    (
        "signed_versions",
        "statement_id IN (SELECT id FROM statements WHERE case_id = ?1)",
    ),
    (
        "signed_scans",
        "version_id IN (SELECT v.id FROM signed_versions v JOIN statements s ON s.id = v.statement_id
                        WHERE s.case_id = ?1)",
    ),
    ("packets", "case_id = ?1"),
    ("events", "case_id = ?1"),
    (
        "event_sources",
        "event_id IN (SELECT id FROM events WHERE case_id = ?1)",
    ),
    ("allegations", "case_id = ?1"),
    (
        "allegation_answers",
        "allegation_id IN (SELECT id FROM allegations WHERE case_id = ?1)",
    ),
    ("due_dates", "case_id = ?1"),
    ("documents", "case_id = ?1"),
    (
        "document_pages",
        "document_id IN (SELECT id FROM documents WHERE case_id = ?1)",
    ),
    ("custody_log", "case_id = ?1"),
];

/// Tables whose rows point at an item of the case by `item_id`.
const ITEM_REFERENCES: &[&str] = &[
    "paragraph_exhibits",
    "exhibit_letters",
    "event_sources",
    "allegation_answers",
];

/// Columns that say something about this copy of the case, not the case:
/// they never travel.
const LOCAL_COLUMNS: &[(&str, &str)] = &[("cases", "deleted_at")];

/// One case's rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseRows {
    /// The case's id.
    pub case_id: String,
    /// Its tables, parents first.
    pub tables: Vec<TableRows>,
}

/// The rows of one table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TableRows {
    /// The table's name.
    pub table: String,
    /// Its columns, in the table's order.
    pub columns: Vec<String>,
    /// The rows, by key: `null`, numbers and text only.
    pub rows: Vec<Vec<Value>>,
}

/// Where rows come from and whether to keep them.
pub struct Arrival<'a> {
    /// The signing key of the device that sent them.
    pub sender: &'a str,
    /// The number of the case file they came in.
    pub sequence: u64,
    /// Whether a stored file (by SHA-256) is here or comes with the rows.
    pub has_file: &'a dyn Fn(&str) -> bool,
    /// The SHA-256 of the case file's manifest, named by this device's
    /// custody entry for the opening.
    pub manifest_sha256: &'a str,
    /// Keep them (false: only report what keeping them would do).
    pub keep: bool,
}

/// What taking a case's rows did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowsTaken {
    /// Whether the case was new here.
    pub new_case: bool,
    /// Rows added, by table.
    pub added: BTreeMap<String, u32>,
    /// Rows already here with the same values, or kept as they are here.
    pub unchanged: u32,
    /// Things changed only in the file since its sender last had this
    /// copy's version: taken (`statement/<id>`, `<table>/<key>`).
    pub updated: Vec<String>,
    /// Things changed only here since: kept.
    pub kept_here: Vec<String>,
    /// Things changed on both sides: kept here, with the file's version
    /// beside them until someone chooses.
    pub to_choose: Vec<String>,
    /// Rows here that differ from the file's and never change (a signed
    /// version, a custody entry, an exhibit letter, a photo's own facts):
    /// kept as they are here.
    pub differ: Vec<RowDiffers>,
}

/// What taking a case file does with one thing of the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    Add,
    Same,
    Take,
    KeepHere,
    Choose,
    Differs,
}

/// A row kept as it is here although the case file has other values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowDiffers {
    /// The table.
    pub table: String,
    /// The row's key, its key columns' values joined by `/`.
    pub key: String,
}

impl CaseRows {
    /// Adds `entry` to the custody log's rows, in key order.
    pub(crate) fn add_custody_entry(&mut self, entry: &CustodyEntry) {
        let Some(table) = self.tables.iter_mut().find(|t| t.table == "custody_log") else {
            return;
        };
        let value = |column: &str| match column {
            "case_id" => Value::from(entry.case_id.clone()),
            "device_key" => Value::from(entry.device_key.clone()),
            "seq" => Value::from(entry.seq),
            "device_name" => Value::from(entry.device_name.clone()),
            "at" => Value::from(entry.at.clone()),
            "action" => Value::from(entry.action.clone()),
            "item" => Value::from(entry.item.clone()),
            "sha256" => Value::from(entry.sha256.clone()),
            "prev" => Value::from(entry.prev.clone()),
            "hash" => Value::from(entry.hash.clone()),
            "signature" => Value::from(entry.signature.clone()),
            _ => Value::Null,
        };
        let row: Vec<Value> = table.columns.iter().map(|c| value(c)).collect();
        let key = |r: &[Value]| {
            let at = |name: &str| table_position(&table.columns, name);
            (
                at("device_key").and_then(|i| r[i].as_str().map(str::to_owned)),
                at("seq").and_then(|i| r[i].as_u64()),
            )
        };
        let new_key = key(&row);
        let position = table
            .rows
            .iter()
            .position(|r| key(r) > new_key)
            .unwrap_or(table.rows.len());
        table.rows.insert(position, row);
    }
}

impl CaseRows {
    /// The custody log's entries among these rows (what a case file carries).
    pub fn custody_entries(&self) -> Vec<CustodyEntry> {
        let Some(table) = self.tables.iter().find(|t| t.table == "custody_log") else {
            return Vec::new();
        };
        let at = |name: &str| table_position(&table.columns, name);
        let text = |row: &[Value], name: &str| {
            at(name)
                .and_then(|i| row[i].as_str())
                .unwrap_or_default()
                .to_owned()
        };
        table
            .rows
            .iter()
            .map(|row| CustodyEntry {
                case_id: text(row, "case_id"),
                device_key: text(row, "device_key"),
                seq: at("seq").and_then(|i| row[i].as_u64()).unwrap_or(0),
                device_name: text(row, "device_name"),
                at: text(row, "at"),
                action: text(row, "action"),
                item: text(row, "item"),
                sha256: text(row, "sha256"),
                prev: text(row, "prev"),
                hash: text(row, "hash"),
                signature: text(row, "signature"),
            })
            .collect()
    }
}

fn table_position(columns: &[String], name: &str) -> Option<usize> {
    columns.iter().position(|c| c == name)
}

impl Store {
    /// Every row of the case `case_id`: what a case file carries. A case in
    /// the Deleted list has none to give.
    pub fn case_rows(&self, case_id: &str) -> Result<CaseRows> {
        let rows = rows_of_case(self.conn(), case_id)?;
        if rows.tables.first().is_none_or(|t| t.rows.is_empty()) {
            return Err(Error::NotFound(case_id.to_owned()));
        }
        Ok(rows)
    }

    /// The key columns of every table a case has.
    pub(crate) fn key_columns_of_case_tables(&self) -> Result<HashMap<String, Vec<String>>> {
        all_key_columns(self.conn())
    }

    /// Every stored file the case `case_id` names (photos, signed PDFs,
    /// scans), by SHA-256, sorted.
    pub fn case_files_named(&self, case_id: &str) -> Result<Vec<String>> {
        let mut hashes: Vec<String> = self.case_hashes(case_id)?.into_iter().collect();
        hashes.sort();
        Ok(hashes)
    }

    /// Takes `incoming` into this store as `arrival` says: all of it or
    /// nothing (see the module's notes). With `arrival.keep` false, nothing
    /// is kept either way: what taking it would do is only reported.
    ///
    /// Each thing of the case (a statement with its paragraphs, a photo's
    /// description, an event ...) is new here and added; the same; changed
    /// only in the file since the sender last had this copy's version, and
    /// taken; changed only here, and kept; or changed on both sides, and
    /// kept here with the file's version beside it until someone chooses.
    pub fn take_case_rows(
        &mut self,
        incoming: &CaseRows,
        arrival: &Arrival<'_>,
    ) -> Result<RowsTaken> {
        let incoming = &with_defaults(self.conn(), incoming)?;
        let case_id = incoming.case_id.as_str();
        check_shape(self.conn(), incoming)?;
        let tx = self.conn().unchecked_transaction()?;
        let new_case = !case_here(&tx, case_id)?;
        let mut taken = RowsTaken {
            new_case,
            ..RowsTaken::default()
        };
        let keys = all_key_columns(&tx)?;
        let here_rows = rows_of_case(&tx, case_id)?;
        let here = units(&here_rows, &keys);
        let theirs = units(incoming, &keys);
        let mut plans: BTreeMap<&str, Plan> = BTreeMap::new();
        for (key, unit) in &theirs {
            let plan = match here.get(key) {
                None => Plan::Add,
                Some(mine) if mine.sha256 == unit.sha256 => Plan::Same,
                Some(mine) if !unit.changeable() || !unit.same_identity(mine) => Plan::Differs,
                Some(mine) => {
                    let known = exchanged(&tx, arrival.sender, case_id, key)?;
                    if known.as_deref() == Some(mine.sha256.as_str()) {
                        Plan::Take
                    } else if known.as_deref() == Some(unit.sha256.as_str()) {
                        Plan::KeepHere
                    } else {
                        Plan::Choose
                    }
                }
            };
            plans.insert(key.as_str(), plan);
        }
        let paragraph_statement = paragraph_statements(incoming);
        let mut applied: Vec<(&str, &[String], &[Value])> = Vec::new();
        for table in &incoming.tables {
            let table_keys = &keys[&table.table];
            for row in &table.rows {
                let key = unit_key(table, row, &keys, &paragraph_statement);
                match plans.get(key.as_str()).copied().unwrap_or(Plan::Differs) {
                    Plan::Add if place_taken(&tx, table, row)? => {
                        taken.differ.push(RowDiffers {
                            table: table.table.clone(),
                            key: key_text(table, table_keys, row),
                        });
                    }
                    Plan::Add => {
                        insert(&tx, table, row)?;
                        *taken.added.entry(table.table.clone()).or_default() += 1;
                        applied.push((&table.table, &table.columns, row));
                    }
                    Plan::Take => {
                        replace_row(&tx, table, table_keys, row)?;
                        applied.push((&table.table, &table.columns, row));
                    }
                    Plan::Same | Plan::KeepHere | Plan::Choose => taken.unchanged += 1,
                    Plan::Differs => taken.differ.push(RowDiffers {
                        table: table.table.clone(),
                        key: key_text(table, table_keys, row),
                    }),
                }
            }
        }
        let landed = rows_of_case(&tx, case_id)?;
        check_all_landed(&landed, &applied)?;
        check_item_references(&landed)?;
        if let Some(missing) = self
            .case_hashes(case_id)?
            .into_iter()
            .find(|sha256| !(arrival.has_file)(sha256))
        {
            return Err(rejected(format!(
                "it names the stored file {missing}, which it does not carry"
            )));
        }
        self.check_readable(case_id)?;
        for (key, plan) in &plans {
            match plan {
                Plan::Take => taken.updated.push((*key).to_owned()),
                Plan::KeepHere => taken.kept_here.push((*key).to_owned()),
                Plan::Choose => taken.to_choose.push((*key).to_owned()),
                _ => {}
            }
        }
        if arrival.keep {
            record_opened(&tx, arrival.sender, case_id, arrival.sequence)?;
            // The opening first, then what it changed here.
            custody::record(
                &tx,
                self.signer.as_deref(),
                case_id,
                CustodyAction::Opened,
                &format!("from:{}", arrival.sender),
                arrival.manifest_sha256,
            )?;
            for (key, plan) in &plans {
                let unit = &theirs[*key];
                match plan {
                    Plan::Choose => keep_arrived(&tx, case_id, key, arrival, unit)?,
                    Plan::Same | Plan::Take => forget_arrived(&tx, case_id, key)?,
                    _ => {}
                }
                if let (Plan::Take, Some(id)) = (plan, unit.statement_id()) {
                    self.record_statement_written(&tx, case_id, id)?;
                }
            }
            remember_exchanged(
                &tx,
                arrival.sender,
                case_id,
                theirs.iter().map(|(k, u)| (k.as_str(), u.sha256.as_str())),
            )?;
            tx.commit()?;
        }
        Ok(taken)
    }

    /// Makes the version of one thing that a case file brought (`rows`,
    /// as [`units`] groups them) the version here, checked as an opened
    /// case file is, in one transaction.
    pub(crate) fn take_unit(&self, case_id: &str, rows: &CaseRows) -> Result<()> {
        let rows = &with_defaults(self.conn(), rows)?;
        check_shape_of_part(self.conn(), rows)?;
        let tx = self.conn().unchecked_transaction()?;
        let keys = all_key_columns(&tx)?;
        let theirs = units(rows, &keys);
        let mut applied: Vec<(&str, &[String], &[Value])> = Vec::new();
        for table in &rows.tables {
            for row in &table.rows {
                replace_row(&tx, table, &keys[&table.table], row)?;
                applied.push((&table.table, &table.columns, row));
            }
        }
        let landed = rows_of_case(&tx, case_id)?;
        check_all_landed(&landed, &applied)?;
        check_item_references(&landed)?;
        self.check_readable(case_id)?;
        for unit in theirs.values() {
            if let Some(id) = unit.statement_id() {
                self.record_statement_written(&tx, case_id, id)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Reads the case back through the readers the window uses, so that a
    /// value they cannot read refuses the case file instead of breaking a
    /// screen later.
    fn check_readable(&self, case_id: &str) -> Result<()> {
        let unreadable = |what: &str, e: Error| {
            Error::CaseFileRejected(format!("its {what} cannot be read ({e})"))
        };
        self.case(case_id).map_err(|e| unreadable("case", e))?;
        self.declarants(case_id)
            .map_err(|e| unreadable("declarants", e))?;
        for summary in self
            .statements(case_id)
            .map_err(|e| unreadable("statements", e))?
        {
            self.statement(&summary.id)
                .map_err(|e| unreadable("statements", e))?;
        }
        self.photos(case_id, 0, u32::MAX)
            .map_err(|e| unreadable("photos", e))?;
        self.tattoos(case_id)
            .map_err(|e| unreadable("tattoo records", e))?;
        self.events(case_id).map_err(|e| unreadable("events", e))?;
        self.allegations(case_id)
            .map_err(|e| unreadable("allegations", e))?;
        self.due_dates(case_id)
            .map_err(|e| unreadable("due dates", e))?;
        self.exhibit_letters(case_id)
            .map_err(|e| unreadable("exhibit letters", e))?;
        self.packet(case_id).map_err(|e| unreadable("packet", e))?;
        Ok(())
    }
}

fn rows_of_case(conn: &Connection, case_id: &str) -> Result<CaseRows> {
    let mut tables = Vec::with_capacity(TABLES.len());
    for (table, condition) in TABLES {
        let columns: Vec<String> = table_columns(conn, table)?
            .into_iter()
            .filter(|c| !LOCAL_COLUMNS.contains(&(*table, c.as_str())))
            .collect();
        let order = key_columns(conn, table)?.join(", ");
        let sql = format!(
            "SELECT {} FROM {table} WHERE {condition} ORDER BY {order}",
            columns.join(", ")
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = Vec::new();
        let mut found = stmt.query([case_id])?;
        while let Some(row) = found.next()? {
            let mut values = Vec::with_capacity(columns.len());
            for index in 0..columns.len() {
                values.push(to_json(row.get_ref(index)?)?);
            }
            rows.push(values);
        }
        tables.push(TableRows {
            table: (*table).to_owned(),
            columns,
            rows,
        });
    }
    Ok(CaseRows {
        case_id: case_id.to_owned(),
        tables,
    })
}

fn to_json(value: ValueRef<'_>) -> Result<Value> {
    Ok(match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::from(n),
        ValueRef::Real(x) => Value::from(x),
        ValueRef::Text(t) => {
            Value::from(std::str::from_utf8(t).map_err(|e| Error::Serialization(e.to_string()))?)
        }
        ValueRef::Blob(_) => return Err(Error::Serialization("a binary value".into())),
    })
}

fn to_sql(value: &Value) -> Option<SqlValue> {
    match value {
        Value::Null => Some(SqlValue::Null),
        Value::Number(n) => n
            .as_i64()
            .map(SqlValue::Integer)
            .or_else(|| n.as_f64().map(SqlValue::Real)),
        Value::String(s) => Some(SqlValue::Text(s.clone())),
        Value::Bool(_) | Value::Array(_) | Value::Object(_) => None,
    }
}

pub(super) fn table_columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let names = stmt
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// The key columns of every table a case has.
fn all_key_columns(conn: &Connection) -> Result<HashMap<String, Vec<String>>> {
    TABLES
        .iter()
        .map(|(table, _)| Ok(((*table).to_owned(), key_columns(conn, table)?)))
        .collect()
}

fn key_columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk")?;
    let names = stmt
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

fn rejected(why: impl Into<String>) -> Error {
    Error::CaseFileRejected(why.into())
}

/// Rows from a case file an older Amparo wrote lack the columns added since
/// (a link's page, the filed document an allegation names), in the table's
/// order. The sender's Amparo could not have changed what it does not
/// know: a row that is here keeps its own value in such a column, so an
/// unchanged copy sent back compares the same and takes nothing away; a
/// new row, and a missing key column, takes this schema's default. A
/// column with neither a default nor room for nothing stays missing, and
/// inserting the row refuses the file. A table named twice is left as it
/// came, for the shape check to refuse.
fn with_defaults<'a>(conn: &Connection, incoming: &'a CaseRows) -> Result<Cow<'a, CaseRows>> {
    let mut out = Cow::Borrowed(incoming);
    let mut seen = HashSet::new();
    for (at, table) in incoming.tables.iter().enumerate() {
        if !seen.insert(table.table.as_str()) {
            return Ok(Cow::Borrowed(incoming));
        }
        if !TABLES.iter().any(|(name, _)| *name == table.table) {
            continue;
        }
        let mut stmt = conn.prepare_cached(
            "SELECT name, dflt_value, \"notnull\" FROM pragma_table_info(?1) ORDER BY cid",
        )?;
        let schema: Vec<(String, Option<String>, bool)> = stmt
            .query_map([&table.table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut columns: Vec<(String, Option<Value>)> = Vec::new();
        for (name, default, not_null) in schema {
            let local = LOCAL_COLUMNS.contains(&(table.table.as_str(), name.as_str()));
            if table.columns.contains(&name) {
                columns.push((name, None));
            } else if !local {
                let filled = match default {
                    // The schema's own text, never the file's.
                    Some(expression) => {
                        conn.query_row(&format!("SELECT {expression}"), [], |r| {
                            Ok(to_json(r.get_ref(0)?))
                        })??
                    }
                    None if !not_null => Value::Null,
                    None => continue,
                };
                columns.push((name, Some(filled)));
            }
        }
        let same_order = columns.iter().map(|(n, _)| n).eq(table.columns.iter());
        let known_once = table.columns.len()
            == columns
                .iter()
                .filter(|(_, filled)| filled.is_none())
                .count();
        let fits = table.rows.iter().all(|r| r.len() == table.columns.len());
        if same_order || !known_once || !fits {
            // A column unknown or repeated, or a row that does not fit, is
            // refused by the shape check as it came.
            continue;
        }
        let keys = key_columns(conn, &table.table)?;
        let mut rows = Vec::with_capacity(table.rows.len());
        for row in &table.rows {
            let mut filled: Vec<Value> = columns
                .iter()
                .map(|(name, filled)| match filled {
                    Some(value) => value.clone(),
                    None => table
                        .columns
                        .iter()
                        .position(|c| c == name)
                        .and_then(|i| row.get(i))
                        .cloned()
                        .unwrap_or(Value::Null),
                })
                .collect();
            keep_values_here(conn, &table.table, &keys, &columns, &mut filled)?;
            rows.push(filled);
        }
        out.to_mut().tables[at] = TableRows {
            table: table.table.clone(),
            columns: columns.into_iter().map(|(n, _)| n).collect(),
            rows,
        };
    }
    Ok(out)
}

/// Gives the columns a file lacked (other than keys) the values of the
/// same row here, when it is here.
fn keep_values_here(
    conn: &Connection,
    table: &str,
    keys: &[String],
    columns: &[(String, Option<Value>)],
    row: &mut [Value],
) -> Result<()> {
    let lacked: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, (name, filled))| filled.is_some() && !keys.contains(name))
        .map(|(at, _)| at)
        .collect();
    if lacked.is_empty() || keys.is_empty() {
        return Ok(());
    }
    let mut wheres = Vec::new();
    let mut params: Vec<SqlValue> = Vec::new();
    for key in keys {
        let Some(at) = columns.iter().position(|(name, _)| name == key) else {
            return Ok(());
        };
        params.push(to_sql(&row[at]).unwrap_or(SqlValue::Null));
        wheres.push(format!("{key} = ?{}", params.len()));
    }
    let names: Vec<&str> = lacked.iter().map(|&at| columns[at].0.as_str()).collect();
    let sql = format!(
        "SELECT {} FROM {table} WHERE {}",
        names.join(", "),
        wheres.join(" AND ")
    );
    let here: Option<Vec<Value>> = conn
        .query_row(&sql, params_from_iter(params), |r| {
            (0..lacked.len())
                .map(|i| Ok(to_json(r.get_ref(i)?)))
                .collect::<rusqlite::Result<Vec<Result<Value>>>>()
        })
        .optional()?
        .map(|values| values.into_iter().collect::<Result<_>>())
        .transpose()?;
    if let Some(here) = here {
        for (&at, value) in lacked.iter().zip(here) {
            row[at] = value;
        }
    }
    Ok(())
}

/// The tables are ones a case has, each once, in order; every column is one
/// this schema has (a case file from an older Amparo may lack newer ones);
/// every row has a value per column, of a kind SQLite keeps; the case's own
/// row is there, once, with the case's id.
fn check_shape(conn: &Connection, incoming: &CaseRows) -> Result<()> {
    check_shape_of_part(conn, incoming)?;
    let case_row = incoming
        .tables
        .first()
        .filter(|t| t.table == "cases" && t.rows.len() == 1)
        .and_then(|t| {
            let at = t.columns.iter().position(|c| c == "id")?;
            t.rows[0][at].as_str()
        });
    if case_row != Some(incoming.case_id.as_str()) {
        return Err(rejected("it does not hold exactly one case with its id"));
    }
    Ok(())
}

/// The shape checks of [`check_shape`] but for the case's own row.
fn check_shape_of_part(conn: &Connection, incoming: &CaseRows) -> Result<()> {
    let mut order = TABLES.iter().map(|(name, _)| *name);
    for table in &incoming.tables {
        if !order.any(|name| name == table.table) {
            return Err(rejected(format!(
                "it names the table \"{}\", which is not a case's or is out of order",
                table.table
            )));
        }
        let here = table_columns(conn, &table.table)?;
        let keys = key_columns(conn, &table.table)?;
        let mut seen = HashSet::new();
        for column in &table.columns {
            let local = LOCAL_COLUMNS.contains(&(table.table.as_str(), column.as_str()));
            if !here.contains(column) || local || !seen.insert(column) {
                return Err(rejected(format!(
                    "its table \"{}\" has a column \"{column}\" that cannot be taken",
                    table.table
                )));
            }
        }
        if keys.iter().any(|k| !table.columns.contains(k)) {
            return Err(rejected(format!(
                "its table \"{}\" lacks a key column",
                table.table
            )));
        }
        for row in &table.rows {
            if row.len() != table.columns.len() || row.iter().any(|v| to_sql(v).is_none()) {
                return Err(rejected(format!(
                    "a row of its table \"{}\" does not fit the columns",
                    table.table
                )));
            }
        }
    }
    Ok(())
}

fn case_here(conn: &Connection, case_id: &str) -> Result<bool> {
    Ok(conn
        .prepare("SELECT 1 FROM cases WHERE id = ?1")?
        .exists([case_id])?)
}

fn key_values<'a>(table: &TableRows, keys: &[String], row: &'a [Value]) -> Vec<&'a Value> {
    keys.iter()
        .filter_map(|k| table.columns.iter().position(|c| c == k))
        .map(|at| &row[at])
        .collect()
}

pub(super) fn key_text(table: &TableRows, keys: &[String], row: &[Value]) -> String {
    key_values(table, keys, row)
        .iter()
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Values compared as SQLite keeps them (an integer and the same real are
/// the same value once stored in a REAL column).
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

fn insert(conn: &Connection, table: &TableRows, row: &[Value]) -> Result<()> {
    let marks = (1..=row.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({marks})",
        table.table,
        table.columns.join(", ")
    );
    let params: Vec<SqlValue> = row.iter().filter_map(to_sql).collect();
    conn.execute(&sql, params_from_iter(params)).map_err(|e| {
        rejected(format!(
            "a row of its table \"{}\" cannot be kept ({e})",
            table.table
        ))
    })?;
    Ok(())
}

/// Makes `row` the version here of what it holds. A statement's
/// paragraphs go with it: its row replaces the one here and drops the
/// paragraphs here, and the file's paragraphs that follow are added.
fn replace_row(conn: &Connection, table: &TableRows, keys: &[String], row: &[Value]) -> Result<()> {
    match table.table.as_str() {
        "paragraphs" | "paragraph_exhibits" => insert(conn, table, row),
        "statements" => {
            update(conn, table, keys, row)?;
            let id = case_units::text_at(table, row, "id").unwrap_or_default();
            conn.execute("DELETE FROM paragraphs WHERE statement_id = ?1", [id])?;
            Ok(())
        }
        _ => update(conn, table, keys, row),
    }
}

fn update(conn: &Connection, table: &TableRows, keys: &[String], row: &[Value]) -> Result<()> {
    let mut params: Vec<SqlValue> = Vec::with_capacity(row.len());
    let mut sets = Vec::new();
    for (column, value) in table.columns.iter().zip(row) {
        if !keys.contains(column) {
            params.push(to_sql(value).unwrap_or(SqlValue::Null));
            sets.push(format!("{column} = ?{}", params.len()));
        }
    }
    let mut wheres = Vec::new();
    for value in key_values(table, keys, row) {
        params.push(to_sql(value).unwrap_or(SqlValue::Null));
        wheres.push(format!("{} = ?{}", keys[wheres.len()], params.len()));
    }
    if sets.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "UPDATE {} SET {} WHERE {}",
        table.table,
        sets.join(", "),
        wheres.join(" AND ")
    );
    let changed = conn.execute(&sql, params_from_iter(params)).map_err(|e| {
        rejected(format!(
            "a row of its table \"{}\" cannot be kept ({e})",
            table.table
        ))
    })?;
    if changed == 0 {
        return Err(Error::NotFound(key_text(table, keys, row)));
    }
    Ok(())
}

/// Whether `row` would take a place only one row of the case may have,
/// held here by another: an exhibit letter (the exhibit here keeps it,
/// signed pages may cite it), or the event made from a date the case knew.
fn place_taken(conn: &Connection, table: &TableRows, row: &[Value]) -> Result<bool> {
    let sql = match table.table.as_str() {
        "exhibit_letters" => "SELECT 1 FROM exhibit_letters WHERE case_id = ?1 AND letter = ?2",
        "events" => "SELECT 1 FROM events WHERE case_id = ?1 AND origin = ?2 AND origin <> ''",
        _ => return Ok(false),
    };
    let column = if table.table == "events" {
        "origin"
    } else {
        "letter"
    };
    let (Some(case_id), Some(value)) = (
        case_units::text_at(table, row, "case_id"),
        case_units::text_at(table, row, column),
    ) else {
        return Ok(false);
    };
    Ok(conn.prepare(sql)?.exists([case_id, value])?)
}

/// Every row added must now be one of the case's own: a row that attached
/// itself to another case's statement or photo is not.
fn check_all_landed(landed: &CaseRows, applied: &[(&str, &[String], &[Value])]) -> Result<()> {
    for (table, columns, row) in applied {
        let found = landed
            .tables
            .iter()
            .find(|t| t.table == *table)
            .is_some_and(|t| {
                t.rows.iter().any(|here| {
                    columns.iter().zip(row.iter()).all(|(column, value)| {
                        t.columns
                            .iter()
                            .position(|c| c == column)
                            .is_some_and(|at| same_value(&here[at], value))
                    })
                })
            });
        if !found {
            return Err(rejected(format!(
                "a row of its table \"{table}\" belongs to another case"
            )));
        }
    }
    Ok(())
}

/// Every `item_id` names a record the case holds, of the kind its row
/// says (a link of kind "document" to a document of the case, not to a
/// photo); an allegation's filed document is one of the case's documents.
fn check_item_references(landed: &CaseRows) -> Result<()> {
    let ids_of = |name: &str| -> HashSet<&str> {
        landed
            .tables
            .iter()
            .filter(|t| t.table == name)
            .filter_map(|t| Some((t, t.columns.iter().position(|c| c == "id")?)))
            .flat_map(|(t, at)| t.rows.iter().filter_map(move |r| r[at].as_str()))
            .collect()
    };
    let kinds: HashMap<&str, HashSet<&str>> = [
        ("photo", "photos"),
        ("tattoo", "tattoos"),
        ("statement", "statements"),
        ("document", "documents"),
    ]
    .into_iter()
    .map(|(kind, table)| (kind, ids_of(table)))
    .collect();
    let points_outside = |table: &str, missing: &str| {
        rejected(format!(
            "its table \"{table}\" points at {missing}, which the case does not hold"
        ))
    };
    for table in landed
        .tables
        .iter()
        .filter(|t| ITEM_REFERENCES.contains(&t.table.as_str()))
    {
        let position = |name: &str| table.columns.iter().position(|c| c == name);
        let (Some(kind_at), Some(item_at)) = (position("kind"), position("item_id")) else {
            continue;
        };
        for row in &table.rows {
            let (Some(kind), Some(item)) = (row[kind_at].as_str(), row[item_at].as_str()) else {
                continue;
            };
            if !kinds.get(kind).is_some_and(|ids| ids.contains(item)) {
                return Err(points_outside(&table.table, item));
            }
        }
    }
    let documents = &kinds["document"];
    for table in landed.tables.iter().filter(|t| t.table == "allegations") {
        let Some(at) = table.columns.iter().position(|c| c == "source_document_id") else {
            continue;
        };
        if let Some(missing) = table
            .rows
            .iter()
            .filter_map(|r| r[at].as_str())
            .find(|id| !documents.contains(id))
        {
            return Err(points_outside(&table.table, missing));
        }
    }
    Ok(())
}
