//! The things of a case a person changes as a whole, found among its rows:
//! a statement with its paragraphs and their exhibit references is one; any
//! other row is one by itself. Two copies of a case are compared thing by
//! thing, by a hash of what a reader would see (a paragraph's id, made anew
//! at every save, and `updated_at` stamps are left out).

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::case_rows::{CaseRows, TableRows, key_text};
use super::custody::content_hash;

/// Tables whose things may be changed by a case file when they were changed
/// only on the other side, or chosen between when changed on both. Links
/// (all key), exhibit letters (cited by signed pages), signed versions,
/// scans and custody entries never change once here.
const CHANGEABLE: &[&str] = &[
    "cases",
    "detention_transfers",
    "hearings",
    "photos",
    "tattoos",
    "declarants",
    "statements",
    "events",
    "allegations",
    "due_dates",
    "packets",
    "documents",
    "document_pages",
];

/// Columns that say what a thing is, not what was written about it: a row
/// that differs in one of them is another thing, never a change to take.
const IDENTITY_COLUMNS: &[(&str, &str)] = &[
    ("photos", "sha256"),
    ("photos", "format"),
    ("photos", "width"),
    ("photos", "height"),
    ("photos", "byte_size"),
    ("photos", "exif_taken_local"),
    ("photos", "exif_taken_offset"),
    ("photos", "exif_camera"),
    ("photos", "exif_orientation"),
    ("photos", "gps_latitude"),
    ("photos", "gps_longitude"),
    ("photos", "imported_at"),
    ("documents", "pdf_sha256"),
    ("documents", "byte_size"),
    ("documents", "added_at"),
    ("document_pages", "document_id"),
    ("document_pages", "pdf_page"),
    ("document_pages", "sha256"),
    ("document_pages", "format"),
    ("document_pages", "byte_size"),
];

/// Bookkeeping columns left out when comparing.
const STAMP_COLUMNS: &[&str] = &["updated_at"];

/// One thing: its rows (table, row) in table order, and its hash.
pub(crate) struct Unit<'a> {
    pub table: &'a str,
    pub rows: Vec<(&'a TableRows, &'a [Value])>,
    pub sha256: String,
}

impl Unit<'_> {
    /// Whether a case file may change this thing here.
    pub fn changeable(&self) -> bool {
        CHANGEABLE.contains(&self.table)
    }

    /// Whether `other` is the same thing in another version, not another
    /// thing under the same key (a photo with other bytes).
    pub fn same_identity(&self, other: &Unit<'_>) -> bool {
        let identity = |unit: &Unit<'_>| -> Vec<Value> {
            let Some((table, row)) = unit.rows.first() else {
                return Vec::new();
            };
            table
                .columns
                .iter()
                .zip(row.iter())
                .filter(|(c, _)| IDENTITY_COLUMNS.contains(&(unit.table, c.as_str())))
                .map(|(_, v)| normal(v))
                .collect()
        };
        identity(self) == identity(other)
    }

    /// The statement's id when this thing is a statement.
    pub fn statement_id(&self) -> Option<&str> {
        (self.table == "statements")
            .then(|| self.rows.first().and_then(|(t, r)| text_at(t, r, "id")))
            .flatten()
    }
}

/// The things among `rows`, by key: `statement/<id>` for a statement,
/// `<table>/<key values>` for the rest. `keys` gives each table's key columns.
pub(crate) fn units<'a>(
    rows: &'a CaseRows,
    keys: &HashMap<String, Vec<String>>,
) -> BTreeMap<String, Unit<'a>> {
    let paragraph_statement = paragraph_statements(rows);
    let mut found: BTreeMap<String, Unit<'a>> = BTreeMap::new();
    for table in &rows.tables {
        for row in &table.rows {
            let key = unit_key(table, row, keys, &paragraph_statement);
            let own_table = match table.table.as_str() {
                "paragraphs" | "paragraph_exhibits" => "statements",
                other => other,
            };
            found
                .entry(key)
                .or_insert_with(|| Unit {
                    table: own_table,
                    rows: Vec::new(),
                    sha256: String::new(),
                })
                .rows
                .push((table, row.as_slice()));
        }
    }
    for unit in found.values_mut() {
        unit.sha256 = unit_hash(unit);
    }
    found
}

/// Each paragraph's statement, by the paragraph's id.
pub(crate) fn paragraph_statements(rows: &CaseRows) -> HashMap<&str, &str> {
    rows.tables
        .iter()
        .filter(|t| t.table == "paragraphs")
        .flat_map(|t| {
            t.rows
                .iter()
                .filter_map(move |r| Some((text_at(t, r, "id")?, text_at(t, r, "statement_id")?)))
        })
        .collect()
}

/// The key of the thing `row` belongs to.
pub(crate) fn unit_key(
    table: &TableRows,
    row: &[Value],
    keys: &HashMap<String, Vec<String>>,
    paragraph_statement: &HashMap<&str, &str>,
) -> String {
    match table.table.as_str() {
        "statements" => format!("statement/{}", text_at(table, row, "id").unwrap_or("")),
        "paragraphs" => format!(
            "statement/{}",
            text_at(table, row, "statement_id").unwrap_or("")
        ),
        "paragraph_exhibits" => format!(
            "statement/{}",
            text_at(table, row, "paragraph_id")
                .and_then(|p| paragraph_statement.get(p).copied())
                .unwrap_or("")
        ),
        name => {
            let key = keys
                .get(name)
                .map(|columns| key_text(table, columns, row))
                .unwrap_or_default();
            format!("{name}/{key}")
        }
    }
}

/// What a reader of the thing sees, hashed: each row's columns and values
/// but for stamps; a paragraph by its position, not its id, and an exhibit
/// reference by its paragraph's position.
fn unit_hash(unit: &Unit<'_>) -> String {
    let paragraph_position: HashMap<&str, Value> = unit
        .rows
        .iter()
        .filter(|(t, _)| t.table == "paragraphs")
        .filter_map(|(t, r)| {
            let at = t.columns.iter().position(|c| c == "position")?;
            Some((text_at(t, r, "id")?, normal(&r[at])))
        })
        .collect();
    let mut seen: Vec<(String, Vec<(String, Value)>)> = unit
        .rows
        .iter()
        .map(|(table, row)| {
            let values = table
                .columns
                .iter()
                .zip(row.iter())
                .filter(|(c, _)| !STAMP_COLUMNS.contains(&c.as_str()))
                .filter(|(c, _)| !(table.table == "paragraphs" && c.as_str() == "id"))
                .map(|(c, v)| {
                    let value = if table.table == "paragraph_exhibits" && c == "paragraph_id" {
                        v.as_str()
                            .and_then(|id| paragraph_position.get(id).cloned())
                            .unwrap_or(Value::Null)
                    } else {
                        normal(v)
                    };
                    (c.clone(), value)
                })
                .collect();
            (table.table.clone(), values)
        })
        .collect();
    seen.sort_by(|a, b| {
        (
            a.0.as_str(),
            serde_json::to_string(&a.1).unwrap_or_default(),
        )
            .cmp(&(
                b.0.as_str(),
                serde_json::to_string(&b.1).unwrap_or_default(),
            ))
    });
    content_hash(serde_json::to_string(&seen).unwrap_or_default().as_bytes())
}

/// Numbers as SQLite compares them once stored (an integer and the same
/// real are one value).
fn normal(value: &Value) -> Value {
    match value {
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        other => other.clone(),
    }
}

pub(crate) fn text_at<'a>(table: &TableRows, row: &'a [Value], column: &str) -> Option<&'a str> {
    let at = table.columns.iter().position(|c| c == column)?;
    row.get(at)?.as_str()
}
