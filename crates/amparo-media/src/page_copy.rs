//! The copy of an image an evidence packet embeds: the print copy reduced
//! to what a page needs, made once and kept beside it.

use amparo_core::{BlobStore, DerivativeKind, PhotoFormat};

use crate::decode::decode;
use crate::derive::{fit, jpeg};
use crate::error::MediaError;

/// Long side of a packet's copy, in pixels.
pub const PAGE_LONG_SIDE: u32 = 1_600;

/// The packet copy of the original `sha256`, made from its print copy the
/// first time and kept in `blobs`.
pub fn page_copy(blobs: &BlobStore, sha256: &str) -> Result<Vec<u8>, MediaError> {
    if let Ok(bytes) = blobs.read_derivative(sha256, DerivativeKind::Page) {
        return Ok(bytes);
    }
    let print = blobs.read_derivative(sha256, DerivativeKind::Print)?;
    let decoded = decode(&print, PhotoFormat::Jpeg, PAGE_LONG_SIDE)?;
    let bytes = jpeg(&fit(&decoded.rgb, PAGE_LONG_SIDE)?, 85)?;
    blobs.put_derivative(sha256, DerivativeKind::Page, &bytes)?;
    Ok(bytes)
}
