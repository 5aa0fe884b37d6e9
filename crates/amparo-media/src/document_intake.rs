//! Filing a PDF as a document: read under the installation's limits,
//! kept byte for byte in the blob store, then its row and its pages'
//! text. The blob is written before the row, so a crash between the two
//! leaves only a blob no row names, which the sweep removes.

use std::io::Read;
use std::path::Path;

use amparo_core::{BlobStore, DocumentAdded, DocumentDetails, NewPdfDocument, NewPdfPage, Store};
use sha2::{Digest, Sha256};

use crate::error::MediaError;
use crate::pdf::read_pdf;

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
