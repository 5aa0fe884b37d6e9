//! A case goes from the mother's Amparo to the advocate's, gains a
//! declaration and a photo there, and goes on to counsel's: everything
//! arrives byte for byte, and nothing opens twice.

mod support;

use std::sync::atomic::AtomicBool;

use amparo_casefile::{CaseFileError, Mode, SendTo, open_case_file, send_case};
use amparo_core::{DeclarantDraft, DerivativeKind, Paragraph};
use support::Amparo;

/// Every record of the case at `from` is at `to` as it was; the custody log
/// at `to` holds every entry `from` had, and its own opening after them.
fn same_case(from: &Amparo, to: &Amparo, case_id: &str) {
    let mut sent = from.store.case_rows(case_id).expect("rows");
    let mut arrived = to.store.case_rows(case_id).expect("rows");
    let log_sent = sent.tables.pop().expect("custody log");
    let log_arrived = arrived.tables.pop().expect("custody log");
    assert_eq!(log_sent.table, "custody_log");
    assert_eq!(sent, arrived, "every record arrives as it was");
    for entry in &log_sent.rows {
        assert!(
            log_arrived.rows.contains(entry),
            "custody entry {entry:?} arrives"
        );
    }
    assert_eq!(
        log_arrived.rows.len(),
        log_sent.rows.len() + 1,
        "and the opening is logged"
    );
    let files = from.store.case_files_named(case_id).expect("files");
    assert_eq!(files, to.store.case_files_named(case_id).expect("files"));
    for sha256 in &files {
        assert_eq!(
            from.blobs.read_original(sha256).expect("sent"),
            to.blobs.read_original(sha256).expect("arrived"),
            "{sha256} arrives byte for byte"
        );
    }
}

#[test]
fn a_case_goes_from_the_mother_to_the_advocate_to_counsel_byte_for_byte() {
    let (mut mother, case_id) = Amparo::with_case(3);
    let mut advocate = Amparo::empty();
    let mut counsel = Amparo::empty();
    mother.named("Rosa");
    advocate.named("Legal aid office");
    counsel.named("Counsel");
    let advocate_contact = mother.add("Legal aid office, Ana", &mut advocate);
    advocate.add("Rosa, his mother", &mut mother);
    let counsel_contact = advocate.add("Counsel, Mr. Ortiz", &mut counsel);
    counsel.add("Legal aid office", &mut advocate);

    let out = tempfile::tempdir().expect("out");
    let first = out.path().join("case.amparo");
    let sent = send_case(
        &mut mother.store,
        &mother.blobs,
        &case_id,
        &SendTo::Contacts(vec![advocate_contact]),
        &first,
    )
    .expect("send");
    assert_eq!(sent.sequence, 1);
    let signed_pdfs = mother.store.statements(&case_id).expect("statements").len();
    assert!(sent.items as usize > 3 + 4 + signed_pdfs, "{sent:?}");

    let opened = open_case_file(
        &mut advocate.store,
        &advocate.blobs,
        &first,
        None,
        Mode::Open,
    )
    .expect("open");
    assert_eq!(opened.sender.contact.as_deref(), Some("Rosa, his mother"));
    assert!(opened.taken.as_ref().expect("taken").new_case);
    same_case(&mother, &advocate, &case_id);
    // What the window shows is made here from the originals.
    for photo in advocate
        .store
        .photos(&case_id, 0, 100)
        .expect("photos")
        .photos
    {
        advocate
            .blobs
            .read_derivative(&photo.sha256, DerivativeKind::Thumb)
            .expect("thumbnail made on arrival");
    }
    assert!(
        advocate
            .store
            .search("Capacho", 10)
            .expect("search")
            .matches
            > 0,
        "the arrived case is searchable"
    );

    // The same file again is refused, and changes nothing.
    match open_case_file(
        &mut advocate.store,
        &advocate.blobs,
        &first,
        None,
        Mode::Open,
    ) {
        Err(CaseFileError::Replay { found: 1, last: 1 }) => {}
        other => panic!("opened twice: {other:?}"),
    }

    // The advocate adds the tattoo artist's declaration and a photo.
    let artist = advocate
        .store
        .create_declarant(
            &case_id,
            &DeclarantDraft {
                full_name: "Luis Pabón (example tattoo artist)".into(),
                relationship: "made his tattoos".into(),
                country: "Venezuela".into(),
                languages: vec!["Spanish".into()],
                ..DeclarantDraft::default()
            },
        )
        .expect("declarant");
    let mut draft = advocate
        .store
        .statement(&advocate.store.statements(&case_id).expect("list")[0].id)
        .expect("statement")
        .draft;
    draft.declarant_id = artist.id;
    draft.title = "Declaration of Luis Pabón".into();
    draft.paragraphs = vec![Paragraph {
        original: "Le tatué las coronas en 2009: honran a sus padres y a los Reyes Magos.".into(),
        english: "I tattooed the crowns in 2009: they honor his parents and the Three Kings."
            .into(),
        exhibits: vec![],
    }];
    advocate
        .store
        .create_statement(&case_id, &draft)
        .expect("artist's statement");
    let photo_dir = tempfile::tempdir().expect("photo");
    let photo = photo_dir.path().join("IMG_2044.jpg");
    support::packet_fixture::picture(77, 900, 600)
        .save(&photo)
        .expect("photo");
    amparo_media::import_photos(
        &mut advocate.store,
        &advocate.blobs,
        &case_id,
        &[photo],
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");

    let second = out.path().join("case-2.amparo");
    send_case(
        &mut advocate.store,
        &advocate.blobs,
        &case_id,
        &SendTo::Contacts(vec![counsel_contact]),
        &second,
    )
    .expect("send on");
    let opened = open_case_file(
        &mut counsel.store,
        &counsel.blobs,
        &second,
        None,
        Mode::Open,
    )
    .expect("open");
    assert_eq!(opened.sender.contact.as_deref(), Some("Legal aid office"));
    same_case(&advocate, &counsel, &case_id);
    let statements = counsel.store.statements(&case_id).expect("statements");
    assert!(
        statements
            .iter()
            .any(|s| s.title == "Declaration of Luis Pabón")
    );
    assert_eq!(
        counsel
            .store
            .photos(&case_id, 0, 100)
            .expect("photos")
            .total,
        mother.store.photos(&case_id, 0, 100).expect("photos").total + 1
    );

    // Counsel's custody log lists every hop, each entry checked.
    let report = amparo_casefile::custody_report(&counsel.store, &case_id).expect("log");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let hops: Vec<(String, String)> = report
        .entries
        .iter()
        .map(|e| (e.device_name.clone(), e.action.clone()))
        .collect();
    let seen = |who: &str, what: &str| hops.contains(&(who.to_owned(), what.to_owned()));
    assert!(seen("Rosa", "sent"), "{hops:?}");
    assert!(seen("Legal aid office", "opened"), "{hops:?}");
    assert!(seen("Legal aid office", "statementWritten"), "{hops:?}");
    assert!(seen("Legal aid office", "imported"), "{hops:?}");
    assert!(seen("Legal aid office", "sent"), "{hops:?}");
    assert!(seen("Counsel", "opened"), "{hops:?}");
    assert!(
        opened.custody_problems.is_empty(),
        "{:?}",
        opened.custody_problems
    );

    // Chosen, the packet prints a page of it: every original with the
    // entries about that same file, and each hand-off.
    let mothers: Vec<String> = mother
        .store
        .photos(&case_id, 0, 100)
        .expect("photos")
        .photos
        .into_iter()
        .map(|p| p.sha256)
        .collect();
    let artists_photo = counsel
        .store
        .photos(&case_id, 0, 100)
        .expect("photos")
        .photos
        .into_iter()
        .find(|p| !mothers.contains(&p.sha256))
        .expect("the photo the advocate added");
    let mut draft = counsel.store.packet(&case_id).expect("packet");
    draft.custody_summary = true;
    draft.items.push(amparo_core::PacketItem {
        kind: amparo_core::PacketItemKind::Photo,
        id: artists_photo.id.clone(),
    });
    let printed = amparo_print::print_packet_as(
        &counsel.store,
        &counsel.blobs,
        &case_id,
        Some(&draft),
        amparo_print::PacketPurpose::Draft,
        &|_| {},
    )
    .expect("packet");
    let text = support::pdf_text(&printed.files[0].pdf);
    // The custody pages are the packet's last.
    let page = text
        .split_once("CUSTODY LOG OF THE ORIGINALS")
        .expect("the custody page")
        .1
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for line in [
        "Sent by \"Rosa\" to \"Legal aid office\"",
        "Opened on \"Legal aid office\", from \"Rosa\"",
        "Sent by \"Legal aid office\" to \"Counsel\"",
        "Opened on \"Counsel\", from \"Legal aid office\"",
        "Log check:",
    ] {
        assert!(page.contains(line), "{line:?} is not on the page:\n{page}");
    }
    assert!(!page.contains("do not verify"), "{page}");
    let at = page
        .find(&artists_photo.sha256)
        .expect("the photo's SHA-256 is listed");
    assert!(
        page[at..].contains("Added to the case on \"Legal aid office\""),
        "its filing is listed with it:\n{page}"
    );
    // The fixture's own photos were filed before any log was kept: the
    // page says so rather than leave them blank.
    let at = page.find(&mothers[0]).expect("her photo is listed");
    assert!(page[at..].starts_with(&format!(
        "{} No entry in the log names this file.",
        mothers[0]
    )));
    let index = text
        .split('\x0c')
        .find(|p| p.contains("INDEX OF EXHIBITS"))
        .expect("index");
    assert!(
        index.contains("Custody Log of the Originals"),
        "the index lists the page:\n{index}"
    );

    // An entry removed or changed here is reported by name.
    counsel
        .store
        .raw_execute_for_tests(
            "DELETE FROM custody_log WHERE device_name = 'Legal aid office' AND seq = 2",
        )
        .expect("remove an entry");
    let report = amparo_casefile::custody_report(&counsel.store, &case_id).expect("log");
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.to_string() == "entry 2 of \"Legal aid office\" is missing"),
        "{:?}",
        report.problems
    );
    counsel
        .store
        .raw_execute_for_tests("DROP TRIGGER custody_log_never_changes")
        .expect("drop the guard");
    counsel
        .store
        .raw_execute_for_tests(
            "UPDATE custody_log SET item = 'photo:someone-else' WHERE device_name = 'Rosa' AND seq = 1",
        )
        .expect("change an entry");
    let report = amparo_casefile::custody_report(&counsel.store, &case_id).expect("log");
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.to_string() == "entry 1 of \"Rosa\" was changed after it was written"),
        "{:?}",
        report.problems
    );

    // The mother cannot open what was sent to counsel only.
    match open_case_file(&mut mother.store, &mother.blobs, &second, None, Mode::Open) {
        Err(CaseFileError::WrongKey) => {}
        other => panic!("opened by someone it was not sent to: {other:?}"),
    }
}

#[test]
fn the_advocates_additions_come_back_to_the_mother_and_nothing_of_hers_is_overwritten() {
    let (mut mother, case_id) = Amparo::with_case(1);
    let mut advocate = Amparo::empty();
    let to_advocate = mother.add("Ana", &mut advocate);
    let to_mother = advocate.add("Rosa", &mut mother);
    let out = tempfile::tempdir().expect("out");
    let there = out.path().join("there.amparo");
    send_case(
        &mut mother.store,
        &mother.blobs,
        &case_id,
        &SendTo::Contacts(vec![to_advocate]),
        &there,
    )
    .expect("send");
    open_case_file(
        &mut advocate.store,
        &advocate.blobs,
        &there,
        None,
        Mode::Open,
    )
    .expect("open");

    // Both change the case's notes; the advocate also adds a due date.
    let mut theirs = advocate.store.case(&case_id).expect("case").to_draft();
    theirs.notes = "Hearing moved; bring the festival program.".into();
    advocate
        .store
        .update_case(&case_id, &theirs)
        .expect("advocate edits");
    advocate
        .store
        .add_due_date(
            &case_id,
            &amparo_core::DueDateDraft {
                date: "2027-01-15".into(),
                title: "Evidence due".into(),
            },
        )
        .expect("due date");
    let mut hers = mother.store.case(&case_id).expect("case").to_draft();
    hers.notes = "Call the consulate.".into();
    mother
        .store
        .update_case(&case_id, &hers)
        .expect("mother edits");

    let back = out.path().join("back.amparo");
    send_case(
        &mut advocate.store,
        &advocate.blobs,
        &case_id,
        &SendTo::Contacts(vec![to_mother]),
        &back,
    )
    .expect("send back");
    let preview = open_case_file(&mut mother.store, &mother.blobs, &back, None, Mode::DryRun)
        .expect("dry run");
    let taken = preview.taken.expect("what it would bring");
    assert!(!taken.new_case);
    assert_eq!(taken.added.get("due_dates"), Some(&1));
    assert_eq!(
        taken.to_choose,
        vec![format!("cases/{case_id}")],
        "both changed the notes: hers stays, theirs waits beside it"
    );
    assert!(
        mother.store.due_dates(&case_id).expect("dates").is_empty(),
        "a dry run keeps nothing"
    );

    open_case_file(&mut mother.store, &mother.blobs, &back, None, Mode::Open).expect("open");
    assert_eq!(mother.store.due_dates(&case_id).expect("dates").len(), 1);
    assert_eq!(
        mother.store.case(&case_id).expect("case").notes,
        "Call the consulate.",
        "her own text is never overwritten silently"
    );
    let changes = mother.store.arrived_changes(&case_id).expect("changes");
    let notes = changes[0]
        .fields
        .iter()
        .find(|f| f.field == "notes")
        .expect("the notes differ");
    assert_eq!(
        (notes.here.as_str(), notes.theirs.as_str()),
        (
            "Call the consulate.",
            "Hearing moved; bring the festival program."
        )
    );
}

#[test]
fn the_same_case_gives_the_same_bytes_but_for_the_signatures_fresh_randomness() {
    let (mut mother, case_id) = Amparo::with_case(1);
    let (first, manifest) = amparo_casefile::archive_for_tests(
        &mut mother.store,
        &mother.blobs,
        &case_id,
        4,
        "2026-12-02T10:00:00Z",
    )
    .expect("archive");
    let (second, again) = amparo_casefile::archive_for_tests(
        &mut mother.store,
        &mother.blobs,
        &case_id,
        4,
        "2026-12-02T10:00:00Z",
    )
    .expect("archive");
    assert_eq!(manifest, again, "the signed list is the same bytes");
    let a = support::entries(&first);
    let b = support::entries(&second);
    assert_eq!(a.len(), b.len());
    for ((path, bytes), (other_path, other)) in a.iter().zip(&b) {
        assert_eq!(path, other_path);
        if path != "manifest.json.minisig" {
            assert_eq!(bytes, other, "{path} is the same bytes");
        }
    }
    assert_eq!(first.len(), second.len());
}

#[test]
fn a_filing_print_is_recorded_with_the_pdfs_hash() {
    let (mother, case_id) = Amparo::with_case(1);
    let statement = mother.store.statements(&case_id).expect("statements")[0]
        .id
        .clone();
    let pdf = amparo_print::print_signed(&mother.store, &mother.blobs, &statement, 1)
        .expect("filing set");
    let report = amparo_casefile::custody_report(&mother.store, &case_id).expect("log");
    let printed = report
        .entries
        .iter()
        .find(|e| e.action == "printedForFiling")
        .expect("the print is in the log");
    assert_eq!(printed.item, format!("statement:{statement}#1"));
    assert_eq!(printed.sha256, amparo_core::content_hash(&pdf));
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}
