//! Who files and who serves, as the printed packet says it: the cover's
//! filer block, "Respectfully submitted", the certificate of service in
//! the first person of whoever served, and the routes that are refused
//! (only an attorney, an accredited representative or the respondent
//! serve through ECAS).

mod common;
#[path = "../../amparo-media/tests/support/mod.rs"]
mod media_support;
#[path = "support/packet_fixture.rs"]
mod packet_fixture;

use amparo_core::{PacketDraft, PrintCheck, PrintCheckCode, ServiceMethod};
use amparo_print::{PacketPurpose, PrintError, PrintedPacket, packet_checks, print_packet};
use common::*;
use packet_fixture::{PacketFixture, packet_fixture};

fn small() -> PacketFixture {
    packet_fixture(2, 320, 240)
}

fn change(f: &mut PacketFixture, edit: impl FnOnce(&mut PacketDraft)) {
    let mut draft = f.store.packet(&f.case_id).expect("packet");
    edit(&mut draft);
    f.store.save_packet(&f.case_id, &draft).expect("save");
}

fn print(f: &PacketFixture) -> Result<PrintedPacket, PrintError> {
    print_as(f, PacketPurpose::Filing)
}

fn print_as(f: &PacketFixture, purpose: PacketPurpose) -> Result<PrintedPacket, PrintError> {
    print_packet(&f.store, &f.blobs, &f.case_id, purpose, &|_| {})
}

/// A page's words in reading order, single-spaced.
fn flat_text_of(page: &str) -> String {
    page.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn print_to_sign(f: &PacketFixture) -> Result<PrintedPacket, PrintError> {
    print_as(f, PacketPurpose::ForSignature)
}

fn checks(f: &PacketFixture) -> Vec<PrintCheck> {
    packet_checks(&f.store, &f.blobs, &f.case_id).expect("checks")
}

fn found(checks: &[PrintCheck], code: PrintCheckCode) -> Option<&PrintCheck> {
    checks.iter().find(|c| c.code == code)
}

/// The translator, not the filer, serves through ECAS.
fn translator_serves_through_ecas(d: &mut PacketDraft) {
    d.service.method = ServiceMethod::Ecas;
    d.service.by_filer = false;
    d.service.server_name = "Ana Lucía Pérez (example translator)".into();
}

/// An attorney files through ECAS, with the packet's signed pages scanned.
fn attorney_with_scans(f: &mut PacketFixture) {
    let scans = packet_fixture::signed_page_scans(f);
    change(f, |d| {
        attorney(d);
        d.signed_pages = scans;
    });
}

fn attorney(d: &mut PacketDraft) {
    packet_fixture::file_as_attorney(d);
}

#[test]
fn a_pro_se_detained_respondent_files_and_serves_dhs_by_mail_in_his_own_words() {
    let f = small();
    let printed = print(&f).expect("filing print");
    let pdf = &printed.files[0].pdf;
    let pages = pages_text(pdf);
    let cover = flat_text_of(&pages[0]);
    assert_in_order(
        &cover,
        &[
            "Jesús Alberto Rivas Moreno",
            "A-000-111-222",
            "South Texas ICE Processing Center, Pearsall, TX",
            "Pro se",
            "In the Matter of",
            "In Removal Proceedings",
            "RESPONDENT'S SUBMISSION OF EVIDENCE IN SUPPORT OF HIS APPLICATION FOR ASYLUM, WITHHOLDING OF REMOVAL, AND PROTECTION UNDER THE CONVENTION AGAINST TORTURE",
        ],
    );
    assert!(cover.contains("DETAINED"), "{cover}");
    assert!(
        !cover.contains("María Elena"),
        "the relative who helped prepare it is not the filer: {cover}"
    );
    let text = flat_text(pdf);
    assert_in_order(
        &text,
        &[
            "Respectfully submitted,",
            "Jesús Alberto Rivas Moreno",
            "Respondent, pro se",
        ],
    );
    assert_in_order(
        &text,
        &[
            "CERTIFICATE OF SERVICE",
            "I, Jesús Alberto Rivas Moreno, certify that on November 30, 2026 I served a copy of this “RESPONDENT'S SUBMISSION OF EVIDENCE",
            "and all attached pages on the Department of Homeland Security, U.S. Immigration and Customs Enforcement, Office of the Principal Legal Advisor, at 100 Example Plaza, Suite 100, San Antonio, TX 78205 (example address), by first-class mail.",
        ],
    );
    assert!(!text.contains("ECAS"), "a paper filing never mentions ECAS");
    // On paper, the checks name the pages to sign by hand before mailing.
    let sign = found(&printed.checks, PrintCheckCode::SignByHand).expect("sign by hand");
    assert!(!sign.blocks);
    assert!(
        sign.message.contains("Respectfully submitted"),
        "{}",
        sign.message
    );
    assert!(
        sign.message.contains("certificate of service"),
        "{}",
        sign.message
    );
}

#[test]
fn an_attorney_files_with_name_firm_and_eoir_id_and_serves_through_ecas() {
    let mut f = small();
    change(&mut f, attorney);
    // The pages she signs, printed alone, in her words and role.
    let to_sign = print_to_sign(&f).expect("pages to sign");
    let text = flat_text(&to_sign.files[0].pdf);
    assert_in_order(
        &text,
        &[
            "Respectfully submitted,",
            "Laura Gómez (example attorney)",
            "Attorney for Respondent",
        ],
    );
    assert_in_order(
        &text,
        &[
            "CERTIFICATE OF SERVICE",
            "I certify that on November 30, 2026 this “RESPONDENT'S SUBMISSION OF EVIDENCE",
            "was served on DHS/ICE through the EOIR Courts & Appeals System (ECAS).",
            "Laura Gómez (example attorney)",
        ],
    );

    // Signed and scanned, the packet files with the scans in their place.
    attorney_with_scans(&mut f);
    let printed = print(&f).expect("filing print");
    let pdf = &printed.files[0].pdf;
    let pages = pages_text(pdf);
    let cover = flat_text_of(&pages[0]);
    assert_in_order(
        &cover,
        &[
            "Laura Gómez (example attorney)",
            "Example Immigrant Defense Project",
            "200 Example Avenue",
            "(210) 555-0199",
            "laura@example.org",
            "EOIR ID: XY123456",
        ],
    );
    assert!(!cover.contains("Pro se"), "{cover}");
    assert!(found(&printed.checks, PrintCheckCode::SignByHand).is_none());
    assert_in_order(
        &flat_text(pdf),
        &[
            "Scanned after signing: Signature of the Filer",
            "Scanned after signing: Certificate of Translation",
            "Scanned after signing: Certificate of Service",
        ],
    );
    assert_eq!(
        pages.len(),
        print_as(&f, PacketPurpose::Draft)
            .expect("draft")
            .page_count,
        "a scan takes its page's place"
    );
}

#[test]
fn filed_electronically_the_packet_waits_for_the_scans_of_its_signed_pages() {
    let mut f = small();
    change(&mut f, attorney);
    let waiting = checks(&f);
    for code in [
        PrintCheckCode::SubmissionNotSigned,
        PrintCheckCode::ServiceNotSigned,
        PrintCheckCode::TranslationNotSigned,
    ] {
        assert!(found(&waiting, code).expect("asked for").blocks, "{code:?}");
    }
    assert!(matches!(print(&f), Err(PrintError::PacketNotReady(_))));
    attorney_with_scans(&mut f);
    let now = checks(&f);
    assert!(found(&now, PrintCheckCode::ServiceNotSigned).is_none());
    assert!(found(&now, PrintCheckCode::TranslationNotSigned).is_none());
    // On paper the same pages are signed by hand instead.
    change(&mut f, |d| {
        d.signed_pages.clear();
        d.service.method = ServiceMethod::Mail;
        d.service.address = "100 Example Plaza, San Antonio, TX".into();
    });
    let paper = checks(&f);
    assert!(found(&paper, PrintCheckCode::ServiceNotSigned).is_none());
    assert!(found(&paper, PrintCheckCode::SignByHand).is_some());
}

#[test]
fn a_translator_serving_through_ecas_is_refused_with_a_plain_message() {
    let mut f = small();
    change(&mut f, translator_serves_through_ecas);
    let refused = found(&checks(&f), PrintCheckCode::EcasNotForServer)
        .cloned()
        .expect("refused");
    assert!(refused.blocks);
    assert_eq!(refused.subject, "Ana Lucía Pérez (example translator)");
    assert!(
        refused
            .message
            .contains("only an attorney, an accredited representative or the respondent"),
        "{}",
        refused.message
    );
    assert!(
        refused.message.contains("by mail or by hand"),
        "{}",
        refused.message
    );
    match print(&f) {
        Err(PrintError::PacketNotReady(c)) => {
            assert!(found(&c, PrintCheckCode::EcasNotForServer).is_some())
        }
        other => panic!("printed for filing: {:?}", other.map(|p| p.page_count)),
    }

    // The same translator serving on paper is a route open to her.
    change(&mut f, |d| d.service.method = ServiceMethod::Mail);
    let now = checks(&f);
    assert!(found(&now, PrintCheckCode::EcasNotForServer).is_none());
    let text = flat_text(&print(&f).expect("printed").files[0].pdf);
    assert!(
        text.contains(
            "I, Ana Lucía Pérez (example translator), certify that on November 30, 2026 I served"
        ),
        "{text}"
    );
}

#[test]
fn an_attorney_without_an_eoir_id_or_notice_of_appearance_is_told() {
    let mut f = small();
    change(&mut f, |d| {
        attorney(d);
        d.filer.eoir_id.clear();
        d.filer.eoir28_on_file = false;
    });
    let found_now = checks(&f);
    assert!(
        found(&found_now, PrintCheckCode::NoEoirId)
            .expect("no EOIR ID")
            .blocks
    );
    assert!(
        !found(&found_now, PrintCheckCode::NoNoticeOfAppearance)
            .expect("no EOIR-28")
            .blocks,
        "a warning: the EOIR-28 may be filed the same day"
    );
}

#[test]
fn paper_service_without_the_dhs_address_is_refused() {
    let mut f = small();
    change(&mut f, |d| d.service.address.clear());
    assert!(
        found(&checks(&f), PrintCheckCode::NoServiceAddress)
            .expect("no address")
            .blocks
    );
}

#[test]
fn the_pages_to_sign_print_alone_without_draft_marks_numbered_as_in_the_packet() {
    let mut f = small();
    change(&mut f, attorney);
    let to_sign = print_to_sign(&f).expect("pages to sign, before their scans exist");
    assert_eq!(to_sign.files[0].name, "Evidence-packet-to-sign.pdf");
    let pages = pages_text(&to_sign.files[0].pdf);
    // The index, the two tattoo records' certificates of translation, the
    // certificate of service.
    assert_eq!(pages.len(), 4, "{pages:#?}");
    assert!(pages[0].contains("Respectfully submitted,"));
    assert!(pages[0].contains("RESPONDENT'S SUBMISSION OF EVIDENCE"));
    assert!(pages[1].contains("CERTIFICATE OF TRANSLATION"));
    assert!(pages[2].contains("CERTIFICATE OF TRANSLATION"));
    assert!(pages[3].contains("CERTIFICATE OF SERVICE"));
    assert!(
        pages.iter().all(|p| !p.contains("DRAFT")),
        "signed as filed"
    );

    // Their numbers are the ones the packet gives those pages.
    attorney_with_scans(&mut f);
    let filed = pages_text(&print(&f).expect("filing print").files[0].pdf);
    let number = |page: &str| page.split_whitespace().last().unwrap_or("").to_owned();
    for page in &pages {
        let n: usize = number(page).parse().expect("page number");
        assert_eq!(number(&filed[n - 1]), number(page));
        assert!(filed[n - 1].contains("Scanned after signing"), "page {n}");
    }

    // Anything else that blocks a filing blocks these pages too.
    change(&mut f, |d| d.filer.eoir_id.clear());
    match print_to_sign(&f) {
        Err(PrintError::PacketNotReady(c)) => {
            assert!(found(&c, PrintCheckCode::NoEoirId).is_some(), "{c:?}")
        }
        other => panic!("printed: {:?}", other.map(|p| p.page_count)),
    }
}

#[test]
fn a_draft_without_the_dhs_address_or_the_server_leaves_lines_to_write_them_on() {
    let mut f = small();
    change(&mut f, |d| {
        d.service.address = "\n   \n".into();
        d.service.by_filer = false;
        d.service.server_name = "  ".into();
    });
    let draft = print_as(&f, PacketPurpose::Draft).expect("a draft prints whatever the checks say");
    let text = flat_text(&draft.files[0].pdf);
    let line = |width: usize| "_".repeat(width);
    assert!(
        text.contains(&format!("I, {}, certify that on", line(24))),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Office of the Principal Legal Advisor, at {}, by first-class mail.",
            line(40)
        )),
        "{text}"
    );
    assert!(!text.contains("at ,") && !text.contains("I, ,"), "{text}");
}
