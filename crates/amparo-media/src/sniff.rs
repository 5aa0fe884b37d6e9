//! The real format of a file, from its first bytes: a JPEG named .png is a
//! JPEG, and a text file named .jpg is not an image.

use amparo_core::PhotoFormat;

/// The image format `bytes` begin with, if Amparo knows it.
pub fn sniff(bytes: &[u8]) -> Option<PhotoFormat> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        Some(PhotoFormat::Jpeg)
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        Some(PhotoFormat::Png)
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some(PhotoFormat::Webp)
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Some(PhotoFormat::Tiff)
    } else if is_heif(bytes) {
        Some(PhotoFormat::Heif)
    } else {
        None
    }
}

/// An ISO base media file whose brands say HEIF still image (not AVIF).
fn is_heif(bytes: &[u8]) -> bool {
    if bytes.get(4..8) != Some(b"ftyp") {
        return false;
    }
    let size = bytes
        .get(0..4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .unwrap_or(0);
    let end = size.clamp(16, 256).min(bytes.len());
    const HEIF: [&[u8]; 8] = [
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
    ];
    // The major brand, then the compatible brands (after the minor version).
    let brands = std::iter::once(8..12).chain((16..end).step_by(4).map(|i| i..i + 4));
    let mut found = false;
    for range in brands {
        match bytes.get(range) {
            Some(b"avif") | Some(b"avis") => return false,
            Some(brand) if HEIF.contains(&brand) => found = true,
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_known_by_content() {
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]),
            Some(PhotoFormat::Jpeg)
        );
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(PhotoFormat::Png));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(PhotoFormat::Webp));
        assert_eq!(sniff(b"MM\0*\0\0\0\x08"), Some(PhotoFormat::Tiff));
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert_eq!(sniff(heic), Some(PhotoFormat::Heif));
        let avif = b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf";
        assert_eq!(sniff(avif), None, "AVIF is not HEIC");
        assert_eq!(sniff(b"Dear Sir, this is a letter"), None);
        assert_eq!(sniff(b""), None);
    }
}
