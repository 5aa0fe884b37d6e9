//! Files coming in: photos and documents into a case, scans of signed
//! pages; and the reading of scanned pages.

use std::path::{Path, PathBuf};

use amparo_core::BlobStore;

use amparo_core::DocumentDetails;
use amparo_media::{DocumentFiled, ImportProgress, ImportSummary, PageReadingProgress, PagesRead};
use amparo_print::ScanAdded;

use crate::error::Error;
use crate::operation::Context;

/// Imports `paths` into the case, reporting each file's progress; stops
/// early when the host sets the context's cancel flag.
pub fn import(
    cx: &mut Context<'_>,
    case_id: &str,
    paths: &[PathBuf],
) -> Result<ImportSummary, Error> {
    let progress = cx.progress;
    let report = |p: ImportProgress| {
        if let Ok(value) = serde_json::to_value(p) {
            progress(value);
        }
    };
    Ok(amparo_media::import_photos(
        cx.store, cx.blobs, case_id, paths, cx.cancel, report,
    )?)
}

/// Keeps each scan's original bytes and its print copy; a file that is not
/// an image Amparo reads is refused with its reason, naming the file.
pub fn keep_scans(cx: &mut Context<'_>, paths: &[PathBuf]) -> Result<Vec<ScanAdded>, Error> {
    paths.iter().map(|path| keep_scan(cx.blobs, path)).collect()
}

/// Keeps one scan: its original bytes and its print copy.
pub fn keep_scan(blobs: &BlobStore, path: &Path) -> Result<ScanAdded, Error> {
    let sha256 = amparo_media::keep_image(blobs, path)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(ScanAdded { sha256, file_name })
}

/// Adds the documents picked (see [`amparo_media::add_documents`]).
pub fn add_documents(
    cx: &mut Context<'_>,
    case_id: &str,
    paths: &[PathBuf],
    details: &DocumentDetails,
) -> Result<Vec<DocumentFiled>, Error> {
    Ok(amparo_media::add_documents(
        cx.store, cx.blobs, case_id, paths, details,
    )?)
}

/// Reads the document's pages that have no text, reporting each page;
/// stops after the pages under way when the host sets the cancel flag.
pub fn read_pages(cx: &mut Context<'_>, id: &str) -> Result<PagesRead, Error> {
    let progress = cx.progress;
    let report = |p: PageReadingProgress| {
        if let Ok(value) = serde_json::to_value(p) {
            progress(value);
        }
    };
    Ok(amparo_media::read_document_pages(
        cx.store, cx.blobs, id, cx.cancel, report,
    )?)
}
