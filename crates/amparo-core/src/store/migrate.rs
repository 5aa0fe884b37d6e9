//! Schema migrations: plain `.sql` files embedded at build time, applied in
//! order, each in its own transaction. `PRAGMA user_version` counts how many
//! have been applied. Before changing a database that already has tables, a
//! copy is written with SQLite's online backup API.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// The migrations, oldest first. Never edit one that has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_cases.sql"),
    include_str!("../../migrations/0002_photos.sql"),
    include_str!("../../migrations/0003_tattoos.sql"),
    include_str!("../../migrations/0004_statements.sql"),
    include_str!("../../migrations/0005_packets.sql"),
    include_str!("../../migrations/0006_timeline.sql"),
    include_str!("../../migrations/0007_search.sql"),
];

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The schema version stored in the database.
pub(crate) fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a database from a newer Amparo before anything is written to it.
pub(crate) fn check_not_newer(conn: &Connection) -> Result<i64> {
    let found = version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerDatabase {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(found)
}

/// Brings the schema up to [`SCHEMA_VERSION`]. `backup_dir` receives a copy
/// of a database that already has data before it is changed.
pub(crate) fn migrate(conn: &mut Connection, backup_dir: Option<&Path>) -> Result<()> {
    let found = check_not_newer(conn)?;
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    let has_tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if let (Some(dir), true) = (backup_dir, has_tables > 0) {
        backup_before_migration(conn, dir, found)?;
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

fn backup_before_migration(conn: &Connection, dir: &Path, found: i64) -> Result<()> {
    super::private_dir(dir)?;
    let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
    let path = dir.join(format!("amparo-schema-{found}-{stamp}.sqlite3"));
    let mut copy = Connection::open(&path)?;
    super::private_file(&path)?;
    let backup = rusqlite::backup::Backup::new(conn, &mut copy)?;
    backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
    Ok(())
}
