//! Keeping an image that is not a photo of the case, such as a scan of
//! signed pages: its original bytes under their SHA-256, with a thumbnail
//! and a print copy, and no row of its own.

use std::path::Path;

use amparo_core::{BlobStore, DerivativeKind};

use crate::error::MediaError;
use crate::process::process;

/// Reads the image at `path`, keeps it in `blobs` with its derivatives, and
/// returns its SHA-256.
pub fn keep_image(blobs: &BlobStore, path: &Path) -> Result<String, MediaError> {
    let bytes = std::fs::read(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let processed = process(&name, &bytes)?;
    if processed.photo.damaged {
        // Unlike a photo received once, signed pages can be scanned again.
        return Err(MediaError::Corrupt(
            "part of the picture is missing; scan the pages again".into(),
        ));
    }
    let sha256 = processed.photo.sha256;
    blobs.put_original(&sha256, &bytes)?;
    blobs.put_derivative(&sha256, DerivativeKind::Print, &processed.print)?;
    blobs.put_derivative(&sha256, DerivativeKind::Thumb, &processed.thumb)?;
    Ok(sha256)
}
