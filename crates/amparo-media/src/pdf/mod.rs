//! PDFs a family files: a Notice to Appear, an I-213, a country report.
//!
//! [`read_pdf`] reads one under limits and answers what Amparo keeps about
//! it (each page's size and the text it carries), or why it is refused: too
//! large, declaring more pages than allowed, encrypted, damaged, or
//! carrying something meant to run (JavaScript, a launch action). Nothing
//! in a PDF runs here: the parser and interpreter are pure Rust (typst's
//! hayro), nothing is fetched, and a panic inside them is a damaged file.
//!
//! Once decoding is isolated (see `isolation.rs`), the parsing and drawing
//! happen in the sandboxed decoding worker, as pictures' decoding does: a
//! crafted file that nests arrays until the stack ends, or draws for
//! minutes, stops that worker, never Amparo. Only the byte scans before
//! parsing (size, header, trailer, encryption) run here.

mod declared;
mod render;
mod script;
mod text;

use std::panic::{AssertUnwindSafe, catch_unwind};

use amparo_core::DocumentLimits;
use hayro_syntax::{LoadPdfError, Pdf};

use crate::error::MediaError;
use crate::wire::Answer;

pub use render::{pdf_page_png, pdf_page_view_png};

/// What the decoding worker is asked about a PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PdfJob {
    /// Its facts, refusing more than `max_pages` pages.
    Read { max_pages: u32 },
    /// Page `index` (from 0) drawn as a PNG: for the window (`for_view`)
    /// or for OCR.
    DrawPage { index: u32, for_view: bool },
}

/// Does `job` on `bytes` in this process: in the worker, or anywhere
/// decoding is not isolated.
pub(crate) fn answer(job: PdfJob, bytes: &[u8]) -> Result<Answer, MediaError> {
    match job {
        PdfJob::Read { max_pages } => {
            catch_unwind(AssertUnwindSafe(|| read_parsed(bytes, max_pages)))
                .unwrap_or(Err(MediaError::PdfDamaged))
                .map(Answer::PdfFacts)
        }
        PdfJob::DrawPage { index, for_view } => {
            render::page_png_here(bytes, index as usize, for_view).map(Answer::PdfPagePng)
        }
    }
}

/// What is kept about a PDF's page.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfPageFacts {
    /// Width as shown (after the page's own rotation), in points.
    pub width_pt: f32,
    /// Height as shown, in points.
    pub height_pt: f32,
    /// The page's own text, in reading order as far as its layout allows;
    /// empty for a scanned page (which needs OCR).
    pub text: String,
}

/// What a readable PDF holds.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfFacts {
    /// Its pages, in order.
    pub pages: Vec<PdfPageFacts>,
}

/// Reads `bytes` as a PDF under `limits`.
pub fn read_pdf(bytes: &[u8], limits: &DocumentLimits) -> Result<PdfFacts, MediaError> {
    if bytes.len() as u64 > limits.max_bytes() {
        return Err(MediaError::PdfTooLarge {
            bytes: bytes.len() as u64,
            max_bytes: limits.max_bytes(),
        });
    }
    if !declared::starts_like_pdf(bytes) {
        return Err(MediaError::NotAPdf);
    }
    if !declared::ends_like_pdf(bytes) {
        return Err(MediaError::PdfDamaged);
    }
    // hayro opens a PDF with an empty user password as if it were plain;
    // such a file still says who may print or copy it, so it is refused
    // like any other encrypted one.
    if declared::names_encryption(bytes) {
        return Err(MediaError::PdfEncrypted);
    }
    let job = PdfJob::Read {
        max_pages: limits.max_pages,
    };
    match crate::isolation::pdf(job, bytes)? {
        Answer::PdfFacts(facts) => Ok(facts),
        _ => Err(MediaError::PdfDamaged),
    }
}

fn read_parsed(bytes: &[u8], max_pages: u32) -> Result<PdfFacts, MediaError> {
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(pdf) => pdf,
        Err(LoadPdfError::Decryption(_)) => return Err(MediaError::PdfEncrypted),
        Err(LoadPdfError::Invalid) => return Err(MediaError::PdfDamaged),
    };
    let declared = declared::page_count(&pdf);
    let real = pdf.pages().len() as u64;
    let most = declared.unwrap_or(0).max(real);
    if most > u64::from(max_pages) {
        return Err(MediaError::PdfTooManyPages {
            pages: most,
            max_pages,
        });
    }
    // No pages, or not the pages the file says it has: part of it is
    // missing or broken, and another viewer would show something else.
    if real == 0 || declared.is_some_and(|d| d != real) {
        return Err(MediaError::PdfDamaged);
    }
    if let Some(what) = script::what_would_run(&pdf) {
        return Err(MediaError::PdfRunsSomething(what));
    }
    let pages = pdf
        .pages()
        .iter()
        .zip(text::pages_text(&pdf))
        .map(|(page, text)| {
            let (width_pt, height_pt) = page.render_dimensions();
            PdfPageFacts {
                width_pt,
                height_pt,
                text,
            }
        })
        .collect();
    Ok(PdfFacts { pages })
}
