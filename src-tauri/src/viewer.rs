//! Opening a PDF in the system's viewer, from which the user prints.
//! Under test, PDFs are opened nowhere and only recorded.

use std::sync::Mutex;

use amparo_core::ErrorPayload;

/// PDFs opened in the system viewer (only end-to-end builds read the list).
#[derive(Default)]
#[cfg_attr(not(feature = "e2e"), allow(dead_code))]
pub struct OpenedPdfs(pub Mutex<Vec<String>>);

#[cfg(not(feature = "e2e"))]
pub fn open_in_viewer(path: &str, _opened: &OpenedPdfs) -> Result<(), ErrorPayload> {
    open::that_detached(std::path::Path::new(path))
        .map_err(|e| ErrorPayload::from(&amparo_core::Error::Io(e)))
}

#[cfg(feature = "e2e")]
pub fn open_in_viewer(path: &str, opened: &OpenedPdfs) -> Result<(), ErrorPayload> {
    if let Ok(mut list) = opened.0.lock() {
        list.push(path.to_owned());
    }
    Ok(())
}
