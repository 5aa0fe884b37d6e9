//! Documents as a family files them: a PDF's pages and text kept and
//! found by search ("page 3 of the I-213"), what they say about it checked
//! before anything is written, and the PDF kept as long as a row names it.

use amparo_core::{
    CaseDraft, DocumentDetails, DocumentKind, Error, FieldProblem, NewPdfDocument, NewPdfPage,
    RememberedDate, SearchKind, Store, TextSource,
};

fn store_with_case() -> (Store, String) {
    let mut store = Store::open_in_memory().expect("open");
    let mut draft = CaseDraft::default();
    draft.person.record_name = "Jesús Alberto Rivas Moreno".into();
    let id = store.create_case(&draft).expect("case").id;
    (store, id)
}

fn i213() -> NewPdfDocument {
    NewPdfDocument {
        details: DocumentDetails {
            title: "Form I-213".into(),
            kind: DocumentKind::Government,
            dated: Some(RememberedDate::day(2025, 8, 29)),
            issued_by: "U.S. Border Patrol".into(),
            language: "en".into(),
        },
        sha256: "a".repeat(64),
        file_name: "I-213 Rivas.pdf".into(),
        byte_size: 48_213,
        pages: vec![
            NewPdfPage {
                width_pt: 612.0,
                height_pt: 792.0,
                text: "Record of Deportable/Inadmissible Alien".into(),
            },
            NewPdfPage {
                width_pt: 612.0,
                height_pt: 792.0,
                text: String::new(),
            },
            NewPdfPage {
                width_pt: 792.0,
                height_pt: 612.0,
                text: "Subject has tattoos of crowns on both wrists".into(),
            },
        ],
    }
}

#[test]
fn a_pdf_is_filed_with_its_pages_in_order_and_their_text() {
    let (mut store, case) = store_with_case();
    let added = store.add_pdf_document(&case, &i213()).expect("add");
    assert!(!added.duplicate);
    let document = added.document;
    assert!(document.filed, "a PDF's pages are settled at once");
    assert_eq!(
        document.pdf_sha256.as_deref(),
        Some("a".repeat(64).as_str())
    );
    let numbers: Vec<_> = document
        .pages
        .iter()
        .map(|p| (p.number, p.pdf_page))
        .collect();
    assert_eq!(numbers, [(1, Some(0)), (2, Some(1)), (3, Some(2))]);
    assert_eq!(document.pages[2].width_pt, 792.0);
    let sources: Vec<_> = document.pages.iter().map(|p| p.text_source).collect();
    assert_eq!(
        sources,
        [TextSource::Pdf, TextSource::None, TextSource::Pdf]
    );

    let list = store.documents(&case).expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].page_count, list[0].pages_without_text), (3, 1));
    assert_eq!(list[0].details.issued_by, "U.S. Border Patrol");

    // Filed again (the same bytes under another name): the same document.
    let mut again = i213();
    again.file_name = "copy of I-213.pdf".into();
    let second = store.add_pdf_document(&case, &again).expect("again");
    assert!(second.duplicate);
    assert_eq!(second.document.id, document.id);
    assert_eq!(store.documents(&case).expect("list").len(), 1);
}

#[test]
fn search_finds_a_word_on_a_page_naming_the_document_and_the_page() {
    let (mut store, case) = store_with_case();
    let document = store
        .add_pdf_document(&case, &i213())
        .expect("add")
        .document;
    let found = store.search("crowns wrists", 10).expect("search");
    assert_eq!(found.hits.len(), 1, "{found:?}");
    let hit = &found.hits[0];
    assert_eq!(hit.kind, SearchKind::DocumentPage);
    assert_eq!(hit.record_id, document.id);
    assert_eq!(hit.title, "Form I-213");
    assert_eq!(hit.page, Some(3));
    assert_eq!(hit.paragraph, None);
    // The document itself by its issuer.
    let by_issuer = store.search("border patrol", 10).expect("search");
    assert_eq!(by_issuer.hits[0].kind, SearchKind::Document);
}

#[test]
fn wrong_details_write_nothing_and_name_each_field() {
    let (mut store, case) = store_with_case();
    let mut bad = i213();
    bad.details.title = "   ".into();
    bad.details.language = "Spanish!".into();
    bad.details.dated = Some(RememberedDate::day(2099, 1, 1));
    match store.add_pdf_document(&case, &bad) {
        Err(Error::Invalid(errors)) => {
            let fields: Vec<_> = errors
                .iter()
                .map(|e| (e.field.as_str(), e.problem))
                .collect();
            assert_eq!(
                fields,
                [
                    ("title", FieldProblem::Required),
                    ("language", FieldProblem::Unknown),
                    ("dated", FieldProblem::DateInFuture),
                ]
            );
        }
        other => panic!("expected field errors, got {other:?}"),
    }
    assert!(store.documents(&case).expect("list").is_empty());
    assert!(store.search("crowns", 10).expect("search").hits.is_empty());
    assert!(matches!(
        store.add_pdf_document("no-such-case", &i213()),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn details_can_be_changed_after_filing() {
    let (mut store, case) = store_with_case();
    let document = store
        .add_pdf_document(&case, &i213())
        .expect("add")
        .document;
    let mut details = document.details.clone();
    details.title = "I-213, Record of Deportable Alien".into();
    details.language = "ES".into();
    let changed = store
        .update_document_details(&document.id, &details)
        .expect("update");
    assert_eq!(changed.details.title, "I-213, Record of Deportable Alien");
    assert_eq!(changed.details.language, "es");
    assert_eq!(changed.pages, document.pages, "the pages do not change");
    assert_eq!(
        store.search("deportable alien", 10).expect("search").hits[0].title,
        "I-213, Record of Deportable Alien"
    );
}

#[test]
fn the_pdf_is_kept_while_a_document_names_it_and_erasing_the_case_leaves_no_index_rows() {
    let (mut store, case) = store_with_case();
    store.add_pdf_document(&case, &i213()).expect("add");
    assert!(
        store
            .referenced_hashes()
            .expect("hashes")
            .contains(&"a".repeat(64))
    );
    store
        .delete_case(&case, "Jesús Alberto Rivas Moreno")
        .expect("delete");
    store
        .erase_case(&case, "Jesús Alberto Rivas Moreno")
        .expect("erase");
    assert_eq!(store.search_rows_of_case(&case).expect("rows"), 0);
    assert!(
        !store
            .referenced_hashes()
            .expect("hashes")
            .contains(&"a".repeat(64))
    );
}

fn page_photo(name: &str, n: u8) -> amparo_core::NewPagePhoto {
    amparo_core::NewPagePhoto {
        sha256: format!("{n:x}").repeat(64),
        file_name: name.into(),
        format: amparo_core::PhotoFormat::Jpeg,
        byte_size: 1_000,
        width: 3024,
        height: 4032,
    }
}

#[test]
fn photographed_pages_move_turn_and_go_until_the_document_is_filed() {
    let (mut store, case) = store_with_case();
    let details = DocumentDetails {
        title: "Carta".into(),
        language: "es".into(),
        ..DocumentDetails::default()
    };
    let pages = [
        page_photo("a.jpg", 1),
        page_photo("b.jpg", 2),
        page_photo("c.jpg", 3),
    ];
    let d = store
        .add_photographed_document(&case, &details, &pages)
        .expect("start");
    assert!(!d.filed);
    let names = |d: &amparo_core::Document| -> Vec<(u32, String, u16)> {
        d.pages
            .iter()
            .map(|p| (p.number, p.file_name.clone(), p.rotation))
            .collect()
    };
    let d = store.move_document_page(&d.pages[2].id, true).expect("up");
    let d = store
        .move_document_page(&d.pages[0].id, true)
        .expect("first stays");
    let d = store
        .turn_document_page(&d.pages[0].id, false)
        .expect("turn");
    assert_eq!(
        names(&d),
        [
            (1, "a.jpg".into(), 270),
            (2, "c.jpg".into(), 0),
            (3, "b.jpg".into(), 0)
        ]
    );
    let d = store.remove_document_page(&d.pages[1].id).expect("remove");
    assert_eq!(
        names(&d),
        [(1, "a.jpg".into(), 270), (2, "b.jpg".into(), 0)]
    );
    let d = store.remove_document_page(&d.pages[0].id).expect("remove");
    assert!(
        matches!(
            store.remove_document_page(&d.pages[0].id),
            Err(Error::Invalid(_))
        ),
        "the last page stays"
    );
    // Removed photos are no longer kept for this document.
    let kept = store.referenced_hashes().expect("hashes");
    assert!(kept.contains(&"2".repeat(64)) && !kept.contains(&"3".repeat(64)));

    let d = store.file_document(&d.id).expect("file");
    assert!(d.filed);
    for change in [
        store.turn_document_page(&d.pages[0].id, true),
        store.move_document_page(&d.pages[0].id, false),
        store.remove_document_page(&d.pages[0].id),
    ] {
        assert!(matches!(change, Err(Error::DocumentFiled)));
    }
    // Its text and translation still may change.
    store
        .set_document_page_translation(&d.pages[0].id, "Dear Judge")
        .expect("translate");
    assert!(
        store
            .add_photographed_document(&case, &details, &[])
            .is_err()
    );
}

/// The window draws the pages of a filed document's PDF, and of nothing
/// else: not of another stored file, not once its case is deleted.
#[test]
fn only_a_document_pdf_of_a_case_not_deleted_is_drawn() {
    let (mut store, case) = store_with_case();
    store.add_pdf_document(&case, &i213()).expect("add");
    let pdf = "a".repeat(64);
    assert!(store.is_shown_document_pdf(&pdf).expect("ask"));
    assert!(!store.is_shown_document_pdf(&"b".repeat(64)).expect("ask"));
    store
        .delete_case(&case, "Jesús Alberto Rivas Moreno")
        .expect("delete");
    assert!(!store.is_shown_document_pdf(&pdf).expect("ask"));
}
