//! The SQLite store. One file, `amparo.sqlite3`, in the data folder,
//! encrypted by SQLCipher with the vault's raw database key, opened in WAL
//! mode with `synchronous=FULL` (evidence must survive a power cut), foreign
//! keys on, `secure_delete` on (erased text is overwritten, not left in free
//! pages) and temporary tables in memory (never in a plain temporary file).
//! The folder is private to the user (0700) and the files in it are 0600.
//!
//! A database that is damaged, or that a newer Amparo wrote, is refused with
//! a clear error before anything is written to it.

mod allegations;
mod arrived_changes;
mod attest;
mod case_files;
mod case_rows;
mod case_units;
mod cases;
mod custody;
mod declarants;
mod document_limits;
mod document_pages;
mod documents;
mod due_dates;
mod events;
mod exhibits;
mod integrity;
mod interviews;
mod links;
mod migrate;
mod packets;
mod photos;
mod removals;
mod restore;
mod search;
mod settings;
mod statements;
mod tattoos;
mod wording;

use std::fs::{self, OpenOptions};
use std::io::Read;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Error, Result};
use crate::vault::Keys;

pub use arrived_changes::{ArrivedChange, ChangedField, Keep};
pub use attest::SwornIn;
pub use case_files::{CONTACT_NAME_MAX, Contact, StoredIdentity, check_contact_name};
pub use case_rows::{Arrival, CaseRows, RowDiffers, RowsTaken, TableRows};
pub use custody::{
    CHAIN_START, CustodyAction, CustodyEntry, CustodyProblem, CustodyReport, CustodySigner,
    check_custody_with, content_hash,
};
pub use migrate::SCHEMA_VERSION;
pub use settings::{
    LOCK_AFTER_CHOICES, LOCK_AFTER_DEFAULT, Preferences, TEXT_SIZE_CHOICES, UseMode,
};
pub use statements::check_signing;

/// The database file's name inside the data folder.
pub const DATABASE_FILE: &str = "amparo.sqlite3";

/// Where pre-migration copies of the database are kept, inside the data folder.
const MIGRATION_BACKUPS: &str = "backups";

/// An open Amparo database.
pub struct Store {
    conn: Connection,
    dir: Option<PathBuf>,
    keys: Option<Keys>,
    /// Signs custody entries as this device (see [`custody`]).
    signer: Option<Box<dyn CustodySigner>>,
    /// Recent removals that can still be undone (see [`removals`]).
    removals: Vec<removals::Removal>,
}

impl Store {
    /// Opens (creating if needed) the store in the data folder `dir`,
    /// encrypted with `keys` (from the unlocked [`crate::Vault`]). A plain
    /// database left by an older Amparo is refused: the vault moves it in
    /// first ([`crate::vault::move_plain_data_in`]).
    pub fn open(dir: &Path, keys: &Keys) -> Result<Self> {
        Self::open_unexplained(dir, keys).map_err(|e| e.in_folder(dir))
    }

    fn open_unexplained(dir: &Path, keys: &Keys) -> Result<Self> {
        private_dir(dir)?;
        crate::backup::finish_interrupted_restore(dir)?;
        let path = dir.join(DATABASE_FILE);
        let has_data = fs::metadata(&path).map(|m| m.len() > 0).unwrap_or(false);
        if has_data {
            check_header(&path)?;
        } else {
            // Created here so that it is 0600 from its first byte; SQLite gives
            // the WAL and shared-memory files the same mode.
            OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .mode(0o600)
                .open(&path)?;
        }
        private_file(&path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = open_keyed(&path, flags, keys)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        if has_data {
            quick_check(&conn)?;
        }
        migrate::check_not_newer(&conn).map_err(corrupt_or)?;
        configure(&conn)?;
        migrate::migrate(&mut conn, Some((&dir.join(MIGRATION_BACKUPS), keys)))?;
        for suffix in ["-wal", "-shm"] {
            let side = dir.join(format!("{DATABASE_FILE}{suffix}"));
            if side.exists() {
                private_file(&side)?;
            }
        }
        Ok(Self {
            conn,
            dir: Some(dir.to_path_buf()),
            keys: Some(keys.clone()),
            signer: None,
            removals: Vec::new(),
        })
    }

    /// A second connection to the store in `dir`, for reading only: while
    /// a long import holds the writing connection, the window's lists,
    /// cases and searches are answered from this one (the write-ahead log
    /// lets readers see every committed change and never wait for a
    /// writer). Any write through it fails. The store must have been
    /// opened with [`Store::open`] first (migrated, in WAL mode).
    pub fn open_reader(dir: &Path, keys: &Keys) -> Result<Self> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Self::reading(dir, keys, flags, "")
    }

    /// A connection for reading only that needs no byte of free disk: on a
    /// disk full to the last byte, SQLite cannot make the shared memory
    /// its readers use, so this one holds the log's index in its own
    /// memory (exclusive locking, as only the holder of the data folder
    /// reads it). The family can still read its cases; every change says
    /// the disk is full.
    pub fn open_reader_alone(dir: &Path, keys: &Keys) -> Result<Self> {
        // SQLite opens a WAL database read-only only beside shared memory;
        // read-write in exclusive mode it needs none, and query_only keeps
        // it from writing.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let first = "PRAGMA locking_mode = EXCLUSIVE; PRAGMA query_only = ON;";
        Self::reading(dir, keys, flags, first)
    }

    /// A reading connection opened with `flags`, `first` run before the
    /// database is read.
    fn reading(dir: &Path, keys: &Keys, flags: OpenFlags, first: &str) -> Result<Self> {
        let path = dir.join(DATABASE_FILE);
        let conn = open_keyed_then(&path, flags, keys, first).map_err(|e| e.in_folder(dir))?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        migrate::check_not_newer(&conn).map_err(corrupt_or)?;
        Ok(Self {
            conn,
            dir: Some(dir.to_path_buf()),
            keys: Some(keys.clone()),
            signer: None,
            removals: Vec::new(),
        })
    }

    /// A store that lives in memory only: for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrate::migrate(&mut conn, None)?;
        Ok(Self {
            conn,
            dir: None,
            keys: None,
            signer: None,
            removals: Vec::new(),
        })
    }

    /// The data folder, or `None` for an in-memory store.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Runs raw SQL: for tests that prove what the schema itself refuses.
    #[doc(hidden)]
    pub fn raw_execute_for_tests(&self, sql: &str) -> Result<usize> {
        Ok(self.conn.execute(sql, [])?)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The keys the store was opened with (`None` in memory).
    pub(crate) fn keys(&self) -> Option<&Keys> {
        self.keys.as_ref()
    }
}

/// A raw connection to the database file at `path` (created if missing)
/// under `keys`: for tests that tamper past the store's own rules.
#[doc(hidden)]
pub fn raw_connection_for_tests(path: &Path, keys: &Keys) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
    open_keyed(path, flags, keys)
}

/// Opens the SQLCipher database at `path` with the vault's raw key. A key
/// that does not open it, or a file that is not a database, is a
/// `CorruptDatabase` error, found here rather than at the first query.
pub(crate) fn open_keyed(path: &Path, flags: OpenFlags, keys: &Keys) -> Result<Connection> {
    open_keyed_then(path, flags, keys, "")
}

/// [`open_keyed`], running `first` (pragmas) before the database is read.
fn open_keyed_then(path: &Path, flags: OpenFlags, keys: &Keys, first: &str) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, flags).map_err(corrupt)?;
    let sql = zeroize::Zeroizing::new(format!("PRAGMA key = {};", keys.database_pragma().as_str()));
    conn.execute_batch(&sql).map_err(corrupt)?;
    if !first.is_empty() {
        conn.execute_batch(first)?;
    }
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::CorruptDatabase(format!(
            "{} cannot be opened with this Amparo's key, or is damaged",
            path.display()
        )),
        _ => corrupt(e),
    })?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    // journal_mode answers with a row, so it is queried rather than updated.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// Whether the file at `path` is a plain (unencrypted) SQLite database.
pub(crate) fn is_plain_database(path: &Path) -> Result<bool> {
    let mut header = [0u8; 16];
    let read = fs::File::open(path)?.read(&mut header)?;
    Ok(read == 16 && &header == b"SQLite format 3\0")
}

/// Refuses a plain database before SQLCipher touches it: it is an older
/// Amparo's, to be moved into the vault, never opened as if encrypted.
fn check_header(path: &Path) -> Result<()> {
    if is_plain_database(path)? {
        return Err(Error::CorruptDatabase(format!(
            "{} is not encrypted; it must be moved into the vault first",
            path.display()
        )));
    }
    Ok(())
}

fn quick_check(conn: &Connection) -> Result<()> {
    let verdict: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(corrupt)?;
    if verdict != "ok" {
        return Err(Error::CorruptDatabase(verdict));
    }
    Ok(())
}

/// SQLite's "not a database" and "malformed" errors mean a damaged file.
fn corrupt(e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            Error::CorruptDatabase(e.to_string())
        }
        _ => Error::Sqlite(e),
    }
}

fn corrupt_or(e: Error) -> Error {
    match e {
        Error::Sqlite(inner) => corrupt(inner),
        other => other,
    }
}

/// Creates `dir` if needed and makes it private to the user (0700).
pub(crate) fn private_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    Ok(())
}

/// Makes `path` readable and writable by the user only (0600).
pub(crate) fn private_file(path: &Path) -> Result<()> {
    fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
    Ok(())
}

/// The current time as stored: UTC, RFC 3339, whole seconds.
pub(crate) fn now() -> String {
    stamp(chrono::Utc::now())
}

/// `2026-11-30T14:05:09Z`: no fraction and a `Z`, the form every stored
/// row already has, so that text order stays time order.
pub(crate) fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// `value` as the JSON text a column stores.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Serialization(e.to_string()))
}

/// Today's date (UTC), for "not in the future" checks.
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

#[cfg(test)]
mod json_tests {
    use super::to_json;
    use crate::error::Error;

    #[test]
    fn a_value_json_cannot_hold_is_a_storage_failure_not_a_change() {
        // JSON object keys must be strings; a pair is refused.
        let map = std::collections::BTreeMap::from([((1, 2), "x")]);
        let err = to_json(&map).expect_err("a pair is no JSON key");
        assert!(matches!(err, Error::Serialization(_)), "{err:?}");
        assert_eq!(err.code(), "storage");
    }
}

#[cfg(test)]
mod stamp_tests {
    use super::stamp;
    use chrono::{TimeZone, Utc};

    #[test]
    fn times_are_stored_in_whole_seconds_with_a_z() {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 30, 14, 5, 9)
            .single()
            .expect("a real time")
            + chrono::Duration::milliseconds(987);
        assert_eq!(stamp(at), "2026-11-30T14:05:09Z");
    }
}
