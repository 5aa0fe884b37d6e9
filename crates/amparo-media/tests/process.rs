//! One file at a time: formats known by content, upright derivatives, EXIF
//! read as written, no metadata carried into derivatives, and bad files
//! refused with their reason.

mod support;

use amparo_core::PhotoFormat;
use amparo_media::{MediaError, PRINT_LONG_SIDE, THUMB_LONG_SIDE, process};
use image::metadata::Orientation;
use image::{DynamicImage, ImageFormat, RgbImage};
use support::*;

fn decode(jpeg: &[u8]) -> RgbImage {
    assert!(jpeg.starts_with(&[0xFF, 0xD8]), "derivatives are JPEGs");
    image::load_from_memory(jpeg)
        .expect("decode derivative")
        .into_rgb8()
}

/// The stored form of `upright` for EXIF orientation `o`: the inverse turn.
fn stored_for(upright: &RgbImage, o: u8) -> RgbImage {
    let inverse = match o {
        6 => 8,
        8 => 6,
        other => other,
    };
    let mut image = DynamicImage::ImageRgb8(upright.clone());
    image.apply_orientation(Orientation::from_exif(inverse).expect("orientation"));
    image.into_rgb8()
}

#[test]
fn every_exif_orientation_comes_out_upright() {
    let upright = quadrants(320, 480);
    for o in 1..=8u8 {
        let stored = stored_for(&upright, o);
        let file = jpeg_with_exif(
            &stored,
            &Tags {
                orientation: Some(o.into()),
                ..Tags::default()
            },
        );
        let done = process("wrist.jpg", &file).expect("process");
        assert_eq!(done.photo.exif.orientation, o);
        assert_eq!(
            (done.photo.width, done.photo.height),
            (320, 480),
            "orientation {o}"
        );
        let print = decode(&done.print);
        assert_eq!(print.dimensions(), (320, 480), "orientation {o}");
        let seen = corner_colours(&print);
        for (got, want) in seen.iter().zip([RED, GREEN, BLUE, YELLOW]) {
            assert!(close(*got, want), "orientation {o}: corners {seen:?}");
        }
    }
}

#[test]
fn derivatives_have_their_sizes_and_a_4000_px_photo_prints_at_2000() {
    let file = encode(&quadrants(4000, 3000), ImageFormat::Jpeg);
    let done = process("festival.jpg", &file).expect("process");
    assert_eq!((done.photo.width, done.photo.height), (4000, 3000));
    assert_eq!(decode(&done.print).dimensions(), (PRINT_LONG_SIDE, 1500));
    assert_eq!(decode(&done.thumb).dimensions(), (THUMB_LONG_SIDE, 300));
    assert_eq!(done.photo.byte_size, file.len() as u64);
}

#[test]
fn png_webp_and_tiff_are_read_and_shown_as_jpeg() {
    let picture = quadrants(300, 200);
    for (format, expected) in [
        (ImageFormat::Png, PhotoFormat::Png),
        (ImageFormat::WebP, PhotoFormat::Webp),
        (ImageFormat::Tiff, PhotoFormat::Tiff),
    ] {
        let done = process("scan", &encode(&picture, format)).expect("process");
        assert_eq!(done.photo.format, expected);
        let print = decode(&done.print);
        assert_eq!(print.dimensions(), (300, 200));
        assert!(close(corner_colours(&print)[3], YELLOW), "{expected:?}");
    }
}

#[test]
fn a_transparent_screenshot_prints_on_white() {
    let clear = image::RgbaImage::from_pixel(64, 64, image::Rgba([0, 0, 0, 0]));
    let mut png = std::io::Cursor::new(Vec::new());
    DynamicImage::ImageRgba8(clear)
        .write_to(&mut png, ImageFormat::Png)
        .expect("encode");
    let done = process("screenshot.png", png.get_ref()).expect("process");
    assert!(close(
        decode(&done.print).get_pixel(10, 10).0,
        [255, 255, 255]
    ));
}

#[test]
fn the_hash_is_of_the_exact_bytes() {
    let file = encode(&quadrants(64, 64), ImageFormat::Png);
    let done = process("a.png", &file).expect("process");
    let expected = {
        use sha2::Digest;
        format!("{:x}", sha2::Sha256::digest(&file))
    };
    assert_eq!(done.photo.sha256, expected);
}

#[test]
fn the_date_taken_is_kept_as_local_time_with_its_offset() {
    let tags = Tags {
        taken: Some("2017:01:06 10:31:00"),
        offset: Some("-04:00"),
        make: Some("Apple"),
        model: Some("iPhone 7"),
        ..Tags::default()
    };
    let done = process("reyes.jpg", &jpeg_with_exif(&quadrants(64, 64), &tags)).expect("process");
    assert_eq!(
        done.photo.exif.taken_local.as_deref(),
        Some("2017-01-06T10:31:00")
    );
    assert_eq!(done.photo.exif.taken_offset.as_deref(), Some("-04:00"));
    assert_eq!(done.photo.exif.camera, "Apple iPhone 7");
}

#[test]
fn gps_is_read_from_the_original_and_never_carried_into_a_derivative() {
    let tags = Tags {
        gps: Some(((7, 49, 12, b'N'), (72, 19, 48, b'W'))),
        taken: Some("2019:01:06 09:00:00"),
        ..Tags::default()
    };
    let done = process("capacho.jpg", &jpeg_with_exif(&quadrants(64, 64), &tags)).expect("process");
    let gps = done.photo.exif.gps.expect("GPS read");
    assert!((gps.latitude - 7.82).abs() < 0.01, "{gps:?}");
    assert!((gps.longitude + 72.33).abs() < 0.01, "{gps:?}");
    for derivative in [&done.thumb, &done.print] {
        let found = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(derivative));
        assert!(found.is_err(), "a derivative must carry no EXIF at all");
        assert!(
            !derivative.windows(4).any(|w| w == b"Exif"),
            "no EXIF segment in a derivative"
        );
    }
}

#[test]
fn a_jpeg_named_png_is_a_jpeg() {
    let file = encode(&quadrants(64, 64), ImageFormat::Jpeg);
    let done = process("photo.png", &file).expect("process");
    assert_eq!(done.photo.format, PhotoFormat::Jpeg);
}

#[test]
fn a_text_file_named_jpg_is_not_an_image() {
    let result = process("letter.jpg", b"Querida familia: les escribo desde...");
    assert!(
        matches!(result, Err(MediaError::NotAnImage)),
        "{:?}",
        result.err()
    );
}

#[test]
fn a_jpeg_cut_short_is_kept_damaged_and_one_without_its_headers_is_refused() {
    let file = encode(&quadrants(640, 480), ImageFormat::Jpeg);
    let truncated = &file[..file.len() / 2];
    let kept = process("cut.jpg", truncated).expect("what arrived is kept");
    assert!(kept.photo.damaged);
    assert!(!process("whole.jpg", &file).expect("whole").photo.damaged);

    let mut damaged = file.clone();
    let middle = damaged.len() / 3;
    for b in &mut damaged[20..middle] {
        *b = 0x5A;
    }
    let result = process("damaged.jpg", &damaged);
    assert!(
        matches!(result, Err(MediaError::Corrupt(_))),
        "damaged: {:?}",
        result.err()
    );
}

#[test]
fn a_png_cut_short_keeps_the_rows_that_arrived_and_is_marked_damaged() {
    // Noise, so that the compressed rows fill the file evenly.
    let picture = RgbImage::from_fn(400, 300, |x, y| {
        let v = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)).wrapping_mul(97_787);
        image::Rgb([v as u8, (v >> 8) as u8, (v >> 16) as u8])
    });
    let file = encode(&picture, ImageFormat::Png);
    let whole = process("screenshot.png", &file).expect("whole");
    assert!(!whole.photo.damaged);

    let cut = &file[..file.len() * 6 / 10];
    let kept = process("screenshot.png", cut).expect("what arrived is kept");
    assert!(kept.photo.damaged);
    assert_eq!((kept.photo.width, kept.photo.height), (400, 300));
    let print = image::load_from_memory(&kept.print)
        .expect("print copy")
        .to_rgb8();
    let (w, h) = print.dimensions();
    // The top arrived (the picture's noise); the bottom is the grey of
    // what did not.
    let top = print.get_pixel(w / 2, h / 10);
    let bottom = print.get_pixel(w / 2, h - 2);
    assert!(bottom.0.iter().all(|&c| c.abs_diff(128) <= 6), "{bottom:?}");
    let top_row: Vec<_> = (0..w).map(|x| print.get_pixel(x, h / 10).0).collect();
    assert!(
        top_row
            .iter()
            .any(|p| p.iter().any(|&c| c.abs_diff(128) > 40)),
        "{top:?}"
    );

    // Only the signature and header arrived: nothing to keep.
    let result = process("screenshot.png", &file[..60]);
    assert!(
        matches!(result, Err(MediaError::Corrupt(_))),
        "{:?}",
        result.err()
    );
}

/// A tiny PNG whose header declares 60,000 x 60,000 pixels.
fn png_bomb() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&60_000u32.to_be_bytes());
    ihdr.extend_from_slice(&60_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut chunk = |kind: &[u8], data: &[u8]| {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        png.extend_from_slice(&body);
        png.extend_from_slice(&crc32(&body).to_be_bytes());
    };
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
    chunk(b"IEND", &[]);
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A small JPEG whose frame header is patched to 60,000 x 60,000 pixels.
fn jpeg_bomb() -> Vec<u8> {
    let mut file = encode(&quadrants(64, 64), ImageFormat::Jpeg);
    let sof = file
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline frame header");
    file[sof + 5..sof + 7].copy_from_slice(&60_000u16.to_be_bytes());
    file[sof + 7..sof + 9].copy_from_slice(&60_000u16.to_be_bytes());
    file
}

#[test]
fn a_decompression_bomb_is_refused_from_its_header() {
    for (name, bomb) in [("bomb.png", png_bomb()), ("bomb.jpg", jpeg_bomb())] {
        assert!(bomb.len() < 2_000, "{name} is a small file");
        match process(name, &bomb) {
            Err(MediaError::TooLarge { width, height, .. }) => {
                assert_eq!((width, height), (60_000, 60_000), "{name}");
            }
            other => panic!("{name}: expected TooLarge, got {:?}", other.err()),
        }
    }
}

#[test]
fn a_heic_is_read_and_shown_as_jpeg() {
    let file = include_bytes!("fixtures/upright.heic");
    let done = process("IMG_0412.HEIC", file).expect("process");
    assert_eq!(done.photo.format, PhotoFormat::Heif);
    assert_eq!((done.photo.width, done.photo.height), (320, 480));
    let print = decode(&done.print);
    assert_eq!(print.dimensions(), (320, 480));
    let seen = corner_colours(&print);
    for (got, want) in seen.iter().zip([RED, GREEN, BLUE, YELLOW]) {
        assert!(close(*got, want), "corners {seen:?}");
    }
}

#[test]
fn a_heic_with_a_rotation_comes_out_upright_once() {
    // Stored turned, with both an irot property and EXIF orientation 6, as
    // an iPhone writes it (see fixtures/make_heic.py).
    let file = include_bytes!("fixtures/rotated.heic");
    let done = process("IMG_0413.HEIC", file).expect("process");
    assert_eq!(done.photo.exif.orientation, 6, "the EXIF tag is read");
    assert_eq!((done.photo.width, done.photo.height), (320, 480));
    let print = decode(&done.print);
    assert_eq!(print.dimensions(), (320, 480), "turned once, not twice");
    let seen = corner_colours(&print);
    for (got, want) in seen.iter().zip([RED, GREEN, BLUE, YELLOW]) {
        assert!(close(*got, want), "corners {seen:?}");
    }
}

#[test]
fn a_damaged_heic_is_refused() {
    let file = include_bytes!("fixtures/upright.heic");
    let result = process("cut.heic", &file[..file.len() / 2]);
    assert!(
        matches!(result, Err(MediaError::Corrupt(_))),
        "{:?}",
        result.err()
    );
}
