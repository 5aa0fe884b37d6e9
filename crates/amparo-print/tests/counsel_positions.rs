//! The export for counsel asks before handing over anything that says where
//! it was made: a scan of signed pages taken with a phone that wrote its
//! GPS position is held back like a photo, until the user agrees.

#[path = "../../amparo-media/tests/support/mod.rs"]
mod media_support;
#[path = "support/packet_fixture.rs"]
mod packet_fixture;

use amparo_core::SigningRecord;
use amparo_print::{CounselProtection, export_counsel, gps_originals};
use packet_fixture::packet_fixture;

#[test]
fn a_scan_of_signed_pages_with_a_gps_position_waits_for_consent() {
    let mut f = packet_fixture(1, 320, 240);
    let scan = media_support::jpeg_with_exif(
        &media_support::quadrants(850, 1100),
        &media_support::Tags {
            gps: Some(((7, 49, 12, b'N'), (72, 19, 48, b'W'))),
            ..Default::default()
        },
    );
    let path = f.dir.path().join("signed-page-phone.jpg");
    std::fs::write(&path, scan).expect("write scan");
    let scan = amparo_media::keep_image(&f.blobs, &path).expect("keep scan");
    // The last statement is signed again, this time with the phone's scan.
    let id = f.statement_ids.last().expect("a statement").clone();
    let draft = f.store.statement(&id).expect("statement").draft;
    f.store.update_statement(&id, &draft).expect("new draft");
    amparo_print::sign_statement(
        &mut f.store,
        &f.blobs,
        &id,
        &SigningRecord {
            signed_on: "2026-11-20".into(),
            place: draft.place.clone(),
        },
        std::slice::from_ref(&scan),
    )
    .expect("signed with its scan");

    let listed = gps_originals(&f.store, &f.blobs, &f.case_id).expect("gps originals");
    assert_eq!(listed.len(), 1, "{listed:?}");

    // The plain export, whose folder shows what went.
    let plain = CounselProtection::Plain;
    let out = f.dir.path().join("for-counsel");
    let export = export_counsel(&f.store, &f.blobs, &f.case_id, &out, false, &plain, &|_| {})
        .expect("export");
    assert_eq!(export.gps_left_out, listed);
    assert!(!out.join(&listed[0]).exists(), "held back without consent");

    let out = f.dir.path().join("for-counsel-with-consent");
    let export = export_counsel(&f.store, &f.blobs, &f.case_id, &out, true, &plain, &|_| {})
        .expect("export");
    assert!(export.gps_left_out.is_empty());
    assert!(out.join(&listed[0]).exists(), "handed over with consent");

    // The encrypted export holds it back the same way.
    let out = f.dir.path().join("for-counsel-sealed");
    let sealed = CounselProtection::Passphrase(None);
    let export = export_counsel(
        &f.store,
        &f.blobs,
        &f.case_id,
        &out,
        false,
        &sealed,
        &|_| {},
    )
    .expect("export");
    assert_eq!(export.gps_left_out, listed);
    assert!(export.encrypted);
}
