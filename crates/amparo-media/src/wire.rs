//! What passes between Amparo and its decoding worker, over the worker's
//! standard input and output: a file's bytes one way, plain pixels or a
//! reason the other. Little-endian lengths before every variable part.
//!
//! The worker runs C decoders on untrusted files, so what it answers is
//! read as untrusted too: every size is checked against what a real answer
//! can be before anything is allocated for it.

use std::io::{self, Read, Write};

use amparo_core::PhotoFormat;
use image::RgbImage;

use crate::error::MediaError;
use crate::pictures::{PRINT_LONG_SIDE, Pictures, THUMB_LONG_SIDE};
use crate::process::MAX_PIXELS;

/// The largest file sent to the worker (the blob store's own limit is lower).
const MAX_FILE: u64 = 1 << 32;

/// The longest reason a worker may give.
const MAX_REASON: u32 = 4_096;

/// What the worker is asked: decode these bytes, of this format, and turn
/// the picture by this EXIF orientation.
pub(crate) struct Request<'a> {
    pub format: PhotoFormat,
    pub orientation: u8,
    pub bytes: &'a [u8],
}

pub(crate) fn write_request(out: &mut impl Write, request: &Request<'_>) -> io::Result<()> {
    out.write_all(&[format_code(request.format), request.orientation])?;
    out.write_all(&(request.bytes.len() as u64).to_le_bytes())?;
    out.write_all(request.bytes)?;
    out.flush()
}

/// The next request, or `None` when the other side closed the stream.
pub(crate) fn read_request(
    input: &mut impl Read,
) -> io::Result<Option<(PhotoFormat, u8, Vec<u8>)>> {
    let mut head = [0u8; 2];
    match input.read_exact(&mut head) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let format = format_from(head[0])?;
    let length = read_u64(input)?;
    if length > MAX_FILE {
        return Err(invalid("the file is too large to send"));
    }
    let mut bytes = vec![0u8; usize::try_from(length).map_err(|_| invalid("too large"))?];
    input.read_exact(&mut bytes)?;
    Ok(Some((format, head[1], bytes)))
}

pub(crate) fn write_reply(
    out: &mut impl Write,
    reply: &Result<Pictures, MediaError>,
) -> io::Result<()> {
    match reply {
        Ok(p) => {
            out.write_all(&[0])?;
            out.write_all(&p.width.to_le_bytes())?;
            out.write_all(&p.height.to_le_bytes())?;
            out.write_all(&[u8::from(p.damaged)])?;
            write_image(out, &p.print)?;
            write_image(out, &p.thumb)?;
        }
        Err(MediaError::TooLarge { width, height, .. }) => {
            out.write_all(&[2])?;
            out.write_all(&width.to_le_bytes())?;
            out.write_all(&height.to_le_bytes())?;
        }
        Err(MediaError::NotAnImage) => out.write_all(&[3])?,
        Err(other) => {
            let reason = match other {
                MediaError::Corrupt(reason) => reason.clone(),
                other => other.to_string(),
            };
            let mut end = reason.len().min(MAX_REASON as usize);
            while !reason.is_char_boundary(end) {
                end -= 1;
            }
            out.write_all(&[1])?;
            out.write_all(&(end as u32).to_le_bytes())?;
            out.write_all(&reason.as_bytes()[..end])?;
        }
    }
    out.flush()
}

/// The worker's answer, checked: an error here means the worker broke the
/// protocol (or stopped), never that the file was bad.
pub(crate) fn read_reply(input: &mut impl Read) -> io::Result<Result<Pictures, MediaError>> {
    let mut status = [0u8; 1];
    input.read_exact(&mut status)?;
    match status[0] {
        0 => {
            let width = read_u32(input)?;
            let height = read_u32(input)?;
            if width == 0 || height == 0 || u64::from(width) * u64::from(height) > MAX_PIXELS {
                return Err(invalid("the picture's size is not one Amparo decodes"));
            }
            let mut damaged = [0u8; 1];
            input.read_exact(&mut damaged)?;
            let print = read_image(input, PRINT_LONG_SIDE)?;
            let thumb = read_image(input, THUMB_LONG_SIDE)?;
            Ok(Ok(Pictures {
                print,
                thumb,
                width,
                height,
                damaged: damaged[0] == 1,
            }))
        }
        1 => {
            let length = read_u32(input)?;
            if length > MAX_REASON {
                return Err(invalid("the reason is too long"));
            }
            let mut reason = vec![0u8; length as usize];
            input.read_exact(&mut reason)?;
            Ok(Err(MediaError::Corrupt(
                String::from_utf8_lossy(&reason).into_owned(),
            )))
        }
        2 => Ok(Err(MediaError::TooLarge {
            width: read_u64(input)?,
            height: read_u64(input)?,
            max_megapixels: MAX_PIXELS / 1_000_000,
        })),
        3 => Ok(Err(MediaError::NotAnImage)),
        _ => Err(invalid("unknown answer")),
    }
}

fn write_image(out: &mut impl Write, image: &RgbImage) -> io::Result<()> {
    out.write_all(&image.width().to_le_bytes())?;
    out.write_all(&image.height().to_le_bytes())?;
    out.write_all(image.as_raw())
}

fn read_image(input: &mut impl Read, long_side: u32) -> io::Result<RgbImage> {
    let width = read_u32(input)?;
    let height = read_u32(input)?;
    if width == 0 || height == 0 || width.max(height) > long_side {
        return Err(invalid("a derived picture is not of a size Amparo makes"));
    }
    let mut pixels = vec![0u8; 3 * width as usize * height as usize];
    input.read_exact(&mut pixels)?;
    RgbImage::from_raw(width, height, pixels).ok_or_else(|| invalid("pixels do not fit"))
}

fn format_code(format: PhotoFormat) -> u8 {
    match format {
        PhotoFormat::Jpeg => 0,
        PhotoFormat::Png => 1,
        PhotoFormat::Webp => 2,
        PhotoFormat::Tiff => 3,
        PhotoFormat::Heif => 4,
    }
}

fn format_from(code: u8) -> io::Result<PhotoFormat> {
    Ok(match code {
        0 => PhotoFormat::Jpeg,
        1 => PhotoFormat::Png,
        2 => PhotoFormat::Webp,
        3 => PhotoFormat::Tiff,
        4 => PhotoFormat::Heif,
        _ => return Err(invalid("unknown format")),
    })
}

fn read_u32(input: &mut impl Read) -> io::Result<u32> {
    let mut b = [0u8; 4];
    input.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

fn read_u64(input: &mut impl Read) -> io::Result<u64> {
    let mut b = [0u8; 8];
    input.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn invalid(why: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, why)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(reply: Result<Pictures, MediaError>) -> Result<Pictures, MediaError> {
        let mut wire = Vec::new();
        write_reply(&mut wire, &reply).expect("write");
        let mut read = wire.as_slice();
        let back = read_reply(&mut read).expect("read");
        assert!(read.is_empty(), "the whole answer is read");
        back
    }

    #[test]
    fn pictures_and_reasons_come_back_as_they_were_sent() {
        let pictures = Pictures {
            print: RgbImage::from_fn(30, 20, |x, y| image::Rgb([x as u8, y as u8, 7])),
            thumb: RgbImage::from_fn(3, 2, |x, _| image::Rgb([x as u8, 1, 2])),
            width: 3_000,
            height: 2_000,
            damaged: true,
        };
        let expected = Pictures {
            print: pictures.print.clone(),
            thumb: pictures.thumb.clone(),
            ..pictures
        };
        assert_eq!(round_trip(Ok(pictures)).expect("pictures"), expected);
        let reason = round_trip(Err(MediaError::Corrupt(
            "Premature end of JPEG file".into(),
        )));
        assert!(matches!(reason, Err(MediaError::Corrupt(r)) if r == "Premature end of JPEG file"));
        let large = round_trip(Err(MediaError::TooLarge {
            width: 50_000,
            height: 50_000,
            max_megapixels: 100,
        }));
        assert!(matches!(
            large,
            Err(MediaError::TooLarge {
                width: 50_000,
                height: 50_000,
                ..
            })
        ));
    }

    #[test]
    fn an_answer_no_worker_could_give_is_refused_before_allocating() {
        // A derived picture claiming 60,000 px, which Amparo never makes.
        let mut wire = vec![0u8];
        wire.extend_from_slice(&4_000u32.to_le_bytes());
        wire.extend_from_slice(&3_000u32.to_le_bytes());
        wire.push(0);
        wire.extend_from_slice(&60_000u32.to_le_bytes());
        wire.extend_from_slice(&60_000u32.to_le_bytes());
        assert!(read_reply(&mut wire.as_slice()).is_err());
        // A reason a megabyte long.
        let mut wire = vec![1u8];
        wire.extend_from_slice(&(1u32 << 20).to_le_bytes());
        assert!(read_reply(&mut wire.as_slice()).is_err());
        // An answer cut short.
        let mut wire = vec![0u8];
        wire.extend_from_slice(&4_000u32.to_le_bytes());
        assert!(read_reply(&mut wire.as_slice()).is_err());
    }

    #[test]
    fn a_request_comes_through_and_a_closed_stream_ends_the_worker() {
        let mut wire = Vec::new();
        let bytes = b"\xFF\xD8 a photo".to_vec();
        let request = Request {
            format: PhotoFormat::Heif,
            orientation: 6,
            bytes: &bytes,
        };
        write_request(&mut wire, &request).expect("write");
        let mut read = wire.as_slice();
        let (format, orientation, got) = read_request(&mut read).expect("read").expect("one");
        assert_eq!((format, orientation, got), (PhotoFormat::Heif, 6, bytes));
        assert!(read_request(&mut read).expect("end").is_none());
    }
}
