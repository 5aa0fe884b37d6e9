//! Documents in the packet: a 12-page PDF's own pages placed as vectors
//! (its words still read by pdftotext from the packet), each page with the
//! packet's number and "Exhibit X, page n of 12"; a Spanish document after
//! its English translation and certificate of translation (LEGAL-FORMATS.md
//! 2: translation, certificate, then the original); the index naming each
//! document; a filing print refused while a page has no translation; the
//! rebuttal table and the chronology citing a document's page by the
//! document's exhibit letter; a declaration's paragraph citing "(Exhibit C,
//! p. 3)", the letter kept by the packet once signed.

mod common;
#[path = "support/packet_fixture.rs"]
mod packet_fixture;
#[path = "../../amparo-media/tests/support/pdf.rs"]
#[allow(dead_code)]
mod pdf_support;

use amparo_core::{
    AllegationDraft, Citation, DocumentDetails, DocumentKind, EventDraft, EvidenceLink,
    ExhibitItem, ExhibitKind, LinkKind, PacketItem, PacketItemKind, PrintCheckCode, RememberedDate,
    SigningRecord, packet_letters,
};
use amparo_print::{
    PacketPurpose, PrintError, PrintedPacket, Purpose, packet_checks, print_packet,
    print_statement, sign_statement, statement_checks,
};
use common::{flat_raw_text, flat_text, pages_raw_text};
use packet_fixture::{PacketFixture, packet_fixture};
use pdf_support::{PdfSpec, pdf};

fn file(f: &mut PacketFixture, name: &str, bytes: &[u8], details: DocumentDetails) -> String {
    let path = f.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    amparo_media::file_pdf(&mut f.store, &f.blobs, &f.case_id, &path, &details)
        .expect("file")
        .document
        .id
}

/// The fixture's packet plus the I-213 (12 pages, a marker word on each)
/// and a Spanish birth certificate.
fn with_documents() -> (PacketFixture, String, String) {
    let mut f = packet_fixture(1, 320, 240);
    let pages: Vec<Vec<String>> = (1..=12)
        .map(|n| {
            vec![
                "RECORD OF DEPORTABLE/INADMISSIBLE ALIEN".to_owned(),
                format!("Narrative continued, marker zqxpage{n}"),
            ]
        })
        .collect();
    let i213 = pdf(&PdfSpec {
        pages: pages
            .iter()
            .map(|p| p.iter().map(String::as_str).collect())
            .collect(),
        ..PdfSpec::default()
    });
    let i213 = file(
        &mut f,
        "I-213.pdf",
        &i213,
        DocumentDetails {
            title: "Form I-213".into(),
            kind: DocumentKind::Government,
            dated: Some(RememberedDate::day(2025, 8, 29)),
            issued_by: "U.S. Border Patrol".into(),
            language: "en".into(),
        },
    );
    let certificate = pdf(&PdfSpec {
        pages: vec![vec![
            "REPUBLICA BOLIVARIANA DE VENEZUELA",
            "ACTA DE NACIMIENTO zqxoriginal",
            "Capacho, estado Tachira",
        ]],
        ..PdfSpec::default()
    });
    let birth = file(
        &mut f,
        "acta.pdf",
        &certificate,
        DocumentDetails {
            title: "Acta de nacimiento".into(),
            kind: DocumentKind::Identity,
            dated: Some(RememberedDate::year(1998)),
            issued_by: "Registro Civil, Capacho".into(),
            language: "es".into(),
        },
    );
    let mut draft = f.store.packet(&f.case_id).expect("packet");
    draft.items.insert(
        0,
        PacketItem {
            kind: PacketItemKind::Document,
            id: birth.clone(),
        },
    );
    draft.items.push(PacketItem {
        kind: PacketItemKind::Document,
        id: i213.clone(),
    });
    draft.translator.name = "Ana Torres".into();
    f.store.save_packet(&f.case_id, &draft).expect("save");
    (f, i213, birth)
}

/// The index's two pages as one line of words.
/// The packet printed as a draft.
fn print_draft(f: &PacketFixture) -> Result<PrintedPacket, PrintError> {
    print_packet(
        &f.store,
        &f.blobs,
        &f.case_id,
        PacketPurpose::Draft,
        &|_| {},
    )
}

fn index_text(pages: &[String]) -> String {
    let index = page_with(pages, "INDEX OF EXHIBITS");
    pages[index..index + 2]
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn page_with(pages: &[String], words: &str) -> usize {
    pages
        .iter()
        .position(|p| p.contains(words))
        .unwrap_or_else(|| panic!("no page says {words:?}"))
}

#[test]
fn a_pdf_prints_as_its_own_pages_with_the_packet_numbers_and_its_page_labels() {
    let (f, _, birth) = with_documents();
    let page = f.store.document(&birth).expect("doc").pages[0].id.clone();
    let mut store = f.store;
    store
        .set_document_page_translation(
            &page,
            "BOLIVARIAN REPUBLIC OF VENEZUELA\nBIRTH CERTIFICATE zqxenglish",
        )
        .expect("translate");
    let f = PacketFixture { store, ..f };
    let printed = print_draft(&f).expect("print");
    let pdf = &printed.files[0].pdf;
    let pages = pages_raw_text(pdf);

    // Every page of the I-213, in order, as text (vectors, not pictures),
    // labelled and numbered; the packet's numbers run on.
    let first = page_with(&pages, "zqxpage1\n");
    for n in 1..=12 {
        let at = page_with(&pages, &format!("zqxpage{n}\n"));
        assert_eq!(at, first + n - 1, "page {n} of the I-213");
        // The foot: "Exhibit J, page 3 of 12" and the packet's number.
        let foot = format!(", page {n} of 12 {}", at + 1);
        assert!(
            pages[at]
                .lines()
                .any(|l| l.starts_with("Exhibit ") && l.ends_with(&foot)),
            "page {n}:\n{}",
            pages[at]
        );
    }

    // The Spanish certificate: translation, its certificate, then the
    // original.
    let english = page_with(&pages, "zqxenglish");
    let certificate = page_with(&pages, "CERTIFICATE OF TRANSLATION");
    let original = page_with(&pages, "zqxoriginal");
    assert!(
        english < certificate && certificate < original,
        "{english} {certificate} {original}"
    );
    assert!(pages[certificate].contains("Ana Torres"));
    assert!(pages[certificate].contains("Spanish"));

    // The index names both, with their groups' order kept.
    let index_text = index_text(&pages);
    assert!(
        index_text.contains("Form I-213 (U.S. Border Patrol, August 29, 2025), 12 pages"),
        "{index_text}"
    );
    assert!(
        index_text.contains("Acta de nacimiento (Registro Civil, Capacho, 1998), 1 page in Spanish, with English translation and certificate of translation"),
        "{index_text}"
    );
}

#[test]
fn a_filing_print_waits_for_every_page_of_a_foreign_document_to_be_translated() {
    let (f, _, _) = with_documents();
    match print_packet(
        &f.store,
        &f.blobs,
        &f.case_id,
        PacketPurpose::Filing,
        &|_| {},
    ) {
        Err(PrintError::PacketNotReady(checks)) => {
            let check = checks
                .iter()
                .find(|c| c.code == PrintCheckCode::PagesNotTranslated)
                .expect("the untranslated page is named");
            assert!(check.blocks);
            assert_eq!(check.paragraphs, [1]);
        }
        other => panic!("expected the packet not ready, got {:?}", other.map(|_| ())),
    }
}

fn page_of(id: &str, page: Option<u32>) -> EvidenceLink {
    EvidenceLink {
        kind: LinkKind::Document,
        id: id.into(),
        paragraph: None,
        page,
    }
}

#[test]
fn the_rebuttal_table_shows_the_page_of_the_i213_that_makes_an_allegation_and_what_answers_it() {
    let (mut f, i213, birth) = with_documents();
    f.store
        .create_allegation(
            &f.case_id,
            &AllegationDraft {
                made_by: "U.S. Border Patrol".into(),
                document: "Form I-213".into(),
                criterion: "Age stated by the officer".into(),
                claim: "Subject is 27 years old".into(),
                source: Some(page_of(&i213, Some(2))),
                answers: vec![page_of(&birth, Some(1))],
                ..AllegationDraft::default()
            },
        )
        .expect("allegation");
    f.store
        .create_event(
            &f.case_id,
            &EventDraft {
                date: Some(RememberedDate::day(2025, 8, 29)),
                description: "Stopped at the border zqxevent".into(),
                sources: vec![page_of(&i213, Some(7))],
                ..EventDraft::default()
            },
        )
        .expect("event");
    let mut draft = f.store.packet(&f.case_id).expect("packet");
    for kind in [PacketItemKind::Chronology, PacketItemKind::Rebuttal] {
        if !draft.items.iter().any(|i| i.kind == kind) {
            draft.items.push(PacketItem {
                kind,
                id: f.case_id.clone(),
            });
        }
    }
    f.store.save_packet(&f.case_id, &draft).expect("save");
    let packet = f.store.packet(&f.case_id).expect("packet");
    let (letters, _) = packet_letters(
        &packet.items,
        &f.store.pinned_letters(&f.case_id).expect("pins"),
    );
    let letter_of = |id: &str| {
        let at = packet
            .items
            .iter()
            .position(|i| i.kind == PacketItemKind::Document && i.id == id)
            .expect("the document is an exhibit");
        letters[at].clone()
    };

    let printed = print_draft(&f).expect("print");
    let text = flat_raw_text(&printed.files[0].pdf);
    let rebuttal_at = text
        .find("Age stated by the officer")
        .expect("the allegation is printed");
    let row = &text[rebuttal_at..];
    let made_in = format!(
        "Filed copy: Form I-213, p. 2 (Exhibit {})",
        letter_of(&i213)
    );
    let answered = format!("Acta de nacimiento, p. 1 (Exhibit {})", letter_of(&birth));
    assert!(row.contains(&made_in), "{made_in} in {row}");
    assert!(row.contains(&answered), "{answered} in {row}");
    let event_at = text.find("zqxevent").expect("the event is printed");
    let cited = format!("Form I-213, p. 7 (Exhibit {})", letter_of(&i213));
    assert!(
        text[event_at..].contains(&cited),
        "{cited} in {}",
        &text[event_at..]
    );

    // Taken out of the packet, the I-213 is named as cited from outside.
    let mut without = packet.clone();
    without.items.retain(|i| i.id != i213);
    f.store.save_packet(&f.case_id, &without).expect("save");
    let outside: Vec<String> = packet_checks(&f.store, &f.blobs, &f.case_id)
        .expect("checks")
        .into_iter()
        .filter(|c| c.code == PrintCheckCode::TableCitesOutside)
        .map(|c| c.subject)
        .collect();
    assert_eq!(outside, ["Form I-213", "Form I-213"], "once per table");
}

fn cite(kind: ExhibitKind, id: &str, page: Option<u32>) -> Citation {
    Citation {
        item: ExhibitItem {
            kind,
            id: id.into(),
        },
        page,
    }
}

#[test]
fn a_paragraph_cites_a_page_of_the_i213_and_the_signed_letter_holds_in_the_packet() {
    let (mut f, i213, birth) = with_documents();
    let mother = f
        .store
        .statements(&f.case_id)
        .expect("statements")
        .into_iter()
        .find(|s| s.declarant_name.starts_with("María"))
        .expect("the mother's statement")
        .id;

    // Page 13 of a 12-page document is named before anything is printed.
    let mut draft = f.store.statement(&mother).expect("statement").draft;
    draft.paragraphs[2].exhibits = vec![cite(ExhibitKind::Document, &i213, Some(13))];
    f.store.update_statement(&mother, &draft).expect("save");
    let checks = statement_checks(&f.store, &mother).expect("checks");
    let missing = checks
        .iter()
        .find(|c| c.code == PrintCheckCode::MissingExhibit)
        .expect("a page the document lacks is a missing exhibit");
    assert_eq!(missing.paragraphs, [3]);

    // Each letter once, with its pages; the whole I-213 cited beside its
    // pages adds nothing to them.
    draft.paragraphs[2].exhibits = vec![
        cite(ExhibitKind::Document, &i213, Some(3)),
        cite(ExhibitKind::Document, &birth, None),
        cite(ExhibitKind::Document, &i213, Some(7)),
        cite(ExhibitKind::Document, &i213, None),
    ];
    draft.paragraphs[3].exhibits = vec![cite(ExhibitKind::Document, &i213, Some(3))];
    f.store.update_statement(&mother, &draft).expect("save");
    let i213_letter = f
        .store
        .assign_exhibit_letter(&ExhibitItem {
            kind: ExhibitKind::Document,
            id: i213.clone(),
        })
        .expect("letter");
    assert_eq!(
        i213_letter.label, "Form I-213",
        "a document's letter shows its title"
    );
    let birth_letter = f
        .store
        .assign_exhibit_letter(&ExhibitItem {
            kind: ExhibitKind::Document,
            id: birth.clone(),
        })
        .expect("letter")
        .letter;
    let i213_letter = i213_letter.letter;
    assert!(
        !statement_checks(&f.store, &mother)
            .expect("checks")
            .iter()
            .any(|c| c.code == PrintCheckCode::MissingExhibit)
    );
    let text = flat_text(&print_statement(&f.store, &mother, Purpose::Draft).expect("pdf"));
    for cited in [
        format!("(Exhibits {i213_letter}, pp. 3, 7; {birth_letter})"),
        format!("(Anexos {i213_letter}, págs. 3, 7; {birth_letter})"),
        format!("(Exhibit {i213_letter}, p. 3)"),
        format!("(Anexo {i213_letter}, pág. 3)"),
    ] {
        assert!(text.contains(&cited), "{cited} in {text}");
    }

    // Signed, the letters are pinned: a packet that puts the documents
    // after the earlier pinned exhibits gives them their letters.
    let scan_path = f.dir.path().join("signed-again.jpg");
    std::fs::write(
        &scan_path,
        pdf_support::photo_of_page(&["signed page"], false).0,
    )
    .expect("scan");
    let scan = amparo_media::keep_image(&f.blobs, &scan_path).expect("keep scan");
    sign_statement(
        &mut f.store,
        &f.blobs,
        &mother,
        &SigningRecord {
            signed_on: "2026-11-20".into(),
            place: draft.place.clone(),
        },
        &[scan],
    )
    .expect("signed");
    let pins = f.store.pinned_letters(&f.case_id).expect("pins");
    let pinned_letter = |id: &str| {
        pins.iter()
            .find(|p| p.item.kind == PacketItemKind::Document && p.item.id == id)
            .map(|p| p.letter.clone())
    };
    assert_eq!(pinned_letter(&i213), Some(i213_letter.clone()));
    assert_eq!(pinned_letter(&birth), Some(birth_letter.clone()));
    let mut packet = f.store.packet(&f.case_id).expect("packet");
    let mut pinned: Vec<PacketItem> = packet
        .items
        .iter()
        .filter(|i| pins.iter().any(|p| p.item == **i))
        .cloned()
        .collect();
    pinned.sort_by_key(|i| {
        let letter = &pins.iter().find(|p| p.item == *i).expect("pin").letter;
        (letter.len(), letter.clone())
    });
    packet.items.retain(|i| !pinned.contains(i));
    pinned.append(&mut packet.items);
    packet.items = pinned;
    f.store.save_packet(&f.case_id, &packet).expect("save");
    let (letters, conflicts) = packet_letters(&packet.items, &pins);
    assert!(conflicts.is_empty(), "{conflicts:?}");
    let letter_in_packet = |id: &str| {
        let at = packet
            .items
            .iter()
            .position(|i| i.kind == PacketItemKind::Document && i.id == id)
            .expect("in the packet");
        letters[at].clone()
    };
    assert_eq!(letter_in_packet(&i213), i213_letter);
    assert_eq!(letter_in_packet(&birth), birth_letter);

    // Put after the birth certificate (D), the I-213 cannot keep C: the
    // packet names the conflict before printing.
    let mut after = packet.clone();
    let at = after
        .items
        .iter()
        .position(|i| i.id == i213)
        .expect("I-213");
    let moved = after.items.remove(at);
    after.items.push(moved);
    let (_, conflicts) = packet_letters(&after.items, &pins);
    assert!(
        conflicts
            .iter()
            .any(|c| c.pin.item.id == i213 && c.pin.letter == i213_letter),
        "{conflicts:?}"
    );
}

#[test]
fn a_long_document_prints_as_an_excerpt_with_its_first_page_each_page_marked() {
    let (mut f, i213, _) = with_documents();
    let mut draft = f.store.packet(&f.case_id).expect("packet");
    draft.excerpts = vec![amparo_core::DocumentExcerpt {
        document_id: i213.clone(),
        pages: vec![13],
    }];
    match f.store.save_packet(&f.case_id, &draft) {
        Err(amparo_core::Error::Invalid(fields)) => {
            assert_eq!(fields[0].field, "excerpts.0");
        }
        other => panic!("page 13 of 12 refused, got {other:?}"),
    }
    draft.excerpts[0].pages = vec![5, 3, 4, 4];
    let saved = f.store.save_packet(&f.case_id, &draft).expect("save");
    assert_eq!(
        saved.excerpts[0].pages,
        [1, 3, 4, 5],
        "the first page goes, in order, once"
    );

    let printed = print_draft(&f).expect("print");
    let pages = pages_raw_text(&printed.files[0].pdf);
    for n in [2, 6, 7, 12] {
        assert!(
            !pages.iter().any(|p| p.contains(&format!("zqxpage{n}\n"))),
            "page {n} is not in the excerpt"
        );
    }
    let first = page_with(&pages, "zqxpage1\n");
    for (k, n) in [1, 3, 4, 5].into_iter().enumerate() {
        let at = page_with(&pages, &format!("zqxpage{n}\n"));
        assert_eq!(at, first + k, "page {n} follows in order");
        let foot = format!(" (excerpt), page {n} of 12 {}", at + 1);
        assert!(
            pages[at]
                .lines()
                .any(|l| l.starts_with("Exhibit ") && l.ends_with(&foot)),
            "page {n}:\n{}",
            pages[at]
        );
    }
    let index_text = index_text(&pages);
    assert!(
        index_text.contains(
            "Form I-213 (U.S. Border Patrol, August 29, 2025), excerpt: pages 1, 3–5 of 12"
        ),
        "{index_text}"
    );

    // All pages again: the excerpt is gone, not kept as every page.
    draft.excerpts[0].pages = (1..=12).collect();
    assert!(
        f.store
            .save_packet(&f.case_id, &draft)
            .expect("save")
            .excerpts
            .is_empty()
    );
}

/// An excerpt that came in a case file, never checked here, naming no
/// page the document has: the whole document prints, not an exhibit
/// without pages.
#[test]
fn an_excerpt_naming_no_page_of_its_document_prints_the_whole_document() {
    let (f, i213, _) = with_documents();
    amparo_core::raw_connection_for_tests(
        &f.dir.path().join(amparo_core::DATABASE_FILE),
        &amparo_core::Keys::fixed_for_tests(),
    )
    .expect("raw")
    .execute(
        "UPDATE packets SET body = json_set(body, '$.excerpts',
            json_array(json_object('documentId', ?2, 'pages', json_array(40, 41))))
         WHERE case_id = ?1",
        [&f.case_id, &i213],
    )
    .expect("an excerpt as a case file could bring it");
    assert_eq!(
        f.store.packet(&f.case_id).expect("packet").excerpts[0].pages,
        [40, 41]
    );
    let printed = print_draft(&f).expect("print");
    let pages = pages_raw_text(&printed.files[0].pdf);
    for n in 1..=12 {
        page_with(&pages, &format!("zqxpage{n}\n"));
    }
    assert!(
        index_text(&pages).contains("Form I-213 (U.S. Border Patrol, August 29, 2025), 12 pages"),
        "{}",
        index_text(&pages)
    );
}
