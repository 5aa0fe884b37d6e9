//! The store as a user relies on it: what is saved comes back after a
//! restart, a bad or failed save changes nothing, damaged or newer files are
//! never overwritten, and the data folder is private.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use amparo_core::{
    CaseDraft, CustodyStatus, DATABASE_FILE, Error, FieldProblem, Hearing, RememberedDate,
    SCHEMA_VERSION, Store,
};

fn draft(name: &str) -> CaseDraft {
    let mut d = CaseDraft::default();
    d.person.record_name = name.into();
    d
}

fn full_draft() -> CaseDraft {
    let mut d = draft("Jesús Alberto Rivas Moreno");
    d.person.used_name = "Jesús".into();
    d.person.a_number = "12345678".into();
    d.person.birth_date = Some(RememberedDate::month(1994, 8).about());
    d.person.languages = vec!["Spanish".into(), "K'iche'".into()];
    d.person.needs_interpreter = true;
    d.custody.status = CustodyStatus::Detained;
    d.custody.facility = "Otay Mesa Detention Center".into();
    d.custody.detained_since = Some(RememberedDate::day(2025, 8, 29));
    d.hearings.push(Hearing {
        date: "2027-03-17".into(),
        time: "08:30".into(),
        court: "Otay Mesa Immigration Court".into(),
        ..Hearing::default()
    });
    d.notes = "Text with #, $, ], <script>alert(1)</script> and \"quotes\"".into();
    d
}

#[test]
fn a_case_survives_closing_and_reopening_the_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = {
        let mut store =
            Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
        store.create_case(&full_draft()).expect("create").id
    };
    let store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("reopen");
    let case = store.case(&id).expect("read back");
    let mut expected = full_draft();
    expected.person.a_number = "A-012-345-678".into();
    expected.hearings[0].id = case.hearings[0].id.clone();
    assert_eq!(
        case.to_draft(),
        expected,
        "every field must come back as saved"
    );
}

#[test]
fn an_invalid_draft_saves_nothing_and_names_the_field() {
    let mut store = Store::open_in_memory().expect("open");
    let mut bad = full_draft();
    bad.person.a_number = "A-123".into();
    match store.create_case(&bad) {
        Err(Error::Invalid(fields)) => {
            assert_eq!(fields.len(), 1);
            assert_eq!(fields[0].field, "person.aNumber");
            assert_eq!(fields[0].problem, FieldProblem::ANumberFormat);
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert!(
        store.list_cases("").expect("list").is_empty(),
        "nothing half-saved"
    );
}

#[test]
fn a_save_that_fails_halfway_leaves_the_stored_case_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
    let before = store.create_case(&full_draft()).expect("create");

    // Inject a failure after the case row has been updated: inserting a
    // hearing at a court named FAIL aborts inside the save's transaction.
    let side = amparo_core::raw_connection_for_tests(
        &dir.path().join(DATABASE_FILE),
        &amparo_core::Keys::fixed_for_tests(),
    )
    .expect("side door");
    side.execute_batch(
        "CREATE TRIGGER fail_halfway BEFORE INSERT ON hearings WHEN NEW.court = 'FAIL'
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
    )
    .expect("trigger");
    drop(side);

    let mut edit = before.to_draft();
    edit.person.record_name = "Changed Name".into();
    edit.notes = "changed notes".into();
    edit.hearings.push(Hearing {
        date: "2027-04-01".into(),
        court: "FAIL".into(),
        ..Hearing::default()
    });
    let result = store.update_case(&before.id, &edit);
    assert!(matches!(result, Err(Error::Sqlite(_))), "{result:?}");

    let after = store.case(&before.id).expect("read");
    assert_eq!(after, before, "the failed save must not change any field");
}

#[test]
fn a_new_data_folder_gets_the_whole_schema_and_private_permissions() {
    let parent = tempfile::tempdir().expect("temp dir");
    let dir = parent.path().join("data");
    let mut store = Store::open(&dir, &amparo_core::Keys::fixed_for_tests()).expect("open");
    store
        .create_case(&draft("Ana"))
        .expect("a write creates the WAL");
    let mode =
        |p: &std::path::Path| fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700, "data folder");
    assert_eq!(mode(&dir.join(DATABASE_FILE)), 0o600, "database");
    let wal = dir.join(format!("{DATABASE_FILE}-wal"));
    assert!(wal.exists(), "WAL mode");
    assert_eq!(mode(&wal), 0o600, "WAL file");
    let conn = amparo_core::raw_connection_for_tests(
        &dir.join(DATABASE_FILE),
        &amparo_core::Keys::fixed_for_tests(),
    )
    .expect("open raw");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn an_empty_database_file_is_migrated_from_scratch() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join(DATABASE_FILE), b"").expect("empty file");
    let mut store =
        Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("open an empty file");
    store
        .create_case(&draft("Ana"))
        .expect("the schema is there");
    assert!(
        !dir.path().join("backups").exists(),
        "an empty file has nothing to back up"
    );
}

#[test]
fn an_existing_folder_is_made_private() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
    let mode = fs::metadata(dir.path()).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn a_damaged_database_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(DATABASE_FILE);
    let garbage = b"this is not a database, it is a photo of a cat".repeat(100);
    fs::write(&path, &garbage).expect("write");
    let result = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests());
    assert!(
        matches!(result, Err(Error::CorruptDatabase(_))),
        "{:?}",
        result.err()
    );
    assert_eq!(fs::read(&path).expect("read"), garbage, "never overwritten");

    // A real database with damaged pages is refused too.
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut store =
            Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
        for i in 0..200 {
            store
                .create_case(&draft(&format!("Person {i}")))
                .expect("create");
        }
    }
    let path = dir.path().join(DATABASE_FILE);
    let mut bytes = fs::read(&path).expect("read");
    let len = bytes.len();
    for b in &mut bytes[4096..len.min(4096 * 3)] {
        *b = 0xA5;
    }
    fs::write(&path, &bytes).expect("damage");
    let result = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests());
    assert!(
        matches!(result, Err(Error::CorruptDatabase(_))),
        "{:?}",
        result.err()
    );
    assert_eq!(fs::read(&path).expect("read"), bytes, "never overwritten");
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("create");
    let path = dir.path().join(DATABASE_FILE);
    {
        let conn =
            amparo_core::raw_connection_for_tests(&path, &amparo_core::Keys::fixed_for_tests())
                .expect("raw");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("bump");
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("delete mode");
    }
    let before = fs::read(&path).expect("read");
    match Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()) {
        Err(Error::NewerDatabase { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected NewerDatabase, got {:?}", other.err()),
    }
    assert_eq!(fs::read(&path).expect("read"), before);
}

#[test]
fn a_database_with_tables_is_copied_before_it_is_migrated() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let conn = amparo_core::raw_connection_for_tests(
            &dir.path().join(DATABASE_FILE),
            &amparo_core::Keys::fixed_for_tests(),
        )
        .expect("raw");
        conn.execute_batch(
            "CREATE TABLE earlier (note TEXT); INSERT INTO earlier VALUES ('keep me');",
        )
        .expect("seed");
    }
    Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("migrate");
    let backups: Vec<_> = fs::read_dir(dir.path().join("backups"))
        .expect("backups folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let copy =
        amparo_core::raw_connection_for_tests(&backups[0], &amparo_core::Keys::fixed_for_tests())
            .expect("open copy");
    let note: String = copy
        .query_row("SELECT note FROM earlier", [], |r| r.get(0))
        .expect("data in the copy");
    assert_eq!(note, "keep me");
}

#[test]
fn deleting_takes_the_name_and_can_be_undone() {
    let mut store = Store::open_in_memory().expect("open");
    let case = store.create_case(&draft("José Pérez")).expect("create");

    assert!(matches!(
        store.delete_case(&case.id, "Jose"),
        Err(Error::NameMismatch)
    ));
    assert_eq!(store.list_cases("").expect("list").len(), 1);

    store
        .delete_case(&case.id, "  jose   PEREZ ")
        .expect("typed without accents");
    assert!(store.list_cases("").expect("list").is_empty());
    assert_eq!(store.deleted_cases().expect("deleted")[0].id, case.id);

    let restored = store.restore_case(&case.id).expect("restore");
    assert_eq!(restored.deleted_at, None);
    assert_eq!(store.list_cases("").expect("list").len(), 1);
    assert!(store.deleted_cases().expect("deleted").is_empty());
}

#[test]
fn erasing_for_good_only_from_the_deleted_list() {
    let mut store = Store::open_in_memory().expect("open");
    let case = store.create_case(&full_draft()).expect("create");
    let name = case.person.record_name.clone();
    assert!(matches!(
        store.erase_case(&case.id, &name),
        Err(Error::NotDeleted)
    ));
    store.delete_case(&case.id, &name).expect("delete");
    store.erase_case(&case.id, &name).expect("erase");
    assert!(matches!(store.case(&case.id), Err(Error::NotFound(_))));
    assert!(store.deleted_cases().expect("deleted").is_empty());
}

#[test]
fn search_finds_names_without_accents_and_a_numbers_however_typed() {
    let mut store = Store::open_in_memory().expect("open");
    let mut jesus = full_draft();
    jesus.person.aliases = vec!["Chucho".into()];
    store.create_case(&jesus).expect("create");
    store
        .create_case(&draft("María Fernanda López"))
        .expect("create");

    let names = |q: &str| -> Vec<String> {
        store
            .list_cases(q)
            .expect("search")
            .into_iter()
            .map(|c| c.record_name)
            .collect()
    };
    assert_eq!(names("jesus rivas"), ["Jesús Alberto Rivas Moreno"]);
    assert_eq!(names("MARIA lopez"), ["María Fernanda López"]);
    assert_eq!(
        names("chucho"),
        ["Jesús Alberto Rivas Moreno"],
        "aliases count"
    );
    for typed in [
        "A012345678",
        "a-012-345-678",
        "12345678",
        "012 345 678",
        "345-678",
    ] {
        assert_eq!(
            names(typed),
            ["Jesús Alberto Rivas Moreno"],
            "typed {typed:?}"
        );
    }
    assert!(names("nobody").is_empty());
    assert_eq!(names("").len(), 2);
}

#[test]
fn a_hearing_keeps_its_id_across_edits() {
    let mut store = Store::open_in_memory().expect("open");
    let case = store.create_case(&full_draft()).expect("create");
    let id = case.hearings[0].id.clone();
    let mut edit = case.to_draft();
    edit.hearings[0].judge = "Judge Example".into();
    let after = store.update_case(&case.id, &edit).expect("update");
    assert_eq!(after.hearings[0].id, id);
    assert_eq!(after.hearings[0].judge, "Judge Example");
}

#[test]
fn the_example_case_is_added_once_and_marked() {
    let mut store = Store::open_in_memory().expect("open");
    let first = store.add_example_case().expect("example");
    let again = store.add_example_case().expect("example again");
    assert!(first.is_example);
    assert_eq!(first.id, again.id);
    assert!(first.notes.contains("EXAMPLE - FICTIONAL"));
    assert_eq!(store.list_cases("").expect("list").len(), 1);
}

#[test]
fn preferences_are_remembered() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut store =
            Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
        assert_eq!(store.preferences().expect("prefs").locale, None);
        store.set_locale("es").expect("locale");
        store.mark_notice_read().expect("notice");
    }
    let prefs = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests())
        .expect("reopen")
        .preferences()
        .expect("prefs");
    assert_eq!(prefs.locale.as_deref(), Some("es"));
    assert!(prefs.notice_read);
}

#[test]
fn the_idle_lock_keeps_one_of_its_choices_and_refuses_any_other() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
    assert_eq!(
        store.preferences().expect("prefs").lock_after_minutes,
        amparo_core::LOCK_AFTER_DEFAULT
    );
    assert_eq!(store.set_lock_after(5).expect("5").lock_after_minutes, 5);
    assert_eq!(
        store.set_lock_after(0).expect("never").lock_after_minutes,
        0
    );
    let Err(Error::Invalid(fields)) = store.set_lock_after(7) else {
        panic!("7 minutes accepted");
    };
    assert_eq!(fields[0].field, "lockAfterMinutes");
    drop(store);
    let store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("reopen");
    assert_eq!(store.preferences().expect("prefs").lock_after_minutes, 0);
}

#[test]
fn a_hearing_time_read_off_a_notice_on_a_12_hour_clock_is_kept_on_the_24_hour_one() {
    let mut store = Store::open_in_memory().expect("store");
    let mut d = draft("Jesús Alberto Rivas Moreno");
    d.hearings.push(Hearing {
        date: "2027-03-17".into(),
        time: " 1:30 p. m. ".into(),
        ..Hearing::default()
    });
    let case = store.create_case(&d).expect("saved");
    assert_eq!(case.hearings[0].time, "13:30");

    d.hearings[0].time = "13:30 pm".into();
    match store.create_case(&d) {
        Err(Error::Invalid(fields)) => {
            assert_eq!(fields[0].field, "hearings.0.time");
            assert_eq!(fields[0].problem, FieldProblem::TimeFormat);
        }
        other => panic!("expected the time refused, got {other:?}"),
    }
}
