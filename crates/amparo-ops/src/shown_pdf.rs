//! The filed PDF whose pages the window is showing, kept decrypted only
//! while Amparo is unlocked: paging through a 200-page report reads and
//! decrypts its original once, not once per page, and the lock drops it.

use std::sync::{Arc, Mutex};

use amparo_core::BlobStore;

/// The last PDF a page was shown from, by its SHA-256.
#[derive(Default)]
pub struct ShownPdf(Mutex<Option<(String, Arc<Vec<u8>>)>>);

impl ShownPdf {
    /// Page `index` (from 0) of the stored PDF `sha256` as a PNG for the
    /// window; none when the original is not there or is not a PDF.
    pub fn page_png(&self, blobs: &BlobStore, sha256: &str, index: usize) -> Option<Vec<u8>> {
        let held = self.0.lock().ok().and_then(|h| {
            h.as_ref()
                .filter(|(sha, _)| sha == sha256)
                .map(|(_, pdf)| Arc::clone(pdf))
        });
        let pdf = match held {
            Some(pdf) => pdf,
            None => {
                let pdf = Arc::new(blobs.read_original(sha256).ok()?);
                if let Ok(mut h) = self.0.lock() {
                    *h = Some((sha256.to_owned(), Arc::clone(&pdf)));
                }
                pdf
            }
        };
        amparo_media::pdf_page_view_png(&pdf, index).ok()
    }

    /// Drops the held PDF (at lock).
    pub fn clear(&self) {
        if let Ok(mut h) = self.0.lock() {
            *h = None;
        }
    }
}
