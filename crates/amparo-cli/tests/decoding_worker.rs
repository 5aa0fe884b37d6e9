//! Pictures are decoded in a worker process, not in Amparo: a decoder that
//! crashes or hangs on a crafted file fails that file alone and the batch
//! goes on, the worker can open no file, socket or program, and what it
//! decodes (pictures, a PDF's facts and drawn pages) is what decoding in
//! process gives. The crash, hang and escape are the worker's test inputs
//! (debug builds only): real JPEGs with a marker in a comment.

mod support;

#[path = "../../amparo-media/tests/support/pdf.rs"]
#[allow(dead_code)]
mod pdf_support;

use std::path::{Path, PathBuf};

use amparo_media::worker_test_hooks::{ABORT, ESCAPE, HANG};
use amparo_media::{MediaError, WorkerCommand, isolate_decoding, process};
use support::{amparo, ok};

/// A real JPEG whose comment segment carries `marker`.
fn jpeg_with_comment(marker: &[u8]) -> Vec<u8> {
    let mut picture = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_fn(320, 240, |x, y| image::Rgb([x as u8, y as u8, 90]))
        .write_to(&mut picture, image::ImageFormat::Jpeg)
        .expect("encode");
    let picture = picture.into_inner();
    let mut bytes = b"\xFF\xD8\xFF\xFE".to_vec();
    bytes.extend_from_slice(&(marker.len() as u16 + 2).to_be_bytes());
    bytes.extend_from_slice(marker);
    bytes.extend_from_slice(&picture[2..]);
    bytes
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path.to_string_lossy().into_owned()
}

fn media_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../amparo-media/tests/fixtures")
        .join(name)
}

fn import(data: &Path, files: &[String], env: &[(&str, &str)]) -> serde_json::Value {
    let case = serde_json::from_str::<serde_json::Value>(&ok(&amparo(
        data,
        &["case", "new", "--name", "Jesús Rivas", "--json"],
        &[],
    )))
    .expect("case");
    let mut args = vec![
        "photo",
        "import",
        "--case",
        case["id"].as_str().expect("id"),
        "--json",
    ];
    args.extend(files.iter().map(String::as_str));
    let out = amparo(data, &args, env);
    serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "no summary; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn outcomes(summary: &serde_json::Value) -> Vec<String> {
    summary["outcomes"]
        .as_array()
        .expect("outcomes")
        .iter()
        .map(|o| match o["result"]["status"].as_str() {
            Some("failed") => o["result"]["code"].as_str().unwrap_or("").to_owned(),
            other => other.unwrap_or("").to_owned(),
        })
        .collect()
}

#[test]
fn a_decoder_that_crashes_fails_that_file_alone_and_the_batch_goes_on() {
    let data = tempfile::tempdir().expect("data");
    let files = tempfile::tempdir().expect("files");
    let heic = media_fixture("upright.heic");
    let batch = vec![
        write(files.path(), "wrist.jpg", &jpeg_with_comment(b"wrist")),
        write(files.path(), "crafted.jpg", &jpeg_with_comment(ABORT)),
        heic.to_string_lossy().into_owned(),
        write(files.path(), "after.jpg", &jpeg_with_comment(b"after")),
    ];
    let summary = import(data.path(), &batch, &[]);
    assert_eq!(
        outcomes(&summary),
        ["imported", "decoderStopped", "imported", "imported"],
        "{summary}"
    );
    assert_eq!(summary["imported"], 3);
    let message = summary["outcomes"][1]["result"]["message"]
        .as_str()
        .unwrap_or("");
    assert!(message.contains("made the image reader stop"), "{message}");
}

#[test]
fn a_decoder_that_hangs_is_stopped_at_the_time_limit_and_the_batch_goes_on() {
    let data = tempfile::tempdir().expect("data");
    let files = tempfile::tempdir().expect("files");
    let batch = vec![
        write(files.path(), "stuck.jpg", &jpeg_with_comment(HANG)),
        write(files.path(), "wrist.jpg", &jpeg_with_comment(b"wrist")),
    ];
    let summary = import(
        data.path(),
        &batch,
        &[("AMPARO_TEST_DECODE_TIME_LIMIT_MS", "3000")],
    );
    assert_eq!(
        outcomes(&summary),
        ["decoderTimedOut", "imported"],
        "{summary}"
    );
}

/// In this test process: decoding in process first, then the same files
/// through workers started from the `amparo` command.
#[test]
fn the_worker_decodes_what_this_process_would_and_can_reach_nothing_else() {
    let files: Vec<(String, Vec<u8>)> = [
        (
            "upright.heic",
            std::fs::read(media_fixture("upright.heic")).expect("heic"),
        ),
        (
            "rotated.heic",
            std::fs::read(media_fixture("rotated.heic")).expect("heic"),
        ),
        (
            "phone.jpg",
            std::fs::read(media_fixture("real/samsung_sm_g930f_gps_no_date_taken.jpg"))
                .expect("jpeg"),
        ),
        ("plain.jpg", jpeg_with_comment(b"plain")),
    ]
    .into_iter()
    .map(|(name, bytes)| (name.to_owned(), bytes))
    .collect();
    let here: Vec<_> = files
        .iter()
        .map(|(name, bytes)| process(name, bytes).expect("decoded here"))
        .collect();
    let (scan, width, height) = pdf_support::photo_of_page(&["ACTA DE NACIMIENTO"], false);
    let pdfs = [
        pdf_support::pdf(&pdf_support::PdfSpec {
            pages: vec![
                vec!["Record of Deportable/Inadmissible Alien"],
                vec!["Subject has crowns tattooed on both wrists"],
            ],
            ..pdf_support::PdfSpec::default()
        }),
        pdf_support::scanned_pdf(&scan, width, height),
    ];
    let limits = amparo_core::DocumentLimits::default();
    let pdfs_here: Vec<_> = pdfs
        .iter()
        .map(|pdf| {
            (
                amparo_media::read_pdf(pdf, &limits).expect("read here"),
                amparo_media::pdf_page_png(pdf, 0).expect("drawn here"),
                amparo_media::pdf_page_view_png(pdf, 0).expect("drawn here"),
            )
        })
        .collect();

    isolate_decoding(WorkerCommand {
        program: PathBuf::from(env!("CARGO_BIN_EXE_amparo")),
        time_limit: amparo_media::DECODE_TIME_LIMIT,
    });
    assert!(amparo_media::decoding_is_isolated());
    for ((name, bytes), here) in files.iter().zip(&here) {
        let there = process(name, bytes).expect("decoded by the worker");
        assert_eq!(there.photo, here.photo, "{name}");
        assert!(there.print == here.print, "{name}: the same print copy");
        assert!(there.thumb == here.thumb, "{name}: the same thumbnail");
    }
    for (pdf, (facts, for_ocr, for_view)) in pdfs.iter().zip(&pdfs_here) {
        assert_eq!(
            &amparo_media::read_pdf(pdf, &limits).expect("read by the worker"),
            facts
        );
        assert!(&amparo_media::pdf_page_png(pdf, 0).expect("drawn by the worker") == for_ocr);
        assert!(&amparo_media::pdf_page_view_png(pdf, 0).expect("drawn by the worker") == for_view);
    }

    let escape = process("escape.jpg", &jpeg_with_comment(ESCAPE));
    let Err(MediaError::Corrupt(what)) = escape else {
        panic!("{:?}", escape.map(|p| p.photo));
    };
    assert_eq!(
        what,
        "escape: file refused, network refused, program refused"
    );
}
