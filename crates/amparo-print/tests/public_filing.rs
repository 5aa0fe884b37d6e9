//! The public-filing profile against the forms people actually type: an
//! A-number with en dashes, slashes or zero-width characters, a birth date
//! written together ("12AUG1994", "19940812") or with a comma, and a page
//! prefix that holds the A-number. None of it may reach the PDF: its text,
//! its metadata, or the page labels a viewer shows beside each page.

mod common;
#[path = "../../amparo-media/tests/support/mod.rs"]
mod media_support;
#[path = "support/packet_fixture.rs"]
mod packet_fixture;

use amparo_core::PacketItemKind;
use amparo_print::{PacketPurpose, print_packet};
use common::{flat_text, pdfinfo, qpdf_json};
use packet_fixture::packet_fixture;

#[test]
fn a_public_filing_masks_the_forms_people_type_and_its_page_labels() {
    // The example case: A-000-111-222, born August 12, 1994.
    let mut f = packet_fixture(2, 320, 240);
    let photo = f.photo_ids[0].clone();
    let mut details = f.store.photo(&photo).expect("photo").details;
    details.caption =
        "File A–000–111–222 (also 000/111/222 and A\u{200B}000\u{2011}111\u{2011}222), \
                       born 12AUG1994, 19940812 or 12 de agosto, 1994"
            .into();
    f.store
        .update_photo_details(&photo, &details)
        .expect("caption");
    let mut draft = f.store.packet(&f.case_id).expect("packet");
    draft.public_filing = true;
    draft.page_prefix = "A000111222-".into();
    // Scans of signed pages cannot be masked; this packet holds none.
    draft.items.retain(|i| i.kind != PacketItemKind::Statement);
    f.store.save_packet(&f.case_id, &draft).expect("save");

    let printed = print_packet(
        &f.store,
        &f.blobs,
        &f.case_id,
        PacketPurpose::Draft,
        &|_| {},
    )
    .expect("public print");
    let pdf = &printed.files[0].pdf;
    let text = flat_text(pdf);
    let labels = qpdf_json(pdf, "pagelabels").to_string();
    let info = pdfinfo(pdf);
    for (what, haystack) in [
        ("text", &text),
        ("page labels", &labels),
        ("metadata", &info),
    ] {
        let digits: String = haystack.chars().filter(char::is_ascii_digit).collect();
        assert!(
            !digits.contains("00111222"),
            "A-number in the {what}:\n{haystack}"
        );
        for date in ["12AUG1994", "19940812", "12 de agosto, 1994"] {
            assert!(!haystack.contains(date), "{date} in the {what}");
        }
    }
    assert!(
        text.contains("A-XXX-XXX-222"),
        "masked A-number printed:\n{text}"
    );
    assert!(
        labels.contains("A-XXX-XXX-222-"),
        "masked prefix in the labels:\n{labels}"
    );
}

#[test]
fn a_child_marked_under_18_in_a_photo_is_named_by_initials_everywhere_in_a_public_filing() {
    let mut f = packet_fixture(2, 320, 240);
    let photo = f.photo_ids[0].clone();
    let mut details = f.store.photo(&photo).expect("photo").details;
    details.caption = "Luis Chacón, wearing the crown, with his aunt Rosa.".into();
    details.people = vec![
        amparo_core::PersonShown {
            name: "Luis Chacón".into(),
            relation: "nephew of the festival organizer".into(),
            minor: true,
        },
        amparo_core::PersonShown {
            name: "Rosa Chacón".into(),
            relation: "festival organizer".into(),
            minor: false,
        },
    ];
    f.store
        .update_photo_details(&photo, &details)
        .expect("details");
    let mut draft = f.store.packet(&f.case_id).expect("packet");
    draft.items.retain(|i| i.kind != PacketItemKind::Statement);
    f.store.save_packet(&f.case_id, &draft).expect("save");
    let print = |f: &packet_fixture::PacketFixture| {
        let printed = print_packet(
            &f.store,
            &f.blobs,
            &f.case_id,
            PacketPurpose::Draft,
            &|_| {},
        )
        .expect("print");
        flat_text(&printed.files[0].pdf)
    };
    assert!(
        print(&f).contains("Luis Chacón"),
        "a court filing names him"
    );

    draft.public_filing = true;
    f.store.save_packet(&f.case_id, &draft).expect("public");
    let text = print(&f);
    assert!(
        !text.contains("Luis Chacón"),
        "the child's name in a public filing:\n{text}"
    );
    assert!(!text.contains("Chacón, wearing"), "{text}");
    assert!(text.contains("L.C., wearing the crown"), "{text}");
    assert!(
        text.contains("Rosa Chacón"),
        "an adult keeps her name: {text}"
    );
}
