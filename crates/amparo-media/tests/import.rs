//! Importing a batch into a case: each file filed or failed on its own, the
//! same photo never filed twice, and a cancel that keeps what finished and
//! leaves nothing of the rest.

mod support;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use amparo_core::{DateBasis, DerivativeKind, RememberedDate};
use amparo_media::{ImportResult, import_photos};
use image::ImageFormat;
use support::*;

fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(bytes))
}

#[test]
fn a_bad_file_fails_alone_and_the_batch_goes_on() {
    let mut s = setup();
    let jpeg = encode(&quadrants(640, 480), ImageFormat::Jpeg);
    let png = encode(&quadrants(320, 200), ImageFormat::Png);
    let paths = vec![
        write(s.files.path(), "wrist.jpg", &jpeg),
        write(s.files.path(), "notes.jpg", b"not a photo at all"),
        write(s.files.path(), "cut.jpg", &jpeg[..jpeg.len() / 40]),
        write(s.files.path(), "post.png", &png),
        s.files.path().join("gone.jpg"),
    ];
    let mut seen = Vec::new();
    let summary = import_photos(
        &mut s.store,
        &s.blobs,
        &s.case_id,
        &paths,
        &AtomicBool::new(false),
        |p| seen.push(p),
    )
    .expect("import");

    let codes: Vec<_> = summary
        .outcomes
        .iter()
        .map(|o| match &o.result {
            ImportResult::Imported { .. } => "imported".to_owned(),
            ImportResult::Failed { code, .. } => code.clone(),
            ImportResult::Cancelled => "cancelled".to_owned(),
        })
        .collect();
    assert_eq!(
        codes,
        ["imported", "notAnImage", "corruptImage", "imported", "io"]
    );
    assert_eq!((summary.imported, summary.failed), (2, 3));
    assert_eq!(seen.len(), 5, "progress after every file");
    assert_eq!(
        seen.last().map(|p| (p.done, p.total, p.failed)),
        Some((5, 5, 3))
    );

    let page = s.store.photos(&s.case_id, 0, 100).expect("photos");
    assert_eq!(page.total, 2);
    for photo in &page.photos {
        assert!(s.blobs.has_original(&photo.sha256));
        for kind in DerivativeKind::ALL {
            s.blobs
                .read_derivative(&photo.sha256, kind)
                .expect("derivative stored");
        }
    }
    assert_eq!(
        s.blobs.read_original(&sha(&jpeg)).expect("original"),
        jpeg,
        "byte for byte"
    );
}

#[test]
fn the_same_photo_twice_is_one_photo_with_both_names() {
    let mut s = setup();
    let jpeg = encode(&quadrants(200, 200), ImageFormat::Jpeg);
    let paths = vec![
        write(s.files.path(), "IMG_0412.jpg", &jpeg),
        write(s.files.path(), "WhatsApp Image 2024-01-06.jpeg", &jpeg),
    ];
    let summary = import_photos(
        &mut s.store,
        &s.blobs,
        &s.case_id,
        &paths,
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    assert_eq!((summary.imported, summary.duplicates), (1, 1));
    let page = s.store.photos(&s.case_id, 0, 10).expect("photos");
    assert_eq!(page.total, 1);
    let mut names = page.photos[0].file_names.clone();
    names.sort();
    assert_eq!(names, ["IMG_0412.jpg", "WhatsApp Image 2024-01-06.jpeg"]);
}

#[test]
fn the_cameras_day_fills_taken_and_the_familys_change_survives_a_second_import() {
    let mut s = setup();
    let tags = Tags {
        taken: Some("2017:01:06 10:31:00"),
        ..Tags::default()
    };
    let jpeg = jpeg_with_exif(&quadrants(120, 80), &tags);
    let plain = encode(&quadrants(80, 80), ImageFormat::Jpeg);
    let paths = vec![
        write(s.files.path(), "festival.jpg", &jpeg),
        write(s.files.path(), "no-exif.jpg", &plain),
    ];
    let summary = import_photos(
        &mut s.store,
        &s.blobs,
        &s.case_id,
        &paths,
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    let id = |i: usize| match &summary.outcomes[i].result {
        ImportResult::Imported { photo_id, .. } => photo_id.clone(),
        other => panic!("not imported: {other:?}"),
    };
    let festival = s.store.photo(&id(0)).expect("photo");
    assert_eq!(
        festival.details.taken,
        Some(RememberedDate::day(2017, 1, 6))
    );
    assert_eq!(festival.details.taken_basis, DateBasis::Exif);
    let no_exif = s.store.photo(&id(1)).expect("photo");
    assert_eq!(no_exif.details.taken, None);
    assert_eq!(no_exif.details.taken_basis, DateBasis::Unknown);

    // The family knows better: the festival was the day before.
    let mut details = festival.details.clone();
    details.taken = Some(RememberedDate::day(2017, 1, 5));
    details.taken_basis = DateBasis::Event;
    s.store
        .update_photo_details(&festival.id, &details)
        .expect("edit");
    let again = vec![write(s.files.path(), "festival copy.jpg", &jpeg)];
    let summary = import_photos(
        &mut s.store,
        &s.blobs,
        &s.case_id,
        &again,
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import again");
    assert_eq!(summary.duplicates, 1);
    let kept = s.store.photo(&festival.id).expect("photo");
    assert_eq!(kept.details.taken, Some(RememberedDate::day(2017, 1, 5)));
    assert_eq!(kept.details.taken_basis, DateBasis::Event);
}

#[test]
fn a_cancelled_batch_keeps_what_finished_and_leaves_nothing_of_the_rest() {
    let mut s = setup();
    let files: Vec<Vec<u8>> = (0..12)
        .map(|i| encode(&quadrants(400 + 16 * i, 300), ImageFormat::Jpeg))
        .collect();
    let paths: Vec<PathBuf> = files
        .iter()
        .enumerate()
        .map(|(i, bytes)| write(s.files.path(), &format!("photo-{i}.jpg"), bytes))
        .collect();
    let cancel = AtomicBool::new(false);
    let summary = import_photos(&mut s.store, &s.blobs, &s.case_id, &paths, &cancel, |p| {
        if p.done == 2 {
            cancel.store(true, Ordering::Relaxed);
        }
    })
    .expect("import");

    assert!(summary.imported >= 2, "what finished stays: {summary:?}");
    assert!(
        summary.cancelled >= 1,
        "the rest was cancelled: {summary:?}"
    );
    assert_eq!(summary.imported + summary.cancelled, 12);
    let page = s.store.photos(&s.case_id, 0, 100).expect("photos");
    assert_eq!(
        page.total, summary.imported,
        "a row for each filed photo, no more"
    );
    let filed: HashSet<String> = page.photos.iter().map(|p| p.sha256.clone()).collect();
    for bytes in &files {
        let hash = sha(bytes);
        assert_eq!(
            s.blobs.has_original(&hash),
            filed.contains(&hash),
            "an original is stored exactly when its photo was filed"
        );
    }
}

#[test]
fn blobs_no_row_names_are_swept() {
    let mut s = setup();
    let kept = encode(&quadrants(100, 100), ImageFormat::Jpeg);
    let paths = vec![write(s.files.path(), "kept.jpg", &kept)];
    import_photos(
        &mut s.store,
        &s.blobs,
        &s.case_id,
        &paths,
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    // A blob written by an import that crashed before its row committed.
    let orphan = b"bytes of a photo whose row never committed".to_vec();
    s.blobs
        .put_original(&sha(&orphan), &orphan)
        .expect("orphan");

    let keep = s.store.referenced_hashes().expect("hashes");
    let young = s
        .blobs
        .sweep(&keep, Duration::from_secs(3600))
        .expect("sweep");
    assert_eq!(
        young, 0,
        "a blob younger than the grace period may belong to a running import"
    );
    let removed = s.blobs.sweep(&keep, Duration::ZERO).expect("sweep");
    assert_eq!(removed, 1);
    assert!(!s.blobs.has_original(&sha(&orphan)));
    assert!(s.blobs.has_original(&sha(&kept)));
}

#[test]
fn importing_into_a_missing_case_fails_before_any_file_is_read() {
    let mut s = setup();
    let result = import_photos(
        &mut s.store,
        &s.blobs,
        "no-such-case",
        &[],
        &AtomicBool::new(false),
        |_| {},
    );
    assert!(matches!(result, Err(amparo_core::Error::NotFound(_))));
}
