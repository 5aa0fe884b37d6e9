//! A document as an exhibit. A PDF's pages are placed as they are, as
//! vectors (typst embeds the page; its text stays text), each reduced to
//! leave the packet's margins free for its header and page number; a
//! photographed page prints from its print copy, turned as the family
//! turned it. A document in another language comes after its English
//! translation and the certificate (LEGAL-FORMATS.md 2: "English
//! translation, its certificate, then the original"). An excerpt prints
//! only its pages, each labelled as part of an excerpt, with the
//! document's own page numbers.

use std::collections::HashMap;

use amparo_core::{BlobStore, Error};
use sha2::{Digest, Sha256};

use crate::error::PrintError;
use crate::packet::data::{DocumentExhibit, DocumentPageData, DocumentTranslation};
use crate::packet::describe::document_is_foreign;
use crate::packet::exhibit_pages::image_name;
use crate::packet::frozen::{StoredPdf, page_count};
use crate::packet::gather::{Body, Exhibit, PacketDocument};
use crate::world::image_path;

/// The PDFs of the packet's documents, by SHA-256, each read from the
/// blob store and checked against its hash: a changed file stops the print
/// naming its exhibit, as a signed statement's does.
pub(crate) fn document_pdfs(
    blobs: &BlobStore,
    exhibits: &[Exhibit],
) -> Result<HashMap<String, StoredPdf>, PrintError> {
    let mut pdfs = HashMap::new();
    for e in exhibits {
        let Body::Document(d) = &e.body else {
            continue;
        };
        let Some(sha) = &d.pdf_sha256 else {
            continue;
        };
        if pdfs.contains_key(sha) {
            continue;
        }
        let mismatch = || {
            PrintError::Core(Error::CorruptDatabase(format!(
                "the PDF of Exhibit {} does not match its SHA-256",
                e.letter
            )))
        };
        let pdf = blobs.read_original(sha).map_err(|err| match err {
            Error::DamagedFile(_) => mismatch(),
            other => PrintError::Core(other),
        })?;
        if format!("{:x}", Sha256::digest(&pdf)) != *sha {
            return Err(mismatch());
        }
        let pages = page_count(&pdf).ok_or_else(|| {
            PrintError::Template(format!(
                "the PDF of Exhibit {} cannot be read as a PDF",
                e.letter
            ))
        })?;
        pdfs.insert(sha.clone(), StoredPdf { pdf, pages });
    }
    Ok(pdfs)
}

/// The area a document's page is placed in, in inches: a letter page
/// less the one-inch margins every packet page has (the header line and
/// the packet's number stay where they are on the other pages; see
/// `document-pages` in packet.typ), less its frame.
const AREA_WIDTH_IN: f32 = 6.5 - 0.02;
const AREA_HEIGHT_IN: f32 = 9.0 - 0.02;

/// The size to place a page of `width_pt` x `height_pt` at, turned by
/// `rotation` degrees: the largest that fits the area, as (width, height)
/// in inches before it is turned.
fn placed_size(width_pt: f32, height_pt: f32, rotation: u16) -> (f32, f32) {
    let turned = rotation % 180 == 90;
    let (shown_w, shown_h) = if turned {
        (height_pt, width_pt)
    } else {
        (width_pt, height_pt)
    };
    let scale = (AREA_WIDTH_IN * 72.0 / shown_w).min(AREA_HEIGHT_IN * 72.0 / shown_h);
    let (w, h) = (shown_w * scale / 72.0, shown_h * scale / 72.0);
    if turned { (h, w) } else { (w, h) }
}

/// The name the packet's World serves a document's PDF under.
fn pdf_name(sha: &str) -> String {
    format!("document-{sha}.pdf")
}

/// What the template places for document `d` of Exhibit `letter`, and the
/// files it names (the PDF; page photos come with the packet's images).
pub(crate) fn document_exhibit(
    d: &PacketDocument,
    letter: &str,
    item_word: &str,
    pdfs: &HashMap<String, StoredPdf>,
) -> (DocumentExhibit, Vec<(String, Vec<u8>)>) {
    let mut files = Vec::new();
    let pdf = d.pdf_sha256.as_ref().and_then(|sha| {
        let stored = pdfs.get(sha)?;
        files.push((pdf_name(sha), stored.pdf.clone()));
        Some((image_path(&pdf_name(sha)), stored.pages))
    });
    let total = d.pages.len();
    let part = if d.excerpt.is_some() {
        " (excerpt)"
    } else {
        ""
    };
    let pages = d
        .printed_pages()
        .filter_map(|p| {
            let (pdf_page, image) = match (p.pdf_page, &p.sha256, &pdf) {
                // A page the stored PDF no longer has is not placed; the
                // page count check at filing makes this unreachable.
                (Some(index), _, Some((_, count))) if (index as usize) < *count => {
                    (Some(index + 1), None)
                }
                (None, Some(sha), _) => (None, Some(image_path(&image_name(sha)))),
                _ => return None,
            };
            let (width_in, height_in) = placed_size(p.width_pt, p.height_pt, p.rotation);
            Some(DocumentPageData {
                pdf_page,
                image,
                rotation: p.rotation,
                width_in,
                height_in,
                label: format!("{item_word} {letter}{part}, page {} of {total}", p.number),
            })
        })
        .collect();
    let translation = document_is_foreign(d).then(|| DocumentTranslation {
        title: format!(
            "English Translation of {item_word} {letter}{part}: {}",
            d.details.title.trim()
        ),
        pages: d
            .printed_pages()
            .map(|p| {
                (
                    format!("Page {} of {total}", p.number),
                    p.translation.trim().to_owned(),
                )
            })
            .collect(),
    });
    (
        DocumentExhibit {
            pdf: pdf.map(|(path, _)| path),
            pages,
            document_translation: translation,
        },
        files,
    )
}

#[cfg(test)]
mod tests {
    use super::placed_size;

    #[test]
    fn a_page_is_placed_as_large_as_the_area_allows_keeping_its_shape() {
        // Letter, upright: the width is what limits it (the area is
        // narrower than a letter page's proportions).
        let (w, h) = placed_size(612.0, 792.0, 0);
        assert!((w - 6.48).abs() < 0.01 && (h - 6.48 * 792.0 / 612.0).abs() < 0.01);
        // A tall receipt: its height limits it.
        let (w, h) = placed_size(300.0, 900.0, 0);
        assert!((h - 8.98).abs() < 0.01 && (w - 8.98 / 3.0).abs() < 0.01);
        // Landscape: the width limits it.
        let (w, h) = placed_size(792.0, 612.0, 0);
        assert!((w - 6.48).abs() < 0.01 && (h - 6.48 * 612.0 / 792.0).abs() < 0.01);
        // A landscape photo turned a quarter: shown upright, so placed
        // with its long side along the page's height (before the turn,
        // that side is its width).
        let (w, h) = placed_size(4032.0, 3024.0, 90);
        assert!(
            (h - 6.48).abs() < 0.01 && (w - 6.48 * 4.0 / 3.0).abs() < 0.01,
            "{w} x {h}"
        );
    }
}
