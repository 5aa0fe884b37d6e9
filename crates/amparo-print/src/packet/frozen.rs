//! A signed declaration enters the packet as the pages of the filing set
//! stored when it was marked signed, never typeset again: a later change to
//! a printed sentence, a corrected name or a moved exhibit letter must not
//! change what was sworn. The packet only adds its own marks in the margins
//! the filing set leaves empty (packet.typ, `frozen-pages`).

use std::collections::HashMap;

use amparo_core::{BlobStore, Error, SignedVersion};

use crate::error::PrintError;
use crate::packet::data::FrozenPages;
use crate::packet::gather::Exhibit;
use crate::signing::stored_filing_set;
use crate::world::image_path;

/// A stored PDF (a signed filing set, a filed document), checked against
/// its SHA-256, ready to place.
pub(crate) struct StoredPdf {
    /// The stored PDF, byte for byte.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
}

/// The stored filing sets of the packet's signed statements, by the
/// SHA-256 of their PDF. A file that no longer matches its hash, or that
/// cannot be read as a PDF, stops the print: the packet never falls back to
/// typesetting the text again.
pub(crate) fn filing_sets(
    blobs: &BlobStore,
    exhibits: &[Exhibit],
) -> Result<HashMap<String, StoredPdf>, PrintError> {
    let mut sets = HashMap::new();
    for e in exhibits {
        let Some(version) = e.signed() else {
            continue;
        };
        if sets.contains_key(&version.pdf_sha256) {
            continue;
        }
        // Say which exhibit, so the family knows which declaration to
        // restore from a backup.
        let pdf = stored_filing_set(blobs, version).map_err(|err| match err {
            PrintError::Core(Error::CorruptDatabase(why)) => PrintError::Core(
                Error::CorruptDatabase(format!("{why} (Exhibit {})", e.letter)),
            ),
            other => other,
        })?;
        let pages = page_count(&pdf).ok_or_else(|| {
            PrintError::Template(format!(
                "the stored filing set of signed version {} cannot be read as a PDF",
                version.number
            ))
        })?;
        sets.insert(version.pdf_sha256.clone(), StoredPdf { pdf, pages });
    }
    Ok(sets)
}

pub(crate) fn page_count(pdf: &[u8]) -> Option<usize> {
    let pages = hayro_syntax::Pdf::new(pdf.to_vec()).ok()?.pages().len();
    (pages > 0).then_some(pages)
}

/// The name the packet's World serves a filing set under.
fn pdf_name(version: &SignedVersion) -> String {
    format!("signed-{}.pdf", version.pdf_sha256)
}

/// What the template places for `version`, and the file it names; None
/// when its filing set was not read (which `filing_sets` never allows for
/// a signed statement of the packet).
pub(crate) fn frozen_pages(
    version: &SignedVersion,
    sets: &HashMap<String, StoredPdf>,
) -> Option<(FrozenPages, (String, Vec<u8>))> {
    let set = sets.get(&version.pdf_sha256)?;
    let name = pdf_name(version);
    Some((
        FrozenPages {
            pdf: image_path(&name),
            pages: set.pages,
        },
        (name, set.pdf.clone()),
    ))
}

#[cfg(test)]
mod tests {
    use super::page_count;

    #[test]
    fn what_is_not_a_pdf_has_no_pages_to_place() {
        assert_eq!(page_count(b"%PDF-1.7 not the signed one"), None);
        assert_eq!(page_count(b""), None);
    }
}
