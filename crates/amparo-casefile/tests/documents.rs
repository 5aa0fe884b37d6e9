//! Documents travel in a case file: a PDF and a photographed document go
//! from the mother to the advocate with every page, its text and its
//! translation, the originals byte for byte and the custody log verifying;
//! a page's text corrected at the advocate's comes back and is taken.

mod support;

#[path = "../../amparo-media/tests/support/pdf.rs"]
#[allow(dead_code)]
mod pdf_support;

use std::path::Path;

use amparo_casefile::{Mode, SendTo, open_case_file, send_case};
use amparo_core::{Contact, DocumentDetails, DocumentKind};
use pdf_support::{PdfSpec, pdf};
use support::{Amparo, packet_fixture};

fn send(from: &mut Amparo, case_id: &str, to: &Contact, out: &Path) {
    send_case(
        &mut from.store,
        &from.blobs,
        case_id,
        &SendTo::Contacts(vec![to.clone()]),
        out,
    )
    .expect("send");
}

#[test]
fn documents_arrive_whole_and_a_corrected_page_comes_back() {
    let mut mother = Amparo::empty();
    let case_id = mother.store.add_example_case().expect("example").id;
    let files = tempfile::tempdir().expect("files");
    let report = pdf(&PdfSpec {
        pages: vec![
            vec!["Country report, page one"],
            vec!["Three Kings festival in Capacho"],
        ],
        ..PdfSpec::default()
    });
    let report_path = files.path().join("report.pdf");
    std::fs::write(&report_path, &report).expect("pdf");
    let photo = files.path().join("carta.jpg");
    packet_fixture::picture(7, 320, 420)
        .save(&photo)
        .expect("photo");
    let details = DocumentDetails {
        title: "Informe".into(),
        kind: DocumentKind::CountryConditions,
        language: "es".into(),
        ..DocumentDetails::default()
    };
    let filed = amparo_media::add_documents(
        &mut mother.store,
        &mother.blobs,
        &case_id,
        &[report_path, photo],
        &details,
    )
    .expect("add");
    assert_eq!(filed.len(), 2);
    let documents = mother.store.documents(&case_id).expect("list");
    let (pdf_id, letter_id) = (documents[0].id.clone(), documents[1].id.clone());
    mother.store.file_document(&letter_id).expect("file");
    let page = mother.store.document(&pdf_id).expect("doc").pages[1]
        .id
        .clone();
    mother
        .store
        .set_document_page_translation(&page, "Three Kings festival in Capacho (English)")
        .expect("translate");

    let mut advocate = Amparo::empty();
    let to_advocate = mother.add("Ana", &mut advocate);
    let to_mother = advocate.add("Rosa", &mut mother);
    let out = tempfile::tempdir().expect("out");
    let there = out.path().join("there.amparo");
    send(&mut mother, &case_id, &to_advocate, &there);
    open_case_file(
        &mut advocate.store,
        &advocate.blobs,
        &there,
        None,
        Mode::Open,
    )
    .expect("open");

    for id in [&pdf_id, &letter_id] {
        let sent = mother.store.document(id).expect("mother's");
        let arrived = advocate.store.document(id).expect("arrived");
        assert_eq!(arrived, sent, "the document arrives as it was");
    }
    let arrived_pdf = advocate
        .store
        .document(&pdf_id)
        .expect("pdf")
        .pdf_sha256
        .expect("sha");
    assert_eq!(
        advocate
            .blobs
            .read_original(&arrived_pdf)
            .expect("original"),
        report,
        "the PDF arrives byte for byte"
    );
    let found = advocate
        .store
        .search("festival Capacho", 10)
        .expect("search");
    assert!(
        found
            .hits
            .iter()
            .any(|h| h.page == Some(2) && h.record_id == pdf_id),
        "{found:?}"
    );
    let log = amparo_casefile::custody_report(&advocate.store, &case_id).expect("custody");
    assert!(log.problems.is_empty(), "{:?}", log.problems);

    // The advocate corrects the first page's text; it comes back.
    let first = advocate.store.document(&pdf_id).expect("doc").pages[0]
        .id
        .clone();
    advocate
        .store
        .set_document_page_text(&first, "Country report, page one (corrected)")
        .expect("correct");
    let back = out.path().join("back.amparo");
    send(&mut advocate, &case_id, &to_mother, &back);
    open_case_file(&mut mother.store, &mother.blobs, &back, None, Mode::Open).expect("open back");
    assert_eq!(
        mother.store.document(&pdf_id).expect("doc").pages[0].text,
        "Country report, page one (corrected)"
    );
    assert!(
        mother
            .store
            .arrived_changes(&case_id)
            .expect("changes")
            .is_empty()
    );
}

#[test]
fn a_document_that_would_not_be_filed_here_refuses_the_case_file_by_name() {
    // A document filing would refuse (it carries JavaScript), recorded in
    // the sender's Amparo past its check: what a hostile sender sends. It
    // would otherwise reach a packet, where the PDF is placed as it is.
    let mut mother = Amparo::empty();
    let case_id = mother.store.add_example_case().expect("example").id;
    let script = pdf(&PdfSpec {
        pages: vec![vec!["Carta de apoyo"]],
        catalog_extra: "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>",
        ..PdfSpec::default()
    });
    let sha256 = support::sha256(&script);
    mother
        .blobs
        .put_original(&sha256, &script)
        .expect("original");
    mother
        .store
        .add_pdf_document(
            &case_id,
            &amparo_core::NewPdfDocument {
                details: DocumentDetails {
                    title: "Carta de apoyo".into(),
                    ..DocumentDetails::default()
                },
                sha256: sha256.clone(),
                file_name: "carta.pdf".into(),
                byte_size: script.len() as u64,
                pages: vec![amparo_core::NewPdfPage {
                    width_pt: 612.0,
                    height_pt: 792.0,
                    text: "Carta de apoyo".into(),
                }],
            },
        )
        .expect("recorded past the check");
    let mut advocate = Amparo::empty();
    let to = mother.add("Ana", &mut advocate);
    let out = tempfile::tempdir().expect("out");
    let file = out.path().join("case.amparo");
    send(&mut mother, &case_id, &to, &file);
    let before = advocate.stored_files();
    let refused = open_case_file(
        &mut advocate.store,
        &advocate.blobs,
        &file,
        None,
        Mode::Open,
    )
    .expect_err("refused");
    match &refused {
        amparo_casefile::CaseFileError::Document(named, why) => {
            assert_eq!(named, &sha256);
            assert!(why.to_string().contains("JavaScript"), "{why}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(refused.code(), "caseFileDocument");
    assert_eq!(advocate.stored_files(), before, "nothing kept");
    assert!(advocate.store.list_cases("").expect("cases").is_empty());
}
