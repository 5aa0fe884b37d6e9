//! PDFs a family files: a Notice to Appear, an I-213, a country report.
//!
//! [`read_pdf`] reads one under limits and answers what Amparo keeps about
//! it (each page's size and the text it carries), or why it is refused: too
//! large, declaring more pages than allowed, encrypted, damaged, or
//! carrying something meant to run (JavaScript, a launch action). Nothing
//! in a PDF runs here: the parser and interpreter are pure Rust (typst's
//! hayro), nothing is fetched, and a panic inside them is a damaged file.

mod declared;
mod render;
mod script;
mod text;

use std::panic::{AssertUnwindSafe, catch_unwind};

use amparo_core::DocumentLimits;
use hayro_syntax::{LoadPdfError, Pdf};

use crate::error::MediaError;

pub use render::{pdf_page_png, pdf_page_view_png};

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
    catch_unwind(AssertUnwindSafe(|| read_parsed(bytes, limits)))
        .unwrap_or_else(|_| Err(MediaError::PdfDamaged))
}

fn read_parsed(bytes: &[u8], limits: &DocumentLimits) -> Result<PdfFacts, MediaError> {
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(pdf) => pdf,
        Err(LoadPdfError::Decryption(_)) => return Err(MediaError::PdfEncrypted),
        Err(LoadPdfError::Invalid) => return Err(MediaError::PdfDamaged),
    };
    let declared = declared::page_count(&pdf);
    let real = pdf.pages().len() as u64;
    let most = declared.unwrap_or(0).max(real);
    if most > u64::from(limits.max_pages) {
        return Err(MediaError::PdfTooManyPages {
            pages: most,
            max_pages: limits.max_pages,
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
