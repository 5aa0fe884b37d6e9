//! A federal habeas filing as a federal court would read it: a caption
//! that is whole or refused by name, service through CM/ECF (and ECAS
//! never), one caption per filing, initials that nothing printed undoes,
//! a signature that never stands alone on a page, and one page number per
//! page, clear of the half inch CM/ECF stamps.

mod common;
#[path = "support/packet_fixture.rs"]
mod packet_fixture;

use std::process::Command;

use amparo_core::{
    Caption, CaptionKind, PacketDraft, PacketProfile, PrintCheck, PrintCheckCode, ServiceMethod,
};
use amparo_print::{
    PacketPurpose, PrintError, PrintedPacket, Purpose, packet_checks, print_packet, print_statement,
};
use common::{flat_text, pages_raw_text, pdfinfo, qpdf_json};
use packet_fixture::{
    PacketFixture, file_as_attorney, packet_fixture, packet_fixture_captioned, signed_page_scans,
};

const PERSON: &str = "Jesús Alberto Rivas Moreno";
const MOTHER: &str = "María Elena Moreno de Rivas";

fn habeas_caption(initials: bool) -> Caption {
    Caption {
        kind: CaptionKind::FederalCourt,
        court: "United States District Court for the Western District of Texas".into(),
        division: "San Antonio Division".into(),
        petitioners: PERSON.into(),
        respondents: "Warden, South Texas ICE Processing Center, et al.".into(),
        case_number: "5:27-cv-00012".into(),
        next_friend: MOTHER.into(),
        supports: "Petition for Writ of Habeas Corpus".into(),
        initials,
    }
}

/// The packet as a federal filing by an attorney through CM/ECF, the
/// certificates of translation signed by hand and scanned.
fn federal(f: &mut PacketFixture, caption: Caption, change: impl FnOnce(&mut PacketDraft)) {
    let mut d = f.store.packet(&f.case_id).expect("packet");
    file_as_attorney(&mut d);
    d.filer.bar_number = "TX 24000000 (example)".into();
    d.profile = PacketProfile::FederalCourt;
    d.caption = caption;
    d.service.method = ServiceMethod::Cmecf;
    if d.signed_pages.is_empty() {
        // The attorney signs "/s/" through CM/ECF: only the translator's
        // certificates are signed on paper.
        d.signed_pages = signed_page_scans(f)
            .into_iter()
            .filter(|p| p.signature == amparo_core::PacketSignature::Translation)
            .collect();
    }
    change(&mut d);
    f.store.save_packet(&f.case_id, &d).expect("save");
}

fn checks(f: &PacketFixture) -> Vec<PrintCheck> {
    packet_checks(&f.store, &f.blobs, &f.case_id).expect("checks")
}

fn print(f: &PacketFixture, purpose: PacketPurpose) -> Result<PrintedPacket, PrintError> {
    print_packet(&f.store, &f.blobs, &f.case_id, purpose, &|_| {})
}

fn refused_with(f: &PacketFixture, code: PrintCheckCode) -> Vec<PrintCheck> {
    match print(f, PacketPurpose::Filing) {
        Err(PrintError::PacketNotReady(found)) => {
            let named: Vec<PrintCheck> = found.into_iter().filter(|c| c.code == code).collect();
            assert!(!named.is_empty(), "refused, but not for {code:?}");
            assert!(named.iter().all(|c| c.blocks));
            named
        }
        Ok(_) => panic!("a filing print with {code:?} was written"),
        Err(e) => panic!("refused for another reason: {e}"),
    }
}

/// The top edge (in points from the page's top) of the highest word on
/// each page.
fn highest_word_per_page(pdf: &[u8]) -> Vec<f64> {
    let mut file = tempfile::NamedTempFile::new().expect("temp");
    std::io::Write::write_all(&mut file, pdf).expect("write");
    let out = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(file.path())
        .arg("-")
        .output()
        .expect("pdftotext");
    let xml = String::from_utf8_lossy(&out.stdout);
    let mut pages: Vec<f64> = Vec::new();
    for line in xml.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push(f64::MAX);
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let y = rest
                .split_once("yMin=\"")
                .and_then(|(_, r)| r.split_once('"'))
                .and_then(|(y, _)| y.parse::<f64>().ok())
                .expect("yMin");
            let top = pages.last_mut().expect("a word on a page");
            *top = top.min(y);
        }
    }
    pages
}

#[test]
fn a_federal_print_with_an_empty_caption_part_is_refused_naming_it() {
    let mut f = packet_fixture_captioned(1, 320, 240, &habeas_caption(false));
    federal(&mut f, habeas_caption(false), |d| {
        d.caption.court = "  ".into();
        d.caption.respondents = String::new();
    });
    let named = refused_with(&f, PrintCheckCode::CaptionIncomplete);
    let mut parts: Vec<&str> = named.iter().map(|c| c.subject.as_str()).collect();
    parts.sort_unstable();
    assert_eq!(parts, ["court", "respondents"]);
    assert!(
        named
            .iter()
            .any(|c| c.message.contains("has no respondent"))
    );

    // With the caption whole, nothing about it stands in the way.
    federal(&mut f, habeas_caption(false), |_| {});
    assert!(
        !checks(&f)
            .iter()
            .any(|c| c.code == PrintCheckCode::CaptionIncomplete),
        "{:?}",
        checks(&f)
    );

    // Exhibits filed with a new petition have no case number yet: the
    // caption leaves the clerk a line, and the filer is told.
    let unnumbered = Caption {
        case_number: String::new(),
        ..habeas_caption(false)
    };
    let mut f = packet_fixture_captioned(1, 320, 240, &unnumbered);
    federal(&mut f, unnumbered.clone(), |_| {});
    let note = checks(&f)
        .into_iter()
        .find(|c| c.code == PrintCheckCode::NoCaseNumber)
        .expect("a note about the case number");
    assert!(!note.blocks);
    let printed = print(&f, PacketPurpose::Filing).expect("printed without a number");
    assert!(flat_text(&printed.files[0].pdf).contains("Case No. ____________"));
    // Once the court gives the number, declarations signed on a blank
    // line still belong to the case.
    federal(&mut f, habeas_caption(false), |_| {});
    print(&f, PacketPurpose::Filing).expect("numbered, with declarations signed before");

    // A title or the filing it supports: without either the cover would
    // say only "EXHIBITS".
    federal(&mut f, habeas_caption(false), |d| {
        d.caption.supports = String::new();
        d.title = String::new();
    });
    let named = refused_with(&f, PrintCheckCode::CaptionIncomplete);
    assert_eq!(named[0].subject, "supports");
}

#[test]
fn a_declaration_signed_under_the_immigration_caption_blocks_a_federal_packet() {
    // Every statement of this fixture was signed under the immigration
    // court's caption.
    let mut f = packet_fixture(1, 320, 240);
    federal(&mut f, habeas_caption(false), |_| {});
    let named = refused_with(&f, PrintCheckCode::CaptionDiffers);
    assert_eq!(named.len(), 3, "each signed declaration: {named:?}");
    assert!(named[0].message.contains("immigration court's caption"));
    assert!(
        named[0]
            .message
            .contains("print a new version for signature")
    );

    // Signed under this caption, they go in; under another federal
    // caption (another case number), they do not.
    let mut f = packet_fixture_captioned(1, 320, 240, &habeas_caption(false));
    federal(&mut f, habeas_caption(false), |_| {});
    assert!(
        !checks(&f)
            .iter()
            .any(|c| c.code == PrintCheckCode::CaptionDiffers)
    );
    federal(&mut f, habeas_caption(false), |d| {
        d.caption.case_number = "5:27-cv-00099".into();
    });
    refused_with(&f, PrintCheckCode::CaptionDiffers);
    // And a federal declaration has no place in an immigration packet.
    let mut d = f.store.packet(&f.case_id).expect("packet");
    d.profile = PacketProfile::ImmigrationCourt;
    d.service.method = ServiceMethod::Mail;
    f.store.save_packet(&f.case_id, &d).expect("save");
    refused_with(&f, PrintCheckCode::CaptionDiffers);
}

#[test]
fn ecas_is_never_a_federal_route_and_cmecf_needs_no_certificate_of_service() {
    let mut f = packet_fixture_captioned(1, 320, 240, &habeas_caption(false));
    federal(&mut f, habeas_caption(false), |d| {
        d.service.method = ServiceMethod::Ecas;
    });
    refused_with(&f, PrintCheckCode::EcasNotInFederalCourt);

    federal(&mut f, habeas_caption(false), |_| {});
    let printed = print(&f, PacketPurpose::Filing).expect("a federal filing print");
    let text = flat_text(&printed.files[0].pdf);
    assert!(!text.contains("CERTIFICATE OF SERVICE"), "{text}");
    assert!(!text.contains("ECAS"));
    // The verification page is counsel's, not the court's.
    assert!(!text.contains("HOW TO VERIFY"));
    assert!(text.contains("EXHIBITS IN SUPPORT OF PETITION FOR WRIT OF HABEAS CORPUS"));
    // The attorney signs through CM/ECF, with her bar number.
    assert!(
        text.contains("/s/ Laura Gómez (example attorney)"),
        "{text}"
    );
    assert!(text.contains("Bar No. TX 24000000 (example)"));
    assert!(text.contains("Attorney for Petitioner"));
    assert!(!text.contains("EOIR ID"));

    // Served on paper, the certificate is there.
    federal(&mut f, habeas_caption(false), |d| {
        d.service.method = ServiceMethod::Mail;
        d.service.recipient = "Counsel for Respondents".into();
        d.service.address = "601 NW Loop 410, San Antonio, TX (example)".into();
    });
    let printed = print(&f, PacketPurpose::Filing).expect("served by mail");
    assert!(flat_text(&printed.files[0].pdf).contains("CERTIFICATE OF SERVICE"));

    // CM/ECF is no immigration court's route.
    let mut d = f.store.packet(&f.case_id).expect("packet");
    d.profile = PacketProfile::ImmigrationCourt;
    d.service.method = ServiceMethod::Cmecf;
    f.store.save_packet(&f.case_id, &d).expect("save");
    assert!(
        checks(&f)
            .iter()
            .any(|c| c.code == PrintCheckCode::CmecfNotInImmigrationCourt && c.blocks)
    );
}

#[test]
fn no_page_of_an_initials_filing_shows_a_full_name_or_the_a_number() {
    let mut f = packet_fixture_captioned(1, 320, 240, &habeas_caption(true));
    federal(&mut f, habeas_caption(true), |_| {});
    let printed = print(&f, PacketPurpose::Filing).expect("an initials filing");
    let pdf = &printed.files[0].pdf;
    let text = flat_text(pdf);
    let info = pdfinfo(pdf);
    let outline = qpdf_json(pdf, "outlines").to_string();
    let labels = qpdf_json(pdf, "pagelabels").to_string();
    for (what, haystack) in [
        ("text", &text),
        ("metadata", &info),
        ("bookmarks", &outline),
        ("page labels", &labels),
    ] {
        for name in [
            PERSON,
            MOTHER,
            "Rivas Moreno",
            "Moreno de Rivas",
            "Jesús",
            "JESÚS",
        ] {
            assert!(!haystack.contains(name), "{name} in the {what}");
        }
        let digits: String = haystack.chars().filter(char::is_ascii_digit).collect();
        assert!(!digits.contains("000111222"), "A-number in the {what}");
    }
    // Masked text still reads as English and Spanish.
    assert!(!text.contains(".."), "a doubled full stop after initials");
    assert!(text.contains("born in 1994"), "{text}");
    assert!(!text.contains("on 1994") && !text.contains("el 1994"));
    // The caption as a federal court reads it.
    for line in [
        "UNITED STATES DISTRICT COURT FOR THE WESTERN DISTRICT OF TEXAS",
        "SAN ANTONIO DIVISION",
        "J.A.R.M., by and through his next friend M.E.M.R.,",
        "Petitioner,",
        "Respondents.",
        "Case No. 5:27-cv-00012",
        "DECLARATION OF M.E.M.R. IN SUPPORT OF PETITION FOR WRIT OF HABEAS CORPUS",
    ] {
        assert!(text.contains(line), "{line} missing:\n{text}");
    }
}

#[test]
fn every_page_of_a_federal_filing_print_carries_one_page_number_below_the_stamp() {
    let mut f = packet_fixture_captioned(1, 320, 240, &habeas_caption(true));
    federal(&mut f, habeas_caption(true), |_| {});
    let printed = print(&f, PacketPurpose::Filing).expect("filing print");
    let pdf = &printed.files[0].pdf;
    let pages = pages_raw_text(pdf);
    assert!(pages.len() > 8, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        let lines: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let number = (i + 1).to_string();
        let last = lines.last().copied().unwrap_or_default();
        assert!(
            last == number || last.ends_with(&format!(" {number}")),
            "page {number} ends with {last:?}"
        );
        // No part's own "Page N of M" beside the packet's number.
        for l in &lines {
            let words: Vec<&str> = l.split_whitespace().collect();
            assert!(
                !words
                    .windows(4)
                    .any(|w| w[0] == "Page" && w[2] == "of" && w[1].parse::<u32>().is_ok()),
                "a second page number on page {number}: {l}"
            );
        }
    }
    // The top half inch (36 pt) is CM/ECF's.
    for (i, top) in highest_word_per_page(pdf).into_iter().enumerate() {
        assert!(top >= 36.0, "page {} has text {top} pt from the top", i + 1);
    }
}

#[test]
fn a_declarations_signature_never_starts_a_page_without_the_text_it_swears_to() {
    let mut f = packet_fixture(1, 320, 240);
    let statement = f
        .store
        .statements(&f.case_id)
        .expect("statements")
        .into_iter()
        .find(|s| s.declarant_name.starts_with("Rosa"))
        .expect("the organizer's statement, in English")
        .id;
    let mut draft = f.store.statement(&statement).expect("statement").draft;
    draft.caption = habeas_caption(false);
    let sentence = "Every January the children of Capacho wear paper crowns as the Three Kings, and many of them later honor the festival with a crown tattoo.";
    // Lengths that put the page break everywhere near the end, so at least
    // one of them would leave the clause or signature alone.
    for count in 5..=13 {
        draft.paragraphs = (0..count)
            .map(|i| amparo_core::Paragraph {
                original: format!("{} {sentence}", "Said plainly: ".repeat(i % 4 + 1)),
                english: String::new(),
                exhibits: vec![],
            })
            .collect();
        f.store.update_statement(&statement, &draft).expect("save");
        let pdf = print_statement(&f.store, &statement, Purpose::Draft).expect("draft print");
        let pages = pages_raw_text(&pdf);
        let signed_on = pages
            .iter()
            .position(|p| p.contains("Executed on"))
            .expect("an Executed on line");
        let page = &pages[signed_on]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            page.contains("I declare under penalty of perjury"),
            "{count} paragraphs: the clause is not on the signature's page"
        );
        assert!(
            page.contains(&format!("{count}. ")),
            "{count} paragraphs: the last paragraph is not on the signature's page"
        );
        assert!(page.contains("Rosa Chacón"), "the signature block");
        // No "Page N of M" under a federal caption: CM/ECF numbers it.
        assert!(!page.contains("Page 1 of"));
    }
}

#[test]
fn separate_files_give_the_index_then_one_file_per_exhibit_named_by_kind() {
    let mut f = packet_fixture_captioned(1, 320, 240, &habeas_caption(true));
    federal(&mut f, habeas_caption(true), |d| {
        d.output = amparo_core::FilingOutput::SeparateFiles;
    });
    let printed = print(&f, PacketPurpose::Filing).expect("separate files");
    let exhibits = f.store.packet(&f.case_id).expect("packet").items.len();
    assert_eq!(printed.files.len(), exhibits + 1);
    let labels: Vec<&str> = printed
        .files
        .iter()
        .map(|file| file.attachment.as_deref().expect("an attachment"))
        .collect();
    assert_eq!(labels[0], "Index of Exhibits");
    assert!(labels.contains(&"Exhibit C - Declaration"), "{labels:?}");
    assert!(
        labels.iter().any(|l| l.ends_with("- Photograph")),
        "{labels:?}"
    );
    // The pages keep the packet's numbers, one file after the other.
    let mut next = 1;
    for file in &printed.files {
        assert_eq!(file.pages.0, next, "{}", file.name);
        next = file.pages.1 + 1;
        assert!(!file.name.contains("Rivas") && !file.name.contains("Moreno"));
    }
    let index = flat_text(&printed.files[0].pdf);
    assert!(index.contains("INDEX OF EXHIBITS"));
    assert!(index.contains("EXHIBITS IN SUPPORT OF PETITION FOR WRIT OF HABEAS CORPUS"));
    for (file, label) in printed.files.iter().zip(&labels).skip(1) {
        let first = pages_raw_text(&file.pdf).remove(0);
        let letter = label.split(' ').nth(1).expect("letter");
        assert!(
            first.contains(&format!("EXHIBIT {letter}")),
            "{label} starts with its slip sheet"
        );
    }
}

#[test]
fn an_appendix_numbers_every_page_app_and_its_index_cites_them() {
    let mut f = packet_fixture_captioned(1, 320, 240, &habeas_caption(false));
    federal(&mut f, habeas_caption(false), |d| {
        d.output = amparo_core::FilingOutput::Appendix;
        d.page_prefix = "R-".into();
    });
    let printed = print(&f, PacketPurpose::Filing).expect("appendix");
    let pages = pages_raw_text(&printed.files[0].pdf);
    for (i, page) in pages.iter().enumerate() {
        let last = page.lines().map(str::trim).rfind(|l| !l.is_empty());
        assert!(
            last.is_some_and(|l| l.ends_with(&format!("App. {}", i + 1))),
            "page {} ends with {last:?}",
            i + 1
        );
    }
    let index = pages[1].split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(index.contains("App. 2"), "{index}");
    assert!(
        !index.contains("R-"),
        "the appendix numbers replace the prefix"
    );
}

#[test]
fn before_signing_a_declaration_under_another_caption_than_the_federal_packets_is_said() {
    let mut f = packet_fixture(1, 320, 240);
    federal(&mut f, habeas_caption(false), |_| {});
    let statement = f.statement_ids[0].clone();
    let unlike = |f: &PacketFixture| {
        amparo_print::statement_checks(&f.store, &statement)
            .expect("checks")
            .into_iter()
            .find(|c| c.code == PrintCheckCode::CaptionUnlikePacket)
    };
    let said = unlike(&f).expect("the immigration caption is named before signing");
    assert!(!said.blocks, "a warning: the caption can still change");
    let mut draft = f.store.statement(&statement).expect("statement").draft;
    draft.caption = habeas_caption(false);
    f.store
        .update_statement(&statement, &draft)
        .expect("caption");
    assert_eq!(unlike(&f), None);
}

#[test]
fn counsels_export_says_which_pages_show_who_the_person_is() {
    use amparo_print::{CounselProtection, IDENTIFIERS_FILE, export_counsel};
    let read_note = |f: &PacketFixture, name: &str| {
        let out = f.dir.path().join(name);
        export_counsel(
            &f.store,
            &f.blobs,
            &f.case_id,
            &out,
            true,
            &CounselProtection::Plain,
            &|_| {},
        )
        .expect("export");
        let note = std::fs::read_to_string(out.join(IDENTIFIERS_FILE)).expect("the note");
        let sums = std::fs::read_to_string(out.join("SHA256SUMS")).expect("sums");
        assert!(sums.contains(IDENTIFIERS_FILE), "the note is checked too");
        note
    };
    // Under initials, no page's own text shows them; the pictures are
    // named for counsel's eyes.
    let mut f = packet_fixture_captioned(1, 320, 240, &habeas_caption(true));
    federal(&mut f, habeas_caption(true), |d| {
        d.output = amparo_core::FilingOutput::Appendix;
    });
    let note = read_note(&f, "initials");
    assert!(note.contains("or a full date of birth: none."), "{note}");
    assert!(note.contains("Pictures that cannot be searched"), "{note}");
    assert!(note.contains("App. 5"), "the photo's page is named: {note}");
    // The immigration court's packet shows the name and A-number on its
    // cover, and the note says so.
    let f = packet_fixture(1, 320, 240);
    let note = read_note(&f, "immigration");
    let text_pages = note
        .split("date of birth: ")
        .nth(1)
        .and_then(|rest| rest.split('.').next())
        .expect("the text pages");
    assert!(text_pages.starts_with("1"), "the cover: {note}");
}

#[test]
fn a_caption_typed_with_markup_prints_as_typed_and_one_too_long_is_refused_by_name() {
    let mut f = packet_fixture_captioned(1, 320, 240, &habeas_caption(false));
    let typed = "Warden #1, $HOME ] <script>alert(1)</script> et al.";
    federal(&mut f, habeas_caption(false), |d| {
        d.caption.respondents = typed.into();
    });
    let printed = print(&f, PacketPurpose::Draft).expect("draft");
    // As typed, whatever line breaks the caption's narrow column makes.
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let text = flat_text(&printed.files[0].pdf);
    assert!(squeeze(&text).contains(&squeeze(typed)), "{text}");

    let before = f.store.packet(&f.case_id).expect("packet");
    let mut long = before.clone();
    long.caption.next_friend = "M".repeat(2_001);
    match f.store.save_packet(&f.case_id, &long) {
        Err(amparo_core::Error::Invalid(fields)) => {
            assert!(
                fields.iter().any(|e| e.field == "caption.nextFriend"),
                "{fields:?}"
            );
        }
        other => panic!("a 2,001-character name was not refused: {other:?}"),
    }
    assert_eq!(
        f.store.packet(&f.case_id).expect("packet"),
        before,
        "nothing saved"
    );
}
