//! One file, start to finish: hash, sniff, EXIF, decode, upright
//! derivatives.

use amparo_core::{NewPhoto, PhotoFormat};
use sha2::{Digest, Sha256};

use crate::derive::jpeg;
use crate::error::MediaError;
use crate::exif_read::read_exif;
use crate::sniff::sniff;

/// The most pixels Amparo decodes from one image (100 megapixels): beyond
/// that a file is refused from its header, never allocated.
pub const MAX_PIXELS: u64 = 100_000_000;

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

fn derive(bytes: &[u8], format: PhotoFormat, orientation: u8) -> Result<Derivatives, MediaError> {
    let pictures = crate::isolation::pictures(bytes, format, orientation)?;
    Ok(Derivatives {
        thumb: jpeg(&pictures.thumb, 80)?,
        print: jpeg(&pictures.print, 88)?,
        width: pictures.width,
        height: pictures.height,
        damaged: pictures.damaged,
    })
}
