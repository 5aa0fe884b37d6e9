//! One file, start to finish: hash, sniff, EXIF, decode, upright
//! derivatives.

use amparo_core::{NewPhoto, PhotoFormat};
use image::DynamicImage;
use image::metadata::Orientation;
use sha2::{Digest, Sha256};

use crate::decode::decode;
use crate::derive::{fit, jpeg};
use crate::error::MediaError;
use crate::exif_read::read_exif;
use crate::sniff::sniff;

/// The most pixels Amparo decodes from one image (100 megapixels): beyond
/// that a file is refused from its header, never allocated.
pub const MAX_PIXELS: u64 = 100_000_000;

/// The print (and view) copy's long side: the full text width of a Letter
/// page at 300 dpi.
pub const PRINT_LONG_SIDE: u32 = 2_000;

/// The thumbnail's long side.
pub const THUMB_LONG_SIDE: u32 = 400;

/// A processed file: its row-to-be and its two derivatives.
pub struct Processed {
    /// What the store files.
    pub photo: NewPhoto,
    /// The thumbnail, a JPEG.
    pub thumb: Vec<u8>,
    /// The print copy, a JPEG.
    pub print: Vec<u8>,
}

/// Processes the bytes of one file named `file_name`.
pub fn process(file_name: &str, bytes: &[u8]) -> Result<Processed, MediaError> {
    let sha256 = format!("{:x}", Sha256::digest(bytes));
    let format = sniff(bytes).ok_or(MediaError::NotAnImage)?;
    let exif = read_exif(bytes);
    let made = derive(bytes, format, exif.orientation)?;
    Ok(Processed {
        photo: NewPhoto {
            sha256,
            file_name: file_name.to_owned(),
            format,
            width: made.width,
            height: made.height,
            byte_size: bytes.len() as u64,
            exif,
            damaged: made.damaged,
        },
        thumb: made.thumb,
        print: made.print,
    })
}

/// The thumbnail and print copy of an original whose SHA-256 was already
/// checked (a case file's, against its signed list): not hashed again.
pub fn derivatives(bytes: &[u8]) -> Result<Derivatives, MediaError> {
    let format = sniff(bytes).ok_or(MediaError::NotAnImage)?;
    derive(bytes, format, read_exif(bytes).orientation)
}

/// An original's two derivatives, and its upright size.
pub struct Derivatives {
    /// The thumbnail, a JPEG.
    pub thumb: Vec<u8>,
    /// The print copy, a JPEG.
    pub print: Vec<u8>,
    /// Upright width of the original.
    pub width: u32,
    /// Upright height of the original.
    pub height: u32,
    /// Only part of the picture could be decoded.
    pub damaged: bool,
}

fn derive(
    bytes: &[u8],
    format: PhotoFormat,
    exif_orientation: u8,
) -> Result<Derivatives, MediaError> {
    let decoded = decode(bytes, format, PRINT_LONG_SIDE)?;
    let mut print = DynamicImage::ImageRgb8(fit(&decoded.rgb, PRINT_LONG_SIDE)?);
    // libheif applies a HEIF's rotation while decoding; rotating again by
    // EXIF would turn it twice.
    let orientation = if format == PhotoFormat::Heif {
        1
    } else {
        exif_orientation
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
    Ok(Derivatives {
        thumb: jpeg(&thumb, 80)?,
        print: jpeg(&print, 88)?,
        width,
        height,
        damaged: decoded.damaged,
    })
}
