//! A photo's XMP packet: the position and the date taken that some editors
//! and phone apps write there instead of (or as well as) EXIF.
//!
//! XMP is plain text in every container, so the packet is found by scanning
//! the bytes, as the XMP specification allows for files whose container a
//! reader does not know, and then parsed as XML.

use amparo_core::GpsPoint;
use memchr::memmem;

/// The namespace of XMP's EXIF properties.
const EXIF_NS: &str = "http://ns.adobe.com/exif/1.0/";

/// XMP names a position by these properties, as attributes
/// (`exif:GPSLatitude="..."`) or elements (`<exif:GPSLatitude>`).
const POSITION: [&str; 2] = ["GPSLatitude", "GPSLongitude"];

/// A file's XMP packet, the `<x:xmpmeta>` element whole, and the XML it
/// parses to (none when it is not well-formed UTF-8 XML).
pub(crate) struct Xmp<'a> {
    packet: &'a [u8],
    document: Option<roxmltree::Document<'a>>,
}

impl<'a> Xmp<'a> {
    /// The packet in `bytes`, if there is one.
    pub(crate) fn find(bytes: &'a [u8]) -> Option<Self> {
        const END: &[u8] = b"</x:xmpmeta>";
        let start = memmem::find(bytes, b"<x:xmpmeta")?;
        let packet = &bytes[start..];
        let packet = &packet[..memmem::find(packet, END).map_or(packet.len(), |at| at + END.len())];
        let document = std::str::from_utf8(packet)
            .ok()
            .and_then(|text| roxmltree::Document::parse(text).ok());
        Some(Self { packet, document })
    }

    /// The position, in degrees (negative south and west).
    pub(crate) fn position(&self) -> Option<GpsPoint> {
        let document = self.document.as_ref()?;
        GpsPoint::on_earth(
            exif_property(document, POSITION[0]).and_then(coordinate)?,
            exif_property(document, POSITION[1]).and_then(coordinate)?,
        )
    }

    /// `exif:DateTimeOriginal` as a local time (`YYYY-MM-DDTHH:MM:SS`, with
    /// its fraction of a second when written) and its offset when written
    /// (`Z` as `+00:00`).
    pub(crate) fn taken(&self) -> Option<(String, Option<String>)> {
        local_time(exif_property(self.document.as_ref()?, "DateTimeOriginal")?)
    }

    /// True when the packet names a position with any digit in it, even
    /// one [`Xmp::position`] cannot read: such a photo is treated as showing
    /// where it was made.
    pub(crate) fn names_position(&self) -> bool {
        POSITION
            .iter()
            .all(|name| has_value(self.packet, name.as_bytes()))
    }
}

/// The value of the XMP EXIF property `name`, as attribute or element.
fn exif_property<'d>(document: &'d roxmltree::Document<'_>, name: &str) -> Option<&'d str> {
    document.descendants().find_map(|node| {
        if node.tag_name().namespace() == Some(EXIF_NS) && node.tag_name().name() == name {
            node.text()
        } else {
            node.attributes()
                .find(|a| a.namespace() == Some(EXIF_NS) && a.name() == name)
                .map(|a| a.value())
        }
    })
}

/// An XMP date (ISO 8601: `2013-07-05T03:18:27Z`, `2008-05-25T19:31:26.0+01:00`)
/// down to the second, split into its local time and its offset.
fn local_time(text: &str) -> Option<(String, Option<String>)> {
    let text = text.trim();
    let (date_time, offset) = match text
        .char_indices()
        .skip(19)
        .find(|(_, c)| matches!(c, 'Z' | '+' | '-'))
    {
        Some((at, 'Z')) if at + 1 == text.len() => (&text[..at], Some("+00:00".to_owned())),
        Some((at, _)) => (&text[..at], Some(text[at..].to_owned())),
        None => (text, None),
    };
    let (whole, fraction) = date_time.split_once('.').unwrap_or((date_time, ""));
    let parsed = chrono::NaiveDateTime::parse_from_str(whole, "%Y-%m-%dT%H:%M:%S").ok()?;
    let mut local = parsed.format("%Y-%m-%dT%H:%M:%S").to_string();
    if !fraction.is_empty() {
        if !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        local.push('.');
        local.push_str(&fraction[..fraction.len().min(9)]);
    }
    let offset = offset.filter(|o| valid_offset(o));
    Some((local, offset))
}

/// `+HH:MM` or `-HH:MM`.
fn valid_offset(offset: &str) -> bool {
    let b = offset.as_bytes();
    b.len() == 6
        && matches!(b[0], b'+' | b'-')
        && b[1..3].iter().all(u8::is_ascii_digit)
        && b[3] == b':'
        && b[4..6].iter().all(u8::is_ascii_digit)
}

/// An XMP GPS coordinate, `DDD,MM,SSk` or `DDD,MM.mmk` with `k` one of
/// N, S, E or W.
fn coordinate(text: &str) -> Option<f64> {
    let text = text.trim();
    let reference = text.chars().last()?.to_ascii_uppercase();
    let sign = match reference {
        'N' | 'E' => 1.0,
        'S' | 'W' => -1.0,
        _ => return None,
    };
    let number = &text[..text.len() - 1];
    let mut parts = number.split(',').map(|p| p.trim().parse::<f64>());
    let degrees = parts.next()?.ok()?;
    let minutes = parts.next().transpose().ok()?.unwrap_or(0.0);
    let seconds = parts.next().transpose().ok()?.unwrap_or(0.0);
    if parts.next().is_some() {
        return None;
    }
    let value = degrees.abs() + minutes.abs() / 60.0 + seconds.abs() / 3600.0;
    value.is_finite().then_some(sign * value)
}

/// `name` given a value with a digit in it, as attribute or element.
fn has_value(packet: &[u8], name: &[u8]) -> bool {
    let mut rest = packet;
    while let Some(at) = memmem::find(rest, name) {
        let after = &rest[at + name.len()..];
        let value: &[u8] = match after.first() {
            Some(b'=') => after.get(2..).unwrap_or_default(),
            Some(b'>') => &after[1..],
            _ => &[],
        };
        let value = &value[..value
            .iter()
            .position(|&b| b == b'"' || b == b'\'' || b == b'<')
            .unwrap_or(value.len())];
        if value.iter().any(u8::is_ascii_digit) {
            return true;
        }
        rest = after;
    }
    false
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A JPEG holding only an XMP packet with `description` inside.
    pub(crate) fn jpeg_with_xmp(description: &str) -> Vec<u8> {
        let mut bytes = b"\xFF\xD8\xFF\xE1".to_vec();
        let body = format!(
            "http://ns.adobe.com/xap/1.0/\0<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\
             <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\
             <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
             {description}</rdf:RDF></x:xmpmeta><?xpacket end='w'?>"
        );
        bytes.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        bytes.extend_from_slice(body.as_bytes());
        bytes.extend_from_slice(b"\xFF\xD9");
        bytes
    }

    fn position(bytes: &[u8]) -> Option<GpsPoint> {
        Xmp::find(bytes)?.position()
    }

    fn names_position(bytes: &[u8]) -> bool {
        Xmp::find(bytes).is_some_and(|xmp| xmp.names_position())
    }

    fn taken(bytes: &[u8]) -> Option<(String, Option<String>)> {
        Xmp::find(bytes)?.taken()
    }

    const NAMESPACES: &str =
        r#"xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/""#;

    #[test]
    fn a_position_given_as_attributes_is_read_south_and_west_negative() {
        let bytes = jpeg_with_xmp(&format!(
            r#"<rdf:Description {NAMESPACES} exif:GPSLatitude="34,36.5S" exif:GPSLongitude="58,22,30W"/>"#
        ));
        let point = position(&bytes).expect("a position");
        assert!((point.latitude + 34.608_333).abs() < 1e-5, "{point:?}");
        assert!((point.longitude + 58.375).abs() < 1e-9, "{point:?}");
    }

    #[test]
    fn a_position_given_as_elements_is_read() {
        let bytes = jpeg_with_xmp(&format!(
            "<rdf:Description {NAMESPACES}><exif:GPSLatitude>7,46.0N</exif:GPSLatitude>\
             <exif:GPSLongitude>72,13.5W</exif:GPSLongitude></rdf:Description>"
        ));
        let point = position(&bytes).expect("a position");
        assert!((point.latitude - 7.766_666).abs() < 1e-5, "{point:?}");
        assert!((point.longitude + 72.225).abs() < 1e-9, "{point:?}");
    }

    #[test]
    fn a_value_without_its_reference_or_in_another_namespace_is_no_position() {
        let no_reference = jpeg_with_xmp(&format!(
            r#"<rdf:Description {NAMESPACES} exif:GPSLatitude="34,36.5" exif:GPSLongitude="58,22,30W"/>"#
        ));
        assert_eq!(position(&no_reference), None);
        let elsewhere = jpeg_with_xmp(
            r#"<rdf:Description xmlns:my="urn:mine" my:GPSLatitude="1,0N" my:GPSLongitude="1,0E"/>"#,
        );
        assert_eq!(position(&elsewhere), None);
    }

    #[test]
    fn a_named_position_that_cannot_be_read_is_still_named() {
        let unreadable = jpeg_with_xmp(&format!(
            r#"<rdf:Description {NAMESPACES} exif:GPSLatitude="7 deg 46' N" exif:GPSLongitude="72 deg 13' W"/>"#
        ));
        assert_eq!(position(&unreadable), None);
        assert!(names_position(&unreadable));
        let empty = jpeg_with_xmp(&format!(
            r#"<rdf:Description {NAMESPACES} exif:GPSLatitude="" dc:title="Reyes"/>"#
        ));
        assert!(!names_position(&empty));
        assert!(!names_position(b"not an image at all"));
    }

    #[test]
    fn the_date_taken_is_read_with_its_fraction_and_offset_as_written() {
        let utc = jpeg_with_xmp(&format!(
            r#"<rdf:Description {NAMESPACES} exif:DateTimeOriginal="2013-07-05T03:18:27Z"/>"#
        ));
        assert_eq!(
            taken(&utc),
            Some(("2013-07-05T03:18:27".to_owned(), Some("+00:00".to_owned())))
        );
        let offset = jpeg_with_xmp(&format!(
            "<rdf:Description {NAMESPACES}>\
             <exif:DateTimeOriginal>2008-05-25T19:31:26.04-04:00</exif:DateTimeOriginal>\
             </rdf:Description>"
        ));
        assert_eq!(
            taken(&offset),
            Some((
                "2008-05-25T19:31:26.04".to_owned(),
                Some("-04:00".to_owned())
            ))
        );
        let local = jpeg_with_xmp(&format!(
            r#"<rdf:Description {NAMESPACES} exif:DateTimeOriginal="2017-01-06T10:31:00"/>"#
        ));
        assert_eq!(
            taken(&local),
            Some(("2017-01-06T10:31:00".to_owned(), None))
        );
    }

    #[test]
    fn a_date_that_is_not_one_is_no_date_taken() {
        for bad in [
            "2017-13-06T10:31:00",
            "yesterday",
            "2017-01-06T10:31:00.5x",
            "",
        ] {
            let bytes = jpeg_with_xmp(&format!(
                r#"<rdf:Description {NAMESPACES} exif:DateTimeOriginal="{bad}"/>"#
            ));
            assert_eq!(taken(&bytes), None, "{bad}");
        }
    }
}
