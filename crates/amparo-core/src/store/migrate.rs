//! Schema migrations: plain `.sql` files embedded at build time, applied in
//! order, each in its own transaction. `PRAGMA user_version` counts how many
//! have been applied. Before changing a database that already has tables, a
//! copy is written with SQLite's online backup API.

use std::fs;
use std::path::Path;

use rusqlite::Connection;

use crate::vault::Keys;

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
    include_str!("../../migrations/0008_filer_and_place_reason.sql"),
    include_str!("../../migrations/0009_case_files.sql"),
    include_str!("../../migrations/0010_custody_log.sql"),
    include_str!("../../migrations/0011_case_file_changes.sql"),
    include_str!("../../migrations/0012_photo_file_facts.sql"),
    include_str!("../../migrations/0013_federal_caption.sql"),
    include_str!("../../migrations/0014_reaching_them.sql"),
    include_str!("../../migrations/0015_interviews.sql"),
    include_str!("../../migrations/0016_checked_with_court.sql"),
    include_str!("../../migrations/0017_documents.sql"),
    include_str!("../../migrations/0018_citing_documents.sql"),
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
/// of a database that already has data before it is changed; the copy is
/// kept only until the migrated database verifies (see [`verify`]), then
/// removed, since it holds every case, erased ones included. Copies that
/// earlier versions left are removed too, once the database verifies.
pub(crate) fn migrate(conn: &mut Connection, backup_dir: Option<(&Path, &Keys)>) -> Result<()> {
    let found = check_not_newer(conn)?;
    if found < SCHEMA_VERSION {
        let has_tables: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if let (Some((dir, keys)), true) = (backup_dir, has_tables > 0) {
            backup_before_migration(conn, dir, keys, found)?;
        }
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (index + 1) as i64)?;
            tx.commit()?;
        }
    }
    if let Some((dir, _)) = backup_dir
        && has_copies(dir)
        && verify(conn)?.is_none()
    {
        remove_copies(dir)?;
    }
    Ok(())
}

/// Why the open database is not sound at [`SCHEMA_VERSION`], or `None`:
/// `quick_check` passes, no row breaks a foreign key, and its schema is
/// exactly the one this version makes.
fn verify(conn: &Connection) -> Result<Option<String>> {
    let verdict: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Ok(Some(verdict));
    }
    let broken: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if broken > 0 {
        return Ok(Some(format!("{broken} row(s) break a foreign key")));
    }
    Ok(schema_difference(
        &schema_of(conn)?,
        &expected_schema(SCHEMA_VERSION)?,
    ))
}

fn has_copies(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|mut entries| {
        entries.any(|e| e.is_ok_and(|e| is_copy_name(&e.file_name().to_string_lossy())))
    })
}

fn is_copy_name(name: &str) -> bool {
    name.starts_with(COPY_PREFIX)
}

/// Removes every pre-migration copy in `dir` (and `dir`, once empty).
pub(crate) fn remove_copies(dir: &Path) -> Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    for entry in entries {
        let entry = entry?;
        if is_copy_name(&entry.file_name().to_string_lossy()) {
            fs::remove_file(entry.path())?;
        }
    }
    fs::File::open(dir)?.sync_all()?;
    // Only an empty folder goes: a file someone else put there stays.
    let _ = fs::remove_dir(dir);
    Ok(())
}

const COPY_PREFIX: &str = "amparo-schema-";

fn backup_before_migration(conn: &Connection, dir: &Path, keys: &Keys, found: i64) -> Result<()> {
    super::private_dir(dir)?;
    let stamp = chrono::Utc::now().timestamp();
    let path = dir.join(format!("{COPY_PREFIX}{found}-{stamp}.sqlite3"));
    // SQLCipher copies pages only between databases under the same key.
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_CREATE;
    let mut copy = super::open_keyed(&path, flags, keys)?;
    super::private_file(&path)?;
    let backup = rusqlite::backup::Backup::new(conn, &mut copy)?;
    backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
    Ok(())
}

/// One row of `sqlite_schema`: a table, index, trigger or view, with its
/// SQL (spaces folded).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct SchemaEntry {
    kind: String,
    name: String,
    table: String,
    sql: Option<String>,
}

/// Every entry of `conn`'s main schema, sorted.
pub(crate) fn schema_of(conn: &Connection) -> Result<Vec<SchemaEntry>> {
    let mut stmt = conn.prepare("SELECT type, name, tbl_name, sql FROM main.sqlite_schema")?;
    let mut entries: Vec<SchemaEntry> = stmt
        .query_map([], |r| {
            Ok(SchemaEntry {
                kind: r.get(0)?,
                name: r.get(1)?,
                table: r.get(2)?,
                sql: r
                    .get::<_, Option<String>>(3)?
                    .map(|sql| sql.split_whitespace().collect::<Vec<_>>().join(" ")),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    entries.sort();
    Ok(entries)
}

/// The schema a fresh store at `version` has: the first `version`
/// migrations applied to an empty database in memory.
pub(crate) fn expected_schema(version: i64) -> Result<Vec<SchemaEntry>> {
    let mut conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let count = usize::try_from(version.clamp(0, SCHEMA_VERSION)).unwrap_or(0);
    for sql in &MIGRATIONS[..count] {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.commit()?;
    }
    schema_of(&conn)
}

/// The first way `found` differs from `expected`, in words that follow
/// "the database ", or `None`.
pub(crate) fn schema_difference(found: &[SchemaEntry], expected: &[SchemaEntry]) -> Option<String> {
    let key = |e: &SchemaEntry| (e.kind.clone(), e.name.clone());
    // A table before its indexes and triggers: a dropped or added table is
    // named, not the first index that goes with it.
    let rank = |e: &&SchemaEntry| match e.kind.as_str() {
        "table" => 0,
        "view" => 1,
        "trigger" => 2,
        _ => 3,
    };
    let mut found: Vec<&SchemaEntry> = found.iter().collect();
    found.sort_by_key(rank);
    let mut expected: Vec<&SchemaEntry> = expected.iter().collect();
    expected.sort_by_key(rank);
    for entry in &found {
        match expected.iter().find(|x| key(x) == key(entry)) {
            None => {
                return Some(format!(
                    "has a {} Amparo does not make: {}",
                    entry.kind, entry.name
                ));
            }
            Some(known) if known != entry => {
                return Some(format!(
                    "has a {} {} that is not the one Amparo makes",
                    entry.kind, entry.name
                ));
            }
            Some(_) => {}
        }
    }
    expected
        .iter()
        .find(|x| !found.iter().any(|e| key(e) == key(x)))
        .map(|missing| {
            format!(
                "lacks the {} {} that Amparo makes",
                missing.kind, missing.name
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_migration_indexes_what_was_written_before_it() {
        let mut conn = Connection::open_in_memory().expect("db");
        conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
        for sql in &MIGRATIONS[..5] {
            conn.execute_batch(sql).expect("old migration");
        }
        conn.pragma_update(None, "user_version", 5)
            .expect("version");
        conn.execute_batch(
            "INSERT INTO cases (id, record_name, aliases, a_number, created_at, updated_at)
                VALUES ('c', 'Rivas Moreno, Jesús', '[\"Chuy\"]', '012345678', 't', 't');
             INSERT INTO tattoos (id, case_id, body_location, meaning_original, position, created_at, updated_at)
                VALUES ('t1', 'c', 'left wrist', 'corona por mi mamá', 1, 't', 't');
             INSERT INTO declarants (id, case_id, full_name, position, created_at, updated_at)
                VALUES ('d', 'c', 'María', 1, 't', 't');
             INSERT INTO statements (id, case_id, declarant_id, title, language, mode, position, created_at, updated_at)
                VALUES ('s', 'c', 'd', 'Declaration', 'es', 'signOriginal', 1, 't', 't');
             INSERT INTO paragraphs (id, statement_id, position, original, english)
                VALUES ('p', 's', 0, 'Vivo en Capacho', 'I live in Capacho');",
        )
        .expect("data of schema 5");
        migrate(&mut conn, None).expect("migrate");
        let found = |word: &str| -> Vec<String> {
            let mut stmt = conn
                .prepare(
                    "SELECT r.kind || ':' || r.record_id FROM search_text
                     JOIN search_rows r ON r.id = search_text.rowid
                     WHERE search_text MATCH ?1 ORDER BY r.id",
                )
                .expect("query");
            stmt.query_map([word], |r| r.get(0))
                .expect("rows")
                .collect::<rusqlite::Result<_>>()
                .expect("hits")
        };
        assert_eq!(found("mama"), ["tattoo:t1"]);
        assert_eq!(found("capacho"), ["paragraph:p"]);
        assert_eq!(found("chuy"), ["case:c"]);
        assert_eq!(found("\"012345678\""), ["case:c"]);
    }

    #[test]
    fn a_packet_saved_before_filer_roles_keeps_who_files_and_who_serves() {
        let mut conn = Connection::open_in_memory().expect("db");
        conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
        for sql in &MIGRATIONS[..7] {
            conn.execute_batch(sql).expect("old migration");
        }
        conn.pragma_update(None, "user_version", 7)
            .expect("version");
        conn.execute_batch(
            r#"INSERT INTO cases (id, record_name, aliases, a_number, created_at, updated_at)
                VALUES ('a', 'A', '[]', NULL, 't', 't'), ('b', 'B', '[]', NULL, 't', 't');
             INSERT INTO packets (case_id, body, updated_at) VALUES
                ('a', '{"filer": {"proSe": true, "name": ""},
                        "service": {"method": "ecas", "serverName": "Ana Pérez"}}', 't'),
                ('b', '{"filer": {"proSe": false, "name": "Laura Gómez"},
                        "service": {"method": "mail", "serverName": " "}}', 't');"#,
        )
        .expect("packets of schema 7");
        migrate(&mut conn, None).expect("migrate");
        let read = |case: &str| -> crate::PacketDraft {
            let body: String = conn
                .query_row("SELECT body FROM packets WHERE case_id = ?1", [case], |r| {
                    r.get(0)
                })
                .expect("packet");
            serde_json::from_str(&body).expect("reads as a packet")
        };
        let a = read("a");
        assert_eq!(a.filer.role, crate::FilerRole::ProSe);
        assert!(!a.service.by_filer, "the one named serves it");
        assert_eq!(a.service.server_name, "Ana Pérez");
        assert_eq!(
            a.service.method,
            crate::ServiceMethod::Ecas,
            "kept, and checked before a print"
        );
        let b = read("b");
        assert_eq!(b.filer.role, crate::FilerRole::Attorney);
        assert_eq!(b.filer.name, "Laura Gómez");
        assert!(b.service.by_filer, "no one else named: the filer serves");
    }
}
