//! The filed PDF whose pages the window is showing, kept decrypted only
//! while Amparo is unlocked: paging through a 200-page report reads and
//! decrypts its original once, not once per page, and the lock drops it.
//! Pages are drawn one at a time, so pages scrolled into view together
//! hold one copy of the PDF, not one each.

use std::sync::{Arc, Mutex};

use amparo_core::BlobStore;

/// The last PDF a page was shown from, by its SHA-256.
#[derive(Default)]
pub struct ShownPdf {
    held: Mutex<Option<(String, Arc<Vec<u8>>)>>,
    drawing: Mutex<()>,
}

impl ShownPdf {
    /// The stored PDF `sha256`, read once and held; none when the original
    /// is not there or is not a PDF (a photo is never held). The caller
    /// holds the unlocked store's `blobs` while this runs, so a lock waits
    /// for it and then drops what it held.
    pub fn pdf(&self, blobs: &BlobStore, sha256: &str) -> Option<Arc<Vec<u8>>> {
        let mut held = self.held.lock().ok()?;
        if let Some((sha, pdf)) = held.as_ref()
            && sha == sha256
        {
            return Some(Arc::clone(pdf));
        }
        let bytes = blobs.read_original(sha256).ok()?;
        if !bytes.starts_with(b"%PDF-") {
            return None;
        }
        let pdf = Arc::new(bytes);
        *held = Some((sha256.to_owned(), Arc::clone(&pdf)));
        Some(pdf)
    }

    /// Page `index` (from 0) of `pdf` as a PNG for the window, one drawing
    /// at a time.
    pub fn page_png(&self, pdf: &[u8], index: usize) -> Option<Vec<u8>> {
        let _one_at_a_time = self.drawing.lock().ok()?;
        amparo_media::pdf_page_view_png(pdf, index).ok()
    }

    /// Drops the held PDF (at lock).
    pub fn clear(&self) {
        if let Ok(mut held) = self.held.lock() {
            *held = None;
        }
    }
}
