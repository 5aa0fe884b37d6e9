//! Documents: the time to file a 200-page PDF with a text layer, against
//! `pdftotext` reading the same file in the same run; and OCR pages per
//! second, against `tesseract` run on the same pictures one after another.
//!
//!     bench_documents [--pages 200] [--scans 12]
//!
//! The PDF is written here (Helvetica, 40 lines a page, like a country
//! report); the scans are letter pages of Spanish text rendered at 300 dpi
//! and saved as phone-sized JPEGs, filed as a photographed document, then
//! read with Amparo's OCR job (pages side by side on every core). PDFs are
//! read and drawn in sandboxed decoding workers, as the window and
//! `amparo` do.

#[path = "../tests/support/pdf.rs"]
#[allow(dead_code)]
mod pdf_support;

use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use amparo_core::{BlobStore, CaseDraft, DocumentDetails, Store};
use amparo_media::{
    WorkerCommand, file_pdf, isolate_decoding, pdf_page_png, read_document_pages, serve_if_worker,
    start_photographed_document,
};
use pdf_support::{PdfSpec, pdf};

const LINE: &str =
    "Informe sobre la situacion de los derechos humanos en el estado Tachira y el municipio";

fn main() {
    serve_if_worker();
    isolate_decoding(WorkerCommand::this_program().expect("this program"));
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str, default: usize| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let pages = value("--pages", 200);
    let scans = value("--scans", 12);
    let dir = tempfile::tempdir().expect("temp dir");
    let keys = amparo_core::Keys::fixed_for_tests();
    let mut store = Store::open(dir.path(), &keys).expect("store");
    let blobs = BlobStore::open(dir.path(), &keys).expect("blobs");
    let mut draft = CaseDraft::default();
    draft.person.record_name = "Bench".into();
    let case = store.create_case(&draft).expect("case").id;
    let raise = amparo_core::DocumentLimits {
        max_megabytes: 2_048,
        max_pages: 100_000,
    };
    store.set_document_limits(&raise).expect("limits");

    // A long PDF with a text layer.
    let lines: Vec<String> = (0..40).map(|n| format!("{n:02} {LINE}")).collect();
    let page: Vec<&str> = lines.iter().map(String::as_str).collect();
    let report = pdf(&PdfSpec {
        pages: vec![page; pages],
        ..PdfSpec::default()
    });
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &report).expect("write");
    let started = Instant::now();
    let facts = amparo_media::read_pdf(&report, &raise).expect("read");
    let reading = started.elapsed().as_secs_f64();
    assert_eq!(facts.pages.len(), pages);
    let started = Instant::now();
    let filed = file_pdf(
        &mut store,
        &blobs,
        &case,
        &path,
        &DocumentDetails::default(),
    )
    .expect("file");
    let amparo = started.elapsed().as_secs_f64();
    assert_eq!(filed.document.pages.len(), pages);
    let started = Instant::now();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg(dir.path().join("report.txt"))
        .status()
        .expect("pdftotext (poppler-utils)");
    assert!(out.success());
    let poppler = started.elapsed().as_secs_f64();
    println!(
        "{pages}-page PDF ({:.1} MB): filed in {amparo:.2} s (read, text of every page, sealed, indexed; reading alone {reading:.2} s); pdftotext {poppler:.2} s; ratio {:.2}",
        report.len() as f64 / 1e6,
        poppler / amparo
    );

    // Scans read by OCR.
    let words = [
        "REPUBLICA BOLIVARIANA DE VENEZUELA",
        "ACTA DE NACIMIENTO",
        "En Capacho, estado Tachira, a los doce dias del mes de agosto",
        "comparecio ante el Registro Civil la ciudadana Maria Elena Moreno",
        "y presento un nino nacido el dia doce de agosto de mil novecientos",
        "noventa y cuatro, a quien se le puso por nombre Jesus Alberto.",
        "Testigos: Carmen Rosa Urdaneta y Pedro Jose Contreras.",
        "Registrador Civil: Luis Alfonso Pregonero",
    ];
    let mut files = Vec::new();
    for n in 0..scans {
        let mut text: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        text.push(format!("Folio {n}"));
        let lines: Vec<&str> = text.iter().map(String::as_str).collect();
        let png = pdf_page_png(
            &pdf(&PdfSpec {
                pages: vec![lines],
                ..PdfSpec::default()
            }),
            0,
        )
        .expect("render");
        let picture = image::load_from_memory(&png).expect("png");
        let path = dir.path().join(format!("scan-{n:03}.jpg"));
        picture
            .to_rgb8()
            .save_with_format(&path, image::ImageFormat::Jpeg)
            .expect("jpeg");
        files.push(path);
    }
    let details = DocumentDetails {
        title: "Acta".into(),
        language: "es".into(),
        ..DocumentDetails::default()
    };
    let document =
        start_photographed_document(&mut store, &blobs, &case, &files, &details).expect("pages");
    let never = AtomicBool::new(false);
    let started = Instant::now();
    let read = read_document_pages(&mut store, &blobs, &document.id, &never, |_| {}).expect("read");
    let amparo = started.elapsed().as_secs_f64();
    assert_eq!(read.read as usize, scans, "{read:?}");
    // The reference: tesseract on the same print copies, as many at a
    // time as there are cores, each on one thread (OMP_THREAD_LIMIT=1, as
    // Amparo runs it: OpenMP's threads only wait on each other here).
    let copies: Vec<std::path::PathBuf> = store
        .document(&document.id)
        .expect("document")
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let sha = p.sha256.as_deref().expect("photo page");
            let bytes = blobs
                .read_derivative(sha, amparo_core::DerivativeKind::Print)
                .expect("print copy");
            let path = dir.path().join(format!("copy-{i:03}.jpg"));
            std::fs::write(&path, bytes).expect("write");
            path
        })
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let tesseract = |copies: &[std::path::PathBuf], threads: Option<&str>| {
        let started = Instant::now();
        for batch in copies.chunks(if threads.is_some() { cores } else { 1 }) {
            let running: Vec<_> = batch
                .iter()
                .map(|copy| {
                    let mut command = Command::new("tesseract");
                    command
                        .arg(copy)
                        .arg("stdout")
                        .args(["-l", "spa+eng", "--psm", "3"])
                        .stdout(std::process::Stdio::null())
                        .stderr(std::process::Stdio::null());
                    if let Some(limit) = threads {
                        command.env("OMP_THREAD_LIMIT", limit);
                    }
                    command.spawn().expect("tesseract")
                })
                .collect();
            for mut child in running {
                assert!(child.wait().expect("tesseract").success());
            }
        }
        started.elapsed().as_secs_f64()
    };
    let alone = tesseract(&copies, None);
    let reference = tesseract(&copies, Some("1"));
    println!(
        "tesseract as typed by hand (one page at a time, its default threads): {:.2} pages/s",
        scans as f64 / alone
    );
    println!(
        "OCR of {scans} scanned pages: {:.2} pages/s; tesseract {cores} at a time, one thread each, on the same pictures {:.2} pages/s; ratio {:.2}",
        scans as f64 / amparo,
        scans as f64 / reference,
        reference / amparo
    );

    // Pages of a PDF drawn at 300 dpi for OCR, one after another, each in
    // the decoding worker (the whole PDF sent to it each time, as the OCR
    // job does), against pdftoppm drawing the same pages in one process.
    let drawn = pdf(&PdfSpec {
        pages: (0..scans).map(|_| words.to_vec()).collect(),
        ..PdfSpec::default()
    });
    let started = Instant::now();
    for index in 0..scans {
        pdf_page_png(&drawn, index).expect("drawn");
    }
    let amparo = started.elapsed().as_secs_f64();
    let path = dir.path().join("drawn.pdf");
    std::fs::write(&path, &drawn).expect("write");
    let started = Instant::now();
    let out = Command::new("pdftoppm")
        .args(["-r", "300", "-png"])
        .arg(&path)
        .arg(dir.path().join("drawn"))
        .status()
        .expect("pdftoppm (poppler-utils)");
    assert!(out.success());
    let poppler = started.elapsed().as_secs_f64();
    println!(
        "{scans} PDF pages drawn at 300 dpi for OCR, one at a time in workers: {:.2} pages/s; pdftoppm -r 300 -png {:.2} pages/s; ratio {:.2}",
        scans as f64 / amparo,
        scans as f64 / poppler,
        poppler / amparo
    );
}
