//! Every way a case file can be wrong is refused with its reason, and the
//! data folder is left exactly as it was: no case, no stored file.

mod support;

use std::io::Read;
use std::path::Path;

use amparo_casefile::{CaseFileError, Mode, SendTo, open_case_file, send_case};
use amparo_core::{NewPhoto, PhotoExif, PhotoFormat, SCHEMA_VERSION};
use support::{
    Amparo, Entries, Setup, entries, manifest_of, packet_fixture, rows_changed, seal_for, sent,
    setup, sha256, signed_by_a_stranger, tar_of, unseal,
};

/// Opens `file` at the advocate's, expecting a refusal, and checks that
/// nothing was kept.
fn refused(s: &mut Setup, file: &Path) -> CaseFileError {
    let before = s.advocate.stored_files();
    let result = open_case_file(
        &mut s.advocate.store,
        &s.advocate.blobs,
        file,
        None,
        Mode::Open,
    );
    let Err(e) = result else {
        panic!("{} was opened", file.display());
    };
    assert_eq!(
        s.advocate.stored_files(),
        before,
        "{e}: no stored file is left behind"
    );
    assert!(
        s.advocate.store.list_cases("").expect("cases").is_empty(),
        "{e}: no case"
    );
    assert!(!e.to_string().is_empty());
    e
}

fn changed(s: &mut Setup, change: impl FnOnce(&mut Entries)) -> CaseFileError {
    let mut list = entries(&unseal(&s.file, &s.advocate));
    change(&mut list);
    let path = s.file.with_file_name("changed.amparo");
    seal_for(&tar_of(&list), &s.advocate, &path);
    refused(s, &path)
}

#[test]
fn one_byte_changed_anywhere_or_a_cut_file_is_refused_and_nothing_is_kept() {
    let mut s = setup();
    let original = std::fs::read(&s.file).expect("read");
    let len = original.len();
    for at in [0, 20, 100, 300, len / 3, len / 2, len - 40, len - 1] {
        let mut bytes = original.clone();
        bytes[at] ^= 0x01;
        let path = s.file.with_file_name(format!("flipped-{at}.amparo"));
        std::fs::write(&path, &bytes).expect("write");
        let e = refused(&mut s, &path);
        assert!(
            matches!(e, CaseFileError::Damaged(_) | CaseFileError::WrongKey),
            "byte {at}: {e:?}"
        );
    }
    for keep in [0, 50, len / 2, len - 17, len - 1] {
        let path = s.file.with_file_name(format!("cut-{keep}.amparo"));
        std::fs::write(&path, &original[..keep]).expect("write");
        let e = refused(&mut s, &path);
        assert!(
            matches!(e, CaseFileError::Damaged(_)),
            "cut at {keep}: {e:?}"
        );
    }
    // The whole file still opens.
    open_case_file(
        &mut s.advocate.store,
        &s.advocate.blobs,
        &s.file,
        None,
        Mode::Open,
    )
    .expect("the unchanged file opens");
}

#[test]
fn a_file_for_someone_else_or_with_the_wrong_passphrase_is_refused() {
    let mut s = setup();
    let mut stranger = Amparo::empty();
    match open_case_file(
        &mut stranger.store,
        &stranger.blobs,
        &s.file,
        None,
        Mode::Open,
    ) {
        Err(CaseFileError::WrongKey) => {}
        other => panic!("{other:?}"),
    }
    let by_word = s.file.with_file_name("by-passphrase.amparo");
    send_case(
        &mut s.mother.store,
        &s.mother.blobs,
        &s.case_id,
        &SendTo::Passphrase("corona de mamá 2009".into()),
        &by_word,
    )
    .expect("send");
    match open_case_file(
        &mut stranger.store,
        &stranger.blobs,
        &by_word,
        None,
        Mode::Open,
    ) {
        Err(CaseFileError::PassphraseNeeded) => {}
        other => panic!("{other:?}"),
    }
    match open_case_file(
        &mut stranger.store,
        &stranger.blobs,
        &by_word,
        Some("corona de papá 2009"),
        Mode::Open,
    ) {
        Err(CaseFileError::WrongKey) => {}
        other => panic!("{other:?}"),
    }
    let opened = open_case_file(
        &mut stranger.store,
        &stranger.blobs,
        &by_word,
        Some("corona de mamá 2009"),
        Mode::Open,
    )
    .expect("the right passphrase opens it");
    assert_eq!(
        opened.sender.contact, None,
        "an unknown sender, shown by fingerprint"
    );
    assert_eq!(opened.sender.fingerprint, s.mother.code().fingerprint());
}

#[test]
fn a_manifest_changed_after_signing_or_signed_by_another_key_is_refused() {
    let mut s = setup();
    let e = changed(&mut s, |list| {
        let text = String::from_utf8(list[0].1.clone()).expect("utf-8");
        list[0].1 = text
            .replacen("\"sequence\": 1", "\"sequence\": 7", 1)
            .into_bytes();
    });
    assert!(matches!(e, CaseFileError::BadSignature), "{e:?}");
    let e = changed(&mut s, |list| {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("keys");
        let signature = minisign::sign(None, &pair.sk, &list[0].1[..], None, None).expect("sign");
        list[1].1 = signature.into_string().into_bytes();
    });
    assert!(matches!(e, CaseFileError::BadSignature), "{e:?}");
}

#[test]
fn an_item_changed_after_signing_is_refused_by_name() {
    let mut s = setup();
    let photo = s.mother.store.case_files_named(&s.case_id).expect("files")[0].clone();
    let e = changed(&mut s, |list| {
        let item = list
            .iter_mut()
            .find(|(p, _)| p.ends_with(&photo))
            .expect("photo");
        let middle = item.1.len() / 2;
        item.1[middle] ^= 0x20;
    });
    match e {
        CaseFileError::ItemMismatch(what) => assert!(what.contains(&photo[..12]), "{what}"),
        other => panic!("{other:?}"),
    }
    let e = changed(&mut s, |list| {
        let rows = list
            .iter_mut()
            .find(|(p, _)| p == "case.json")
            .expect("rows");
        let text = String::from_utf8(rows.1.clone()).expect("utf-8");
        rows.1 = text.replacen("Capacho", "Caracas", 1).into_bytes();
    });
    match e {
        CaseFileError::ItemMismatch(what) => assert!(what.contains("records"), "{what}"),
        other => panic!("{other:?}"),
    }
    let e = changed(&mut s, |list| {
        list.push(("files/extra".into(), b"more".to_vec()));
    });
    assert!(matches!(e, CaseFileError::ItemMismatch(_)), "{e:?}");
}

#[test]
fn a_signed_manifest_naming_a_path_outside_the_case_is_refused() {
    let mut s = setup();
    for bad in [
        "../../.bashrc",
        "/etc/cron.d/x",
        "files/../../x",
        "files/HASH/../../x",
    ] {
        let e = changed(&mut s, |list| {
            let mut manifest = manifest_of(list);
            let path = bad.replace("HASH", &manifest.items[1].sha256);
            manifest.items[1].path = path.clone();
            list[3].0 = path;
            signed_by_a_stranger(list, manifest);
        });
        assert!(matches!(e, CaseFileError::UnsafePath(_)), "{bad}: {e:?}");
    }
}

#[test]
fn a_link_in_place_of_an_item_is_refused() {
    let mut s = setup();
    let mut list = entries(&unseal(&s.file, &s.advocate));
    let mut builder = tar::Builder::new(Vec::new());
    for (i, (path, bytes)) in list.drain(..).enumerate() {
        let mut header = tar::Header::new_gnu();
        if i == 3 {
            header.set_entry_type(tar::EntryType::Symlink);
            header.set_size(0);
            header.set_cksum();
            builder
                .append_link(&mut header, &path, "/home/rosa/.ssh/id_ed25519")
                .expect("link");
        } else {
            header.set_size(bytes.len() as u64);
            header.set_cksum();
            builder
                .append_data(&mut header, &path, &bytes[..])
                .expect("append");
        }
    }
    let path = s.file.with_file_name("link.amparo");
    seal_for(&builder.into_inner().expect("tar"), &s.advocate, &path);
    let e = refused(&mut s, &path);
    assert!(matches!(e, CaseFileError::UnsafePath(_)), "{e:?}");
}

#[test]
fn a_newer_schema_or_sizes_over_the_limits_are_refused_before_anything_is_read() {
    let mut s = setup();
    let e = changed(&mut s, |list| {
        let mut manifest = manifest_of(list);
        manifest.schema_version = SCHEMA_VERSION + 1;
        signed_by_a_stranger(list, manifest);
    });
    assert!(matches!(e, CaseFileError::Newer { .. }), "{e:?}");
    // A list that promises more than Amparo reads: 40 items of a gigabyte.
    let e = changed(&mut s, |list| {
        let mut manifest = manifest_of(list);
        let template = manifest.items[1].clone();
        for n in 0..40u32 {
            let mut item = template.clone();
            item.sha256 = sha256(&n.to_le_bytes());
            item.path = format!("files/{}", item.sha256);
            item.size = amparo_casefile::MAX_ITEM_BYTES;
            manifest.items.push(item);
        }
        signed_by_a_stranger(list, manifest);
    });
    assert!(matches!(e, CaseFileError::TooLarge(_)), "{e:?}");
    // An entry larger than its listed size: not read past the size.
    let e = changed(&mut s, |list| {
        let last = list.len() - 1;
        list[last].1.extend(std::iter::repeat_n(0u8, 1 << 20));
    });
    assert!(matches!(e, CaseFileError::ItemMismatch(_)), "{e:?}");
}

#[test]
fn records_that_would_attach_to_another_case_are_refused() {
    let mut s = setup();
    let own = s
        .advocate
        .store
        .add_example_case()
        .expect("the advocate's own case");
    let theirs = s.advocate.store.statements(&own.id).expect("statements")[0]
        .id
        .clone();
    let before = s.advocate.store.statement(&theirs).expect("statement");
    let e = {
        let mut list = entries(&unseal(&s.file, &s.advocate));
        rows_changed(&mut list, |rows| {
            let paragraphs = rows
                .tables
                .iter_mut()
                .find(|t| t.table == "paragraphs")
                .expect("table");
            let column = paragraphs
                .columns
                .iter()
                .position(|c| c == "statement_id")
                .expect("column");
            let id = paragraphs
                .columns
                .iter()
                .position(|c| c == "id")
                .expect("id");
            let mut row = paragraphs.rows[0].clone();
            row[column] = serde_json::Value::from(theirs.clone());
            row[id] = serde_json::Value::from("0190f0c2-7a4e-7c39-9d5e-000000000001");
            paragraphs.rows.push(row);
        });
        let path = s.file.with_file_name("attach.amparo");
        seal_for(&tar_of(&list), &s.advocate, &path);
        open_case_file(
            &mut s.advocate.store,
            &s.advocate.blobs,
            &path,
            None,
            Mode::Open,
        )
        .expect_err("refused")
    };
    assert!(
        matches!(
            e,
            CaseFileError::Core(amparo_core::Error::CaseFileRejected(_))
        ),
        "{e:?}"
    );
    assert_eq!(
        s.advocate.store.statement(&theirs).expect("statement"),
        before
    );
    assert_eq!(s.advocate.store.list_cases("").expect("cases").len(), 1);
}

#[test]
fn a_custody_entry_changed_on_the_way_is_reported_by_name_when_opened() {
    let mut s = setup();
    let mut list = entries(&unseal(&s.file, &s.advocate));
    rows_changed(&mut list, |rows| {
        let log = rows
            .tables
            .iter_mut()
            .find(|t| t.table == "custody_log")
            .expect("the log travels");
        assert!(log.rows.len() >= 2, "the mother's entries: {:?}", log.rows);
        let item = log.columns.iter().position(|c| c == "item").expect("item");
        log.rows[0][item] = serde_json::Value::from("photo:another-photo");
    });
    let path = s.file.with_file_name("custody.amparo");
    seal_for(&tar_of(&list), &s.advocate, &path);
    let opened = open_case_file(
        &mut s.advocate.store,
        &s.advocate.blobs,
        &path,
        None,
        Mode::DryRun,
    )
    .expect("the log is reported, not refused");
    assert_eq!(
        opened.custody_problems,
        vec![amparo_core::CustodyProblem::Changed {
            device: "Amparo".into(),
            seq: 1
        }]
    );
    assert_eq!(
        opened.custody_problems[0].to_string(),
        "entry 1 of \"Amparo\" was changed after it was written"
    );
    assert_eq!(
        opened.sender.contact, None,
        "and the file is from someone else"
    );
}

#[test]
fn a_file_holding_more_than_its_list_is_refused_before_it_is_held_in_memory() {
    let mut s = setup();
    // A 48 MiB extension header before the list, which a tar reader would
    // otherwise hold whole in memory, then the real entries.
    let list = entries(&unseal(&s.file, &s.advocate));
    let mut builder = tar::Builder::new(Vec::new());
    let mut long = tar::Header::new_gnu();
    long.set_entry_type(tar::EntryType::GNULongName);
    long.set_size(48 << 20);
    long.set_cksum();
    builder
        .append_data(
            &mut long,
            "././@LongLink",
            std::io::repeat(b'a').take(48 << 20),
        )
        .expect("long name");
    let mut tail = tar_of(&list);
    let mut archive = builder.into_inner().expect("tar");
    archive.append(&mut tail);
    let path = s.file.with_file_name("long.amparo");
    seal_for(&archive, &s.advocate, &path);
    let e = refused(&mut s, &path);
    match e {
        CaseFileError::Damaged(why) => assert!(why.contains("more than its list"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_photo_its_sender_signed_that_no_decoder_can_read_is_refused_by_name_and_nothing_is_kept() {
    // Good photos on both sides of the bad one, so the opening is already
    // keeping files, and still reading more, when a decoder fails.
    let mut mother = Amparo::empty();
    let case_id = mother.store.add_example_case().expect("example").id;
    let folder = tempfile::tempdir().expect("photos");
    let photos: Vec<_> = (0..8)
        .map(|i| {
            let path = folder.path().join(format!("IMG_{i:04}.jpg"));
            packet_fixture::picture(i, 320, 240)
                .save(&path)
                .expect("photo");
            path
        })
        .collect();
    let import = |mother: &mut Amparo, photos: &[std::path::PathBuf]| {
        amparo_media::import_photos(
            &mut mother.store,
            &mother.blobs,
            &case_id,
            photos,
            &std::sync::atomic::AtomicBool::new(false),
            |_| {},
        )
        .expect("import")
    };
    import(&mut mother, &photos[..4]);
    // What a damaged disk or a hostile sender's own Amparo could hold: a
    // JPEG's first bytes and nothing a decoder can read after them, under
    // a photo's record.
    let junk: Vec<u8> = [0xFF, 0xD8, 0xFF, 0xE0]
        .into_iter()
        .chain(std::iter::repeat_n(0x5A, 64 * 1024))
        .collect();
    let bad = sha256(&junk);
    mother.blobs.put_original(&bad, &junk).expect("original");
    let record = NewPhoto {
        sha256: bad.clone(),
        file_name: "IMG_0100.jpg".into(),
        format: PhotoFormat::Jpeg,
        width: 320,
        height: 240,
        byte_size: junk.len() as u64,
        exif: PhotoExif {
            orientation: 1,
            ..PhotoExif::default()
        },
        damaged: false,
    };
    mother.store.add_photo(&case_id, &record).expect("record");
    import(&mut mother, &photos[4..]);

    let mut s = sent(mother, case_id);
    let file = s.file.clone();
    match refused(&mut s, &file) {
        CaseFileError::Photo(named, _) => assert_eq!(named, bad),
        other => panic!("{other:?}"),
    }
}
