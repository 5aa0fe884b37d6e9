//! The pages of the latest preview. The window shows them as images served
//! by its media scheme under a token, so a preview never travels as a PDF
//! and never names a file.

use std::sync::{Arc, Mutex};

use amparo_print::{Pages, Preview};

/// The latest preview's pages, under their token.
#[derive(Default)]
pub struct Previews(Mutex<Option<(String, Arc<Pages>)>>);

impl Previews {
    /// Keeps `pages` as the latest preview, under a new token.
    pub fn hold(&self, pages: Pages) -> Preview {
        let token = uuid::Uuid::now_v7().simple().to_string();
        let count = pages.count() as u32;
        if let Ok(mut held) = self.0.lock() {
            *held = Some((token.clone(), Arc::new(pages)));
        }
        Preview {
            token,
            pages: count,
        }
    }

    /// The pages held under `token`, if it is still the latest preview.
    pub fn pages(&self, token: &str) -> Option<Arc<Pages>> {
        let held = self.0.lock().ok()?;
        match held.as_ref() {
            Some((t, pages)) if t == token => Some(Arc::clone(pages)),
            _ => None,
        }
    }

    /// Drops the held preview (at lock).
    pub fn clear(&self) {
        if let Ok(mut held) = self.0.lock() {
            *held = None;
        }
    }
}
