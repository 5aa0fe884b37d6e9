//! A packet as CM/ECF attachments (LEGAL-FORMATS.md section 4): the main
//! document, then one file per exhibit with its slip sheet, each named by
//! the kind of record it is.

use amparo_core::PrintCheck;

use crate::error::PrintError;
use crate::packet::checks::too_large;
use crate::packet::gather::Body;
use crate::packet::print::{PacketFile, Prepared, PrintedPacket, Typeset};

/// What an exhibit is, for its file's name: the kind of record, never
/// whose (LEGAL-FORMATS.md section 4: no confidential name in a file name).
fn kind_of(body: &Body) -> &'static str {
    match body {
        Body::Statement { .. } => "Declaration",
        Body::Photo(_) => "Photograph",
        Body::Tattoo { .. } => "Tattoo record",
        Body::Chronology(_) => "Chronology",
        Body::Rebuttal(_) => "Allegations answered",
        Body::Document(d) => match d.details.kind {
            amparo_core::DocumentKind::Identity => "Identity document",
            amparo_core::DocumentKind::Government => "Government document",
            amparo_core::DocumentKind::Court => "Court document",
            amparo_core::DocumentKind::CountryConditions => "Country conditions report",
            amparo_core::DocumentKind::Publication => "Publication",
            amparo_core::DocumentKind::Letter => "Letter",
            amparo_core::DocumentKind::Medical => "Medical record",
            amparo_core::DocumentKind::SchoolOrWork => "School or work record",
            amparo_core::DocumentKind::Other => "Document",
        },
    }
}

/// The packet as CM/ECF attachments: the main document (cover, index of
/// exhibits naming the filing they support, signature, and any
/// certificate), then one file per exhibit, each with its slip sheet. The
/// pages keep the packet's numbers, which the index cites.
pub(crate) fn separate_files(
    prep: &Prepared,
    whole: &Typeset,
    pdf_a: bool,
    checks: Vec<PrintCheck>,
) -> Result<PrintedPacket, PrintError> {
    let count = whole.pages.count();
    let after = whole
        .pages
        .pages_of_label("after-exhibits")
        .first()
        .copied()
        .unwrap_or(count);
    let first_exhibit = whole.starts.first().copied().unwrap_or(after);
    let main: Vec<usize> = (0..first_exhibit).chain(after..count).collect();
    let mut pieces = vec![("Index of Exhibits".to_owned(), main, None)];
    for (i, e) in prep.g.exhibits.iter().enumerate() {
        let start = whole.starts[i];
        let end = whole.starts.get(i + 1).copied().unwrap_or(after);
        let label = format!(
            "{} {} - {}",
            prep.g.draft.item_label.word(),
            e.letter,
            kind_of(&e.body)
        );
        pieces.push((label, (start..end).collect(), Some(&e.letter)));
    }
    let limit = u64::from(prep.g.draft.size_limit_mb) * 1_000_000;
    let mut files = Vec::with_capacity(pieces.len());
    for (label, pages, letter) in pieces {
        let picked = whole.pages.pick(&pages);
        let pdf = picked.pdf_with(pdf_a)?;
        if pdf.len() as u64 > limit {
            let letter = letter.map_or("", String::as_str);
            return Err(PrintError::PacketNotReady(vec![too_large(
                letter,
                prep.g.draft.size_limit_mb,
            )]));
        }
        files.push(PacketFile {
            name: format!("{label}.pdf"),
            pdf,
            pages: picked.number_range(0..picked.count()),
            attachment: Some(label),
        });
    }
    Ok(PrintedPacket {
        files,
        page_count: count,
        checks,
        identifiers: None,
    })
}
