//! Backups restore exactly what was saved, and a damaged or changed backup
//! (a checksum, an extra trigger or view, a photo that is not what its name
//! says, a link, a file not in its list) is refused, naming the problem,
//! before anything in the data folder changes.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use amparo_core::{
    BlobStore, CaseDraft, DATABASE_FILE, DerivativeKind, Error, Store, restore_backup,
};
use sha2::{Digest, Sha256};

fn draft(name: &str) -> CaseDraft {
    let mut d = CaseDraft::default();
    d.person.record_name = name.into();
    d
}

#[test]
fn restore_brings_back_the_backup_and_keeps_what_it_replaced() {
    let data = tempfile::tempdir().expect("data");
    let carry = tempfile::tempdir().expect("usb stick");
    let folder = carry.path().join("amparo-backup");

    let kept = {
        let mut store =
            Store::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
        let kept = store.create_case(&draft("Before backup")).expect("create");
        let summary = store.backup_to(&folder).expect("backup");
        assert!(summary.files >= 1 && summary.bytes > 0);
        store
            .create_case(&draft("After backup"))
            .expect("create later");
        kept
    };
    let sums = fs::read_to_string(folder.join("SHA256SUMS")).expect("sums");
    assert!(sums.contains(&format!("  {DATABASE_FILE}\n")), "{sums}");

    let replaced = restore_backup(data.path(), &folder, &amparo_core::Keys::fixed_for_tests())
        .expect("restore")
        .expect("there was data to move aside");
    let store = Store::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("reopen");
    let names: Vec<_> = store
        .list_cases("")
        .expect("list")
        .into_iter()
        .map(|c| c.record_name)
        .collect();
    assert_eq!(names, ["Before backup"]);
    assert_eq!(
        store.case(&kept.id).expect("case").person.record_name,
        "Before backup"
    );

    let old = Store::open(&replaced, &amparo_core::Keys::fixed_for_tests())
        .expect("the replaced data is still readable");
    assert_eq!(
        old.list_cases("").expect("list").len(),
        2,
        "nothing lost by restoring"
    );
}

#[test]
fn a_backup_refuses_a_folder_that_has_files() {
    let store = Store::open_in_memory().expect("open");
    let dest = tempfile::tempdir().expect("dest");
    fs::write(dest.path().join("something.txt"), "mine").expect("write");
    assert!(matches!(
        store.backup_to(dest.path()),
        Err(Error::DestinationNotEmpty(_))
    ));
}

#[test]
fn a_tampered_backup_is_refused_and_the_data_stays() {
    let data = tempfile::tempdir().expect("data");
    let carry = tempfile::tempdir().expect("usb");
    let folder = carry.path().join("b");
    {
        let mut store =
            Store::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
        store.create_case(&draft("Original")).expect("create");
        store.backup_to(&folder).expect("backup");
    }
    let mut bytes = fs::read(folder.join(DATABASE_FILE)).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 0xFF;
    fs::write(folder.join(DATABASE_FILE), bytes).expect("tamper");

    assert!(matches!(
        restore_backup(data.path(), &folder, &amparo_core::Keys::fixed_for_tests()),
        Err(Error::BadBackup(_))
    ));
    let store = Store::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("reopen");
    assert_eq!(
        store.list_cases("").expect("list")[0].record_name,
        "Original"
    );
    assert!(!data.path().join("replaced").exists(), "nothing was moved");
}

/// A data folder with one case and one stored photo, and its backup.
struct Fixture {
    data: tempfile::TempDir,
    _carry: tempfile::TempDir,
    folder: std::path::PathBuf,
    photo: String,
}

fn fixture() -> Fixture {
    let data = tempfile::tempdir().expect("data");
    let carry = tempfile::tempdir().expect("usb");
    let folder = carry.path().join("b");
    let bytes = b"\xff\xd8 a photo \xff\xd9";
    let photo = format!("{:x}", Sha256::digest(bytes));
    {
        let mut store =
            Store::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
        let case = store.create_case(&draft("Original")).expect("create");
        let blobs =
            BlobStore::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("blobs");
        blobs.put_original(&photo, bytes).expect("photo");
        store
            .add_photo(
                &case.id,
                &amparo_core::NewPhoto {
                    sha256: photo.clone(),
                    file_name: "wrist.jpg".into(),
                    format: amparo_core::PhotoFormat::Jpeg,
                    width: 4,
                    height: 3,
                    byte_size: bytes.len() as u64,
                    exif: amparo_core::PhotoExif::default(),
                    damaged: false,
                },
            )
            .expect("photo row");
        blobs
            .put_derivative(&photo, DerivativeKind::Thumb, b"thumb")
            .expect("thumb");
        store.backup_to(&folder).expect("backup");
    }
    Fixture {
        data,
        _carry: carry,
        folder,
        photo,
    }
}

/// Every file under `dir` (links as their target's path) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).expect("folder") {
            let path = entry.expect("entry").path();
            let kind = fs::symlink_metadata(&path).expect("meta").file_type();
            let name = path.display().to_string();
            if kind.is_symlink() {
                out.insert(
                    name,
                    fs::read_link(&path)
                        .expect("link")
                        .into_os_string()
                        .into_encoded_bytes(),
                );
            } else if kind.is_dir() {
                pending.push(path);
            } else {
                out.insert(name, fs::read(&path).expect("read"));
            }
        }
    }
    out
}

/// Writes `SHA256SUMS` again for the regular files in `folder`, as someone
/// who changed a backup would.
fn rewrite_sums(folder: &Path) {
    let mut lines = Vec::new();
    for (path, bytes) in snapshot(folder) {
        let relative = path
            .strip_prefix(&format!("{}/", folder.display()))
            .expect("inside")
            .to_owned();
        if relative == "SHA256SUMS"
            || fs::symlink_metadata(folder.join(&relative))
                .expect("meta")
                .file_type()
                .is_symlink()
        {
            continue;
        }
        lines.push(format!("{:x}  {relative}\n", Sha256::digest(&bytes)));
    }
    fs::write(folder.join("SHA256SUMS"), lines.concat()).expect("sums");
}

/// Restores `f`'s backup, expecting a refusal, and checks that nothing in
/// the data folder changed.
fn refused(f: &Fixture) -> Error {
    let before = snapshot(f.data.path());
    let err = restore_backup(
        f.data.path(),
        &f.folder,
        &amparo_core::Keys::fixed_for_tests(),
    )
    .expect_err("refused");
    assert_eq!(snapshot(f.data.path()), before, "the data folder changed");
    let store = Store::open(f.data.path(), &amparo_core::Keys::fixed_for_tests()).expect("reopen");
    assert_eq!(
        store.list_cases("").expect("list")[0].record_name,
        "Original"
    );
    err
}

fn change_database(f: &Fixture, sql: &str) {
    let conn = amparo_core::raw_connection_for_tests(
        &f.folder.join(DATABASE_FILE),
        &amparo_core::Keys::fixed_for_tests(),
    )
    .expect("open backup");
    conn.execute_batch(sql).expect("change");
    drop(conn);
    rewrite_sums(&f.folder);
}

#[test]
fn a_backup_whose_database_has_an_extra_trigger_is_refused_naming_it() {
    let f = fixture();
    change_database(
        &f,
        "CREATE TRIGGER quietly_change AFTER UPDATE ON paragraphs
         BEGIN UPDATE paragraphs SET english = 'changed' WHERE id = NEW.id; END;",
    );
    let err = refused(&f);
    assert!(matches!(err, Error::BackupSchema(_)), "{err:?}");
    assert_eq!(err.code(), "backupSchema");
    assert!(
        err.to_string()
            .contains("has a trigger Amparo does not make: quietly_change"),
        "{err}"
    );
}

#[test]
fn a_backup_whose_database_has_an_extra_view_or_lacks_a_table_is_refused() {
    let f = fixture();
    change_database(&f, "CREATE VIEW everyone AS SELECT record_name FROM cases;");
    let err = refused(&f);
    assert!(
        err.to_string()
            .contains("has a view Amparo does not make: everyone"),
        "{err}"
    );

    let f = fixture();
    change_database(&f, "DROP TABLE due_dates;");
    let err = refused(&f);
    assert!(matches!(err, Error::BackupSchema(_)), "{err:?}");
    assert!(
        err.to_string().contains("lacks the table due_dates"),
        "{err}"
    );

    let f = fixture();
    change_database(
        &f,
        "DROP TRIGGER cases_search_delete;
         CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN SELECT 1; END;",
    );
    let err = refused(&f);
    assert!(
        err.to_string()
            .contains("has a trigger cases_search_delete that is not the one Amparo makes"),
        "{err}"
    );

    let f = fixture();
    change_database(&f, "DROP TRIGGER cases_search_delete;");
    let err = refused(&f);
    assert!(
        err.to_string()
            .contains("lacks the trigger cases_search_delete"),
        "{err}"
    );
}

#[test]
fn a_backup_whose_photo_does_not_match_its_name_is_refused() {
    let f = fixture();
    let path = BlobStore::open(&f.folder, &amparo_core::Keys::fixed_for_tests())
        .expect("backup blobs")
        .original_file_for_tests(&f.photo)
        .expect("sealed file");
    assert!(
        path.is_file(),
        "the backup keeps the photo at {}",
        path.display()
    );
    fs::write(&path, b"another photo altogether").expect("swap the photo");
    rewrite_sums(&f.folder);
    let err = refused(&f);
    assert!(
        matches!(&err, Error::BackupBlobMismatch(h) if *h == f.photo),
        "{err:?}"
    );
    assert_eq!(err.code(), "backupBlobMismatch");
}

#[test]
fn a_backup_holding_a_link_is_refused() {
    let f = fixture();
    let sealed = BlobStore::open(&f.folder, &amparo_core::Keys::fixed_for_tests())
        .expect("backup blobs")
        .original_file_for_tests(&f.photo)
        .expect("sealed file");
    let folder = sealed.parent().expect("bucket").to_path_buf();
    let outside = f.data.path().join(DATABASE_FILE);
    std::os::unix::fs::symlink(&outside, folder.join("a".repeat(64))).expect("link");
    let err = refused(&f);
    assert!(matches!(err, Error::BackupLink(_)), "{err:?}");
    assert_eq!(err.code(), "backupLink");

    // Listed, and even a link to a folder, it is refused all the same.
    let f = fixture();
    std::os::unix::fs::symlink("/etc", f.folder.join("blobs/sealed/ee")).expect("link");
    let err = refused(&f);
    assert!(
        matches!(err, Error::BackupLink(ref p) if p == "blobs/sealed/ee"),
        "{err:?}"
    );
}

#[test]
fn a_backup_holding_a_file_not_in_its_list_is_refused() {
    let f = fixture();
    let stray = format!("blobs/sealed/bb/{}", "b".repeat(64));
    fs::create_dir_all(f.folder.join("blobs/sealed/bb")).expect("bucket");
    fs::write(f.folder.join(&stray), b"not listed").expect("stray");
    let err = refused(&f);
    assert!(
        matches!(&err, Error::BackupUnlisted(p) if *p == stray),
        "{err:?}"
    );
    assert_eq!(err.code(), "backupUnlisted");

    // Listed, but not a file Amparo writes.
    let f = fixture();
    fs::write(f.folder.join("run-me.sh"), b"#!/bin/sh").expect("extra");
    rewrite_sums(&f.folder);
    let err = refused(&f);
    assert!(matches!(err, Error::BadBackup(_)), "{err:?}");
}

#[test]
fn only_the_latest_replaced_data_is_kept_and_it_can_be_seen_and_deleted() {
    let f = fixture();
    let stale = f.data.path().join(".restoring-cut-short");
    fs::create_dir_all(&stale).expect("a restore cut short");
    fs::write(stale.join(DATABASE_FILE), b"a backup's data").expect("stale copy");
    let first = restore_backup(
        f.data.path(),
        &f.folder,
        &amparo_core::Keys::fixed_for_tests(),
    )
    .expect("restore")
    .expect("replaced");
    let second = restore_backup(
        f.data.path(),
        &f.folder,
        &amparo_core::Keys::fixed_for_tests(),
    )
    .expect("restore again")
    .expect("replaced");
    assert_ne!(first, second);
    assert!(!stale.exists(), "what a restore cut short left is removed");
    assert!(!first.exists(), "the older replaced data is removed");
    let kept: Vec<_> = fs::read_dir(f.data.path().join("replaced"))
        .expect("replaced")
        .collect();
    assert_eq!(kept.len(), 1);

    let store = Store::open(f.data.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
    let shown = store.replaced_data().expect("seen").expect("kept");
    assert_eq!(shown.folder, second.display().to_string());
    assert!(shown.bytes > 0);
    assert!(store.delete_replaced_data().expect("delete"));
    assert!(!f.data.path().join("replaced").exists());
    assert!(store.replaced_data().expect("seen").is_none());
    assert!(!store.delete_replaced_data().expect("nothing left"));
    // The restored data itself is whole: its photo is still there.
    let blobs =
        BlobStore::open(f.data.path(), &amparo_core::Keys::fixed_for_tests()).expect("blobs");
    assert!(blobs.read_original(&f.photo).is_ok());
}

#[test]
fn a_restore_into_an_empty_folder_keeps_the_data_an_earlier_restore_replaced() {
    let f = fixture();
    let kept = restore_backup(
        f.data.path(),
        &f.folder,
        &amparo_core::Keys::fixed_for_tests(),
    )
    .expect("restore")
    .expect("replaced");
    for name in [DATABASE_FILE, "blobs"] {
        let path = f.data.path().join(name);
        if path.is_dir() {
            fs::remove_dir_all(&path).expect("gone");
        } else {
            fs::remove_file(&path).expect("gone");
        }
    }
    assert_eq!(
        restore_backup(
            f.data.path(),
            &f.folder,
            &amparo_core::Keys::fixed_for_tests()
        )
        .expect("restore again"),
        None,
        "nothing to replace"
    );
    assert!(kept.exists(), "the only replaced data is still the latest");
}
