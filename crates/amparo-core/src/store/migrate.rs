//! Schema migrations: plain `.sql` files embedded at build time, applied in
//! order, each in its own transaction. `PRAGMA user_version` counts how many
//! have been applied. Before changing a database that already has tables, a
//! copy is written with SQLite's online backup API.

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
pub(crate) fn migrate(conn: &mut Connection, backup_dir: Option<(&Path, &Keys)>) -> Result<()> {
    let found = check_not_newer(conn)?;
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    let has_tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if let (Some((dir, keys)), true) = (backup_dir, has_tables > 0) {
        backup_before_migration(conn, dir, keys, found)?;
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

fn backup_before_migration(conn: &Connection, dir: &Path, keys: &Keys, found: i64) -> Result<()> {
    super::private_dir(dir)?;
    let stamp = chrono::Utc::now().timestamp();
    let path = dir.join(format!("amparo-schema-{found}-{stamp}.sqlite3"));
    // SQLCipher copies pages only between databases under the same key.
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_CREATE;
    let mut copy = super::open_keyed(&path, flags, keys)?;
    super::private_file(&path)?;
    let backup = rusqlite::backup::Backup::new(conn, &mut copy)?;
    backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
    Ok(())
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
