//! What a PDF says about itself before its page tree is believed.

use hayro_syntax::Pdf;
use hayro_syntax::object::Dict;
use memchr::memmem;

/// Whether the file begins as a PDF does (`%PDF-` within its first
/// kilobyte, where readers look for it).
pub(super) fn starts_like_pdf(bytes: &[u8]) -> bool {
    memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// Whether the file ends as a whole PDF does: `%%EOF` within its last
/// kilobyte (where Acrobat looks). A file cut short in a download or a
/// copy lacks it, and hayro would otherwise rebuild what it can from the
/// rest: evidence must be the whole file, not what survived of it.
pub(super) fn ends_like_pdf(bytes: &[u8]) -> bool {
    memmem::find(&bytes[bytes.len().saturating_sub(1024)..], b"%%EOF").is_some()
}

/// Whether the file names an encryption dictionary. `/Encrypt` sits in
/// the trailer or the cross-reference stream's dictionary, which are never
/// compressed, so the raw bytes show it; a longer name (`/EncryptMetadata`)
/// is not it.
pub(super) fn names_encryption(bytes: &[u8]) -> bool {
    memmem::find_iter(bytes, b"/Encrypt").any(|at| {
        bytes
            .get(at + b"/Encrypt".len())
            .is_none_or(|next| !next.is_ascii_alphanumeric() && *next != b'#')
    })
}

/// The page count the document's root page tree declares. hayro counts
/// the pages it finds instead, so a file declaring 100,000 pages over one
/// real page reads as one page; Amparo refuses what a file declares too.
pub(super) fn page_count(pdf: &Pdf) -> Option<u64> {
    let catalog: Dict<'_> = pdf.xref().get(pdf.xref().root_id())?;
    let pages: Dict<'_> = catalog.get(b"Pages")?;
    let count: i64 = pages
        .get::<hayro_syntax::object::Number>(b"Count")?
        .as_i64();
    Some(u64::try_from(count).unwrap_or(0))
}
