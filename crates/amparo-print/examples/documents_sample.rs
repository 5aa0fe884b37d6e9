//! Writes `evidence-packet-documents.pdf` into a folder (default
//! docs/samples): the example case's packet with three documents as a
//! family files them: a 12-page PDF with a text layer (an I-213 stand-in),
//! an employer's letter from three phone photos of paper (the last taken
//! sideways, turned back before filing), and a scanned Spanish birth
//! certificate (a picture-only PDF) read by OCR, translated, and printed
//! after its English translation and certificate of translation. `make
//! samples` turns it into PNG pages.

#[path = "../../amparo-media/tests/support/pdf.rs"]
#[allow(dead_code)]
mod pdf_support;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use amparo_core::{
    BlobStore, DocumentDetails, DocumentKind, EvidenceLink, LinkKind, PacketItem, PacketItemKind,
    RememberedDate, Store,
};
use amparo_media::{add_documents, read_document_pages};
use pdf_support::{PdfSpec, pdf, photo_of_page, scanned_pdf};

type Failure = Box<dyn std::error::Error>;

fn add(
    store: &mut Store,
    blobs: &BlobStore,
    case_id: &str,
    paths: &[PathBuf],
    details: DocumentDetails,
) -> Result<String, Failure> {
    let filed = add_documents(store, blobs, case_id, paths, &details)?;
    match &filed[0].result {
        amparo_media::DocumentFiledResult::Filed { document_id, .. }
        | amparo_media::DocumentFiledResult::Started { document_id, .. } => Ok(document_id.clone()),
        amparo_media::DocumentFiledResult::Refused { message, .. } => Err(message.clone().into()),
    }
}

fn main() -> Result<(), Failure> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("docs/samples"));
    std::fs::create_dir_all(&out)?;
    let dir = tempfile::tempdir()?;
    let keys = amparo_core::Keys::fixed_for_tests();
    let mut store = Store::open(dir.path(), &keys)?;
    let blobs = BlobStore::open(dir.path(), &keys)?;
    let case_id = store.add_example_case()?.id;

    // The I-213 stand-in: 12 pages with a text layer.
    let pages: Vec<Vec<String>> = (1..=12)
        .map(|n| {
            vec![
                "RECORD OF DEPORTABLE/INADMISSIBLE ALIEN (EXAMPLE - FICTIONAL)".to_owned(),
                format!("Narrative, page {n} of 12."),
                "Subject has tattoos of crowns on both wrists.".to_owned(),
            ]
        })
        .collect();
    let i213 = dir.path().join("I-213.pdf");
    std::fs::write(
        &i213,
        pdf(&PdfSpec {
            pages: pages
                .iter()
                .map(|p| p.iter().map(String::as_str).collect())
                .collect(),
            ..PdfSpec::default()
        }),
    )?;
    let i213 = add(
        &mut store,
        &blobs,
        &case_id,
        &[i213],
        DocumentDetails {
            title: "Form I-213, Record of Deportable/Inadmissible Alien".into(),
            kind: DocumentKind::Government,
            dated: Some(RememberedDate::day(2025, 8, 29)),
            issued_by: "U.S. Customs and Border Protection".into(),
            language: "en".into(),
        },
    )?;

    // The employer's letter: three phone photos, the last sideways.
    let letter = [
        (
            &[
                "Dear Judge,",
                "Jesus has worked as a makeup artist at my salon in Texas",
            ][..],
            false,
        ),
        (&["since 2024. He is honest and kind."][..], false),
        (
            &["Sincerely,", "Carolina Mendoza, Salon Owner (example)"][..],
            true,
        ),
    ];
    let mut photos = Vec::new();
    for (i, (lines, sideways)) in letter.iter().enumerate() {
        let path = dir.path().join(format!("IMG_20{}.jpg", 41 + i));
        std::fs::write(&path, photo_of_page(lines, *sideways).0)?;
        photos.push(path);
    }
    let letter = add(
        &mut store,
        &blobs,
        &case_id,
        &photos,
        DocumentDetails {
            title: "Letter from Carolina Mendoza, the respondent's employer".into(),
            kind: DocumentKind::Letter,
            dated: None,
            issued_by: "Carolina Mendoza".into(),
            language: "en".into(),
        },
    )?;
    let third = store.document(&letter)?.pages[2].id.clone();
    store.turn_document_page(&third, false)?;
    store.file_document(&letter)?;

    // The birth certificate, scanned by a copier to a picture-only PDF.
    let (jpeg, width, height) = photo_of_page(
        &[
            "REPUBLICA BOLIVARIANA DE VENEZUELA (EJEMPLO - FICTICIO)",
            "ACTA DE NACIMIENTO",
            "Nacido en Capacho, estado Tachira, el 12 de agosto de 1994",
            "Padres: Maria Elena Moreno y Jose Rivas",
            "Registrador: Pregonero Urdaneta",
        ],
        false,
    );
    let acta = dir.path().join("acta escaneada.pdf");
    std::fs::write(&acta, scanned_pdf(&jpeg, width, height))?;
    let acta = add(
        &mut store,
        &blobs,
        &case_id,
        &[acta],
        DocumentDetails {
            title: "Birth certificate (Acta de nacimiento)".into(),
            kind: DocumentKind::Identity,
            dated: Some(RememberedDate::year(1994)),
            issued_by: "Registro Civil, Capacho".into(),
            language: "es".into(),
        },
    )?;
    let never = AtomicBool::new(false);
    read_document_pages(&mut store, &blobs, &acta, &never, |_| {})?;
    read_document_pages(&mut store, &blobs, &letter, &never, |_| {})?;
    let page = store.document(&acta)?.pages[0].id.clone();
    store.set_document_page_translation(
        &page,
        "BOLIVARIAN REPUBLIC OF VENEZUELA (EXAMPLE - FICTIONAL)\nBIRTH CERTIFICATE\nBorn in Capacho, Tachira State, on August 12, 1994\nParents: Maria Elena Moreno and Jose Rivas\nRegistrar: Pregonero Urdaneta",
    )?;

    // The tattoo allegation points to the page of the I-213 that makes it.
    if let Some(first) = store.allegations(&case_id)?.into_iter().next() {
        let mut allegation = first.allegation;
        allegation.source = Some(EvidenceLink {
            kind: LinkKind::Document,
            id: i213.clone(),
            paragraph: None,
            page: Some(3),
        });
        store.update_allegation(&first.id, &allegation)?;
    }

    let mut draft = store.packet(&case_id)?;
    for (i, id) in [acta, letter, i213].into_iter().enumerate() {
        let item = PacketItem {
            kind: PacketItemKind::Document,
            id,
        };
        if !draft.items.contains(&item) {
            // Identity first; the others after the declarations.
            if i == 0 {
                draft.items.insert(0, item);
            } else {
                draft.items.push(item);
            }
        }
    }
    let rebuttal = PacketItem {
        kind: PacketItemKind::Rebuttal,
        id: case_id.clone(),
    };
    if !draft.items.contains(&rebuttal) {
        draft.items.push(rebuttal);
    }
    draft.translator.name = "Ana Lucía Pérez (example translator)".into();
    draft.translator.address = "100 Example Street, San Antonio, TX 78205".into();
    draft.translator.phone = "(210) 555-0100".into();
    draft.page_prefix = "R-".into();
    store.save_packet(&case_id, &draft)?;
    let printed = amparo_print::print_packet(
        &store,
        &blobs,
        &case_id,
        amparo_print::PacketPurpose::Draft,
        &|_| {},
    )?;
    write(&out, &printed.files[0].pdf)
}

fn write(out: &Path, pdf: &[u8]) -> Result<(), Failure> {
    std::fs::write(out.join("evidence-packet-documents.pdf"), pdf)?;
    Ok(())
}
