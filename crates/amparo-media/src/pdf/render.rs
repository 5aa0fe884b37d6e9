//! A PDF page as a picture: for OCR of a scanned page at scanning
//! resolution, or for the window to show beside the page's text, rendered
//! by hayro (pure Rust), white behind.

use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro::{RenderCache, RenderSettings, render};
use hayro_interpret::InterpreterSettings;
use hayro_syntax::Pdf;

use crate::error::MediaError;
use crate::wire::Answer;

/// Resolution OCR reads best at.
const DPI: f32 = 300.0;
/// Longest side rendered, in pixels: a poster-sized page is read at less
/// than 300 dpi rather than allocated whole.
const LONG_SIDE_MAX: f32 = 5_000.0;

/// Page `index` (from 0) of `pdf` as a PNG, for OCR.
pub fn pdf_page_png(pdf: &[u8], index: usize) -> Result<Vec<u8>, MediaError> {
    drawn(pdf, index, false)
}

/// Resolution the window shows a page at: its words readable beside the
/// text box without rendering a scan's worth of pixels.
const VIEW_DPI: f32 = 110.0;
const VIEW_LONG_SIDE_MAX: f32 = 1_400.0;

/// Page `index` (from 0) of `pdf` as a PNG for the window.
pub fn pdf_page_view_png(pdf: &[u8], index: usize) -> Result<Vec<u8>, MediaError> {
    drawn(pdf, index, true)
}

/// The resolution and the longest side a page is drawn at, for the window
/// or for OCR.
fn drawing(for_view: bool) -> (f32, f32) {
    if for_view {
        (VIEW_DPI, VIEW_LONG_SIDE_MAX)
    } else {
        (DPI, LONG_SIDE_MAX)
    }
}

/// The page drawn by the decoding worker once decoding is isolated, here
/// before. What a worker sends back is checked to be a PNG no larger than
/// Amparo draws before anything reads it further.
fn drawn(pdf: &[u8], index: usize, for_view: bool) -> Result<Vec<u8>, MediaError> {
    let job = super::PdfJob::DrawPage {
        index: u32::try_from(index).map_err(|_| MediaError::PdfDamaged)?,
        for_view,
    };
    let Answer::PdfPagePng(png) = crate::isolation::pdf(job, pdf)? else {
        return Err(MediaError::PdfDamaged);
    };
    let (width, height) =
        image::ImageReader::with_format(std::io::Cursor::new(&png), image::ImageFormat::Png)
            .into_dimensions()
            .map_err(|_| MediaError::PdfDamaged)?;
    // At most the longest side drawn, rounded up.
    if width.max(height) as f32 > drawing(for_view).1 + 1.0 {
        return Err(MediaError::PdfDamaged);
    }
    Ok(png)
}

/// Draws page `index` of `pdf` in this process.
pub(crate) fn page_png_here(
    pdf: &[u8],
    index: usize,
    for_view: bool,
) -> Result<Vec<u8>, MediaError> {
    let (dpi, long_max) = drawing(for_view);
    page_png(pdf, index, dpi, long_max)
}

fn page_png(pdf: &[u8], index: usize, dpi: f32, long_max: f32) -> Result<Vec<u8>, MediaError> {
    catch_unwind(AssertUnwindSafe(|| {
        let pdf = Pdf::new(pdf.to_vec()).map_err(|_| MediaError::PdfDamaged)?;
        let page = pdf.pages().get(index).ok_or(MediaError::PdfDamaged)?;
        let (width, height) = page.render_dimensions();
        let long = width.max(height).max(1.0);
        let scale = (dpi / 72.0).min(long_max / long);
        let settings = RenderSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: hayro::vello_cpu::color::palette::css::WHITE,
            ..RenderSettings::default()
        };
        let pixmap = render(
            page,
            &RenderCache::new(),
            &InterpreterSettings::default(),
            &settings,
        );
        pixmap
            .into_png()
            .map_err(|e| MediaError::Corrupt(e.to_string()))
    }))
    .unwrap_or(Err(MediaError::PdfDamaged))
}
