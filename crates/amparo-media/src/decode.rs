//! Decoding under limits. The header is read first and an image that
//! declares more than [`MAX_PIXELS`] is refused before any pixel memory is
//! allocated. JPEGs are decoded by libjpeg-turbo at the smallest DCT scale
//! that still gives the print copy its full size (a 4,000 px photo decodes
//! straight to 2,000 px), which is most of the speed of an import.

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
        PhotoFormat::Png => decode_with_image(bytes, ImageFormat::Png),
        PhotoFormat::Webp => decode_with_image(bytes, ImageFormat::WebP),
        PhotoFormat::Tiff => decode_with_image(bytes, ImageFormat::Tiff),
        PhotoFormat::Heif => decode_heif(bytes),
    }
}

fn check_pixels(width: u64, height: u64) -> Result<(), MediaError> {
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
    // A truncated or damaged JPEG is an error here, never a grey half-photo.
    decompressor.decompress(bytes, image).map_err(corrupt)?;
    let rgb = RgbImage::from_raw(scaled.width as u32, scaled.height as u32, pixels)
        .ok_or_else(|| MediaError::Corrupt("unexpected image size".into()))?;
    Ok(Decoded {
        rgb,
        full_width: header.width as u32,
        full_height: header.height as u32,
    })
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
