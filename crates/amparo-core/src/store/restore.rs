//! Restoring a backup over the open store: its database file is replaced,
//! so the connection must be closed first and opened again after.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::Store;
use crate::error::{Error, Result};

impl Store {
    /// Restores the backup folder `source` over this store's data folder
    /// (the replaced data is kept in `replaced/<time>/`, whose path is
    /// returned) and opens the restored database in place of this one.
    pub fn restore_backup(&mut self, source: &Path) -> Result<Option<PathBuf>> {
        let dir = self.dir.clone().ok_or(Error::NoDataDir)?;
        let keys = self.keys.clone().ok_or(Error::NoDataDir)?;
        // Dropping the old connection closes it (and checkpoints its WAL)
        // before its files are moved away.
        self.conn = Connection::open_in_memory()?;
        self.dir = None;
        let kept = crate::restore_backup(&dir, source, &keys);
        // A backup an older version made is plain: it moves into the vault.
        crate::vault::move_data_in(&dir, &keys)?;
        *self = Store::open(&dir, &keys)?;
        kept
    }
}

impl Store {
    /// Every stored file the database at `conn` names (see
    /// [`Store::referenced_hashes`]), for checks made before it is opened
    /// as a store.
    pub(crate) fn hashes_named_in(conn: &Connection) -> Result<std::collections::HashSet<String>> {
        super::photos::hashes_named(conn)
    }

    /// How the schema of `conn` differs from the one a fresh store makes at
    /// `version` (in words that follow "the backup's database "), or `None`
    /// when every table, index, trigger and view is exactly Amparo's own.
    pub(crate) fn schema_problem(conn: &Connection, version: i64) -> Result<Option<String>> {
        Ok(super::migrate::schema_difference(
            &super::migrate::schema_of(conn)?,
            &super::migrate::expected_schema(version)?,
        ))
    }
}
