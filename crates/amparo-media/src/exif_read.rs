//! What a photo's EXIF says, read with kamadak-exif from any container it
//! knows (JPEG, TIFF, PNG, WebP, HEIF). A file without EXIF (WhatsApp strips
//! it) simply has none.

use std::io::Cursor;

use amparo_core::{GpsPoint, PhotoExif};
use exif::{Exif, In, Reader, Tag, Value};

/// The EXIF facts Amparo keeps.
pub fn read_exif(bytes: &[u8]) -> PhotoExif {
    let Ok(exif) = Reader::new().read_from_container(&mut Cursor::new(bytes)) else {
        return PhotoExif {
            orientation: 1,
            ..PhotoExif::default()
        };
    };
    PhotoExif {
        taken_local: taken_local(&exif),
        taken_offset: ascii(&exif, Tag::OffsetTimeOriginal),
        camera: camera(&exif),
        orientation: exif
            .get_field(Tag::Orientation, In::PRIMARY)
            .and_then(|f| f.value.get_uint(0))
            .and_then(|o| u8::try_from(o).ok())
            .filter(|o| (1..=8).contains(o))
            .unwrap_or(1),
        gps: gps(&exif),
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

/// DateTimeOriginal as a local time, `YYYY-MM-DDTHH:MM:SS`.
fn taken_local(exif: &Exif) -> Option<String> {
    let field = exif
        .get_field(Tag::DateTimeOriginal, In::PRIMARY)
        .or_else(|| exif.get_field(Tag::DateTime, In::PRIMARY))?;
    let Value::Ascii(parts) = &field.value else {
        return None;
    };
    let dt = exif::DateTime::from_ascii(parts.first()?).ok()?;
    if dt.year == 0 || dt.month == 0 || dt.day == 0 {
        return None; // "0000:00:00 00:00:00": the camera did not know
    }
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second
    ))
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

fn gps(exif: &Exif) -> Option<GpsPoint> {
    let degrees = |tag: Tag, negative: &[u8]| -> Option<f64> {
        let Value::Rational(parts) = &exif.get_field(tag, In::PRIMARY)?.value else {
            return None;
        };
        let [d, m, s] = parts.get(0..3)? else {
            return None;
        };
        let value = d.to_f64() + m.to_f64() / 60.0 + s.to_f64() / 3600.0;
        let reference = match tag {
            Tag::GPSLatitude => Tag::GPSLatitudeRef,
            _ => Tag::GPSLongitudeRef,
        };
        let flip = ascii(exif, reference).is_some_and(|r| negative.contains(&r.as_bytes()[0]));
        value
            .is_finite()
            .then_some(if flip { -value } else { value })
    };
    Some(GpsPoint {
        latitude: degrees(Tag::GPSLatitude, b"S")?,
        longitude: degrees(Tag::GPSLongitude, b"W")?,
    })
}
