//! Fixtures made in the tests: real JPEG, PNG, WebP and TIFF files drawn
//! with four coloured quadrants (so any flip or turn shows), with EXIF
//! written by a small TIFF-structure builder when a test needs tags.

#![allow(dead_code)]

use std::io::Cursor;
use std::path::{Path, PathBuf};

use amparo_core::{BlobStore, CaseDraft, Store};

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

pub const RED: [u8; 3] = [220, 30, 30];
pub const GREEN: [u8; 3] = [30, 200, 60];
pub const BLUE: [u8; 3] = [30, 60, 220];
pub const YELLOW: [u8; 3] = [240, 220, 40];

/// An upright picture: red top-left, green top-right, blue bottom-left,
/// yellow bottom-right.
pub fn quadrants(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let colour = match (x < width / 2, y < height / 2) {
            (true, true) => RED,
            (false, true) => GREEN,
            (true, false) => BLUE,
            (false, false) => YELLOW,
        };
        Rgb(colour)
    })
}

/// The colour near the centre of each quadrant: TL, TR, BL, BR.
pub fn corner_colours(image: &RgbImage) -> [[u8; 3]; 4] {
    let (w, h) = image.dimensions();
    let at = |x: u32, y: u32| image.get_pixel(x, y).0;
    [
        at(w / 4, h / 4),
        at(3 * w / 4, h / 4),
        at(w / 4, 3 * h / 4),
        at(3 * w / 4, 3 * h / 4),
    ]
}

pub fn close(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 40)
}

pub fn encode(image: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(image.clone())
        .write_to(&mut out, format)
        .expect("encode fixture");
    out.into_inner()
}

/// Degrees, minutes, seconds and the hemisphere letter.
pub type Dms = (u32, u32, u32, u8);

/// EXIF tags to write into a fixture.
#[derive(Default)]
pub struct Tags {
    pub orientation: Option<u16>,
    pub taken: Option<&'static str>,
    pub offset: Option<&'static str>,
    pub make: Option<&'static str>,
    pub model: Option<&'static str>,
    /// Latitude (N/S) and longitude (E/W).
    pub gps: Option<(Dms, Dms)>,
}

/// A JPEG of `image` with an EXIF APP1 segment carrying `tags`.
pub fn jpeg_with_exif(image: &RgbImage, tags: &Tags) -> Vec<u8> {
    let plain = encode(image, ImageFormat::Jpeg);
    let tiff = tiff_exif(tags);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]); // after the SOI marker
    out
}

struct Entry {
    tag: u16,
    kind: u16,
    count: u32,
    data: Vec<u8>,
}

fn ascii(tag: u16, text: &str) -> Entry {
    let mut data = text.as_bytes().to_vec();
    data.push(0);
    Entry {
        tag,
        kind: 2,
        count: data.len() as u32,
        data,
    }
}

fn short(tag: u16, value: u16) -> Entry {
    Entry {
        tag,
        kind: 3,
        count: 1,
        data: value.to_le_bytes().to_vec(),
    }
}

fn long(tag: u16, value: u32) -> Entry {
    Entry {
        tag,
        kind: 4,
        count: 1,
        data: value.to_le_bytes().to_vec(),
    }
}

fn rationals(tag: u16, values: [u32; 3]) -> Entry {
    let mut data = Vec::new();
    for v in values {
        data.extend_from_slice(&v.to_le_bytes());
        data.extend_from_slice(&1u32.to_le_bytes());
    }
    Entry {
        tag,
        kind: 5,
        count: 3,
        data,
    }
}

/// Lays out an IFD at `start`, its large values after it; returns the bytes.
fn ifd(start: u32, mut entries: Vec<Entry>) -> Vec<u8> {
    entries.sort_by_key(|e| e.tag);
    let table_len = 2 + 12 * entries.len() as u32 + 4;
    let mut extra_at = start + table_len;
    let mut table = (entries.len() as u16).to_le_bytes().to_vec();
    let mut extra = Vec::new();
    for e in &entries {
        table.extend_from_slice(&e.tag.to_le_bytes());
        table.extend_from_slice(&e.kind.to_le_bytes());
        table.extend_from_slice(&e.count.to_le_bytes());
        if e.data.len() <= 4 {
            let mut inline = e.data.clone();
            inline.resize(4, 0);
            table.extend_from_slice(&inline);
        } else {
            table.extend_from_slice(&extra_at.to_le_bytes());
            extra.extend_from_slice(&e.data);
            if e.data.len() % 2 == 1 {
                extra.push(0);
            }
            extra_at = start + table_len + extra.len() as u32;
        }
    }
    table.extend_from_slice(&0u32.to_le_bytes());
    table.extend_from_slice(&extra);
    table
}

fn tiff_exif(tags: &Tags) -> Vec<u8> {
    let has_exif = tags.taken.is_some() || tags.offset.is_some();
    let has_gps = tags.gps.is_some();
    // IFD0 has the same size whatever offsets it points to: measure it first.
    let ifd0_at = |exif_at: u32, gps_at: u32| {
        ifd(
            8,
            ifd0_entries(tags, has_exif.then_some(exif_at), has_gps.then_some(gps_at)),
        )
    };
    let exif_at = 8 + ifd0_at(0, 0).len() as u32;
    let exif_ifd = if has_exif {
        ifd(exif_at, exif_entries(tags))
    } else {
        Vec::new()
    };
    let gps_at = exif_at + exif_ifd.len() as u32;
    let gps_ifd = if has_gps {
        ifd(gps_at, gps_entries(tags))
    } else {
        Vec::new()
    };
    let mut out = b"II*\0".to_vec();
    out.extend_from_slice(&8u32.to_le_bytes());
    out.extend_from_slice(&ifd0_at(exif_at, gps_at));
    out.extend_from_slice(&exif_ifd);
    out.extend_from_slice(&gps_ifd);
    out
}

fn ifd0_entries(tags: &Tags, exif_at: Option<u32>, gps_at: Option<u32>) -> Vec<Entry> {
    let mut e = Vec::new();
    if let Some(o) = tags.orientation {
        e.push(short(0x0112, o));
    }
    if let Some(m) = tags.make {
        e.push(ascii(0x010F, m));
    }
    if let Some(m) = tags.model {
        e.push(ascii(0x0110, m));
    }
    if let Some(at) = exif_at {
        e.push(long(0x8769, at));
    }
    if let Some(at) = gps_at {
        e.push(long(0x8825, at));
    }
    e
}

fn exif_entries(tags: &Tags) -> Vec<Entry> {
    let mut e = Vec::new();
    if let Some(t) = tags.taken {
        e.push(ascii(0x9003, t));
    }
    if let Some(o) = tags.offset {
        e.push(ascii(0x9011, o));
    }
    e
}

fn gps_entries(tags: &Tags) -> Vec<Entry> {
    let mut e = Vec::new();
    if let Some(((ld, lm, ls, lr), (od, om, os, or))) = tags.gps {
        e.push(ascii(0x0001, &(lr as char).to_string()));
        e.push(rationals(0x0002, [ld, lm, ls]));
        e.push(ascii(0x0003, &(or as char).to_string()));
        e.push(rationals(0x0004, [od, om, os]));
    }
    e
}

/// A data folder with one case, and a folder for the files to import.
pub struct Setup {
    pub _data: tempfile::TempDir,
    pub files: tempfile::TempDir,
    pub store: Store,
    pub blobs: BlobStore,
    pub case_id: String,
}

pub fn setup() -> Setup {
    let data = tempfile::tempdir().expect("data");
    let files = tempfile::tempdir().expect("files");
    let mut store = Store::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("store");
    let blobs = BlobStore::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("blobs");
    let mut draft = CaseDraft::default();
    draft.person.record_name = "Jesús Rivas".into();
    let case_id = store.create_case(&draft).expect("case").id;
    Setup {
        _data: data,
        files,
        store,
        blobs,
        case_id,
    }
}

/// Writes `bytes` as `dir/name` and returns its path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}
pub mod pdf;
