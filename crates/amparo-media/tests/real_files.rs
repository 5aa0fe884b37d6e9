//! Photos as real phones, cameras and programs wrote them (see
//! `fixtures/real/README.md`), and one of them cut short as a failed
//! transfer leaves it: what a family would see of each once it is filed.

mod support;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use amparo_core::{DateBasis, DerivativeKind};
use amparo_media::{ImportResult, MediaError, carries_position, import_photos, process};
use support::{Setup, setup, write};

fn real(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_phone_photo_with_only_a_modified_date_has_no_date_taken_and_shows_its_position() {
    let bytes = real("samsung_sm_g930f_gps_no_date_taken.jpg");
    let exif = process("20160912_100531.jpg", &bytes)
        .expect("filed")
        .photo
        .exif;
    assert_eq!(exif.taken_local, None, "DateTime is not the date taken");
    assert_eq!(exif.modified_local.as_deref(), Some("2016-09-12T10:05:31"));
    assert_eq!(exif.camera, "samsung SM-G930F");
    let gps = exif.gps.expect("the position the phone wrote");
    assert!((gps.latitude - 51.025).abs() < 1e-3, "{gps:?}");
    assert!((gps.longitude - 7.5919).abs() < 1e-3, "{gps:?}");
    assert!(carries_position(&bytes));
}

#[test]
fn a_photo_with_a_damaged_gps_directory_keeps_its_date_taken_and_camera() {
    let exif = process("gt5.jpg", &real("empty_gps_directory.jpg"))
        .expect("filed")
        .photo
        .exif;
    assert_eq!(exif.taken_local.as_deref(), Some("2012-06-23T06:55:49"));
    assert_eq!(exif.modified_local.as_deref(), Some("2012-06-23T08:24:05"));
    assert_eq!(exif.camera, "Polyphony Digital Inc. Gran Turismo 5");
    assert_eq!(exif.gps, None);
}

#[test]
fn a_date_taken_out_of_reach_in_exif_is_read_from_xmp_with_its_offset() {
    let exif = process(
        "pse7.jpg",
        &real("exif_directory_unreachable_date_in_xmp.jpg"),
    )
    .expect("filed")
    .photo
    .exif;
    assert_eq!(exif.taken_local.as_deref(), Some("2013-07-05T03:18:27"));
    assert_eq!(exif.taken_offset.as_deref(), Some("+00:00"));
    assert_eq!(exif.modified_local.as_deref(), Some("2013-07-07T17:20:59"));
}

/// The first `share` of a real photo, as a transfer cut short leaves it.
fn cut_short(share: f64) -> Vec<u8> {
    let whole = real("empty_gps_directory.jpg");
    cut_at((whole.len() as f64 * share) as usize)
}

/// The first `bytes` of the same photo: its headers end, and its picture
/// starts, at byte 6,677.
fn cut_at(bytes: usize) -> Vec<u8> {
    real("empty_gps_directory.jpg")[..bytes].to_vec()
}

#[test]
fn a_photo_cut_short_is_kept_as_received_and_marked_damaged() {
    let bytes = cut_short(0.6);
    let done = process("IMG-20240106-WA0007.jpg", &bytes).expect("kept, not refused");
    assert!(done.photo.damaged);
    assert_eq!((done.photo.width, done.photo.height), (1600, 900));
    assert_eq!(done.photo.byte_size, bytes.len() as u64);
    assert_eq!(
        done.photo.exif.taken_local.as_deref(),
        Some("2012-06-23T06:55:49")
    );
    // What arrived shows at the top; what never arrived is blank below.
    let print = image::load_from_memory(&done.print)
        .expect("print copy")
        .to_rgb8();
    let (w, h) = print.dimensions();
    let spread = |y: u32| -> u32 {
        let row: Vec<u8> = (0..w).map(|x| print.get_pixel(x, y).0[1]).collect();
        u32::from(*row.iter().max().expect("row")) - u32::from(*row.iter().min().expect("row"))
    };
    assert!(spread(h / 10) > 30, "the top of the picture arrived");
    assert!(spread(h - 2) < 12, "the bottom is blank, not invented");
    assert!(
        !process("whole.jpg", &real("empty_gps_directory.jpg"))
            .expect("whole")
            .photo
            .damaged
    );
}

#[test]
fn a_photo_cut_before_any_of_its_picture_is_still_refused() {
    for (bytes, what) in [(6_000, "in its EXIF"), (6_677, "where its picture starts")] {
        let refused = process("IMG-20240106-WA0008.jpg", &cut_at(bytes)).err();
        assert!(
            matches!(refused, Some(MediaError::Corrupt(_))),
            "cut {what}: {refused:?}"
        );
    }
}

#[test]
fn a_damaged_photo_is_filed_with_its_original_and_says_so() {
    // Bound whole: its data folder lives as long as the test.
    let Setup {
        _data,
        files,
        mut store,
        blobs,
        case_id,
    } = setup();
    let cut = cut_short(0.6);
    let paths: Vec<PathBuf> = [
        ("IMG-20240106-WA0007.jpg", cut.clone()),
        (
            "20160912_100531.jpg",
            real("samsung_sm_g930f_gps_no_date_taken.jpg"),
        ),
    ]
    .iter()
    .map(|(name, bytes)| write(files.path(), name, bytes))
    .collect();
    let summary = import_photos(
        &mut store,
        &blobs,
        &case_id,
        &paths,
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    assert_eq!((summary.imported, summary.failed), (2, 0));
    let ImportResult::Imported {
        photo_id,
        damaged: true,
        ..
    } = &summary.outcomes[0].result
    else {
        panic!("{:?}", summary.outcomes[0]);
    };
    let photo = store.photo(photo_id).expect("row");
    assert!(photo.damaged);
    assert_eq!(blobs.read_original(&photo.sha256).expect("original"), cut);
    assert!(
        blobs
            .read_derivative(&photo.sha256, DerivativeKind::Thumb)
            .is_ok()
    );
    let ImportResult::Imported {
        photo_id,
        damaged: false,
        ..
    } = &summary.outcomes[1].result
    else {
        panic!("{:?}", summary.outcomes[1]);
    };
    let phone = store.photo(photo_id).expect("row");
    assert_eq!(
        phone.details.taken, None,
        "no day taken is offered from DateTime"
    );
    assert_eq!(phone.details.taken_basis, DateBasis::Unknown);
    assert_eq!(
        phone.exif.modified_local.as_deref(),
        Some("2016-09-12T10:05:31")
    );
}
