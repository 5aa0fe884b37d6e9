//! Photo intake: turning the files a family has (phone photos, pictures
//! received over WhatsApp, iPhone HEICs, screenshots, scans) into evidence Amparo can keep
//! and print.
//!
//! For each file, [`process`] reads the bytes once, hashes them (SHA-256 of
//! the exact bytes: the original is never changed), finds the real format
//! from the content rather than the name, refuses an image whose header
//! declares more pixels than it may decode, reads EXIF (date taken as a
//! local time, camera, orientation, GPS), and makes two upright JPEG
//! derivatives without any metadata: a thumbnail and a print copy of
//! 2,000 px on the long side, which the window also shows.
//!
//! [`import_photos`] does that for a batch on every core, files a row per
//! photo, reports progress, and can be cancelled; one bad file fails alone.

mod damaged_png;
mod decode;
mod derive;
mod document_intake;
mod document_text;
mod error;
mod exif_read;
#[cfg(fuzzing)]
pub mod fuzzing;
mod import;
mod isolation;
mod keep;
mod ocr;
mod page_copy;
mod pdf;
mod pictures;
mod position;
mod process;
mod sandbox;
mod sniff;
mod wire;
mod worker;
#[cfg(debug_assertions)]
pub mod worker_test_hooks;
mod xmp;

pub use document_intake::{
    DocumentFiled, DocumentFiledResult, add_documents, file_pdf, start_photographed_document,
};
pub use document_text::{PageNotRead, PageReadingProgress, PagesRead, read_document_pages};
pub use error::MediaError;
pub use import::{ImportOutcome, ImportProgress, ImportResult, ImportSummary, import_photos};
pub use isolation::{
    DECODE_TIME_LIMIT, WORKER_ENV, WorkerCommand, decoding_is_isolated, isolate_decoding,
    serve_if_worker,
};
pub use keep::keep_image;
pub use ocr::{OCR_TIME_LIMIT, read_page_words};
pub use page_copy::{PAGE_LONG_SIDE, page_copy};
pub use pdf::{PdfFacts, PdfPageFacts, pdf_page_png, pdf_page_view_png, read_pdf};
pub use pictures::{PRINT_LONG_SIDE, THUMB_LONG_SIDE};
pub use position::carries_position;
pub use process::{Derivatives, MAX_PIXELS, Processed, derivatives, process};
pub use sniff::sniff;

/// Writes the TypeScript types of this crate that cross to the UI.
pub fn export_bindings(dir: &std::path::Path) -> Result<(), ts_rs::ExportError> {
    use ts_rs::TS;
    let cfg = ts_rs::Config::new().with_out_dir(dir);
    ImportSummary::export_all(&cfg)?;
    ImportProgress::export_all(&cfg)?;
    PagesRead::export_all(&cfg)?;
    DocumentFiled::export_all(&cfg)?;
    PageReadingProgress::export_all(&cfg)?;
    Ok(())
}
