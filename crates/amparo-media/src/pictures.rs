//! What decoding a file gives: its picture, upright, at print size and at
//! thumbnail size, as plain pixels. This is the part of intake that runs
//! the C decoders (libjpeg-turbo, libheif with libde265) on untrusted bytes,
//! so it is what the decoding worker runs; everything else (hashing, EXIF,
//! encoding the derivatives) stays with the caller.

use amparo_core::PhotoFormat;
use image::metadata::Orientation;
use image::{DynamicImage, RgbImage};

use crate::decode::decode;
use crate::derive::fit;
use crate::error::MediaError;

/// The print (and view) copy's long side: the full text width of a Letter
/// page at 300 dpi.
pub const PRINT_LONG_SIDE: u32 = 2_000;

/// The thumbnail's long side.
pub const THUMB_LONG_SIDE: u32 = 400;

/// A decoded picture, upright.
#[derive(Debug, PartialEq)]
pub(crate) struct Pictures {
    /// At most [`PRINT_LONG_SIDE`] on its long side.
    pub print: RgbImage,
    /// At most [`THUMB_LONG_SIDE`] on its long side.
    pub thumb: RgbImage,
    /// Upright width of the original.
    pub width: u32,
    /// Upright height of the original.
    pub height: u32,
    /// Only part of the picture could be decoded.
    pub damaged: bool,
}

/// Decodes `bytes` (of `format`, sniffed by the caller) and turns the
/// result by its EXIF `orientation`.
pub(crate) fn upright_pictures(
    bytes: &[u8],
    format: PhotoFormat,
    orientation: u8,
) -> Result<Pictures, MediaError> {
    let decoded = decode(bytes, format, PRINT_LONG_SIDE)?;
    let mut print = DynamicImage::ImageRgb8(fit(&decoded.rgb, PRINT_LONG_SIDE)?);
    // libheif applies a HEIF's rotation while decoding; rotating again by
    // EXIF would turn it twice.
    let orientation = if format == PhotoFormat::Heif {
        1
    } else {
        orientation
    };
    let turned = Orientation::from_exif(orientation).unwrap_or(Orientation::NoTransforms);
    print.apply_orientation(turned);
    let print = print.into_rgb8();
    let thumb = fit(&print, THUMB_LONG_SIDE)?;
    let swaps = (5..=8).contains(&orientation);
    let (width, height) = if swaps {
        (decoded.full_height, decoded.full_width)
    } else {
        (decoded.full_width, decoded.full_height)
    };
    Ok(Pictures {
        print,
        thumb,
        width,
        height,
        damaged: decoded.damaged,
    })
}
