//! Filing a document: a PDF read under the installation's limits, or
//! photos and scans of its paper pages read as photos are. Each original
//! is kept byte for byte in the blob store before the rows that name it
//! are written, so a crash between the two leaves only blobs no row names,
//! which the sweep removes.

use std::io::Read;
use std::path::Path;

use amparo_core::{
    BlobStore, DerivativeKind, Document, DocumentAdded, DocumentDetails, NewPagePhoto,
    NewPdfDocument, NewPdfPage, Store,
};
use sha2::{Digest, Sha256};

use crate::error::MediaError;
use crate::pdf::read_pdf;
use crate::process::process;

/// Files the PDF at `path` in `case_id`. An empty title becomes the
/// file's name without its extension, so nothing is refused for want of
/// one; the family can change it.
pub fn file_pdf(
    store: &mut Store,
    blobs: &BlobStore,
    case_id: &str,
    path: &Path,
    details: &DocumentDetails,
) -> Result<DocumentAdded, MediaError> {
    store.case(case_id)?;
    let limits = store.document_limits()?;
    let mut file = std::fs::File::open(path)?;
    // A file larger than the limit is refused before it is read into memory.
    let size = file.metadata()?.len();
    if size > limits.max_bytes() {
        return Err(MediaError::PdfTooLarge {
            bytes: size,
            max_bytes: limits.max_bytes(),
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.by_ref()
        .take(limits.max_bytes() + 1)
        .read_to_end(&mut bytes)?;
    let facts = read_pdf(&bytes, &limits)?;
    let sha256 = format!("{:x}", Sha256::digest(&bytes));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut details = details.clone();
    if details.title.trim().is_empty() {
        details.title = path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| file_name.clone());
    }
    blobs.put_original(&sha256, &bytes)?;
    let added = store.add_pdf_document(
        case_id,
        &NewPdfDocument {
            details,
            sha256,
            file_name,
            byte_size: bytes.len() as u64,
            pages: facts
                .pages
                .into_iter()
                .map(|p| NewPdfPage {
                    width_pt: p.width_pt,
                    height_pt: p.height_pt,
                    text: p.text,
                })
                .collect(),
        },
    )?;
    Ok(added)
}

/// Starts a document from photos or scans of its pages, in the order
/// given; it is filed once its pages are in order (see
/// [`Store::file_document`]). Every file is read first: one that is not a
/// readable picture refuses the document, naming it, before anything is
/// written. An empty title becomes the first file's name.
pub fn start_photographed_document(
    store: &mut Store,
    blobs: &BlobStore,
    case_id: &str,
    paths: &[std::path::PathBuf],
    details: &DocumentDetails,
) -> Result<Document, (String, MediaError)> {
    store
        .case(case_id)
        .map_err(|e| (String::new(), MediaError::from(e)))?;
    let mut processed = Vec::with_capacity(paths.len());
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let done = std::fs::read(path)
            .map_err(MediaError::from)
            .and_then(|bytes| process(&name, &bytes).map(|done| (done, bytes)))
            .map_err(|e| (name.clone(), e))?;
        processed.push(done);
    }
    let mut pages = Vec::with_capacity(processed.len());
    for (done, original) in &processed {
        let sha = &done.photo.sha256;
        let kept = blobs
            .put_original(sha, original)
            .and_then(|()| blobs.put_derivative(sha, DerivativeKind::Thumb, &done.thumb))
            .and_then(|()| blobs.put_derivative(sha, DerivativeKind::Print, &done.print));
        kept.map_err(|e| (done.photo.file_name.clone(), MediaError::from(e)))?;
        pages.push(NewPagePhoto {
            sha256: sha.clone(),
            file_name: done.photo.file_name.clone(),
            format: done.photo.format,
            byte_size: done.photo.byte_size,
            width: done.photo.width,
            height: done.photo.height,
        });
    }
    let mut details = details.clone();
    if details.title.trim().is_empty() {
        details.title = paths
            .first()
            .and_then(|p| p.file_stem())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    store
        .add_photographed_document(case_id, &details, &pages)
        .map_err(|e| (String::new(), MediaError::from(e)))
}
