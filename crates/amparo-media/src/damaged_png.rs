//! A PNG cut short (a transfer that stopped, a file copied off a failing
//! card): the image crate refuses the whole file, but its rows can be read
//! one by one until the data stops. What arrived is kept, the rest painted
//! grey as image viewers do, and the photo is marked damaged. An
//! interlaced PNG, whose first rows come as a coarse preview of the whole,
//! is refused as before.

use std::io::Cursor;

use image::RgbImage;
use png::{BitDepth, ColorType, Decoder, Transformations};

use crate::decode::{Decoded, check_pixels};
use crate::error::MediaError;

/// Grey for the part that did not arrive.
const MISSING: [u8; 3] = [128, 128, 128];

/// The rows of `bytes` that decode, when there are some and not all.
pub(crate) fn salvage(bytes: &[u8], refusal: MediaError) -> Result<Decoded, MediaError> {
    // Only damage is salvaged; an image too large stays refused.
    if !matches!(refusal, MediaError::Corrupt(_)) {
        return Err(refusal);
    }
    let mut decoder = Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(Transformations::EXPAND | Transformations::STRIP_16);
    let Ok(mut reader) = decoder.read_info() else {
        return Err(refusal);
    };
    let (width, height, interlaced) = {
        let info = reader.info();
        (info.width, info.height, info.interlaced)
    };
    if interlaced {
        return Err(refusal);
    }
    check_pixels(u64::from(width), u64::from(height))?;
    let (color, depth) = reader.output_color_type();
    if depth != BitDepth::Eight {
        return Err(refusal);
    }
    let mut rgb = RgbImage::from_pixel(width, height, image::Rgb(MISSING));
    let mut rows = 0;
    while rows < height {
        let Ok(Some(row)) = reader.next_row() else {
            break;
        };
        let line = row.data();
        for (x, pixel) in (0..width).zip(pixels(line, color)) {
            rgb.put_pixel(x, rows, image::Rgb(pixel));
        }
        rows += 1;
    }
    if rows == 0 || rows == height {
        // Nothing arrived, or the image crate refused it for another reason.
        return Err(refusal);
    }
    Ok(Decoded {
        rgb,
        full_width: width,
        full_height: height,
        damaged: true,
    })
}

/// One row's pixels as RGB, transparency laid over white.
fn pixels(line: &[u8], color: ColorType) -> Box<dyn Iterator<Item = [u8; 3]> + '_> {
    let over_white = |v: u8, a: u8| -> u8 {
        ((u16::from(v) * u16::from(a) + 255 * (255 - u16::from(a)) + 127) / 255) as u8
    };
    match color {
        ColorType::Rgb => Box::new(line.chunks_exact(3).map(|p| [p[0], p[1], p[2]])),
        ColorType::Rgba => Box::new(line.chunks_exact(4).map(move |p| {
            [
                over_white(p[0], p[3]),
                over_white(p[1], p[3]),
                over_white(p[2], p[3]),
            ]
        })),
        ColorType::Grayscale => Box::new(line.iter().map(|&g| [g, g, g])),
        ColorType::GrayscaleAlpha => Box::new(line.chunks_exact(2).map(move |p| {
            let g = over_white(p[0], p[1]);
            [g, g, g]
        })),
        // EXPAND turns an indexed image into RGB or RGBA.
        ColorType::Indexed => Box::new(std::iter::empty()),
    }
}
