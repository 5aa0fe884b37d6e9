//! The vault as an attacker holding the laptop's disk meets it: no case
//! text, photo byte or photo hash readable in any file; another key opens
//! nothing; and an older Amparo's plain data moves in whole, leaving no
//! plain copy behind.

use std::fs;
use std::path::Path;

use amparo_core::vault::{KdfCost, move_plain_data_in};
use amparo_core::{
    BlobStore, CaseDraft, DATABASE_FILE, DerivativeKind, Keys, SCHEMA_VERSION, Store, Vault,
};
use sha2::{Digest, Sha256};

const NAME_MARKER: &str = "Canaryname Zxqvw";
const NOTE_MARKER: &str = "notemarker-7f3a9c";

fn draft() -> CaseDraft {
    let mut d = CaseDraft::default();
    d.person.record_name = NAME_MARKER.into();
    d.person.a_number = "A 987654321".into();
    d.notes = NOTE_MARKER.into();
    d
}

fn photo() -> (Vec<u8>, String) {
    let bytes = format!("photo bytes with exifmarker-b41d {}", "x".repeat(200_000)).into_bytes();
    let sha = format!("{:x}", Sha256::digest(&bytes));
    (bytes, sha)
}

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in fs::read_dir(&d).expect("dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push((path.display().to_string(), fs::read(&path).expect("read")));
            }
        }
    }
    out
}

fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// Panics naming the file where any marker shows, as UTF-8 or UTF-16.
fn assert_nothing_readable(dir: &Path, markers: &[&str]) {
    for (path, bytes) in files(dir) {
        for marker in markers {
            for needle in [marker.as_bytes().to_vec(), utf16(marker)] {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle.as_slice()),
                    "{marker:?} readable in {path}"
                );
            }
            assert!(!path.contains(marker), "{marker:?} in the name {path}");
        }
    }
}

#[test]
fn nothing_in_the_data_folder_reads_without_the_key() {
    let dir = tempfile::tempdir().expect("dir");
    let (vault, _) = Vault::create_with_cost(dir.path(), "corona de mamá", KdfCost::WEAK_FOR_TESTS)
        .expect("vault");
    let (bytes, sha) = photo();
    {
        let mut store = Store::open(dir.path(), vault.keys()).expect("store");
        store.create_case(&draft()).expect("case");
        let blobs = BlobStore::open(dir.path(), vault.keys()).expect("blobs");
        blobs.put_original(&sha, &bytes).expect("original");
        blobs
            .put_derivative(&sha, DerivativeKind::Thumb, b"thumb exifmarker-b41d")
            .expect("thumb");
        assert_eq!(blobs.read_original(&sha).expect("read"), bytes);
    }
    assert_nothing_readable(
        dir.path(),
        &[
            NAME_MARKER,
            NOTE_MARKER,
            "exifmarker-b41d",
            &sha,
            "987654321",
        ],
    );

    let other = Keys::from_master(&[3; 32]);
    let err = Store::open(dir.path(), &other)
        .err()
        .expect("another key opens nothing");
    assert_eq!(err.code(), "corruptDatabase");
    let err = BlobStore::open(dir.path(), &other)
        .expect("folder")
        .read_original(&sha)
        .expect_err("another key");
    assert_eq!(
        err.code(),
        "notFound",
        "the photo's name depends on the key"
    );
    // The same case opens again after a restart with the passphrase.
    let again = Vault::unlock(dir.path(), "corona de mamá").expect("unlock");
    let store = Store::open(dir.path(), again.keys()).expect("reopen");
    assert_eq!(
        store.list_cases("").expect("list")[0].record_name,
        NAME_MARKER
    );
}

#[test]
fn a_sealed_photo_that_was_altered_is_refused_not_shown() {
    let dir = tempfile::tempdir().expect("dir");
    let keys = Keys::fixed_for_tests();
    let (bytes, sha) = photo();
    let blobs = BlobStore::open(dir.path(), &keys).expect("blobs");
    blobs.put_original(&sha, &bytes).expect("original");
    let (path, mut sealed) = files(dir.path()).into_iter().next().expect("one file");
    let middle = sealed.len() / 2;
    sealed[middle] ^= 0x40;
    fs::write(&path, sealed).expect("alter");
    assert_eq!(
        blobs.read_original(&sha).expect_err("altered").code(),
        "damagedFile"
    );
}

/// A data folder as the previous version left it: a plain database with
/// one case (exported from an encrypted one, schema and all), and a plain
/// original and thumbnail under their hashes.
fn plain_folder(dir: &Path) -> (Vec<u8>, String) {
    let scratch = tempfile::tempdir().expect("scratch");
    let keys = Keys::fixed_for_tests();
    Store::open(scratch.path(), &keys)
        .expect("store")
        .create_case(&draft())
        .expect("case");
    let conn = amparo_core::raw_connection_for_tests(&scratch.path().join(DATABASE_FILE), &keys)
        .expect("raw");
    let plain = dir.join(DATABASE_FILE);
    conn.execute_batch(&format!(
        "ATTACH DATABASE '{}' AS plain KEY ''; SELECT sqlcipher_export('plain'); PRAGMA plain.user_version = {SCHEMA_VERSION}; DETACH DATABASE plain;",
        plain.display()
    ))
    .expect("export plain");
    let (bytes, sha) = photo();
    let original = dir.join("blobs/originals").join(&sha[..2]).join(&sha);
    let thumb = dir
        .join("blobs/derived/thumb")
        .join(&sha[..2])
        .join(format!("{sha}.jpg"));
    for (path, content) in [
        (&original, bytes.as_slice()),
        (&thumb, b"thumb exifmarker-b41d".as_slice()),
    ] {
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, content).expect("write");
    }
    fs::create_dir_all(dir.join("backups")).expect("backups");
    fs::copy(
        &plain,
        dir.join("backups/amparo-schema-7-1764000000.sqlite3"),
    )
    .expect("old copy");
    (bytes, sha)
}

#[test]
fn an_older_versions_plain_data_moves_in_whole_and_no_plain_copy_stays() {
    let dir = tempfile::tempdir().expect("dir");
    let (bytes, sha) = plain_folder(dir.path());
    let err = Store::open(dir.path(), &Keys::fixed_for_tests())
        .err()
        .expect("plain refused");
    assert_eq!(err.code(), "corruptDatabase");
    let (vault, _) =
        Vault::create_with_cost(dir.path(), "reyes magos 2019", KdfCost::WEAK_FOR_TESTS)
            .expect("vault");
    let moved = move_plain_data_in(&vault).expect("move in");
    assert_eq!((moved.cases, moved.files), (1, 2));
    let store = Store::open(dir.path(), vault.keys()).expect("open");
    assert_eq!(
        store.list_cases("").expect("list")[0].record_name,
        NAME_MARKER
    );
    let blobs = BlobStore::open(dir.path(), vault.keys()).expect("blobs");
    assert_eq!(blobs.read_original(&sha).expect("original"), bytes);
    assert_eq!(
        blobs
            .read_derivative(&sha, DerivativeKind::Thumb)
            .expect("thumb"),
        b"thumb exifmarker-b41d"
    );
    drop(store);
    assert_nothing_readable(
        dir.path(),
        &[NAME_MARKER, NOTE_MARKER, "exifmarker-b41d", &sha],
    );
    assert!(!dir.path().join("blobs/originals").exists());
    // A second unlock finds nothing left to move and changes nothing.
    assert_eq!(
        move_plain_data_in(&vault).expect("again"),
        Default::default()
    );
}
