//! A PDF's metadata names what the document is, never whose case it is: a
//! viewer shows the title in its title bar and in recent-file lists, and a
//! file manager indexes it, so "Declaration of <name>" there tells anyone
//! at the laptop whose case this is. Every PDF Amparo writes is read back
//! with poppler: the document information dictionary (`pdfinfo`) and the
//! XMP metadata stream (`pdfinfo -meta`).

mod common;
#[path = "../../amparo-media/tests/support/mod.rs"]
mod media_support;
#[path = "support/packet_fixture.rs"]
mod packet_fixture;

use std::io::Write;
use std::process::Command;

use amparo_core::{SigningPlace, SigningRecord};
use amparo_print::{
    PacketPurpose, Purpose, preview_packet, preview_statement, print_packet, print_signed,
    print_statement, sign_statement,
};
use packet_fixture::{PacketFixture, packet_fixture};

/// `pdfinfo` and `pdfinfo -meta` of `pdf`, one after the other.
fn metadata(pdf: &[u8]) -> (String, String) {
    let mut file = tempfile::NamedTempFile::new().expect("temp pdf");
    file.write_all(pdf).expect("write pdf");
    let run = |args: &[&str]| {
        let out = Command::new("pdfinfo")
            .args(args)
            .arg(file.path())
            .output()
            .expect("pdfinfo (poppler-utils, `make deps`)");
        assert!(out.status.success(), "pdfinfo failed");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    (run(&[]), run(&["-meta"]))
}

/// The value of `field` in `pdfinfo`'s answer ("Title", "Author" ...).
fn field<'a>(info: &'a str, field: &str) -> Option<&'a str> {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .map(str::trim)
}

/// Everything identifying in the fixture's case: the person's names and
/// A-number in every spelling, the declarants' names, the packet title the
/// user typed.
const WHO: [&str; 12] = [
    "Jesús",
    "Jesus",
    "JESÚS",
    "Rivas",
    "RIVAS",
    "Moreno",
    "María",
    "Rosa Chac",
    "000111222",
    "000-111-222",
    "A-000",
    "Capacho",
];

/// Asserts that `pdf`'s title is `title` and that nothing in its
/// metadata names the person, a declarant or the A-number.
fn assert_neutral(what: &str, pdf: &[u8], title: &str) {
    let (info, xmp) = metadata(pdf);
    assert_eq!(field(&info, "Title"), Some(title), "{what}:\n{info}");
    for absent in ["Author", "Subject", "Keywords"] {
        assert_eq!(
            field(&info, absent),
            None,
            "{what} has an {absent}:\n{info}"
        );
    }
    let digits: String = format!("{info}{xmp}")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    assert!(
        !digits.contains("000111222"),
        "{what}: the A-number is in the metadata:\n{info}\n{xmp}"
    );
    for marker in WHO {
        assert!(
            !info.contains(marker) && !xmp.contains(marker),
            "{what}: {marker:?} is in the metadata:\n{info}\n{xmp}"
        );
    }
    assert!(
        xmp.is_empty() || xmp.contains(title),
        "{what}: the XMP title is the document's kind:\n{xmp}"
    );
}

fn mother(f: &PacketFixture) -> String {
    f.store
        .statements(&f.case_id)
        .expect("statements")
        .iter()
        .find(|s| s.declarant_name.starts_with("María"))
        .expect("the mother's statement")
        .id
        .clone()
}

fn jesus(f: &PacketFixture) -> String {
    f.store
        .statements(&f.case_id)
        .expect("statements")
        .iter()
        .find(|s| s.declarant_name.starts_with("Jesús"))
        .expect("Jesús's statement")
        .id
        .clone()
}

#[test]
fn declarations_and_filing_sets_are_titled_by_their_kind_only() {
    let mut f = packet_fixture(1, 160, 120);
    for id in [mother(&f), jesus(&f)] {
        for (purpose, title) in [
            (Purpose::Draft, "Declaration (draft)"),
            (Purpose::ForSignature, "Declaration for signature"),
        ] {
            let pdf = print_statement(&f.store, &id, purpose).expect("print");
            assert_neutral(&format!("{purpose:?}"), &pdf, title);
        }
        let preview = preview_statement(&f.store, &id, Purpose::Draft).expect("preview");
        let pdf = preview.pdf().expect("preview as PDF");
        assert_neutral("the preview's pages", &pdf, "Declaration (draft)");
    }
    // A filing set is stored when it is signed: its stored bytes carry no
    // name either (reprints are those very bytes).
    let id = jesus(&f);
    let version = sign_statement(
        &mut f.store,
        &f.blobs,
        &id,
        &SigningRecord {
            signed_on: "2026-11-12".into(),
            place: SigningPlace {
                place: "South Texas ICE Processing Center, Pearsall, Texas".into(),
                country: "US".into(),
                us_detention_facility: true,
                ..SigningPlace::default()
            },
        },
        &[],
    )
    .expect("signed");
    let pdf = print_signed(&f.store, &f.blobs, &id, version.number).expect("filing set");
    assert_neutral("the filing set", &pdf, "Declaration filing set");
}

#[test]
fn evidence_packets_are_titled_by_their_kind_only_whatever_the_user_titled_them() {
    let mut f = packet_fixture(2, 160, 120);
    let mut draft = f.store.packet(&f.case_id).expect("packet");
    // A title typed by the user prints on the cover, never in the metadata.
    draft.title = "Evidence of Jesús Alberto Rivas Moreno, A-000-111-222".into();
    draft.applications.other = "Cancellation for Jesús Rivas".into();
    f.store.save_packet(&f.case_id, &draft).expect("save");
    for (purpose, title) in [
        (PacketPurpose::Draft, "Evidence packet (draft)"),
        (PacketPurpose::ForSignature, "Evidence packet"),
        (PacketPurpose::Filing, "Evidence packet"),
    ] {
        let printed = print_packet(&f.store, &f.blobs, &f.case_id, purpose, &|_| {})
            .unwrap_or_else(|e| panic!("{purpose:?}: {e}"));
        for file in &printed.files {
            assert_neutral(&format!("{purpose:?} packet"), &file.pdf, title);
        }
        assert!(
            common::flat_text(&printed.files[0].pdf).contains("EVIDENCE OF JESÚS ALBERTO"),
            "the user's title is still printed on the cover"
        );
    }
    let preview = preview_packet(&f.store, &f.blobs, &f.case_id, &|_| {}).expect("preview");
    assert_neutral(
        "the packet preview's pages",
        &preview.pdf().expect("preview as PDF"),
        "Evidence packet (draft)",
    );
}
