//! What passes between Amparo and its decoding worker, over the worker's
//! standard input and output: a file's bytes one way, plain pixels (a PDF's
//! facts, a page drawn as a PNG) or a reason the other. Little-endian
//! lengths before every variable part.
//!
//! The worker runs C decoders on untrusted files, so what it answers is
//! read as untrusted too: every size is checked against what a real answer
//! can be before anything is allocated for it.

use std::io::{self, Read, Write};

use amparo_core::PhotoFormat;
use image::RgbImage;

use crate::error::MediaError;
use crate::pdf::{PdfFacts, PdfJob, PdfPageFacts};
use crate::pictures::{PRINT_LONG_SIDE, Pictures, THUMB_LONG_SIDE};
use crate::process::MAX_PIXELS;

/// The largest file sent to the worker (the blob store's own limit is lower).
const MAX_FILE: u64 = 1 << 32;

/// The longest reason a worker may give.
const MAX_REASON: u32 = 4_096;

/// The most pages a PDF's facts may list, and the most text one page may
/// carry, in an answer: far beyond any limit a case sets.
const MAX_PDF_PAGES: u32 = 1_000_000;
const MAX_PAGE_TEXT: u32 = 64 << 20;

/// The largest drawn page an answer may carry.
const MAX_PNG: u64 = 512 << 20;

/// A request's first byte: a picture's format (0 to 4), or one of these.
const READ_PDF: u8 = 0x10;
const DRAW_PDF_PAGE: u8 = 0x11;

/// An answer's first byte beyond the pictures' (0) and the reasons' (1 to
/// 3, and the PDF refusals below).
const PDF_FACTS: u8 = 0x20;
const PDF_PAGE_PNG: u8 = 0x21;

/// What the worker is asked, with the file's bytes.
pub(crate) enum Request<'a> {
    /// Decode these bytes, of this format, and turn the picture by this
    /// EXIF orientation.
    Pictures {
        format: PhotoFormat,
        orientation: u8,
        bytes: &'a [u8],
    },
    /// Read a PDF, or draw one of its pages.
    Pdf(PdfJob, &'a [u8]),
}

/// A request as the worker reads it.
#[derive(Debug, PartialEq)]
pub(crate) enum Job {
    Pictures {
        format: PhotoFormat,
        orientation: u8,
        bytes: Vec<u8>,
    },
    Pdf(PdfJob, Vec<u8>),
}

/// What the worker answers.
#[derive(Debug, PartialEq)]
pub(crate) enum Answer {
    Pictures(Pictures),
    PdfFacts(PdfFacts),
    PdfPagePng(Vec<u8>),
}

pub(crate) fn write_request(out: &mut impl Write, request: &Request<'_>) -> io::Result<()> {
    let bytes = match request {
        Request::Pictures {
            format,
            orientation,
            bytes,
        } => {
            out.write_all(&[format_code(*format), *orientation])?;
            bytes
        }
        Request::Pdf(PdfJob::Read { max_pages }, bytes) => {
            out.write_all(&[READ_PDF, 0])?;
            out.write_all(&max_pages.to_le_bytes())?;
            bytes
        }
        Request::Pdf(PdfJob::DrawPage { index, for_view }, bytes) => {
            out.write_all(&[DRAW_PDF_PAGE, u8::from(*for_view)])?;
            out.write_all(&index.to_le_bytes())?;
            bytes
        }
    };
    out.write_all(&(bytes.len() as u64).to_le_bytes())?;
    out.write_all(bytes)?;
    out.flush()
}

/// The next request, or `None` when the other side closed the stream.
pub(crate) fn read_request(input: &mut impl Read) -> io::Result<Option<Job>> {
    let mut head = [0u8; 2];
    match input.read_exact(&mut head) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    // The job first, its bytes once their length is known.
    let mut job = match head[0] {
        READ_PDF => Job::Pdf(
            PdfJob::Read {
                max_pages: read_u32(input)?,
            },
            Vec::new(),
        ),
        DRAW_PDF_PAGE => Job::Pdf(
            PdfJob::DrawPage {
                index: read_u32(input)?,
                for_view: head[1] == 1,
            },
            Vec::new(),
        ),
        code => Job::Pictures {
            format: format_from(code)?,
            orientation: head[1],
            bytes: Vec::new(),
        },
    };
    let length = read_u64(input)?;
    if length > MAX_FILE {
        return Err(invalid("the file is too large to send"));
    }
    let mut bytes = vec![0u8; usize::try_from(length).map_err(|_| invalid("too large"))?];
    input.read_exact(&mut bytes)?;
    match &mut job {
        Job::Pictures { bytes: into, .. } | Job::Pdf(_, into) => *into = bytes,
    }
    Ok(Some(job))
}

pub(crate) fn write_reply(
    out: &mut impl Write,
    reply: &Result<Answer, MediaError>,
) -> io::Result<()> {
    match reply {
        Ok(Answer::Pictures(p)) => {
            out.write_all(&[0])?;
            out.write_all(&p.width.to_le_bytes())?;
            out.write_all(&p.height.to_le_bytes())?;
            out.write_all(&[u8::from(p.damaged)])?;
            write_image(out, &p.print)?;
            write_image(out, &p.thumb)?;
        }
        Ok(Answer::PdfFacts(facts)) => {
            out.write_all(&[PDF_FACTS])?;
            out.write_all(&(facts.pages.len() as u32).to_le_bytes())?;
            for page in &facts.pages {
                out.write_all(&page.width_pt.to_le_bytes())?;
                out.write_all(&page.height_pt.to_le_bytes())?;
                out.write_all(&(page.text.len() as u32).to_le_bytes())?;
                out.write_all(page.text.as_bytes())?;
            }
        }
        Ok(Answer::PdfPagePng(png)) => {
            out.write_all(&[PDF_PAGE_PNG])?;
            out.write_all(&(png.len() as u64).to_le_bytes())?;
            out.write_all(png)?;
        }
        Err(MediaError::TooLarge { width, height, .. }) => {
            out.write_all(&[2])?;
            out.write_all(&width.to_le_bytes())?;
            out.write_all(&height.to_le_bytes())?;
        }
        Err(MediaError::NotAnImage) => out.write_all(&[3])?,
        Err(MediaError::NotAPdf) => out.write_all(&[5])?,
        Err(MediaError::PdfTooLarge { bytes, max_bytes }) => {
            out.write_all(&[6])?;
            out.write_all(&bytes.to_le_bytes())?;
            out.write_all(&max_bytes.to_le_bytes())?;
        }
        Err(MediaError::PdfTooManyPages { pages, max_pages }) => {
            out.write_all(&[7])?;
            out.write_all(&pages.to_le_bytes())?;
            out.write_all(&max_pages.to_le_bytes())?;
        }
        Err(MediaError::PdfEncrypted) => out.write_all(&[8])?,
        Err(MediaError::PdfDamaged) => out.write_all(&[9])?,
        Err(MediaError::PdfRunsSomething(what)) => {
            let code = RUNS.iter().position(|r| r == what).unwrap_or(0);
            out.write_all(&[10, code as u8])?;
        }
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

/// What a PDF may carry that would run, as the worker names it.
const RUNS: [&str; 2] = ["JavaScript", "a program"];

/// The worker's answer, checked: an error here means the worker broke the
/// protocol (or stopped), never that the file was bad.
pub(crate) fn read_reply(input: &mut impl Read) -> io::Result<Result<Answer, MediaError>> {
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
            Ok(Ok(Answer::Pictures(Pictures {
                print,
                thumb,
                width,
                height,
                damaged: damaged[0] == 1,
            })))
        }
        PDF_FACTS => read_pdf_facts(input).map(|facts| Ok(Answer::PdfFacts(facts))),
        PDF_PAGE_PNG => {
            let length = read_u64(input)?;
            if length > MAX_PNG {
                return Err(invalid("the drawn page is larger than any Amparo draws"));
            }
            let mut png = vec![0u8; usize::try_from(length).map_err(|_| invalid("too large"))?];
            input.read_exact(&mut png)?;
            Ok(Ok(Answer::PdfPagePng(png)))
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
        5 => Ok(Err(MediaError::NotAPdf)),
        6 => Ok(Err(MediaError::PdfTooLarge {
            bytes: read_u64(input)?,
            max_bytes: read_u64(input)?,
        })),
        7 => Ok(Err(MediaError::PdfTooManyPages {
            pages: read_u64(input)?,
            max_pages: read_u32(input)?,
        })),
        8 => Ok(Err(MediaError::PdfEncrypted)),
        9 => Ok(Err(MediaError::PdfDamaged)),
        10 => {
            let mut code = [0u8; 1];
            input.read_exact(&mut code)?;
            let what = RUNS
                .get(usize::from(code[0]))
                .ok_or_else(|| invalid("unknown kind of script"))?;
            Ok(Err(MediaError::PdfRunsSomething(what)))
        }
        _ => Err(invalid("unknown answer")),
    }
}

/// A PDF's facts as the worker sends them; the list grows only as pages
/// arrive, so a count no real answer has allocates nothing.
fn read_pdf_facts(input: &mut impl Read) -> io::Result<PdfFacts> {
    let count = read_u32(input)?;
    if count > MAX_PDF_PAGES {
        return Err(invalid("more pages than any PDF Amparo files"));
    }
    let mut pages = Vec::new();
    for _ in 0..count {
        let width_pt = f32::from_le_bytes(read_u32(input)?.to_le_bytes());
        let height_pt = f32::from_le_bytes(read_u32(input)?.to_le_bytes());
        let length = read_u32(input)?;
        if length > MAX_PAGE_TEXT {
            return Err(invalid("more text than a page holds"));
        }
        let mut text = vec![0u8; length as usize];
        input.read_exact(&mut text)?;
        let text = String::from_utf8(text).map_err(|_| invalid("text that is not UTF-8"))?;
        pages.push(PdfPageFacts {
            width_pt,
            height_pt,
            text,
        });
    }
    Ok(PdfFacts { pages })
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

    fn round_trip(reply: Result<Answer, MediaError>) -> Result<Answer, MediaError> {
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
        assert_eq!(
            round_trip(Ok(Answer::Pictures(pictures))).expect("pictures"),
            Answer::Pictures(expected)
        );
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
        let request = Request::Pictures {
            format: PhotoFormat::Heif,
            orientation: 6,
            bytes: &bytes,
        };
        write_request(&mut wire, &request).expect("write");
        let pdf = b"%PDF-1.7 a report".to_vec();
        let jobs = [
            PdfJob::Read { max_pages: 2_000 },
            PdfJob::DrawPage {
                index: 41,
                for_view: true,
            },
        ];
        for job in jobs {
            write_request(&mut wire, &Request::Pdf(job, &pdf)).expect("write");
        }
        let mut read = wire.as_slice();
        assert_eq!(
            read_request(&mut read).expect("read"),
            Some(Job::Pictures {
                format: PhotoFormat::Heif,
                orientation: 6,
                bytes
            })
        );
        for job in jobs {
            assert_eq!(
                read_request(&mut read).expect("read"),
                Some(Job::Pdf(job, pdf.clone()))
            );
        }
        assert!(read_request(&mut read).expect("end").is_none());
    }

    #[test]
    fn a_pdfs_facts_drawn_pages_and_refusals_come_back_as_they_were_sent() {
        let facts = PdfFacts {
            pages: vec![
                PdfPageFacts {
                    width_pt: 612.0,
                    height_pt: 792.0,
                    text: "NOTICE TO APPEAR — Aviso de comparecencia".into(),
                },
                PdfPageFacts {
                    width_pt: 841.89,
                    height_pt: 595.28,
                    text: String::new(),
                },
            ],
        };
        assert_eq!(
            round_trip(Ok(Answer::PdfFacts(facts.clone()))).expect("facts"),
            Answer::PdfFacts(facts)
        );
        let png = b"\x89PNG\r\n\x1a\n a page".to_vec();
        assert_eq!(
            round_trip(Ok(Answer::PdfPagePng(png.clone()))).expect("page"),
            Answer::PdfPagePng(png)
        );
        let refusals = [
            MediaError::NotAPdf,
            MediaError::PdfTooLarge {
                bytes: 300 << 20,
                max_bytes: 200 << 20,
            },
            MediaError::PdfTooManyPages {
                pages: 9_000,
                max_pages: 2_000,
            },
            MediaError::PdfEncrypted,
            MediaError::PdfDamaged,
            MediaError::PdfRunsSomething("JavaScript"),
            MediaError::PdfRunsSomething("a program"),
        ];
        for refusal in refusals {
            let (code, said) = (refusal.code(), refusal.to_string());
            let back = round_trip(Err(refusal)).expect_err("a refusal");
            assert_eq!((back.code(), back.to_string()), (code, said));
        }
    }

    #[test]
    fn a_pdf_answer_no_worker_could_give_is_refused_before_allocating() {
        // Four billion pages.
        let mut wire = vec![PDF_FACTS];
        wire.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(read_reply(&mut wire.as_slice()).is_err());
        // A page with a gigabyte of text.
        let mut wire = vec![PDF_FACTS];
        wire.extend_from_slice(&1u32.to_le_bytes());
        wire.extend_from_slice(&612f32.to_le_bytes());
        wire.extend_from_slice(&792f32.to_le_bytes());
        wire.extend_from_slice(&(1u32 << 30).to_le_bytes());
        assert!(read_reply(&mut wire.as_slice()).is_err());
        // A drawn page of sixteen gigabytes.
        let mut wire = vec![PDF_PAGE_PNG];
        wire.extend_from_slice(&(16u64 << 30).to_le_bytes());
        assert!(read_reply(&mut wire.as_slice()).is_err());
        // A script kind nobody named.
        assert!(read_reply(&mut [10u8, 7].as_slice()).is_err());
    }
}
