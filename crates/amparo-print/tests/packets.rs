//! Evidence packets printed to PDF and read back with poppler and qpdf: the
//! index against the pages, page labels, bookmarks, split parts, the
//! public-filing masks, pinned letters and the export for counsel.

mod common;
#[path = "../../amparo-media/tests/support/mod.rs"]
mod media_support;
#[path = "support/packet_fixture.rs"]
mod packet_fixture;

use std::process::Command;

use amparo_core::{PacketDraft, PacketItem, PacketItemKind, PrintCheckCode, Store};
use amparo_print::{
    CounselProtection, PacketPurpose, PrintError, PrintedPacket, export_counsel, packet_checks,
    print_packet,
};
use common::*;
use packet_fixture::{PacketFixture, packet_fixture};

/// 35 photos + 3 declarations + 2 tattoo records.
fn forty() -> PacketFixture {
    packet_fixture(35, 640, 480)
}

fn packet(f: &PacketFixture) -> PacketDraft {
    f.store.packet(&f.case_id).expect("packet")
}

fn save(f: &mut PacketFixture, draft: &PacketDraft) {
    f.store.save_packet(&f.case_id, draft).expect("save");
}

fn print(f: &PacketFixture, purpose: PacketPurpose) -> Result<PrintedPacket, PrintError> {
    print_packet(&f.store, &f.blobs, &f.case_id, purpose, &|_| {})
}

/// The label of every page, from the PDF's /PageLabels ranges.
fn page_labels(pdf: &[u8], pages: usize) -> Vec<String> {
    let json = qpdf_json(pdf, "pagelabels");
    let ranges = json["pagelabels"].as_array().expect("page labels present");
    (0..pages)
        .map(|i| {
            let range = ranges
                .iter()
                .rev()
                .find(|r| r["index"].as_u64().expect("index") as usize <= i)
                .expect("a range covers the page");
            let label = &range["label"];
            let start = label["/St"].as_u64().unwrap_or(1);
            let prefix = label["/P"]
                .as_str()
                .map_or("", |p| p.trim_start_matches('u').trim_start_matches(':'));
            let offset = i as u64 - range["index"].as_u64().expect("index");
            match label["/S"].as_str() {
                Some("/D") => format!("{prefix}{}", start + offset),
                _ => prefix.to_owned(),
            }
        })
        .collect()
}

/// Bookmarks: (title, page from 1).
fn outline(pdf: &[u8]) -> Vec<(String, u64)> {
    let json = qpdf_json(pdf, "outlines");
    json["outlines"]
        .as_array()
        .expect("outlines")
        .iter()
        .map(|o| {
            let title = o["title"].as_str().expect("title");
            let title = title.trim_start_matches("u:").to_owned();
            (title, o["destpageposfrom1"].as_u64().expect("page"))
        })
        .collect()
}

/// The page's lines without the running header (EXAMPLE, DRAFT, Part k of n).
fn body_lines(page: &str) -> Vec<&str> {
    page.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .skip_while(|l| {
            l.contains("EXAMPLE - FICTIONAL") || l.starts_with("Part ") || *l == "DRAFT"
        })
        .collect()
}

/// The number printed at the foot of a page (the last word of its last line).
fn printed_number(page: &str) -> String {
    page.lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .and_then(|l| l.split_whitespace().last())
        .unwrap_or_default()
        .to_owned()
}

/// The index rows: letter, first and last printed page.
fn index_rows(pages: &[String]) -> Vec<(String, String, String)> {
    let mut rows = Vec::new();
    for page in pages.iter().skip(1) {
        if body_lines(page)
            .first()
            .is_some_and(|l| l.starts_with("EXHIBIT "))
        {
            break;
        }
        for line in page.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            let Some(first) = words.first() else { continue };
            let is_letter = first.len() <= 2 && first.chars().all(|c| c.is_ascii_uppercase());
            let pages = words.iter().rev().find(|w| {
                let mut ends = w.split('–');
                ends.all(|n| {
                    !n.is_empty()
                        && n.trim_start_matches("AMP-")
                            .chars()
                            .all(|c| c.is_ascii_digit())
                })
            });
            if is_letter
                && words.len() > 2
                && let Some(p) = pages
            {
                let (a, b) = p.split_once('–').unwrap_or((p, p));
                rows.push((first.to_string(), a.to_owned(), b.to_owned()));
            }
        }
    }
    rows
}

#[test]
fn the_index_gives_every_exhibits_slip_sheet_and_labels_and_bookmarks_match_the_pages() {
    let mut f = forty();
    let mut draft = packet(&f);
    assert_eq!(draft.items.len(), 40, "40 exhibits");
    draft.page_prefix = "AMP-".into();
    save(&mut f, &draft);
    let printed = print(&f, PacketPurpose::Filing).expect("filing print");
    assert_eq!(printed.files.len(), 1, "small photos: one file");
    assert_eq!(printed.files[0].name, "Evidence-packet.pdf");
    let pdf = &printed.files[0].pdf;
    let pages = pages_text(pdf);
    assert_eq!(pages.len(), printed.page_count);
    assert!(body_lines(&pages[0]).contains(&"DETAINED"), "{}", pages[0]);
    // The example's next hearing is at 13:00.
    assert!(pages[0].contains(", 1:00 p.m."), "{}", pages[0]);
    assert!(!pages[0].contains("13:00"), "{}", pages[0]);

    // Every page: the printed number is AMP- and six digits, in sequence,
    // and the PDF's page label says the same, cover included.
    let labels = page_labels(pdf, pages.len());
    for (i, page) in pages.iter().enumerate() {
        let number = printed_number(page);
        assert_eq!(number, format!("AMP-{:06}", i + 1), "page {}", i + 1);
        assert_eq!(labels[i], number, "label of page {}", i + 1);
    }

    // Every exhibit: the index's first page is its slip sheet, its last page
    // is the one before the next slip sheet (or the certificates).
    let rows = index_rows(&pages);
    let letters: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(rows.len(), 40, "index rows: {letters:?}");
    let index_of = |number: &str| -> usize {
        number
            .trim_start_matches("AMP-")
            .parse::<usize>()
            .expect("number")
            - 1
    };
    for (k, (letter, first, last)) in rows.iter().enumerate() {
        let slip = &pages[index_of(first)];
        assert_eq!(
            body_lines(slip).first().copied(),
            Some(format!("EXHIBIT {letter}").as_str()),
            "page {first} should open Exhibit {letter}"
        );
        let after = index_of(last) + 1;
        let next_body = body_lines(&pages[after]);
        match rows.get(k + 1) {
            Some((next, ..)) => assert_eq!(
                next_body.first().copied(),
                Some(format!("EXHIBIT {next}").as_str())
            ),
            None => assert!(
                !next_body[0].starts_with("EXHIBIT"),
                "certificates follow the last exhibit"
            ),
        }
    }
    // The pinned letters kept their place: the photo the mother cites is A.
    assert_eq!(rows[0].0, "A");
    assert_eq!(rows[1].0, "B");

    // One bookmark per exhibit, at its slip sheet.
    let marks: Vec<(String, u64)> = outline(pdf)
        .into_iter()
        .filter(|(t, _)| t.starts_with("Exhibit "))
        .collect();
    assert_eq!(marks.len(), 40);
    for ((title, page), (letter, first, _)) in marks.iter().zip(&rows) {
        assert!(title.starts_with(&format!("Exhibit {letter}: ")), "{title}");
        assert_eq!(*page as usize, index_of(first) + 1, "{title}");
    }

    // The certificate of service and the verification page close the
    // packet (each certificate of translation follows its exhibit:
    // packet_frozen.rs).
    let text = flat_text(pdf);
    assert_in_order(
        &text,
        &[
            "CERTIFICATE OF SERVICE",
            "I, Jesús Alberto Rivas Moreno, certify that on November 30, 2026 I served a copy",
            "by first-class mail.",
            "HOW TO VERIFY THIS PACKET",
            "sha256sum -c SHA256SUMS",
        ],
    );
    assert!(
        text.contains("Sworn in: Decl. of María Elena Moreno de Rivas, para. 1"),
        "tattoo meaning cites the paragraph that swears to it"
    );
    assert!(
        text.contains("Sworn to in")
            && text.contains("Decl. of María Elena Moreno de Rivas, para. 2 (Exhibit C)"),
        "the photo's caption names the paragraph that vouches for it"
    );
    let info = pdfinfo(pdf);
    let sizes: Vec<&str> = info
        .lines()
        .filter(|l| l.starts_with("Page ") && l.contains(" size:"))
        .collect();
    assert_eq!(sizes.len(), pages.len(), "{info}");
    assert!(
        sizes.iter().all(|l| l.contains("612 x 792 pts")),
        "US Letter throughout"
    );
}

#[test]
fn a_packet_over_the_limit_is_split_at_exhibits_and_numbered_on() {
    let mut f = packet_fixture(12, 1600, 1200);
    let mut draft = packet(&f);
    draft.size_limit_mb = 2;
    save(&mut f, &draft);
    let printed = print(&f, PacketPurpose::Filing).expect("print");
    let n = printed.files.len();
    assert!(n >= 2, "split into parts");
    let mut next = 1;
    for (k, file) in printed.files.iter().enumerate() {
        assert_eq!(file.name, format!("Evidence-packet_Part{}.pdf", k + 1));
        assert!(
            file.pdf.len() <= 2_000_000,
            "part {} is {} bytes",
            k + 1,
            file.pdf.len()
        );
        let pages = pages_text(&file.pdf);
        let labels = page_labels(&file.pdf, pages.len());
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.contains(&format!("Part {} of {n}", k + 1)),
                "part {} page {i}",
                k + 1
            );
            assert_eq!(printed_number(page), next.to_string());
            assert_eq!(labels[i], next.to_string());
            next += 1;
        }
        if k > 0 {
            assert!(
                body_lines(&pages[0])[0].starts_with("EXHIBIT "),
                "a part starts at an exhibit"
            );
        }
    }
    assert_eq!(next - 1, printed.page_count);
}

#[test]
fn a_public_filing_masks_the_a_number_birth_dates_and_minors_everywhere() {
    let mut f = forty();
    // Typed into a caption, the A-number, a birth date and a minor's name.
    let photo = f.photo_ids[3].clone();
    let mut details = f.store.photo(&photo).expect("photo").details;
    details.caption =
        "Jesús (A# 000 111 222, born 12 de agosto de 1994) with his niece Valentina Rivas Pérez"
            .into();
    f.store
        .update_photo_details(&photo, &details)
        .expect("caption");
    f.store
        .create_declarant(
            &f.case_id,
            &amparo_core::DeclarantDraft {
                full_name: "Valentina Rivas Pérez".into(),
                relationship: "niece".into(),
                age: Some(9),
                ..Default::default()
            },
        )
        .expect("minor");
    let mut draft = packet(&f);
    draft.public_filing = true;
    save(&mut f, &draft);

    // The mother's signed pages carry the A-number at their foot, and
    // signed pages print as they were signed: nothing on them can be
    // masked, so they are named and refused.
    let err = print(&f, PacketPurpose::Draft).expect_err("refused");
    let PrintError::PacketNotReady(checks) = err else {
        panic!("{err}")
    };
    assert!(checks.iter().any(|c| c.code == PrintCheckCode::CannotRedact
        && c.subject == "Declaration of María Elena Moreno de Rivas"));

    // Without the statements refused (and so without their pins), it
    // prints.
    let refused: Vec<&str> = checks
        .iter()
        .filter(|c| c.code == PrintCheckCode::CannotRedact)
        .map(|c| c.subject.as_str())
        .collect();
    draft.items.retain(|i| {
        i.kind != PacketItemKind::Statement
            || !refused.contains(&f.store.statement(&i.id).expect("s").draft.title.as_str())
    });
    save(&mut f, &draft);
    let printed = print(&f, PacketPurpose::Draft).expect("public print");
    let pdf = &printed.files[0].pdf;
    let text = flat_text(pdf);
    let info = pdfinfo(pdf);
    let marks: String = outline(pdf)
        .into_iter()
        .map(|(t, _)| t)
        .collect::<Vec<_>>()
        .join("\n");
    for (what, haystack) in [("text", &text), ("metadata", &info), ("outline", &marks)] {
        let digits: String = haystack.chars().filter(char::is_ascii_digit).collect();
        assert!(
            !digits.contains("000111222")
                && !haystack.contains("111-222")
                && !haystack.contains("111 222"),
            "A-number in the {what}"
        );
        for date in [
            "12 de agosto de 1994",
            "August 12, 1994",
            "1994-08-12",
            "8/12/1994",
            "08/12/1994",
        ] {
            assert!(!haystack.contains(date), "{date} in the {what}");
        }
        assert!(
            !haystack.contains("Valentina Rivas Pérez"),
            "minor's name in the {what}"
        );
    }
    assert!(text.contains("A-XXX-XXX-222"), "masked A-number printed");
    assert!(text.contains("born 1994"), "year of birth kept");
    assert!(text.contains("V.R.P."), "minor by initials");
    assert!(!text.contains("GPS"), "no GPS in a public filing");
}

#[test]
fn letters_a_signed_statement_cites_are_pinned() {
    let mut f = forty();
    let mut draft = packet(&f);
    // Move the photo the mother's signed statement cites as Exhibit A to the end.
    let cited = draft.items.remove(0);
    draft.items.push(cited);
    save(&mut f, &draft);
    let err = print(&f, PacketPurpose::Filing).expect_err("refused");
    let PrintError::PacketNotReady(checks) = err else {
        panic!("{err}")
    };
    let moved = checks
        .iter()
        .find(|c| c.code == PrintCheckCode::PinnedLetterMoved)
        .expect("conflict named");
    assert_eq!(moved.subject, "Declaration of María Elena Moreno de Rivas");
    assert_eq!(moved.letters[0], "A");
    assert!(moved.message.contains("Exhibit A"), "{}", moved.message);
    // A draft still prints, to show where things stand.
    assert!(print(&f, PacketPurpose::Draft).is_ok());

    // Leaving the cited photo out while the statement is in is refused too.
    draft.items.pop();
    save(&mut f, &draft);
    let checks = packet_checks(&f.store, &f.blobs, &f.case_id).expect("checks");
    assert!(
        checks
            .iter()
            .any(|c| c.code == PrintCheckCode::CitedExhibitLeftOut && c.blocks)
    );
}

#[test]
fn checks_warn_about_unsworn_photos_and_block_untranslated_text() {
    let mut f = forty();
    let checks = packet_checks(&f.store, &f.blobs, &f.case_id).expect("checks");
    let unsworn = checks
        .iter()
        .filter(|c| c.code == PrintCheckCode::PhotoNotSworn)
        .count();
    assert_eq!(unsworn, 34, "every photo but the one the mother swears to");
    assert!(checks.iter().all(|c| !c.blocks), "{checks:?}");

    let mut draft = packet(&f);
    draft.translator = Default::default();
    save(&mut f, &draft);
    let checks = packet_checks(&f.store, &f.blobs, &f.case_id).expect("checks");
    let missing = checks
        .iter()
        .find(|c| c.code == PrintCheckCode::NoTranslator)
        .expect("translator");
    assert!(missing.blocks);
    assert_eq!(
        missing.letters.len(),
        2,
        "both tattoo records print Spanish"
    );
}

fn stored_sha(store: &Store, item: &PacketItem) -> Vec<String> {
    match item.kind {
        PacketItemKind::Photo => vec![store.photo(&item.id).expect("photo").sha256],
        PacketItemKind::Tattoo => store
            .tattoo(&item.id)
            .expect("tattoo")
            .record
            .photos
            .iter()
            .map(|p| store.photo(&p.photo_id).expect("photo").sha256)
            .collect(),
        PacketItemKind::Statement => {
            let v = store
                .statement(&item.id)
                .expect("s")
                .signed
                .last()
                .cloned()
                .expect("signed");
            std::iter::once(v.pdf_sha256).chain(v.scans).collect()
        }
        // Tables printed from the case have no original file.
        PacketItemKind::Chronology | PacketItemKind::Rebuttal => Vec::new(),
        PacketItemKind::Document => {
            let d = store.document(&item.id).expect("document");
            match d.pdf_sha256 {
                Some(sha) => vec![sha],
                None => d.pages.into_iter().filter_map(|p| p.sha256).collect(),
            }
        }
    }
}

#[test]
fn counsel_gets_originals_that_sha256sum_checks_and_the_verification_page_agrees() {
    let mut f = forty();
    // One more photo, with a GPS position in its EXIF.
    let gps = media_support::jpeg_with_exif(
        &media_support::quadrants(320, 240),
        &media_support::Tags {
            gps: Some(((7, 49, 12, b'N'), (72, 19, 48, b'W'))),
            ..Default::default()
        },
    );
    let photo_id = &add_photo_to_packet(&mut f, "IMG_GPS.jpg", &gps);

    // The plain export (asked for): a folder that sha256sum checks in place.
    let plain = CounselProtection::Plain;
    let out = f.dir.path().join("for-counsel");
    let export = export_counsel(&f.store, &f.blobs, &f.case_id, &out, false, &plain, &|_| {})
        .expect("export");
    assert!(!export.draft, "everything signed: the filing packet");
    assert_eq!(
        export.gps_left_out.len(),
        1,
        "the GPS photo waits for consent"
    );
    let check = Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&out)
        .output()
        .expect("sha256sum");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let listed = std::fs::read_to_string(out.join("SHA256SUMS")).expect("sums");
    assert!(listed.contains("  Evidence-packet.pdf\n"));
    assert!(listed.contains("  Exhibit-A-1.jpeg\n"), "{listed}");
    assert!(!listed.contains(&export.gps_left_out[0]));
    assert!(std::path::Path::new(&export.file).is_file());

    // The verification page's SHA-256s are the stored originals'; the
    // index keeps to letter, description and pages.
    let pdf = std::fs::read(out.join("Evidence-packet.pdf")).expect("packet");
    let pages = pages_text(&pdf);
    let joined =
        |pages: &[String]| -> String { pages.iter().flat_map(|p| p.split_whitespace()).collect() };
    let verify_at = pages
        .iter()
        .position(|p| p.contains("HOW TO VERIFY THIS PACKET"))
        .expect("verification page");
    let verification = joined(&pages[verify_at..]);
    let first_slip = pages
        .iter()
        .position(|p| {
            body_lines(p)
                .first()
                .is_some_and(|l| l.starts_with("EXHIBIT "))
        })
        .expect("first slip sheet");
    let index = joined(&pages[1..first_slip]);
    assert!(index.contains("INDEXOFEXHIBITS"), "{index}");
    assert!(!index.contains("SHA-256"), "{index}");
    let draft = packet(&f);
    for item in &draft.items {
        for sha in stored_sha(&f.store, item) {
            assert!(
                verification.contains(&sha),
                "{sha} on the verification page"
            );
            assert!(!index.contains(&sha[..32]), "{sha} not in the index");
            assert_eq!(
                listed.contains(&sha),
                item.id != *photo_id,
                "{sha} listed unless it has GPS"
            );
        }
    }

    // With consent, the GPS original goes too.
    let again = f.dir.path().join("for-counsel-2");
    let export = export_counsel(
        &f.store,
        &f.blobs,
        &f.case_id,
        &again,
        true,
        &plain,
        &|_| {},
    )
    .expect("export");
    assert!(export.gps_left_out.is_empty());
    let check = Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&again)
        .output()
        .expect("sha256sum");
    assert!(check.status.success());
    // A folder that is not empty is never written into.
    assert!(
        export_counsel(
            &f.store,
            &f.blobs,
            &f.case_id,
            &again,
            true,
            &plain,
            &|_| {}
        )
        .is_err()
    );
}

#[test]
fn a_damaged_photo_in_the_packet_is_pointed_out_without_stopping_the_filing() {
    let mut f = forty();
    assert!(
        packet_checks(&f.store, &f.blobs, &f.case_id)
            .expect("checks")
            .iter()
            .all(|c| c.code != PrintCheckCode::PhotoDamaged)
    );
    // A photo cut short in transfer: only its top half arrived.
    let whole = media_support::encode(
        &media_support::quadrants(640, 480),
        image::ImageFormat::Jpeg,
    );
    add_photo_to_packet(&mut f, "IMG-20240106-WA0007.jpg", &whole[..whole.len() / 2]);
    let checks = packet_checks(&f.store, &f.blobs, &f.case_id).expect("checks");
    let damaged: Vec<_> = checks
        .iter()
        .filter(|c| c.code == PrintCheckCode::PhotoDamaged)
        .collect();
    assert_eq!(damaged.len(), 1, "{checks:?}");
    assert!(!damaged[0].blocks);
    assert!(
        damaged[0]
            .message
            .contains("part of the picture is missing")
    );
    assert_eq!(damaged[0].letters.len(), 1);
}

/// Imports `bytes` as the file `name` into the fixture's case, adds the
/// photo at the end of its packet, and returns the photo's id.
fn add_photo_to_packet(f: &mut PacketFixture, name: &str, bytes: &[u8]) -> String {
    let path = f.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let summary = amparo_media::import_photos(
        &mut f.store,
        &f.blobs,
        &f.case_id,
        &[path],
        &Default::default(),
        |_| {},
    )
    .expect("import");
    let amparo_media::ImportResult::Imported { photo_id, .. } = &summary.outcomes[0].result else {
        panic!("kept, not refused: {:?}", summary.outcomes[0])
    };
    let mut draft = packet(f);
    draft.items.push(PacketItem {
        kind: PacketItemKind::Photo,
        id: photo_id.clone(),
    });
    save(f, &draft);
    photo_id.clone()
}
