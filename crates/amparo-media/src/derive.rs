//! Derivatives: resized with SIMD convolution (fast_image_resize) and
//! encoded as plain JPEG by libjpeg-turbo. No EXIF, GPS or other metadata
//! is written into them.

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::RgbImage;
use turbojpeg::{Compressor, PixelFormat, Subsamp};

use crate::error::MediaError;

/// `image` scaled down so its long side is at most `long` (never enlarged).
pub(crate) fn fit(image: &RgbImage, long: u32) -> Result<RgbImage, MediaError> {
    let (w, h) = image.dimensions();
    if w.max(h) <= long {
        return Ok(image.clone());
    }
    let (nw, nh) = if w >= h {
        (
            long,
            ((h as u64 * long as u64 + w as u64 / 2) / w as u64).max(1) as u32,
        )
    } else {
        (
            ((w as u64 * long as u64 + h as u64 / 2) / h as u64).max(1) as u32,
            long,
        )
    };
    let mut out = RgbImage::new(nw, nh);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::CatmullRom));
    Resizer::new()
        .resize(image, &mut out, &options)
        .map_err(|e| MediaError::Corrupt(e.to_string()))?;
    Ok(out)
}

/// A baseline JPEG of `image` at `quality`.
pub(crate) fn jpeg(image: &RgbImage, quality: i32) -> Result<Vec<u8>, MediaError> {
    let fail = |e: turbojpeg::Error| MediaError::Corrupt(e.to_string());
    let mut compressor = Compressor::new().map_err(fail)?;
    compressor.set_quality(quality).map_err(fail)?;
    compressor.set_subsamp(Subsamp::Sub2x2).map_err(fail)?;
    let (w, h) = image.dimensions();
    compressor
        .compress_to_vec(turbojpeg::Image {
            pixels: image.as_raw().as_slice(),
            width: w as usize,
            pitch: 3 * w as usize,
            height: h as usize,
            format: PixelFormat::RGB,
        })
        .map_err(fail)
}
