//! "Erase for good" erases: once a case is erased, no file in the data
//! folder (the database, its write-ahead log and shared memory, the stored
//! photos and their copies, copies kept from a schema update) holds any of
//! its text or its photos' bytes, while another case's data stays whole.
//!
//! Everything is encrypted, so a raw scan would find nothing either way: the
//! scan here reads as someone who later learns the password would, through
//! the key: each database (and copy) exported whole to plain text, its
//! search index included, and every stored file opened.

use std::fs;
use std::path::{Path, PathBuf};

use amparo_core::{
    BlobStore, CaseDraft, DATABASE_FILE, DeclarantDraft, DerivativeKind, NewPhoto, PacketSignature,
    Paragraph, PhotoDetails, PhotoExif, PhotoFormat, SignedPageScan, StatementDraft, Store,
};
use sha2::{Digest, Sha256};

/// Every file under `dir`, at any depth.
fn every_file(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).expect("read folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// What a file under `dir` reads as with the key: a database (or a copy
/// of one) exported whole to a plain database, a sealed file opened, any
/// other file as it is.
fn readable(dir: &Path, path: &Path) -> Vec<u8> {
    let keys = amparo_core::Keys::fixed_for_tests();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name == DATABASE_FILE || name.ends_with(".sqlite3") {
        let plain = tempfile::tempdir().expect("scratch");
        let out = plain.path().join("plain.sqlite3");
        let conn = amparo_core::raw_connection_for_tests(path, &keys).expect("open with the key");
        conn.execute_batch(&format!(
            "ATTACH DATABASE '{}' AS plain KEY ''; SELECT sqlcipher_export('plain'); DETACH DATABASE plain;",
            out.display()
        ))
        .expect("export");
        return fs::read(out).expect("plain copy");
    }
    if path.starts_with(dir.join("blobs/sealed")) {
        // The sealed files of every photo either case had, opened.
        let blobs = BlobStore::open(dir, &keys).expect("blobs");
        for hash in known_hashes() {
            if blobs.original_file_for_tests(&hash).ok().as_deref() == Some(path) {
                return blobs.read_original(&hash).unwrap_or_default();
            }
        }
        return fs::read(path).expect("read file");
    }
    fs::read(path).expect("read file")
}

/// The photos these tests keep, by hash.
fn known_hashes() -> Vec<String> {
    [
        b"\xff\xd8 zqxphotobytescanary \xff\xd9".as_slice(),
        b"\xff\xd8 zqxkeptphotocanary \xff\xd9".as_slice(),
        b"zqxpacketscancanary".as_slice(),
    ]
    .iter()
    .map(|b| sha256(b))
    .collect()
}

/// The files under `dir` that hold `marker` in UTF-8 or UTF-16LE, read
/// through the key.
fn files_holding(dir: &Path, marker: &str) -> Vec<PathBuf> {
    let utf8 = marker.as_bytes().to_vec();
    let utf16: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
    every_file(dir)
        .into_iter()
        .filter(|path| {
            !path.to_string_lossy().ends_with("-shm") && !path.to_string_lossy().ends_with("-wal")
        })
        .filter(|path| {
            let bytes = readable(dir, path);
            [&utf8, &utf16]
                .iter()
                .any(|needle| bytes.windows(needle.len()).any(|w| w == needle.as_slice()))
        })
        .collect()
}

fn sha256(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn case(store: &mut Store, name: &str) -> String {
    let mut d = CaseDraft::default();
    d.person.record_name = name.into();
    d.notes = format!("{name} notes");
    store.create_case(&d).expect("case").id
}

/// Keeps `bytes` as a photo of the case (original and its copies, whose
/// bytes also carry the marker), captioned `caption`.
fn photo(store: &mut Store, blobs: &BlobStore, case_id: &str, bytes: &[u8], caption: &str) {
    let hash = sha256(bytes);
    blobs.put_original(&hash, bytes).expect("original");
    for kind in [
        DerivativeKind::Thumb,
        DerivativeKind::Print,
        DerivativeKind::Page,
    ] {
        let mut copy = bytes.to_vec();
        copy.extend_from_slice(kind.as_str().as_bytes());
        blobs.put_derivative(&hash, kind, &copy).expect("copy");
    }
    let added = store
        .add_photo(
            case_id,
            &NewPhoto {
                sha256: hash,
                file_name: format!("{caption}.jpg"),
                format: PhotoFormat::Jpeg,
                width: 400,
                height: 300,
                byte_size: bytes.len() as u64,
                exif: PhotoExif {
                    orientation: 1,
                    ..PhotoExif::default()
                },
                damaged: false,
            },
        )
        .expect("photo");
    let details = PhotoDetails {
        caption: caption.into(),
        ..PhotoDetails::default()
    };
    store
        .update_photo_details(&added.photo.id, &details)
        .expect("caption");
}

/// A declarant and a statement whose paragraph says `text`, after first
/// saying `earlier` (an edit leaves the old words in the search index's
/// history).
fn statement(store: &mut Store, case_id: &str, earlier: &str, text: &str) {
    let declarant = store
        .create_declarant(
            case_id,
            &DeclarantDraft {
                full_name: "María Chacón".into(),
                ..DeclarantDraft::default()
            },
        )
        .expect("declarant")
        .id;
    let draft = |said: &str| StatementDraft {
        declarant_id: declarant.clone(),
        title: "Declaration".into(),
        language: "es".into(),
        paragraphs: vec![Paragraph {
            original: said.into(),
            english: format!("In English: {said}"),
            exhibits: vec![],
        }],
        ..StatementDraft::default()
    };
    let id = store
        .create_statement(case_id, &draft(earlier))
        .expect("statement")
        .id;
    store.update_statement(&id, &draft(text)).expect("edit");
}

fn erase(store: &mut Store, id: &str, name: &str) {
    store.delete_case(id, name).expect("delete");
    store.erase_case(id, name).expect("erase");
}

const GONE: [&str; 6] = [
    "zqxnamecanary",
    "zqxparagraphcanary",
    "zqxearliercanary",
    "zqxphotobytescanary",
    "zqxcaptioncanary",
    "zqxnotescanary",
];

#[test]
fn an_erased_case_leaves_no_trace_in_any_file_and_the_other_case_stays() {
    let data = tempfile::tempdir().expect("data");
    let dir = data.path();
    let mut store = Store::open(dir, &amparo_core::Keys::fixed_for_tests()).expect("open");
    let blobs = BlobStore::open(dir, &amparo_core::Keys::fixed_for_tests()).expect("blobs");

    let mut draft = CaseDraft::default();
    draft.person.record_name = "zqxnamecanary Rivas".into();
    draft.notes = "zqxnotescanary".into();
    let erased = store.create_case(&draft).expect("case").id;
    statement(
        &mut store,
        &erased,
        "Antes decía zqxearliercanary",
        "Vivo con zqxparagraphcanary en Capacho",
    );
    photo(
        &mut store,
        &blobs,
        &erased,
        b"\xff\xd8 zqxphotobytescanary \xff\xd9",
        "zqxcaptioncanary",
    );

    let kept = case(&mut store, "zqxkeptnamecanary Torres");
    statement(
        &mut store,
        &kept,
        "zqxkeptearlier",
        "Sigo aquí zqxkeptparagraphcanary",
    );
    photo(
        &mut store,
        &blobs,
        &kept,
        b"\xff\xd8 zqxkeptphotocanary \xff\xd9",
        "zqxkeptcaptioncanary",
    );

    // A copy of the database left from a schema update (one that did not
    // verify is kept) holds the case too.
    fs::create_dir_all(dir.join("backups")).expect("backups");
    store.backup_to(&dir.join("made-here")).expect("copy");
    fs::rename(
        dir.join("made-here").join(DATABASE_FILE),
        dir.join("backups/amparo-schema-7-1700000000.sqlite3"),
    )
    .expect("plant a migration copy");
    fs::remove_dir_all(dir.join("made-here")).expect("tidy");
    for marker in GONE {
        if marker == "zqxearliercanary" {
            // An edit's earlier text is overwritten when it is replaced.
            assert_eq!(files_holding(dir, marker), Vec::<PathBuf>::new());
            continue;
        }
        assert!(
            !files_holding(dir, marker).is_empty(),
            "the scan finds {marker} before the erase"
        );
    }

    erase(&mut store, &erased, "zqxnamecanary Rivas");

    // With the store still open, as the window keeps it …
    for marker in GONE {
        assert_eq!(
            files_holding(dir, marker),
            Vec::<PathBuf>::new(),
            "{marker} is still on disk"
        );
    }
    // … and after it is closed.
    drop(store);
    for marker in GONE {
        assert_eq!(
            files_holding(dir, marker),
            Vec::<PathBuf>::new(),
            "{marker}"
        );
    }

    let store = Store::open(dir, &amparo_core::Keys::fixed_for_tests()).expect("reopen");
    assert_eq!(store.list_cases("").expect("list")[0].id, kept);
    assert_eq!(
        store
            .search("zqxkeptparagraphcanary", 10)
            .expect("search")
            .hits
            .len(),
        1,
        "the other case is still found"
    );
    for marker in [
        "zqxkeptnamecanary",
        "zqxkeptparagraphcanary",
        "zqxkeptphotocanary",
    ] {
        assert!(
            !files_holding(dir, marker).is_empty(),
            "the other case's {marker} stays"
        );
    }
    let hash = sha256(b"\xff\xd8 zqxkeptphotocanary \xff\xd9");
    assert!(blobs.read_original(&hash).is_ok());
    assert!(blobs.read_derivative(&hash, DerivativeKind::Thumb).is_ok());
}

#[test]
fn a_photo_another_case_also_has_stays_until_the_last_case_naming_it_is_erased() {
    let data = tempfile::tempdir().expect("data");
    let mut store = Store::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
    let blobs = BlobStore::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("blobs");
    let shared = b"\xff\xd8 the same family photo in two cases \xff\xd9";
    let hash = sha256(shared);
    let first = case(&mut store, "Ana Torres");
    let second = case(&mut store, "Luis Torres");
    photo(&mut store, &blobs, &first, shared, "Ana at home");
    photo(&mut store, &blobs, &second, shared, "Luis at home");
    let only_first = b"\xff\xd8 only Ana's \xff\xd9";
    photo(&mut store, &blobs, &first, only_first, "Ana alone");

    erase(&mut store, &first, "Ana Torres");
    assert!(blobs.read_original(&hash).is_ok(), "Luis's case names it");
    for kind in [
        DerivativeKind::Thumb,
        DerivativeKind::Print,
        DerivativeKind::Page,
    ] {
        assert!(blobs.read_derivative(&hash, kind).is_ok(), "{kind:?}");
    }
    let own = sha256(only_first);
    assert!(
        blobs.read_original(&own).is_err(),
        "only Ana's case named it"
    );
    assert!(blobs.read_derivative(&own, DerivativeKind::Thumb).is_err());

    erase(&mut store, &second, "Luis Torres");
    assert!(blobs.read_original(&hash).is_err());
    for kind in [
        DerivativeKind::Thumb,
        DerivativeKind::Print,
        DerivativeKind::Page,
    ] {
        assert!(blobs.read_derivative(&hash, kind).is_err(), "{kind:?}");
    }
}

#[test]
fn erasing_truncates_the_write_ahead_log() {
    let data = tempfile::tempdir().expect("data");
    let mut store = Store::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
    let id = case(&mut store, "Ana Torres");
    erase(&mut store, &id, "Ana Torres");
    let wal = data.path().join(format!("{DATABASE_FILE}-wal"));
    assert_eq!(fs::metadata(&wal).map(|m| m.len()).unwrap_or(0), 0);
}

/// Keeps `bytes` as the scan of the case's packet page signed by hand.
fn packet_scan(store: &mut Store, blobs: &BlobStore, case_id: &str, bytes: &[u8]) -> String {
    let hash = sha256(bytes);
    blobs.put_original(&hash, bytes).expect("scan");
    blobs
        .put_derivative(&hash, DerivativeKind::Print, bytes)
        .expect("print copy");
    let mut draft = store.packet(case_id).expect("packet");
    draft.signed_pages = vec![SignedPageScan {
        signature: PacketSignature::Submission,
        item_id: String::new(),
        scan: hash.clone(),
    }];
    store.save_packet(case_id, &draft).expect("save packet");
    hash
}

#[test]
fn a_packet_page_scan_is_kept_by_the_sweep_and_erased_with_its_case() {
    let data = tempfile::tempdir().expect("data");
    let mut store = Store::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("open");
    let blobs = BlobStore::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("blobs");
    let erased = case(&mut store, "Ana Torres");
    let kept = case(&mut store, "Luis Torres");
    let gone = packet_scan(&mut store, &blobs, &erased, b"zqxpacketscancanary");
    let stays = packet_scan(&mut store, &blobs, &kept, b"Luis's signed page");

    // The window's start-up sweep keeps what a row names.
    let named = store.referenced_hashes().expect("named");
    assert!(named.contains(&gone) && named.contains(&stays), "{named:?}");
    blobs
        .sweep(&named, std::time::Duration::ZERO)
        .expect("sweep");
    assert!(
        blobs.read_original(&stays).is_ok(),
        "a signed page's scan survives the sweep"
    );

    erase(&mut store, &erased, "Ana Torres");
    assert!(blobs.read_original(&gone).is_err());
    assert!(blobs.read_derivative(&gone, DerivativeKind::Print).is_err());
    assert_eq!(
        files_holding(data.path(), "zqxpacketscancanary"),
        Vec::<PathBuf>::new()
    );
    assert!(blobs.read_original(&stays).is_ok());
    assert_eq!(
        store.packet(&kept).expect("packet").signed_pages[0].scan,
        stays
    );
}
