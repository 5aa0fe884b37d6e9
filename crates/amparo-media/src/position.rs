//! Whether a file says where it was made: a GPS position in its EXIF, or
//! one kept only in its XMP (editors and some phone apps write it there).
//! A position in evidence can reveal where a family lives; it goes to
//! counsel only with the user's consent, whichever place it is kept in.

use crate::exif_read::read_exif;
use crate::xmp::Xmp;

/// True when the file's EXIF or XMP holds a position, even one written in
/// a form that cannot be read back as degrees.
pub fn carries_position(bytes: &[u8]) -> bool {
    read_exif(bytes).gps.is_some()
        || crate::exif_read::names_position(bytes)
        || Xmp::find(bytes).is_some_and(|xmp| xmp.names_position())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xmp::tests::jpeg_with_xmp;

    #[test]
    fn a_position_kept_only_in_xmp_is_found_as_attribute_or_element() {
        let ns = r#"xmlns:exif="http://ns.adobe.com/exif/1.0/""#;
        let attribute = jpeg_with_xmp(&format!(
            r#"<rdf:Description {ns} exif:GPSLatitude="7,46.0N" exif:GPSLongitude="72,13.5W"/>"#,
        ));
        assert!(carries_position(&attribute));
        assert!(read_exif(&attribute).gps.is_some());
        let element = jpeg_with_xmp(&format!(
            "<rdf:Description {ns}><exif:GPSLatitude>7,46.0N</exif:GPSLatitude>\
             <exif:GPSLongitude>72,13.5W</exif:GPSLongitude></rdf:Description>"
        ));
        assert!(carries_position(&element));
    }

    #[test]
    fn xmp_without_a_position_is_not_one() {
        let none = jpeg_with_xmp(r#"<rdf:Description xmlns:dc="urn:dc" dc:title="Reyes"/>"#);
        assert!(!carries_position(&none));
        assert!(!carries_position(b"not an image at all"));
    }
}
