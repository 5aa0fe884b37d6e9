//! Decoding under limits. The header is read first and an image that
//! declares more than [`MAX_PIXELS`] is refused before any pixel memory is
//! allocated. JPEGs are decoded by libjpeg-turbo at the smallest DCT scale
//! that still gives the print copy its full size (a 4,000 px photo decodes
//! straight to 2,000 px), which is most of the speed of an import.
//!
//! A JPEG that libjpeg-turbo finds damaged (a transfer cut short, a broken
//! stretch of data) is decoded again by the image crate's decoder, which
//! keeps what it can read and leaves the rest blank, as image viewers do:
//! the file may be the family's only copy, so it is kept, marked damaged.

use std::io::Cursor;

use amparo_core::PhotoFormat;
use image::{DynamicImage, ImageError, ImageFormat, ImageReader, Limits, RgbImage};
use turbojpeg::{Colorspace, Decompressor, PixelFormat, ScalingFactor};

use crate::error::MediaError;
use crate::process::MAX_PIXELS;

/// Decoding memory allowed to the image crate for one file.
const MAX_ALLOC: u64 = 1 << 30;

/// A decoded image (possibly already reduced) and the full size it declares.
pub(crate) struct Decoded {
    pub rgb: RgbImage,
    pub full_width: u32,
    pub full_height: u32,
    /// Only part of the picture could be decoded.
    pub damaged: bool,
}

/// Decodes `bytes` to RGB, reduced where that is free, keeping at least
/// `want_long` pixels on the long side when the image has them.
pub(crate) fn decode(
    bytes: &[u8],
    format: PhotoFormat,
    want_long: u32,
) -> Result<Decoded, MediaError> {
    match format {
        PhotoFormat::Jpeg => decode_jpeg(bytes, want_long),
        PhotoFormat::Png => decode_with_image(bytes, ImageFormat::Png)
            .or_else(|refusal| crate::damaged_png::salvage(bytes, refusal)),
        PhotoFormat::Webp => decode_with_image(bytes, ImageFormat::WebP),
        PhotoFormat::Tiff => decode_with_image(bytes, ImageFormat::Tiff),
        PhotoFormat::Heif => decode_heif(bytes),
    }
}

pub(crate) fn check_pixels(width: u64, height: u64) -> Result<(), MediaError> {
    if width == 0 || height == 0 {
        return Err(MediaError::Corrupt("the image has no pixels".into()));
    }
    if width.saturating_mul(height) > MAX_PIXELS {
        return Err(MediaError::TooLarge {
            width,
            height,
            max_megapixels: MAX_PIXELS / 1_000_000,
        });
    }
    Ok(())
}

fn decode_jpeg(bytes: &[u8], want_long: u32) -> Result<Decoded, MediaError> {
    let corrupt = |e: turbojpeg::Error| MediaError::Corrupt(e.to_string());
    let mut decompressor = Decompressor::new().map_err(corrupt)?;
    let header = decompressor.read_header(bytes).map_err(corrupt)?;
    check_pixels(header.width as u64, header.height as u64)?;
    if matches!(header.colorspace, Colorspace::CMYK | Colorspace::YCCK) {
        // Print-shop JPEGs: libjpeg-turbo cannot convert them to RGB.
        return decode_with_image(bytes, ImageFormat::Jpeg);
    }
    let long = header.width.max(header.height);
    let factor = [
        ScalingFactor::ONE_EIGHTH,
        ScalingFactor::ONE_QUARTER,
        ScalingFactor::ONE_HALF,
    ]
    .into_iter()
    .find(|f| f.scale(long) >= want_long as usize)
    .unwrap_or(ScalingFactor::ONE);
    decompressor.set_scaling_factor(factor).map_err(corrupt)?;
    let scaled = header.scaled(factor);
    let mut pixels = vec![0u8; 3 * scaled.width * scaled.height];
    let image = turbojpeg::Image {
        pixels: pixels.as_mut_slice(),
        width: scaled.width,
        pitch: 3 * scaled.width,
        height: scaled.height,
        format: PixelFormat::RGB,
    };
    if let Err(damage) = decompressor.decompress(bytes, image) {
        return decode_damaged_jpeg(bytes, &damage);
    }
    let rgb = RgbImage::from_raw(scaled.width as u32, scaled.height as u32, pixels)
        .ok_or_else(|| MediaError::Corrupt("unexpected image size".into()))?;
    Ok(Decoded {
        rgb,
        full_width: header.width as u32,
        full_height: header.height as u32,
        damaged: false,
    })
}

/// What the image crate's decoder can read of a JPEG libjpeg-turbo refused
/// with `damage`; the refusal stands when it can read nothing.
fn decode_damaged_jpeg(bytes: &[u8], damage: &turbojpeg::Error) -> Result<Decoded, MediaError> {
    if !holds_picture_data(bytes) {
        // A decoder would still paint a band of its own guesses.
        return Err(MediaError::Corrupt(damage.to_string()));
    }
    let decoded = decode_with_image(bytes, ImageFormat::Jpeg)
        .map_err(|_| MediaError::Corrupt(damage.to_string()))?;
    Ok(Decoded {
        damaged: true,
        ..decoded
    })
}

/// Whether any of the picture's compressed data is in the file: its
/// segments are walked to the first start of scan, and at least one byte
/// must follow that scan's header. A transfer cut off within the headers
/// leaves none.
pub(crate) fn holds_picture_data(bytes: &[u8]) -> bool {
    let mut at = 2; // after the start-of-image marker
    loop {
        let Some(rest) = bytes.get(at..) else {
            return false;
        };
        // A marker is 0xFF, any number of 0xFF fill bytes, then its code.
        let Some(fill) = rest.iter().position(|&b| b != 0xFF) else {
            return false;
        };
        if fill == 0 {
            return false; // not a marker: the headers are damaged
        }
        let code = rest[fill];
        at += fill + 1;
        if code == 0xD8 || (0xD0..=0xD7).contains(&code) || code == 0x01 {
            continue; // markers that carry no segment
        }
        if code == 0xD9 {
            return false; // the end of the image, before any picture
        }
        let Some(length) = bytes.get(at..at + 2) else {
            return false;
        };
        let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
        if length < 2 {
            return false;
        }
        at += length;
        if code == 0xDA {
            return at < bytes.len();
        }
    }
}

/// HEIC through libheif, which applies the container's rotation and mirror
/// (`irot`, `imir`) while decoding: the result is upright, and its EXIF
/// orientation must not be applied again.
fn decode_heif(bytes: &[u8]) -> Result<Decoded, MediaError> {
    use libheif_rs::{ColorSpace, HeifContext, LibHeif, RgbChroma};
    let corrupt = |e: libheif_rs::HeifError| MediaError::Corrupt(e.to_string());
    let context = HeifContext::read_from_bytes(bytes).map_err(corrupt)?;
    let handle = context.primary_image_handle().map_err(corrupt)?;
    check_pixels(u64::from(handle.width()), u64::from(handle.height()))?;
    let image = LibHeif::new()
        .decode(&handle, ColorSpace::Rgb(RgbChroma::Rgb), None)
        .map_err(corrupt)?;
    let plane = image
        .planes()
        .interleaved
        .ok_or_else(|| MediaError::Corrupt("no RGB plane in the HEIC image".into()))?;
    let (w, h) = (plane.width, plane.height);
    let row = 3 * w as usize;
    let mut rgb = Vec::with_capacity(row * h as usize);
    for y in 0..h as usize {
        let start = y * plane.stride;
        rgb.extend_from_slice(
            plane.data.get(start..start + row).ok_or_else(|| {
                MediaError::Corrupt("the HEIC image is shorter than it says".into())
            })?,
        );
    }
    let rgb = RgbImage::from_raw(w, h, rgb)
        .ok_or_else(|| MediaError::Corrupt("unexpected image size".into()))?;
    Ok(Decoded {
        rgb,
        full_width: w,
        full_height: h,
        damaged: false,
    })
}

fn decode_with_image(bytes: &[u8], format: ImageFormat) -> Result<Decoded, MediaError> {
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(image_error)?;
    check_pixels(width as u64, height as u64)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let image = reader.decode().map_err(image_error)?;
    Ok(Decoded {
        rgb: on_white(image),
        full_width: width,
        full_height: height,
        damaged: false,
    })
}

fn image_error(e: ImageError) -> MediaError {
    match e {
        ImageError::Limits(l) => MediaError::Corrupt(format!("too large to decode: {l}")),
        ImageError::Unsupported(u) => MediaError::Corrupt(u.to_string()),
        ImageError::IoError(io) => MediaError::Corrupt(io.to_string()),
        other => MediaError::Corrupt(other.to_string()),
    }
}

/// RGB, with any transparency laid over white as it would print (a
/// screenshot's transparent corners must not turn black).
fn on_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut out = RgbImage::new(w, h);
    for (dst, src) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u16::from(src[3]);
        for c in 0..3 {
            dst[c] = ((u16::from(src[c]) * a + 255 * (255 - a) + 127) / 255) as u8;
        }
    }
    out
}
