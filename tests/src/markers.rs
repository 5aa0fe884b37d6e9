//! Reading what Amparo left on disk as someone who takes the laptop would:
//! every file under some folders, a PDF's text too (`pdftotext`), searched
//! for marker strings in UTF-8, UTF-16 (both byte orders), base64 (at each
//! alignment) and hex. Shared by the command line's canary test and the
//! window's (`#[path]`-included there), so both look the same way.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;

/// Every way a marker's bytes could be written.
pub fn forms(marker: &str) -> Vec<Vec<u8>> {
    let utf8 = marker.as_bytes().to_vec();
    let le: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = marker.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let mut out = vec![utf8.clone(), le, be];
    for pad in 0..3 {
        let mut padded = vec![b'x'; pad];
        padded.extend_from_slice(&utf8);
        let encoded = base64::engine::general_purpose::STANDARD.encode(&padded);
        // Only the characters that depend on the marker alone.
        let skip = (pad * 4).div_ceil(3);
        let inner: String = encoded
            .chars()
            .skip(skip)
            .take(encoded.len().saturating_sub(skip + 4))
            .collect();
        out.push(inner.into_bytes());
    }
    let hex: String = utf8.iter().map(|b| format!("{b:02x}")).collect();
    out.push(hex.clone().into_bytes());
    out.push(hex.to_uppercase().into_bytes());
    out
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = std::fs::symlink_metadata(&path).map(|m| m.file_type()) else {
            continue;
        };
        if kind.is_dir() {
            files_under(&path, out);
        } else if kind.is_file() {
            out.push(path);
        }
    }
}

/// A file's bytes, and for a PDF also its text as a reader extracts it (a
/// PDF's text is compressed and set in font glyphs, so its raw bytes hide
/// what anyone opening it reads).
fn readable(file: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(file).unwrap_or_default();
    if bytes.starts_with(b"%PDF") {
        let text = Command::new("pdftotext")
            .arg(file)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) reads the PDF");
        bytes.extend_from_slice(&text.stdout);
    }
    bytes
}

/// Panics naming each file under `dirs` where one of `markers` is readable.
pub fn assert_clean(dirs: &[&Path], markers: &[&str], when: &str) {
    let mut found = Vec::new();
    for dir in dirs {
        let mut files = Vec::new();
        files_under(dir, &mut files);
        for file in files {
            let bytes = readable(&file);
            for marker in markers {
                if forms(marker)
                    .iter()
                    .any(|f| bytes.windows(f.len()).any(|w| w == f.as_slice()))
                {
                    found.push(format!("{marker} in {}", file.display()));
                }
                if file.display().to_string().contains(marker) {
                    found.push(format!("{marker} in the name {}", file.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{when}: {found:#?}");
}

/// Whether `marker` is readable in the file at `path`.
pub fn holds(path: &Path, marker: &str) -> bool {
    let bytes = readable(path);
    forms(marker)
        .iter()
        .any(|f| bytes.windows(f.len()).any(|w| w == f.as_slice()))
}

/// Writes a small JPEG whose EXIF ImageDescription is `text`.
pub fn photo_with_exif(path: &Path, text: &str) {
    let mut jpeg = Vec::new();
    image::RgbImage::from_pixel(64, 48, image::Rgb([180, 120, 90]))
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .expect("jpeg");
    let text = format!("{text}\0");
    let mut tiff = b"II*\0\x08\0\0\0\x01\0".to_vec();
    tiff.extend_from_slice(&0x010e_u16.to_le_bytes()); // ImageDescription
    tiff.extend_from_slice(&2u16.to_le_bytes()); // ASCII
    tiff.extend_from_slice(&(text.len() as u32).to_le_bytes());
    tiff.extend_from_slice(&26u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(text.as_bytes());
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xff, 0xe1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    std::fs::write(path, out).expect("photo");
}
