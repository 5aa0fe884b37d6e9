//! Whether a file says where it was made: a GPS position in its EXIF, or
//! one kept only in its XMP (editors and some phone apps write it there).
//! A position in evidence can reveal where a family lives; it goes to
//! counsel only with the user's consent, whichever place it is kept in.

use crate::exif_read::read_exif;

/// XMP names a position by these properties, as attributes
/// (`exif:GPSLatitude="..."`) or elements (`<exif:GPSLatitude>`).
const XMP_POSITION: [&[u8]; 2] = [b"GPSLatitude", b"GPSLongitude"];

/// True when the file's EXIF or XMP holds a position.
pub fn carries_position(bytes: &[u8]) -> bool {
    read_exif(bytes).gps.is_some() || xmp_position(bytes)
}

fn xmp_position(bytes: &[u8]) -> bool {
    let Some(start) = find(bytes, b"<x:xmpmeta") else {
        return false;
    };
    let packet = &bytes[start..];
    let end = find(packet, b"</x:xmpmeta>").unwrap_or(packet.len());
    let packet = &packet[..end];
    XMP_POSITION.iter().all(|name| has_value(packet, name))
}

/// `name` given a value with a digit in it, as attribute or element.
fn has_value(packet: &[u8], name: &[u8]) -> bool {
    let mut rest = packet;
    while let Some(at) = find(rest, name) {
        let after = &rest[at + name.len()..];
        let value: &[u8] = match after.first() {
            Some(b'=') => after.get(2..).unwrap_or_default(),
            Some(b'>') => &after[1..],
            _ => &[],
        };
        let value = &value[..value
            .iter()
            .position(|&b| b == b'"' || b == b'<')
            .unwrap_or(value.len())];
        if value.iter().any(u8::is_ascii_digit) {
            return true;
        }
        rest = after;
    }
    false
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_xmp(xmp: &str) -> Vec<u8> {
        let mut bytes = b"\xFF\xD8\xFF\xE1".to_vec();
        let body = format!(
            "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">{xmp}</x:xmpmeta>"
        );
        bytes.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        bytes.extend_from_slice(body.as_bytes());
        bytes.extend_from_slice(b"\xFF\xD9");
        bytes
    }

    #[test]
    fn a_position_kept_only_in_xmp_is_found_as_attribute_or_element() {
        let attribute = with_xmp(
            r#"<rdf:Description exif:GPSLatitude="7,46.0N" exif:GPSLongitude="72,13.5W"/>"#,
        );
        assert!(carries_position(&attribute));
        let element = with_xmp(
            "<rdf:Description><exif:GPSLatitude>7,46.0N</exif:GPSLatitude>\
             <exif:GPSLongitude>72,13.5W</exif:GPSLongitude></rdf:Description>",
        );
        assert!(carries_position(&element));
    }

    #[test]
    fn xmp_without_a_position_is_not_one() {
        let none = with_xmp(r#"<rdf:Description exif:GPSLatitude="" dc:title="Reyes"/>"#);
        assert!(!carries_position(&none));
        assert!(!carries_position(b"not an image at all"));
    }
}
