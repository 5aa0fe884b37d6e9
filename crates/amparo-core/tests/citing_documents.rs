//! Events and allegations cite a document of the case, the whole of it or
//! one page ("Form I-213, p. 2"), and an allegation names the filed
//! document that makes it. A page the document does not have, a document of
//! another case, or a photo given as the document that makes an allegation
//! is refused, naming the field, with nothing written.

use std::path::Path;

use amparo_core::{
    AllegationDraft, CaseDraft, DATABASE_FILE, DocumentDetails, DocumentKind, Error, EventDraft,
    EvidenceLink, FieldProblem, LinkKind, NewPdfDocument, NewPdfPage, RememberedDate, Store,
};

fn store_with_case(name: &str) -> (Store, String) {
    let mut store = Store::open_in_memory().expect("open");
    let case = add_case(&mut store, name);
    (store, case)
}

fn add_case(store: &mut Store, name: &str) -> String {
    let mut draft = CaseDraft::default();
    draft.person.record_name = name.into();
    store.create_case(&draft).expect("case").id
}

/// A three-page I-213 filed in `case`.
fn file_i213(store: &mut Store, case: &str, sha: char) -> String {
    let page = |text: &str| NewPdfPage {
        width_pt: 612.0,
        height_pt: 792.0,
        text: text.into(),
    };
    let document = NewPdfDocument {
        details: DocumentDetails {
            title: "Form I-213".into(),
            kind: DocumentKind::Government,
            dated: Some(RememberedDate::day(2025, 8, 29)),
            issued_by: "U.S. Border Patrol".into(),
            language: "en".into(),
        },
        sha256: sha.to_string().repeat(64),
        file_name: "I-213.pdf".into(),
        byte_size: 1_000,
        pages: vec![
            page("Record of Deportable/Inadmissible Alien"),
            page("Subject has tattoos of crowns on both wrists"),
            page("Narrative continues"),
        ],
    };
    store
        .add_pdf_document(case, &document)
        .expect("file the I-213")
        .document
        .id
}

fn page_of(id: &str, page: Option<u32>) -> EvidenceLink {
    EvidenceLink {
        kind: LinkKind::Document,
        id: id.into(),
        paragraph: None,
        page,
    }
}

fn arrest(sources: Vec<EvidenceLink>) -> EventDraft {
    EventDraft {
        date: Some(RememberedDate::day(2025, 8, 29)),
        description: "Stopped at the border and detained".into(),
        sources,
        ..EventDraft::default()
    }
}

fn tattoo_allegation(source: Option<EvidenceLink>, answers: Vec<EvidenceLink>) -> AllegationDraft {
    AllegationDraft {
        made_by: "U.S. Border Patrol".into(),
        document: "Form I-213".into(),
        criterion: "Tattoos denoting membership".into(),
        points: Some(4),
        source,
        answers,
        ..AllegationDraft::default()
    }
}

fn fields(error: Error) -> Vec<(String, FieldProblem)> {
    match error {
        Error::Invalid(fields) => fields.into_iter().map(|f| (f.field, f.problem)).collect(),
        other => panic!("expected a field error, got {other:?}"),
    }
}

#[test]
fn an_event_rests_on_one_page_of_a_document_and_on_the_whole_of_another_citation() {
    let (mut store, case) = store_with_case("Jesús Rivas");
    let i213 = file_i213(&mut store, &case, 'a');
    let event = store
        .create_event(
            &case,
            &arrest(vec![page_of(&i213, Some(2)), page_of(&i213, None)]),
        )
        .expect("save the event");
    assert_eq!(
        store.event(&event.id).expect("read").event.sources,
        vec![page_of(&i213, Some(2)), page_of(&i213, None)],
        "the page and the whole document are two citations, both kept in order"
    );
}

#[test]
fn an_allegation_names_the_document_that_makes_it_and_is_answered_by_another_page() {
    let (mut store, case) = store_with_case("Jesús Rivas");
    let i213 = file_i213(&mut store, &case, 'a');
    let program = file_i213(&mut store, &case, 'b');
    let saved = store
        .create_allegation(
            &case,
            &tattoo_allegation(
                Some(page_of(&i213, Some(2))),
                vec![page_of(&program, Some(1))],
            ),
        )
        .expect("save the allegation");
    let read = store.allegation(&saved.id).expect("read").allegation;
    assert_eq!(read.source, Some(page_of(&i213, Some(2))));
    assert_eq!(read.answers, vec![page_of(&program, Some(1))]);

    let mut cleared = read.clone();
    cleared.source = None;
    store
        .update_allegation(&saved.id, &cleared)
        .expect("clear the source");
    assert_eq!(
        store.allegation(&saved.id).expect("read").allegation.source,
        None
    );
}

#[test]
fn a_page_the_document_does_not_have_is_refused_and_nothing_is_written() {
    let (mut store, case) = store_with_case("Jesús Rivas");
    let i213 = file_i213(&mut store, &case, 'a');
    let error = store
        .create_event(&case, &arrest(vec![page_of(&i213, Some(4))]))
        .expect_err("the I-213 has three pages");
    assert_eq!(
        fields(error),
        vec![("sources.0".to_owned(), FieldProblem::Unknown)]
    );
    let error = store
        .create_allegation(
            &case,
            &tattoo_allegation(Some(page_of(&i213, Some(9))), vec![]),
        )
        .expect_err("no page 9");
    assert_eq!(
        fields(error),
        vec![("source".to_owned(), FieldProblem::Unknown)]
    );
    assert!(store.events(&case).expect("events").is_empty());
    assert!(store.allegations(&case).expect("allegations").is_empty());
}

#[test]
fn a_document_of_another_case_or_a_photo_as_the_source_is_refused() {
    let (mut store, case) = store_with_case("Jesús Rivas");
    let other_case = add_case(&mut store, "Ana Torres");
    let theirs = file_i213(&mut store, &other_case, 'c');
    let error = store
        .create_allegation(
            &case,
            &tattoo_allegation(None, vec![page_of(&theirs, None)]),
        )
        .expect_err("another case's document");
    assert_eq!(
        fields(error),
        vec![("answers.0".to_owned(), FieldProblem::Unknown)]
    );

    let mine = file_i213(&mut store, &case, 'd');
    let not_a_document = EvidenceLink {
        kind: LinkKind::Photo,
        id: mine,
        paragraph: None,
        page: None,
    };
    let error = store
        .create_allegation(&case, &tattoo_allegation(Some(not_a_document), vec![]))
        .expect_err("only a document makes an allegation");
    assert_eq!(
        fields(error),
        vec![("source".to_owned(), FieldProblem::Unknown)]
    );
}

#[test]
fn a_page_number_given_to_a_photo_or_a_paragraph_to_a_document_is_dropped() {
    let (mut store, case) = store_with_case("Jesús Rivas");
    let i213 = file_i213(&mut store, &case, 'a');
    let odd = EvidenceLink {
        kind: LinkKind::Document,
        id: i213.clone(),
        paragraph: Some(2),
        page: Some(3),
    };
    let event = store.create_event(&case, &arrest(vec![odd])).expect("save");
    assert_eq!(event.event.sources, vec![page_of(&i213, Some(3))]);
}

/// A data folder as version 17 left it: a case, a photo, an event resting
/// on the photo and an allegation answered by it.
fn seventeenth_version(dir: &Path) {
    let conn = amparo_core::raw_connection_for_tests(
        &dir.join(DATABASE_FILE),
        &amparo_core::Keys::fixed_for_tests(),
    )
    .expect("raw");
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files: Vec<_> = std::fs::read_dir(&migrations)
        .expect("migrations")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    for file in &files[..17] {
        conn.execute_batch(&std::fs::read_to_string(file).expect("read"))
            .expect("an older schema");
    }
    conn.pragma_update(None, "user_version", 17)
        .expect("version 17");
    conn.execute_batch(
        "INSERT INTO cases (id, record_name, created_at, updated_at)
             VALUES ('c1', 'Ana Torres', 'x', 'x');
         INSERT INTO photos (id, case_id, sha256, format, width, height, byte_size,
                             imported_at, position)
             VALUES ('p1', 'c1', printf('%064d', 1), 'jpeg', 10, 10, 5, 'x', 1);
         INSERT INTO events (id, case_id, date, kind, description, created_at, updated_at)
             VALUES ('e1', 'c1', '2025-08-29', 'detention', 'Detained', 'x', 'x');
         INSERT INTO event_sources (event_id, position, kind, item_id) VALUES ('e1', 0, 'photo', 'p1');
         INSERT INTO allegations (id, case_id, criterion, position, created_at, updated_at)
             VALUES ('a1', 'c1', 'Tattoos denoting membership', 1, 'x', 'x');
         INSERT INTO allegation_answers (allegation_id, position, kind, item_id)
             VALUES ('a1', 0, 'photo', 'p1');",
    )
    .expect("what version 17 saved");
}

#[test]
fn links_saved_before_documents_could_be_cited_are_kept_and_still_go_with_their_photo() {
    let dir = tempfile::tempdir().expect("temp dir");
    seventeenth_version(dir.path());
    let keys = amparo_core::Keys::fixed_for_tests();
    let store = Store::open(dir.path(), &keys).expect("migrate");
    let photo = EvidenceLink {
        kind: LinkKind::Photo,
        id: "p1".into(),
        paragraph: None,
        page: None,
    };
    assert_eq!(
        store.event("e1").expect("event").event.sources,
        vec![photo.clone()]
    );
    assert_eq!(
        store
            .allegation("a1")
            .expect("allegation")
            .allegation
            .answers,
        vec![photo]
    );
    assert_eq!(
        store
            .allegation("a1")
            .expect("allegation")
            .allegation
            .source,
        None
    );

    drop(store);
    amparo_core::raw_connection_for_tests(&dir.path().join(DATABASE_FILE), &keys)
        .expect("raw")
        .execute("DELETE FROM photos WHERE id = 'p1'", [])
        .expect("remove the photo");
    let store = Store::open(dir.path(), &keys).expect("reopen");
    assert!(store.event("e1").expect("event").event.sources.is_empty());
    assert!(
        store
            .allegation("a1")
            .expect("allegation")
            .allegation
            .answers
            .is_empty()
    );
}

/// The rows a case file from the version before carries: no page on any
/// link, no filed document on an allegation.
fn as_the_version_before_wrote(rows: &amparo_core::CaseRows) -> amparo_core::CaseRows {
    let mut old = rows.clone();
    for table in &mut old.tables {
        let newer: &[&str] = match table.table.as_str() {
            "event_sources" | "allegation_answers" | "paragraph_exhibits" => &["page"],
            "allegations" => &["source_document_id", "source_page"],
            _ => &[],
        };
        for column in newer {
            let at = table
                .columns
                .iter()
                .position(|c| c == column)
                .unwrap_or_else(|| panic!("{} has {column}", table.table));
            table.columns.remove(at);
            for row in &mut table.rows {
                row.remove(at);
            }
        }
    }
    old
}

#[test]
fn a_case_file_from_the_version_before_opens_with_its_links_and_shows_nothing_changed() {
    let (mut sender, case) = store_with_case("Jesús Rivas");
    let photo_owner = sender
        .create_tattoo(
            &case,
            &amparo_core::TattooDraft {
                body_location: "Left wrist".into(),
                ..amparo_core::TattooDraft::default()
            },
        )
        .expect("tattoo");
    let tattoo = EvidenceLink {
        kind: LinkKind::Tattoo,
        id: photo_owner.id,
        paragraph: None,
        page: None,
    };
    let event = sender
        .create_event(&case, &arrest(vec![tattoo.clone()]))
        .expect("event");
    let i213 = file_i213(&mut sender, &case, 'e');
    let allegation = sender
        .create_allegation(
            &case,
            &tattoo_allegation(Some(page_of(&i213, Some(2))), vec![tattoo.clone()]),
        )
        .expect("allegation");
    let old = as_the_version_before_wrote(&sender.case_rows(&case).expect("rows"));

    let arrival = |keep| amparo_core::Arrival {
        sender: "an older Amparo",
        sequence: 1,
        has_file: &|_| true,
        manifest_sha256: "",
        keep,
    };
    let mut receiver = Store::open_in_memory().expect("open");
    let taken = receiver
        .take_case_rows(&old, &arrival(true))
        .expect("a file one version older opens");
    assert!(taken.new_case);
    assert_eq!(
        receiver.event(&event.id).expect("event").event.sources,
        vec![tattoo.clone()]
    );
    assert_eq!(
        receiver.allegations(&case).expect("allegations")[0]
            .allegation
            .answers,
        vec![tattoo]
    );

    assert_eq!(
        receiver
            .allegation(&allegation.id)
            .expect("read")
            .allegation
            .source,
        None,
        "a new row takes the default"
    );

    // The same file opened where the case already is: nothing in it is
    // new or changed, though it lacks the newer columns, and the filed
    // document the allegation names stays.
    let again = sender
        .take_case_rows(&old, &arrival(true))
        .expect("opened again");
    assert!(!again.new_case);
    assert!(again.added.is_empty(), "{again:?}");
    assert!(again.updated.is_empty(), "{again:?}");
    assert!(again.to_choose.is_empty(), "{again:?}");
    assert!(again.differ.is_empty(), "{again:?}");
    assert_eq!(
        sender
            .allegation(&allegation.id)
            .expect("read")
            .allegation
            .source,
        Some(page_of(&i213, Some(2)))
    );

    // Changed there in what it knows (the criterion), the allegation is
    // taken, and still names the filed document here.
    let mut edited = old.clone();
    let table = edited
        .tables
        .iter_mut()
        .find(|t| t.table == "allegations")
        .expect("allegations");
    let at = table
        .columns
        .iter()
        .position(|c| c == "criterion")
        .expect("criterion");
    table.rows[0][at] = serde_json::json!("Insignia, logos or dress");
    let taken = sender
        .take_case_rows(&edited, &arrival(true))
        .expect("opened with a change");
    assert!(
        !taken.updated.is_empty() || !taken.to_choose.is_empty(),
        "{taken:?}"
    );
    let here = sender.allegation(&allegation.id).expect("read").allegation;
    assert_eq!(here.source, Some(page_of(&i213, Some(2))));
}

#[test]
fn a_paragraph_keeps_the_page_it_cites_and_drops_a_page_given_to_a_photo() {
    let (mut store, case) = store_with_case("Jesús Rivas");
    let i213 = file_i213(&mut store, &case, 'a');
    let declarant = store
        .create_declarant(
            &case,
            &amparo_core::DeclarantDraft {
                full_name: "María Elena Moreno".into(),
                ..amparo_core::DeclarantDraft::default()
            },
        )
        .expect("declarant")
        .id;
    let cite = |kind, id: &str, page| amparo_core::Citation {
        item: amparo_core::ExhibitItem {
            kind,
            id: id.into(),
        },
        page,
    };
    let mut draft = amparo_core::StatementDraft {
        declarant_id: declarant,
        paragraphs: vec![amparo_core::Paragraph {
            original: "El oficial escribió que mis coronas eran de una pandilla.".into(),
            english: "The officer wrote that my crowns were a gang's.".into(),
            exhibits: vec![
                cite(amparo_core::ExhibitKind::Document, &i213, Some(2)),
                cite(amparo_core::ExhibitKind::Document, &i213, Some(3)),
                cite(amparo_core::ExhibitKind::Photo, "a-photo", Some(4)),
            ],
        }],
        ..amparo_core::StatementDraft::default()
    };
    draft.language = "es".into();
    draft.title = "Declaration of María Elena Moreno".into();
    let saved = store.create_statement(&case, &draft).expect("save");
    assert_eq!(
        store.statement(&saved.id).expect("read").draft.paragraphs[0].exhibits,
        vec![
            cite(amparo_core::ExhibitKind::Document, &i213, Some(2)),
            cite(amparo_core::ExhibitKind::Document, &i213, Some(3)),
            cite(amparo_core::ExhibitKind::Photo, "a-photo", None),
        ]
    );
}

#[test]
fn a_case_file_whose_allegation_names_another_cases_document_or_a_photo_as_a_document_is_refused() {
    let (mut sender, case) = store_with_case("Jesús Rivas");
    let other = add_case(&mut sender, "Ana Torres");
    let theirs = file_i213(&mut sender, &other, 'f');
    let mine = file_i213(&mut sender, &case, '9');
    let tattoo = sender
        .create_tattoo(
            &case,
            &amparo_core::TattooDraft {
                body_location: "Left wrist".into(),
                ..amparo_core::TattooDraft::default()
            },
        )
        .expect("tattoo")
        .id;
    sender
        .create_allegation(
            &case,
            &tattoo_allegation(Some(page_of(&mine, Some(1))), vec![page_of(&mine, None)]),
        )
        .expect("allegation");
    let rows = sender.case_rows(&case).expect("rows");
    let arrival = amparo_core::Arrival {
        sender: "someone",
        sequence: 1,
        has_file: &|_| true,
        manifest_sha256: "",
        keep: true,
    };
    let set = |rows: &amparo_core::CaseRows, table: &str, column: &str, value: &str| {
        let mut changed = rows.clone();
        let t = changed
            .tables
            .iter_mut()
            .find(|t| t.table == table)
            .expect("table");
        let at = t.columns.iter().position(|c| c == column).expect("column");
        t.rows[0][at] = serde_json::json!(value);
        changed
    };

    for (hostile, why) in [
        (
            set(&rows, "allegations", "source_document_id", &theirs),
            "another case's document",
        ),
        (
            set(&rows, "allegation_answers", "item_id", &tattoo),
            "a tattoo record as a document",
        ),
    ] {
        let mut receiver = Store::open_in_memory().expect("open");
        match receiver.take_case_rows(&hostile, &arrival) {
            Err(Error::CaseFileRejected(said)) => assert!(said.contains("points at"), "{said}"),
            other => panic!("{why}: expected a refusal, got {other:?}"),
        }
        assert!(
            receiver.list_cases("").expect("cases").is_empty(),
            "{why}: nothing written"
        );
    }
}

/// A letter photographed page by page is cited by page once it is filed:
/// before, its pages may still move and "p. 2" would point elsewhere. The
/// whole of it may be cited at any time.
#[test]
fn a_page_is_cited_once_the_document_is_filed() {
    let (mut store, case) = store_with_case("Jesús Rivas");
    let page = |n: u8| amparo_core::NewPagePhoto {
        sha256: format!("{n:x}").repeat(64),
        file_name: format!("IMG_{n}.jpg"),
        format: amparo_core::PhotoFormat::Jpeg,
        byte_size: 1_000,
        width: 3024,
        height: 4032,
    };
    let letter = store
        .add_photographed_document(
            &case,
            &DocumentDetails {
                title: "Letter from the employer".into(),
                kind: DocumentKind::Letter,
                language: "en".into(),
                ..DocumentDetails::default()
            },
            &[page(1), page(2)],
        )
        .expect("started")
        .id;
    let error = store
        .create_event(&case, &arrest(vec![page_of(&letter, Some(2))]))
        .expect_err("its pages are not settled");
    assert_eq!(
        fields(error),
        vec![("sources.0".to_owned(), FieldProblem::Unknown)]
    );
    store
        .create_event(&case, &arrest(vec![page_of(&letter, None)]))
        .expect("the whole letter may be cited");
    store.file_document(&letter).expect("file");
    store
        .create_event(&case, &arrest(vec![page_of(&letter, Some(2))]))
        .expect("filed, its page 2 is cited");
}
