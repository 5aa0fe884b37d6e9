//! A copy of the database is written before a schema update and kept only
//! until the updated database verifies: it holds every case, erased ones
//! included, so it must not outlive its use.

use std::fs;
use std::path::{Path, PathBuf};

use amparo_core::{DATABASE_FILE, Store};

fn copies(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir.join("backups"))
        .map(|entries| {
            entries
                .map(|e| e.expect("entry").path())
                .filter(|p| p.to_string_lossy().contains("amparo-schema-"))
                .collect()
        })
        .unwrap_or_default()
}

/// A database as the first version wrote it, with one case.
fn first_version(dir: &Path) -> rusqlite::Connection {
    let conn = amparo_core::raw_connection_for_tests(
        &dir.join(DATABASE_FILE),
        &amparo_core::Keys::fixed_for_tests(),
    )
    .expect("raw");
    conn.execute_batch(include_str!("../migrations/0001_cases.sql"))
        .expect("first schema");
    conn.pragma_update(None, "user_version", 1)
        .expect("version 1");
    conn.execute(
        "INSERT INTO cases (id, record_name, created_at, updated_at)
         VALUES ('01900000-0000-7000-8000-000000000001', 'Ana Torres', 'x', 'x')",
        [],
    )
    .expect("a case saved by the first version");
    conn
}

#[test]
fn a_database_from_the_first_version_is_migrated_with_its_cases_and_its_copy_removed_once_verified()
{
    let dir = tempfile::tempdir().expect("temp dir");
    drop(first_version(dir.path()));
    let store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("migrate");
    assert_eq!(
        store.list_cases("").expect("list")[0].record_name,
        "Ana Torres"
    );
    assert_eq!(copies(dir.path()), Vec::<PathBuf>::new());
    assert!(
        !dir.path().join("backups").exists(),
        "the emptied folder goes too"
    );
}

#[test]
fn a_migration_that_does_not_verify_keeps_the_copy_as_it_was_before() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let conn = first_version(dir.path());
        // A hearing whose case is gone (foreign keys were off): the updated
        // database fails foreign_key_check, so the copy is what is left to
        // fall back on.
        conn.pragma_update(None, "foreign_keys", "OFF")
            .expect("keys off");
        conn.execute(
            "INSERT INTO hearings (id, case_id, date, court, kind, mode)
             VALUES ('h', 'no-such-case', '2026-01-01', 'x', 'master', 'unknown')",
            [],
        )
        .expect("a dangling hearing");
    }
    Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("migrate");
    let kept = copies(dir.path());
    assert_eq!(kept.len(), 1, "{kept:?}");
    let copy =
        amparo_core::raw_connection_for_tests(&kept[0], &amparo_core::Keys::fixed_for_tests())
            .expect("open copy");
    let version: i64 = copy
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(
        version, 1,
        "the copy is the database as it was before migrating"
    );
    let name: String = copy
        .query_row("SELECT record_name FROM cases", [], |r| r.get(0))
        .expect("case in the copy");
    assert_eq!(name, "Ana Torres");
}

#[test]
fn copies_an_earlier_version_left_are_removed_when_the_database_verifies() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("create"));
    let backups = dir.path().join("backups");
    fs::create_dir_all(&backups).expect("backups");
    fs::copy(
        dir.path().join(DATABASE_FILE),
        backups.join("amparo-schema-3-1700000000.sqlite3"),
    )
    .expect("an old copy");
    fs::write(backups.join("mine.txt"), "not Amparo's").expect("someone's file");

    drop(Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("reopen"));
    assert_eq!(copies(dir.path()), Vec::<PathBuf>::new());
    assert!(
        backups.join("mine.txt").exists(),
        "only Amparo's copies are removed"
    );
}
