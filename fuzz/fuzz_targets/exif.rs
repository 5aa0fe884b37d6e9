//! A photo's EXIF and XMP, crafted: the reader never panics, and a
//! position it reports is on the globe.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let exif = amparo_media::fuzzing::read_exif(bytes);
    if let Some(gps) = &exif.gps {
        assert!(gps.latitude.abs() <= 90.0, "{gps:?}");
        assert!(gps.longitude.abs() <= 180.0, "{gps:?}");
    }
    let _ = amparo_media::carries_position(bytes);
});
