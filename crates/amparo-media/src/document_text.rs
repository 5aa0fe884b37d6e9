//! Reading the text of a document's pages that have none of their own (a
//! scan, a photo of paper, a scanned PDF), by OCR, in the background: each
//! page read on its own (two or more side by side), saved as it comes, one
//! failing alone with its reason; Stop leaves what was read saved and the
//! rest for next time. A page whose text a person typed or corrected is
//! never overwritten.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;

use amparo_core::{BlobStore, DerivativeKind, DocumentPage, Store, TextSource};
use rayon::prelude::*;
use serde::Serialize;
use ts_rs::TS;

use crate::error::MediaError;
use crate::ocr::read_page_words;
use crate::pdf::pdf_page_png;

/// How far reading a document's pages has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PageReadingProgress {
    /// Pages finished (read or failed).
    pub done: u32,
    /// Pages to read.
    pub total: u32,
    /// Pages that could not be read.
    pub failed: u32,
}

/// A page that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PageNotRead {
    /// Its number in the document, from 1.
    pub page: u32,
    /// The stable code of the reason.
    pub code: String,
    /// The reason in English.
    pub message: String,
}

/// What reading a document's pages did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PagesRead {
    /// Pages whose text was read and saved.
    pub read: u32,
    /// Pages that could not be read.
    pub failed: Vec<PageNotRead>,
    /// Pages left for another time (Stop was pressed).
    pub left: u32,
}

/// Reads by OCR every page of document `id` that has no text yet.
pub fn read_document_pages(
    store: &mut Store,
    blobs: &BlobStore,
    id: &str,
    cancel: &AtomicBool,
    mut progress: impl FnMut(PageReadingProgress),
) -> amparo_core::Result<PagesRead> {
    let document = store.document(id)?;
    let pages: Vec<DocumentPage> = document
        .pages
        .into_iter()
        .filter(|p| p.text_source == TextSource::None)
        .collect();
    let pdf = match &document.pdf_sha256 {
        Some(sha) if !pages.is_empty() => Some(blobs.read_original(sha)?),
        _ => None,
    };
    let language = document.details.language;
    let mut tally = PageReadingProgress {
        done: 0,
        total: pages.len() as u32,
        failed: 0,
    };
    progress(tally);
    let mut outcome = PagesRead {
        read: 0,
        failed: Vec::new(),
        left: 0,
    };
    // A few pictures in flight at most: each is a page at 300 dpi.
    let (sender, receiver) = sync_channel::<(usize, Option<Result<String, MediaError>>)>(2);
    let mut failure: Option<amparo_core::Error> = None;
    std::thread::scope(|scope| {
        scope.spawn(|| {
            pages
                .par_iter()
                .enumerate()
                .for_each_with(sender, |sender, (index, page)| {
                    let work = (!cancel.load(Ordering::Relaxed)).then(|| {
                        picture(blobs, pdf.as_deref(), page)
                            .and_then(|png| read_page_words(&png, &language))
                    });
                    let _ = sender.send((index, work));
                });
        });
        for (index, work) in receiver {
            let page = &pages[index];
            match work {
                None => outcome.left += 1,
                Some(Ok(text)) => match store.set_document_page_ocr(&page.id, &text) {
                    Ok(_) => outcome.read += 1,
                    // The store failing (the disk full, say) ends the job;
                    // what was saved stays.
                    Err(e) => {
                        cancel.store(true, Ordering::Relaxed);
                        failure.get_or_insert(e);
                        outcome.left += 1;
                    }
                },
                Some(Err(e)) => {
                    tally.failed += 1;
                    outcome.failed.push(PageNotRead {
                        page: page.number,
                        code: e.code().to_owned(),
                        message: e.to_string(),
                    });
                }
            }
            tally.done += 1;
            progress(tally);
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    outcome.failed.sort_by_key(|f| f.page);
    Ok(outcome)
}

/// The picture of `page` OCR reads (any format Tesseract's Leptonica
/// reads): a PDF's page rendered, or a photographed page's print copy
/// turned as the family turned it.
fn picture(
    blobs: &BlobStore,
    pdf: Option<&[u8]>,
    page: &DocumentPage,
) -> Result<Vec<u8>, MediaError> {
    if let (Some(pdf), Some(index)) = (pdf, page.pdf_page) {
        return pdf_page_png(pdf, index as usize);
    }
    let sha = page.sha256.as_deref().ok_or(MediaError::NotAnImage)?;
    let print = blobs.read_derivative(sha, DerivativeKind::Print)?;
    // Upright already: Tesseract reads the JPEG as it is.
    if page.rotation == 0 {
        return Ok(print);
    }
    let picture = image::load_from_memory_with_format(&print, image::ImageFormat::Jpeg)
        .map_err(|e| MediaError::Corrupt(e.to_string()))?;
    let turned = match page.rotation {
        90 => picture.rotate90(),
        180 => picture.rotate180(),
        270 => picture.rotate270(),
        _ => picture,
    };
    // Uncompressed (PNM): quicker to write and to read than a PNG.
    let mut pnm = std::io::Cursor::new(Vec::new());
    turned
        .to_rgb8()
        .write_to(&mut pnm, image::ImageFormat::Pnm)
        .map_err(|e| MediaError::Corrupt(e.to_string()))?;
    Ok(pnm.into_inner())
}
