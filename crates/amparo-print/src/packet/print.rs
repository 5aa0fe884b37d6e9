//! Printing a case's evidence packet: gather the exhibits, reduce their
//! images, build the data model (masked for a public filing), typeset it
//! once, and write it as one PDF or, over the size limit, as parts split at
//! exhibit boundaries with their numbering continued.

use std::collections::HashMap;

use amparo_core::{BlobStore, PacketDraft, Store};
use serde::Serialize;
use ts_rs::TS;

use crate::error::PrintError;
use amparo_core::PrintCheck;

use crate::packet::checks::{packet_ready, too_large};
use crate::packet::document_exhibit::document_pdfs;
use crate::packet::frozen::{StoredPdf, filing_sets};
use crate::packet::gather::{Gathered, Original, gather, page_images};
use crate::packet::masks::{masked, redactor_for};
use crate::packet::model::{ModelInput, Numbering};
use crate::packet::redact::Redactor;
use crate::render::{Pages, compile};

/// What a packet print is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PacketPurpose {
    /// DRAFT on every page; prints whatever the checks say.
    Draft,
    /// To file: refused while a check blocks.
    Filing,
    /// Only the packet's own pages that someone signs by hand (the index
    /// with "Respectfully submitted", each certificate), as they will be
    /// filed, with no DRAFT mark: to sign, scan and add before filing
    /// through ECAS. Refused while anything but those scans blocks.
    ForSignature,
}

/// Where a long print has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PacketStage {
    /// Reducing images for the page (`done` of `total`).
    Images,
    /// Laying out the pages.
    Typesetting,
    /// Writing the PDF file(s).
    Writing,
}

/// Progress of a packet print, for the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PacketProgress {
    /// The stage.
    pub stage: PacketStage,
    /// Steps done in it.
    pub done: u32,
    /// Steps in it.
    pub total: u32,
}

/// One PDF file of a printed packet.
#[derive(Debug, Clone)]
pub struct PacketFile {
    /// Its file name: `Evidence-packet.pdf`, or `Evidence-packet_Part1.pdf`.
    pub name: String,
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The printed numbers of its first and last page.
    pub pages: (u64, u64),
    /// Printed as separate files: what this one is ("Index of Exhibits",
    /// "Exhibit A - Declaration"), never a person's name.
    pub attachment: Option<String>,
}

/// A printed packet.
#[derive(Debug, Clone)]
pub struct PrintedPacket {
    /// One file, or the parts in order.
    pub files: Vec<PacketFile>,
    /// Pages in all.
    pub page_count: usize,
    /// The checks at the time of printing (warnings stay).
    pub checks: Vec<PrintCheck>,
    /// For counsel: which pages show who the person is, as a note.
    pub identifiers: Option<String>,
}

/// The base of a packet's file names: never the person's name.
pub const PACKET_FILE_BASE: &str = "Evidence-packet";

pub(crate) struct Prepared {
    pub g: Gathered,
    pub originals: Vec<Vec<Original>>,
    pub redactor: Option<Redactor>,
    /// Printed for counsel's export, which always carries the page on how
    /// to verify the originals; a federal court's copy does not.
    pub for_counsel: bool,
}

fn prepare(
    store: &Store,
    blobs: &BlobStore,
    case_id: &str,
    draft: Option<&PacketDraft>,
) -> Result<Prepared, PrintError> {
    let g = gather(store, case_id, draft)?;
    let originals = g.exhibits.iter().map(|e| e.originals(blobs)).collect();
    let redactor = masked(&g.draft).then(|| redactor_for(&g));
    Ok(Prepared {
        g,
        originals,
        redactor,
        for_counsel: false,
    })
}

/// What stands between the case's packet and a filing print.
pub fn packet_checks(
    store: &Store,
    blobs: &BlobStore,
    case_id: &str,
) -> Result<Vec<PrintCheck>, PrintError> {
    let prep = prepare(store, blobs, case_id, None)?;
    Ok(crate::packet::checks::packet_checks(
        &prep.g,
        prep.redactor.as_ref(),
    ))
}

pub(crate) struct Typeset {
    pub pages: Pages,
    /// Physical page index (from 0) of each exhibit's slip sheet.
    pub starts: Vec<usize>,
}

/// What a print places besides the text: the photos' reduced copies and
/// the signed statements' stored filing sets.
struct Placed {
    images: HashMap<String, Vec<u8>>,
    filing_sets: HashMap<String, StoredPdf>,
    document_pdfs: HashMap<String, StoredPdf>,
}

fn typeset(
    prep: &Prepared,
    placed: &Placed,
    draft_print: bool,
    numbering: &Numbering,
) -> Result<Typeset, PrintError> {
    let input = ModelInput {
        g: &prep.g,
        draft_print,
        originals: &prep.originals,
        images: &placed.images,
        filing_sets: &placed.filing_sets,
        document_pdfs: &placed.document_pdfs,
        numbering,
        today: crate::today(),
        verify_page: prep.for_counsel
            || prep.g.draft.profile == amparo_core::PacketProfile::ImmigrationCourt,
    };
    let mut model = input.build()?;
    if let Some(r) = &prep.redactor {
        r.mask(&mut model.data)?;
    }
    let mut pages = compile("/packet.typ", None, &model.data, model.images)?;
    // The page labels a viewer shows carry the prefix as printed: masked
    // in a public filing like every other string.
    let (prefix, width) = prep.g.draft.page_numbering();
    // A viewer's page label keeps "App. 1" apart only with a space that
    // does not break.
    let prefix = match prefix.strip_suffix(' ') {
        Some(head) => format!("{head}\u{a0}"),
        None => prefix,
    };
    let prefix = match &prep.redactor {
        Some(r) => r.text(&prefix),
        None => prefix,
    };
    pages.label_pages(&prefix, width);
    let starts = pages.pages_of_label("exhibit-start");
    Ok(Typeset { pages, starts })
}

/// The packet as the window previews it: one document, DRAFT on every
/// page, never split.
pub fn preview_packet(
    store: &Store,
    blobs: &BlobStore,
    case_id: &str,
    progress: &(dyn Fn(PacketProgress) + Sync),
) -> Result<Pages, PrintError> {
    let prep = prepare(store, blobs, case_id, None)?;
    let placed = placed_with_progress(blobs, &prep, progress)?;
    progress(PacketProgress {
        stage: PacketStage::Typesetting,
        done: 0,
        total: 1,
    });
    Ok(typeset(&prep, &placed, true, &Numbering::default())?.pages)
}

fn placed_with_progress(
    blobs: &BlobStore,
    prep: &Prepared,
    progress: &(dyn Fn(PacketProgress) + Sync),
) -> Result<Placed, PrintError> {
    let filing_sets = filing_sets(blobs, &prep.g.exhibits)?;
    let document_pdfs = document_pdfs(blobs, &prep.g.exhibits)?;
    let images = page_images(
        blobs,
        &prep.g.exhibits,
        &prep.g.draft.signed_pages,
        &|done, total| {
            progress(PacketProgress {
                stage: PacketStage::Images,
                done: done as u32,
                total: total as u32,
            });
        },
    )?;
    Ok(Placed {
        images,
        filing_sets,
        document_pdfs,
    })
}

/// The checks that wait only for the scans of the packet's signed pages.
fn awaits_signed_scan(code: amparo_core::PrintCheckCode) -> bool {
    use amparo_core::PrintCheckCode as C;
    matches!(
        code,
        C::SubmissionNotSigned | C::ServiceNotSigned | C::TranslationNotSigned
    )
}

/// Prints the case's packet. A filing print is refused while a check
/// blocks; a draft print always comes out, marked DRAFT.
pub fn print_packet(
    store: &Store,
    blobs: &BlobStore,
    case_id: &str,
    purpose: PacketPurpose,
    progress: &(dyn Fn(PacketProgress) + Sync),
) -> Result<PrintedPacket, PrintError> {
    print_packet_as(store, blobs, case_id, None, purpose, progress)
}

/// Prints the case's packet as `draft` says (its saved one when None),
/// without saving `draft`. A print for filing is recorded in the case's
/// custody log, each file with its SHA-256.
pub fn print_packet_as(
    store: &Store,
    blobs: &BlobStore,
    case_id: &str,
    draft: Option<&PacketDraft>,
    purpose: PacketPurpose,
    progress: &(dyn Fn(PacketProgress) + Sync),
) -> Result<PrintedPacket, PrintError> {
    let printed = print_unrecorded(store, blobs, case_id, draft, purpose, false, progress)?;
    record_filing_print(store, case_id, purpose, printed)
}

/// Prints the case's packet for counsel's export: as `print_packet`, with
/// the page on how to verify the originals whatever the court.
pub(crate) fn print_packet_for_counsel(
    store: &Store,
    blobs: &BlobStore,
    case_id: &str,
    purpose: PacketPurpose,
    progress: &(dyn Fn(PacketProgress) + Sync),
) -> Result<PrintedPacket, PrintError> {
    let printed = print_unrecorded(store, blobs, case_id, None, purpose, true, progress)?;
    record_filing_print(store, case_id, purpose, printed)
}

/// A print for filing is recorded in the case's custody log, each file
/// with its SHA-256.
fn record_filing_print(
    store: &Store,
    case_id: &str,
    purpose: PacketPurpose,
    printed: PrintedPacket,
) -> Result<PrintedPacket, PrintError> {
    if purpose == PacketPurpose::Filing {
        for file in &printed.files {
            store.record_custody(
                case_id,
                amparo_core::CustodyAction::PrintedForFiling,
                &format!("packet:{}", file.name),
                &amparo_core::content_hash(&file.pdf),
            )?;
        }
    }
    Ok(printed)
}

fn print_unrecorded(
    store: &Store,
    blobs: &BlobStore,
    case_id: &str,
    draft: Option<&PacketDraft>,
    purpose: PacketPurpose,
    for_counsel: bool,
    progress: &(dyn Fn(PacketProgress) + Sync),
) -> Result<PrintedPacket, PrintError> {
    let prep = Prepared {
        for_counsel,
        ..prepare(store, blobs, case_id, draft)?
    };
    let checks = crate::packet::checks::packet_checks(&prep.g, prep.redactor.as_ref());
    if purpose == PacketPurpose::Filing && !packet_ready(&checks) {
        return Err(PrintError::PacketNotReady(checks));
    }
    if purpose == PacketPurpose::ForSignature {
        let blocking: Vec<PrintCheck> = checks
            .iter()
            .filter(|c| c.blocks && !awaits_signed_scan(c.code))
            .cloned()
            .collect();
        if !blocking.is_empty() {
            return Err(PrintError::PacketNotReady(blocking));
        }
    }
    // A public filing with something it cannot mask is never printed, not
    // even as a draft.
    let unmaskable: Vec<PrintCheck> = checks
        .iter()
        .filter(|c| c.code == amparo_core::PrintCheckCode::CannotRedact)
        .cloned()
        .collect();
    if !unmaskable.is_empty() {
        return Err(PrintError::PacketNotReady(unmaskable));
    }
    let placed = placed_with_progress(blobs, &prep, progress)?;
    progress(PacketProgress {
        stage: PacketStage::Typesetting,
        done: 0,
        total: 1,
    });
    let draft_print = purpose == PacketPurpose::Draft;
    let whole = typeset(&prep, &placed, draft_print, &Numbering::default())?;
    let identifiers = prep
        .for_counsel
        .then(|| crate::packet::identifiers::identifier_note(&prep.g, &whole.pages));
    let printed = write_files(&prep, &placed, &whole, purpose, checks, progress)?;
    Ok(PrintedPacket {
        identifiers,
        ..printed
    })
}

/// The packet's file or files from its typeset pages: the pages to sign
/// alone, separate files, one file, or parts under the size limit.
fn write_files(
    prep: &Prepared,
    placed: &Placed,
    whole: &Typeset,
    purpose: PacketPurpose,
    checks: Vec<PrintCheck>,
    progress: &(dyn Fn(PacketProgress) + Sync),
) -> Result<PrintedPacket, PrintError> {
    let draft_print = purpose == PacketPurpose::Draft;
    let limit = u64::from(prep.g.draft.size_limit_mb) * 1_000_000;
    // A draft is never filed: with signed pages, which PDF/A cannot hold,
    // it comes out as a plain PDF rather than not at all.
    let has_signed = prep.g.exhibits.iter().any(|e| e.signed().is_some());
    let pdf_a = prep.g.draft.pdf_a && !(draft_print && has_signed);
    let step = |stage, done, total| {
        progress(PacketProgress { stage, done, total });
    };
    step(PacketStage::Writing, 0, 1);
    if purpose == PacketPurpose::ForSignature {
        let to_sign = whole.pages.pick(&whole.pages.pages_of_label("to-sign"));
        let count = to_sign.count();
        return Ok(PrintedPacket {
            files: vec![PacketFile {
                name: format!("{PACKET_FILE_BASE}-to-sign.pdf"),
                pdf: to_sign.pdf()?,
                pages: to_sign.number_range(0..count),
                attachment: None,
            }],
            page_count: count,
            checks,
            identifiers: None,
        });
    }
    if prep.g.draft.output == amparo_core::FilingOutput::SeparateFiles {
        return crate::packet::attachments::separate_files(prep, whole, pdf_a, checks);
    }
    let pdf = whole.pages.pdf_with(pdf_a)?;
    let page_count = whole.pages.count();
    if pdf.len() as u64 <= limit {
        let (first, last) = whole.pages.number_range(0..page_count);
        return Ok(PrintedPacket {
            files: vec![PacketFile {
                name: format!("{PACKET_FILE_BASE}.pdf"),
                pdf,
                pages: (first, last),
                attachment: None,
            }],
            page_count,
            checks,
            identifiers: None,
        });
    }
    let estimates = exhibit_estimates(prep, placed, whole);
    let overhead = (pdf.len() as u64).saturating_sub(estimates.iter().sum::<u64>());
    let mut budget = limit.saturating_sub(overhead) * 97 / 100;
    for _ in 0..4 {
        let part_starts = plan_parts(&estimates, budget).map_err(|i| {
            PrintError::PacketNotReady(vec![too_large(
                &prep.g.exhibits[i].letter,
                prep.g.draft.size_limit_mb,
            )])
        })?;
        step(PacketStage::Typesetting, 0, 1);
        let numbering = Numbering {
            part_starts: part_starts.clone(),
        };
        let split = typeset(prep, placed, draft_print, &numbering)?;
        let mut bounds: Vec<usize> = vec![0];
        bounds.extend(part_starts.iter().map(|&i| split.starts[i]));
        bounds.push(split.pages.count());
        let n = bounds.len() - 1;
        let mut files = Vec::with_capacity(n);
        let mut over = 0u64;
        for k in 0..n {
            step(PacketStage::Writing, k as u32, n as u32);
            let range = bounds[k]..bounds[k + 1];
            let part = split.pages.slice(range.clone());
            let pdf = part.pdf_with(pdf_a)?;
            over = over.max((pdf.len() as u64).saturating_sub(limit));
            files.push(PacketFile {
                name: format!("{PACKET_FILE_BASE}_Part{}.pdf", k + 1),
                pdf,
                pages: split.pages.number_range(range),
                attachment: None,
            });
        }
        if over == 0 {
            return Ok(PrintedPacket {
                files,
                page_count: split.pages.count(),
                checks,
                identifiers: None,
            });
        }
        budget = budget.saturating_sub(over + limit / 50);
    }
    Err(PrintError::Template(
        "the packet could not be split under the size limit".into(),
    ))
}

/// The bytes each exhibit adds to a PDF: its images or stored filing set,
/// and a little per page.
fn exhibit_estimates(prep: &Prepared, placed: &Placed, t: &Typeset) -> Vec<u64> {
    let total_pages = t.pages.count();
    prep.g
        .exhibits
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let images: u64 = e
                .image_hashes()
                .iter()
                .filter_map(|sha| placed.images.get(sha))
                .map(|b| b.len() as u64)
                .sum();
            let signed = e
                .signed()
                .and_then(|v| placed.filing_sets.get(&v.pdf_sha256))
                .map_or(0, |set| set.pdf.len() as u64);
            let document = match &e.body {
                crate::packet::gather::Body::Document(d) => d
                    .pdf_sha256
                    .as_ref()
                    .and_then(|sha| placed.document_pdfs.get(sha))
                    .map_or(0, |pdf| pdf.pdf.len() as u64),
                _ => 0,
            };
            let bytes = images + signed + document;
            let first = t.starts.get(i).copied().unwrap_or(total_pages);
            let next = t.starts.get(i + 1).copied().unwrap_or(total_pages);
            bytes + 6_000 * next.saturating_sub(first) as u64
        })
        .collect()
}

/// Exhibit indexes where parts 2, 3, ... begin, so that each part's
/// exhibits fit `budget`; or the index of an exhibit that fits no part.
fn plan_parts(estimates: &[u64], budget: u64) -> Result<Vec<usize>, usize> {
    let mut starts = Vec::new();
    let mut used = 0u64;
    for (i, &size) in estimates.iter().enumerate() {
        if size > budget {
            return Err(i);
        }
        if used + size > budget && i > 0 {
            starts.push(i);
            used = 0;
        }
        used += size;
    }
    Ok(starts)
}

#[cfg(test)]
mod tests {
    use super::plan_parts;

    #[test]
    fn parts_break_before_the_exhibit_that_would_overflow() {
        assert_eq!(plan_parts(&[4, 4, 4, 4], 10), Ok(vec![2]));
        assert_eq!(plan_parts(&[4, 4, 4, 4], 16), Ok(vec![]));
        assert_eq!(plan_parts(&[9, 2, 9], 10), Ok(vec![1, 2]));
        assert_eq!(plan_parts(&[4, 11, 4], 10), Err(1));
    }
}
