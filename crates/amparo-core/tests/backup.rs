//! Backups restore exactly what was saved, and a damaged backup is refused
//! before anything is replaced.

use std::fs;

use amparo_core::{CaseDraft, DATABASE_FILE, Error, Store, restore_backup};

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
