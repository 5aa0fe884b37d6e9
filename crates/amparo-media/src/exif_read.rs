//! What a photo's EXIF says, read with kamadak-exif from any container it
//! knows (JPEG, TIFF, PNG, WebP, HEIF), the way a forensic reader would: the
//! date taken only from DateTimeOriginal (the DateTime tag is when software
//! last wrote the file, and is kept apart as such), the position from EXIF
//! or else XMP, and every directory that can be read even when another one
//! is damaged. A file without EXIF (WhatsApp strips it) simply has none.

use std::io::Cursor;

use amparo_core::{GpsPoint, PhotoExif};
use exif::{Exif, In, Reader, Tag, Value};

use crate::xmp::Xmp;

/// The EXIF facts Amparo keeps.
pub fn read_exif(bytes: &[u8]) -> PhotoExif {
    let mut facts = match read_directories(bytes) {
        Some(exif) => PhotoExif {
            taken_local: local_time(&exif, Tag::DateTimeOriginal, Tag::SubSecTimeOriginal),
            taken_offset: ascii(&exif, Tag::OffsetTimeOriginal),
            modified_local: local_time(&exif, Tag::DateTime, Tag::SubSecTime),
            camera: camera(&exif),
            orientation: exif
                .get_field(Tag::Orientation, In::PRIMARY)
                .and_then(|f| f.value.get_uint(0))
                .and_then(|o| u8::try_from(o).ok())
                .filter(|o| (1..=8).contains(o))
                .unwrap_or(1),
            gps: gps(&exif),
        },
        None => PhotoExif {
            orientation: 1,
            ..PhotoExif::default()
        },
    };
    if facts.gps.is_none() || facts.taken_local.is_none() {
        // An editor may keep these only in XMP, or the EXIF directory
        // holding them may be the damaged one.
        if let Some(xmp) = Xmp::find(bytes) {
            facts.gps = facts.gps.or_else(|| xmp.position());
            if facts.taken_local.is_none()
                && let Some((local, offset)) = xmp.taken()
            {
                facts.taken_local = Some(local);
                facts.taken_offset = offset;
            }
        }
    }
    facts
}

/// Every directory that could be read. Old editors and some cameras leave
/// one directory with a bad offset or count (a maker note, a thumbnail's);
/// that loses its own tags only, not the date taken kept in another.
fn read_directories(bytes: &[u8]) -> Option<Exif> {
    let mut reader = Reader::new();
    reader.continue_on_error(true);
    match reader.read_from_container(&mut Cursor::new(bytes)) {
        Ok(exif) => Some(exif),
        Err(e) => e.distill_partial_result(|_damage| {}).ok(),
    }
}

fn ascii(exif: &Exif, tag: Tag) -> Option<String> {
    match &exif.get_field(tag, In::PRIMARY)?.value {
        Value::Ascii(parts) => parts
            .first()
            .map(|p| {
                String::from_utf8_lossy(p)
                    .trim_matches(['\0', ' '])
                    .to_owned()
            })
            .filter(|s| !s.is_empty()),
        _ => None,
    }
}

/// A date and time as the camera's clock showed it,
/// `YYYY-MM-DDTHH:MM:SS`, with its fraction of a second when the
/// matching SubSecTime tag holds one (photos of a burst differ only there).
fn local_time(exif: &Exif, tag: Tag, subsec: Tag) -> Option<String> {
    let Value::Ascii(parts) = &exif.get_field(tag, In::PRIMARY)?.value else {
        return None;
    };
    let dt = exif::DateTime::from_ascii(parts.first()?).ok()?;
    if dt.year == 0 || dt.month == 0 || dt.day == 0 {
        return None; // "0000:00:00 00:00:00": the camera did not know
    }
    let mut text = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second
    );
    let fraction: String = ascii(exif, subsec)
        .unwrap_or_default()
        .chars()
        .take_while(char::is_ascii_digit)
        .take(9)
        .collect();
    if !fraction.is_empty() {
        text.push('.');
        text.push_str(&fraction);
    }
    Some(text)
}

fn camera(exif: &Exif) -> String {
    let make = ascii(exif, Tag::Make).unwrap_or_default();
    let model = ascii(exif, Tag::Model).unwrap_or_default();
    if model.starts_with(&make) {
        model
    } else {
        format!("{make} {model}").trim().to_owned()
    }
}

/// The position, in degrees (negative south and west). Phones write its
/// degrees, minutes and seconds as unsigned rationals with an N/S or E/W
/// reference, as the standard says, and some Android phones as signed
/// rationals already negative in the south and west: both are read, so a
/// photo that shows where a family lives is never taken for one that does
/// not.
fn gps(exif: &Exif) -> Option<GpsPoint> {
    let degrees = |tag: Tag, negative: &[u8]| -> Option<f64> {
        let parts: Vec<f64> = match &exif.get_field(tag, In::PRIMARY)?.value {
            Value::Rational(parts) => parts.iter().map(exif::Rational::to_f64).collect(),
            Value::SRational(parts) => parts.iter().map(exif::SRational::to_f64).collect(),
            _ => return None,
        };
        let (&d, rest) = parts.split_first()?;
        let m = rest.first().copied().unwrap_or(0.0);
        let s = rest.get(1).copied().unwrap_or(0.0);
        let size = d.abs() + m.abs() / 60.0 + s.abs() / 3600.0;
        let reference = match tag {
            Tag::GPSLatitude => Tag::GPSLatitudeRef,
            _ => Tag::GPSLongitudeRef,
        };
        let south_or_west = parts.iter().any(|p| *p < 0.0)
            || ascii(exif, reference).is_some_and(|r| negative.contains(&r.as_bytes()[0]));
        size.is_finite()
            .then_some(if south_or_west { -size } else { size })
    };
    GpsPoint::on_earth(
        degrees(Tag::GPSLatitude, b"S")?,
        degrees(Tag::GPSLongitude, b"W")?,
    )
}

/// Whether the EXIF has GPS position tags at all, readable or not.
pub(crate) fn names_position(bytes: &[u8]) -> bool {
    read_directories(bytes).is_some_and(|exif| {
        exif.get_field(Tag::GPSLatitude, In::PRIMARY).is_some()
            || exif.get_field(Tag::GPSLongitude, In::PRIMARY).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use exif::experimental::Writer;
    use exif::{Field, Rational, SRational};

    /// A JPEG whose EXIF holds `fields` (and nothing else).
    fn jpeg_with(fields: &[Field]) -> Vec<u8> {
        let mut writer = Writer::new();
        for field in fields {
            writer.push_field(field);
        }
        let mut tiff = Cursor::new(Vec::new());
        writer.write(&mut tiff, false).expect("EXIF");
        let tiff = tiff.into_inner();
        let mut bytes = b"\xFF\xD8\xFF\xE1".to_vec();
        let length = u16::try_from(tiff.len() + 8).expect("small");
        bytes.extend_from_slice(&length.to_be_bytes());
        bytes.extend_from_slice(b"Exif\0\0");
        bytes.extend_from_slice(&tiff);
        bytes.extend_from_slice(b"\xFF\xD9");
        bytes
    }

    fn field(tag: Tag, value: Value) -> Field {
        Field {
            tag,
            ifd_num: In::PRIMARY,
            value,
        }
    }

    fn rational(n: u32, d: u32) -> Rational {
        Rational::from((n, d))
    }

    fn signed(n: i32, d: i32) -> SRational {
        SRational::from((n, d))
    }

    #[test]
    fn a_position_in_unsigned_rationals_with_its_references_is_read() {
        let bytes = jpeg_with(&[
            field(Tag::GPSLatitudeRef, Value::Ascii(vec![b"N".to_vec()])),
            field(
                Tag::GPSLatitude,
                Value::Rational(vec![rational(7, 1), rational(46, 1), rational(0, 1)]),
            ),
            field(Tag::GPSLongitudeRef, Value::Ascii(vec![b"W".to_vec()])),
            field(
                Tag::GPSLongitude,
                Value::Rational(vec![rational(72, 1), rational(13, 1), rational(30, 1)]),
            ),
        ]);
        let gps = read_exif(&bytes).gps.expect("a position");
        assert!((gps.latitude - 7.766_666).abs() < 1e-4, "{gps:?}");
        assert!((gps.longitude + 72.225).abs() < 1e-4, "{gps:?}");
    }

    #[test]
    fn a_position_in_signed_rationals_as_some_android_phones_write_it_is_read() {
        let bytes = jpeg_with(&[
            field(
                Tag::GPSLatitude,
                Value::SRational(vec![signed(7, 1), signed(46, 1), signed(0, 1)]),
            ),
            field(
                Tag::GPSLongitude,
                Value::SRational(vec![signed(-72, 1), signed(13, 1), signed(30, 1)]),
            ),
        ]);
        let gps = read_exif(&bytes).gps.expect("a position");
        assert!((gps.latitude - 7.766_666).abs() < 1e-4, "{gps:?}");
        assert!((gps.longitude + 72.225).abs() < 1e-4, "{gps:?}");
        assert!(crate::position::carries_position(&bytes));
    }

    #[test]
    fn a_position_no_place_on_earth_has_is_not_given_but_still_counts_for_consent() {
        // Found by the exif fuzz target: 262,195 degrees north.
        let bytes = jpeg_with(&[
            field(
                Tag::GPSLatitude,
                Value::Rational(vec![rational(262_195, 1), rational(1, 1), rational(30, 1)]),
            ),
            field(
                Tag::GPSLongitude,
                Value::Rational(vec![rational(7, 1), rational(35, 1), rational(31, 1)]),
            ),
        ]);
        assert_eq!(read_exif(&bytes).gps, None);
        assert!(crate::carries_position(&bytes));
    }

    #[test]
    fn a_negative_value_with_its_reference_is_not_turned_back_north() {
        let bytes = jpeg_with(&[
            field(Tag::GPSLatitudeRef, Value::Ascii(vec![b"S".to_vec()])),
            field(Tag::GPSLatitude, Value::SRational(vec![signed(-34, 1)])),
            field(Tag::GPSLongitudeRef, Value::Ascii(vec![b"W".to_vec()])),
            field(Tag::GPSLongitude, Value::SRational(vec![signed(-58, 1)])),
        ]);
        let gps = read_exif(&bytes).gps.expect("a position");
        assert!((gps.latitude + 34.0).abs() < 1e-9, "{gps:?}");
        assert!((gps.longitude + 58.0).abs() < 1e-9, "{gps:?}");
    }
}
