//! The parsers of untrusted bytes that run in Amparo's own process, for
//! the fuzz targets in `fuzz/` (compiled only under `cfg(fuzzing)`, which
//! cargo-fuzz sets). Decoders run in the sandboxed worker and are not
//! here; what reads the worker's answer is.

/// Whether a JPEG's segments reach picture data (the check that tells a
/// damaged JPEG worth keeping from one cut off in its headers).
pub fn jpeg_holds_picture_data(bytes: &[u8]) -> bool {
    crate::decode::holds_picture_data(bytes)
}

/// Reads `bytes` as a decoding worker's reply, as Amparo does.
pub fn read_worker_reply(bytes: &[u8]) -> bool {
    matches!(
        crate::wire::read_reply(&mut std::io::Cursor::new(bytes)),
        Ok(Ok(_))
    )
}

/// A photo's EXIF and XMP facts, as an import reads them.
pub fn read_exif(bytes: &[u8]) -> amparo_core::PhotoExif {
    crate::exif_read::read_exif(bytes)
}

/// Reads `bytes` as a PDF under small limits, as filing a document does;
/// the number of pages read, or `None` when it is refused.
pub fn read_pdf(bytes: &[u8]) -> Option<usize> {
    let limits = amparo_core::DocumentLimits {
        max_megabytes: 1,
        max_pages: 50,
    };
    crate::read_pdf(bytes, &limits).ok().map(|facts| {
        assert!(!facts.pages.is_empty() && facts.pages.len() <= 50);
        facts.pages.len()
    })
}
