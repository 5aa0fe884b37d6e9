//! Sworn pages are frozen and signatures are real: a signed declaration
//! enters the packet as the pages stored when it was marked signed, whatever
//! changed since; a filing packet needs the scans of the signed pages; a
//! stored filing set that no longer matches its SHA-256 is never printed;
//! each certificate of translation follows the exhibit it certifies.

mod common;
#[path = "support/packet_fixture.rs"]
mod packet_fixture;

use std::process::Command;

use amparo_core::{PrintCheckCode, SigningPlace, SigningRecord};
use amparo_print::{
    PacketPurpose, PrintError, PrintedPacket, Purpose, print_packet, print_signed, print_statement,
};
use common::{flat_text, pages_raw_text};
use packet_fixture::{PacketFixture, packet_fixture};

const MOTHER: &str = "María Elena Moreno de Rivas";
const PREFIX: &str = "AMP-";

/// One photo, both tattoo records and the three signed declarations, each
/// with a scan of its signed pages; pages numbered AMP-000001 and on.
fn small_packet() -> PacketFixture {
    let mut f = packet_fixture(1, 320, 240);
    let mut draft = f.store.packet(&f.case_id).expect("packet");
    draft.page_prefix = PREFIX.into();
    f.store.save_packet(&f.case_id, &draft).expect("save");
    f
}

fn mother(f: &PacketFixture) -> String {
    f.store
        .statements(&f.case_id)
        .expect("statements")
        .into_iter()
        .find(|s| s.declarant_name.starts_with("María"))
        .expect("mother")
        .id
}

fn print(f: &PacketFixture, purpose: PacketPurpose) -> Result<PrintedPacket, PrintError> {
    print_packet(&f.store, &f.blobs, &f.case_id, purpose, &|_| {})
}

fn one_file(printed: &PrintedPacket) -> &[u8] {
    assert_eq!(printed.files.len(), 1, "a small packet is one file");
    &printed.files[0].pdf
}

/// The number the packet prints on page `index` (from 0).
fn packet_number(index: usize) -> String {
    format!("{PREFIX}{:06}", index + 1)
}

/// Index (from 0) of the slip sheet of the exhibit described as starting
/// with `description`.
fn slip_sheet(pages: &[String], description: &str) -> usize {
    pages
        .iter()
        .position(|p| {
            let lines: Vec<&str> = p.lines().map(str::trim).collect();
            lines.windows(2).any(|w| {
                w[0].starts_with("EXHIBIT ")
                    && w[0].len() <= "EXHIBIT ZZ".len()
                    && w[1].starts_with(description)
            })
        })
        .unwrap_or_else(|| panic!("no slip sheet for {description}"))
}

/// The page's text without the packet's own number: its last line, which
/// must be exactly `number` (anything else there is a difference, not a
/// label, and fails).
fn without_packet_number(page: &str, number: &str) -> String {
    let mut lines: Vec<&str> = page.lines().collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    assert_eq!(
        lines.pop(),
        Some(number),
        "the packet's number is the page's last line:\n{page}"
    );
    lines.join("\n")
}

fn normalized_end(page: &str) -> String {
    page.trim_end().to_owned()
}

#[test]
fn sworn_pages_print_as_signed_after_the_wording_and_the_declarants_name_change() {
    let mut f = small_packet();
    let id = mother(&f);
    let statement = f.store.statement(&id).expect("statement");
    let version = statement.signed.last().expect("signed").clone();
    let stored = print_signed(&f.store, &f.blobs, &id, version.number).expect("stored set");

    // After signing, a lawyer rewords the opening sentence and the
    // declarant's name is corrected.
    f.store
        .set_wording(
            "opening.en",
            "I, {name}, state under penalty of perjury pursuant to 28 U.S.C. § 1746 the following:",
        )
        .expect("wording");
    let declarant_id = version.draft.declarant_id.clone();
    let mut record = f.store.declarant(&declarant_id).expect("declarant").record;
    record.full_name = "María Helena Moreno Rivas".into();
    f.store
        .update_declarant(&declarant_id, &record)
        .expect("rename");
    // Both changes reach anything typeset from now on...
    let fresh = flat_text(&print_statement(&f.store, &id, Purpose::Draft).expect("draft"));
    assert!(
        fresh.contains("I, María Helena Moreno Rivas, state under penalty of perjury"),
        "{fresh}"
    );

    // ...but not the sworn pages in the packet.
    let printed = print(&f, PacketPurpose::Filing).expect("filing print");
    let packet = pages_raw_text(one_file(&printed));
    let sworn = pages_raw_text(&stored);
    assert!(sworn.len() >= 4, "translation, certificate, original, scan");
    let slip = slip_sheet(&packet, &format!("Declaration of {MOTHER}, signed"));
    for (k, page) in sworn.iter().enumerate() {
        let at = slip + 1 + k;
        assert_eq!(
            normalized_end(&without_packet_number(&packet[at], &packet_number(at))),
            normalized_end(page),
            "page {} of the signed set, page {} of the packet",
            k + 1,
            at + 1
        );
    }
    let frozen = packet[slip + 1..=slip + sworn.len()].join("\n");
    assert!(
        !frozen.contains("María Helena Moreno Rivas"),
        "new name sworn"
    );
    assert!(!frozen.contains("state under penalty"), "new wording sworn");
    assert!(frozen.contains(&format!("I, {MOTHER}, declare under penalty of perjury")));
    // The letters her paragraphs cite are the packet's: the index lists
    // the photo and the tattoo record under the letters she swore to.
    let first = &sworn[0];
    let index = &packet[1];
    for letter in ["A", "B"] {
        assert!(first.contains(&format!("(Exhibit {letter})")), "{first}");
        assert!(
            index.lines().any(|l| l.starts_with(&format!("{letter} "))),
            "{index}"
        );
    }
}

#[test]
fn a_filing_packet_waits_for_the_scans_of_the_signed_pages() {
    let mut f = small_packet();
    let id = mother(&f);
    let signing = SigningRecord {
        signed_on: "2026-11-20".into(),
        place: SigningPlace {
            place: "Capacho, Táchira, Venezuela".into(),
            country: "VE".into(),
            us_detention_facility: false,
            ..SigningPlace::default()
        },
    };
    // Signed again, this time without scans of the signed pages.
    amparo_print::sign_statement(&mut f.store, &f.blobs, &id, &signing, &[]).expect("signed");

    let err = print(&f, PacketPurpose::Filing).expect_err("blocked");
    let PrintError::PacketNotReady(checks) = &err else {
        panic!("{err}")
    };
    let missing: Vec<_> = checks
        .iter()
        .filter(|c| c.code == PrintCheckCode::SignedPagesNotScanned)
        .collect();
    assert_eq!(missing.len(), 1, "{checks:?}");
    assert!(missing[0].blocks);
    assert_eq!(missing[0].subject, MOTHER);
    assert!(
        err.to_string()
            .contains(&format!("Scan the signed pages of {MOTHER}'s declaration")),
        "{err}"
    );
    // A draft still prints, to read it over.
    print(&f, PacketPurpose::Draft).expect("draft print");

    // The scan is added when it is marked signed: now it files, and the
    // scanned page is in the packet, after the signed text.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("signed-page.png");
    packet_fixture::picture(77, 850, 1100)
        .save(&path)
        .expect("scan file");
    let scan = amparo_media::keep_image(&f.blobs, &path).expect("keep scan");
    let version = amparo_print::sign_statement(&mut f.store, &f.blobs, &id, &signing, &[scan])
        .expect("signed with the scan");
    let printed = print(&f, PacketPurpose::Filing).expect("filing print");
    let pdf = one_file(&printed);
    let packet = pages_raw_text(pdf);
    let stored =
        pages_raw_text(&print_signed(&f.store, &f.blobs, &id, version.number).expect("stored set"));
    let slip = slip_sheet(&packet, &format!("Declaration of {MOTHER}, signed"));
    let scan_page = slip + stored.len();
    assert!(
        packet[scan_page].starts_with(&format!("EXAMPLE - FICTIONAL\nDeclaration of {MOTHER}")),
        "the scan page closes the signed set:\n{}",
        packet[scan_page]
    );
    assert!(
        images_on_page(pdf, scan_page + 1) >= 1,
        "the scan is an image on page {}",
        scan_page + 1
    );
}

/// How many images pdfimages finds on page `page` (from 1).
fn images_on_page(pdf: &[u8], page: usize) -> usize {
    let mut file = tempfile::NamedTempFile::new().expect("temp");
    std::io::Write::write_all(&mut file, pdf).expect("write");
    let n = page.to_string();
    let out = Command::new("pdfimages")
        .args(["-list", "-f", &n, "-l", &n])
        .arg(file.path())
        .output()
        .expect("pdfimages (poppler-utils)");
    assert!(out.status.success());
    // Two header lines, then one line per image.
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .count()
}

#[test]
fn a_stored_filing_set_that_no_longer_matches_its_hash_is_never_printed() {
    let f = small_packet();
    let id = mother(&f);
    let version = f.store.statement(&id).expect("statement").signed[0].clone();
    // Another declaration's stored set, a perfectly good PDF, put where
    // hers was kept.
    let other = f
        .store
        .statements(&f.case_id)
        .expect("statements")
        .into_iter()
        .find(|s| s.id != id)
        .expect("another statement");
    let other_version = f.store.statement(&other.id).expect("other").signed[0].clone();
    let other_sealed = std::fs::read(
        f.blobs
            .original_file_for_tests(&other_version.pdf_sha256)
            .expect("other sealed file"),
    )
    .expect("other set");
    let blob = f
        .blobs
        .original_file_for_tests(&version.pdf_sha256)
        .expect("sealed file");
    assert!(blob.exists(), "the stored set is at {}", blob.display());
    // Her exhibit's letter, read from a print before the swap.
    let before = pages_raw_text(one_file(&print(&f, PacketPurpose::Draft).expect("draft")));
    let slip = slip_sheet(&before, &format!("Declaration of {MOTHER}, signed"));
    let letter = before[slip]
        .lines()
        .find_map(|l| l.trim().strip_prefix("EXHIBIT "))
        .expect("letter")
        .to_owned();
    std::fs::write(&blob, &other_sealed).expect("swap");

    for purpose in [PacketPurpose::Filing, PacketPurpose::Draft] {
        let err = print(&f, purpose).expect_err("refused");
        assert!(
            matches!(&err, PrintError::Core(amparo_core::Error::CorruptDatabase(m))
                if m.contains("signed version 1") && m.contains("SHA-256")
                    && m.contains(&format!("(Exhibit {letter})"))),
            "{purpose:?}: {err}"
        );
    }
}

#[test]
fn each_certificate_of_translation_follows_the_exhibit_it_certifies() {
    let f = small_packet();
    let printed = print(&f, PacketPurpose::Filing).expect("filing print");
    let pages = pages_raw_text(one_file(&printed));
    let certificates: Vec<usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.contains("CERTIFICATE OF TRANSLATION") && p.contains("translation of the text in")
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(certificates.len(), 2, "one for each tattoo record");
    for at in certificates {
        let letter = pages[at]
            .split("the text in Exhibit ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .expect("names its exhibit");
        let slip = (0..at)
            .rev()
            .find(|&i| pages[i].lines().any(|l| l.trim().starts_with("EXHIBIT ")))
            .expect("an exhibit before it");
        assert!(
            pages[slip]
                .lines()
                .any(|l| l.trim() == format!("EXHIBIT {letter}")),
            "the certificate on page {} names Exhibit {letter}, behind:\n{}",
            at + 1,
            pages[slip]
        );
        assert!(pages[slip].contains("Tattoo record"), "{}", pages[slip]);
    }
}

#[test]
fn pdf_a_cannot_hold_signed_pages_so_it_blocks_filing_and_a_draft_prints_plain() {
    let mut f = small_packet();
    let mut draft = f.store.packet(&f.case_id).expect("packet");
    draft.pdf_a = true;
    f.store.save_packet(&f.case_id, &draft).expect("save");
    let err = print(&f, PacketPurpose::Filing).expect_err("blocked");
    let PrintError::PacketNotReady(checks) = &err else {
        panic!("{err}")
    };
    let blocked = checks
        .iter()
        .find(|c| c.code == PrintCheckCode::SignedPagesNotInPdfA)
        .expect("named");
    assert!(blocked.blocks);
    assert_eq!(blocked.letters.len(), 3, "the three signed declarations");
    let printed = print(&f, PacketPurpose::Draft).expect("draft print");
    assert!(flat_text(one_file(&printed)).contains("DRAFT"));

    // Turning PDF/A off is all it takes.
    draft.pdf_a = false;
    f.store.save_packet(&f.case_id, &draft).expect("save");
    print(&f, PacketPurpose::Filing).expect("filing print");
}
