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

/// What became of the files given to [`add_documents`], one entry per
/// document (or per refused file).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentFiled {
    /// The file's name (the first page's, for photographed pages).
    pub file_name: String,
    /// What became of it.
    pub result: DocumentFiledResult,
}

/// What became of one file or set of page photos.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(
    tag = "status",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum DocumentFiledResult {
    /// A PDF filed as a document (or found already filed in the case).
    Filed {
        /// The document.
        document_id: String,
        /// The same PDF was already filed in the case.
        duplicate: bool,
        /// Its pages.
        pages: u32,
        /// Pages with no text of their own (scanned), for OCR.
        pages_without_text: u32,
    },
    /// Photos of pages put together as a document, to put in order and
    /// file.
    Started {
        /// The document.
        document_id: String,
        /// Its pages.
        pages: u32,
    },
    /// Refused, with its reason; nothing of it was written.
    Refused {
        /// The stable code of the reason.
        code: String,
        /// The reason in English.
        message: String,
    },
}

/// Adds what the family picked: each PDF as its own document; pictures
/// (photos, scans) together as the pages of one document, in the order
/// given. A bad PDF is refused alone; a bad picture refuses the
/// photographed document, naming it. Wrong details refuse everything, as
/// they would refuse every file.
pub fn add_documents(
    store: &mut Store,
    blobs: &BlobStore,
    case_id: &str,
    paths: &[std::path::PathBuf],
    details: &DocumentDetails,
) -> Result<Vec<DocumentFiled>, amparo_core::Error> {
    store.case(case_id)?;
    let name_of = |path: &Path| {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    };
    let refused = |file_name: String, e: &MediaError| DocumentFiled {
        file_name,
        result: DocumentFiledResult::Refused {
            code: e.code().to_owned(),
            message: e.to_string(),
        },
    };
    let (pdfs, pictures): (Vec<_>, Vec<_>) = paths.iter().partition(|p| looks_like_pdf(p));
    let mut out = Vec::new();
    for path in pdfs {
        match file_pdf(store, blobs, case_id, path, details) {
            Ok(added) => out.push(DocumentFiled {
                file_name: name_of(path),
                result: DocumentFiledResult::Filed {
                    pages: added.document.pages.len() as u32,
                    pages_without_text: added
                        .document
                        .pages
                        .iter()
                        .filter(|p| p.text.trim().is_empty())
                        .count() as u32,
                    document_id: added.document.id,
                    duplicate: added.duplicate,
                },
            }),
            Err(MediaError::Store(e @ amparo_core::Error::Invalid(_))) => return Err(e),
            Err(e) => out.push(refused(name_of(path), &e)),
        }
    }
    if !pictures.is_empty() {
        let pictures: Vec<std::path::PathBuf> = pictures.into_iter().cloned().collect();
        match start_photographed_document(store, blobs, case_id, &pictures, details) {
            Ok(document) => out.push(DocumentFiled {
                file_name: name_of(&pictures[0]),
                result: DocumentFiledResult::Started {
                    document_id: document.id,
                    pages: document.pages.len() as u32,
                },
            }),
            Err((_, MediaError::Store(e @ amparo_core::Error::Invalid(_)))) => return Err(e),
            Err((name, e)) => out.push(refused(name, &e)),
        }
    }
    Ok(out)
}

/// Whether the file begins as a PDF does (`%PDF-` in its first kilobyte);
/// anything else is taken for a picture of a page.
fn looks_like_pdf(path: &Path) -> bool {
    let mut head = [0u8; 1024];
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let n = file.read(&mut head).unwrap_or(0);
    head[..n].windows(5).any(|w| w == b"%PDF-")
}
