//! Any bytes dropped on the window: the format is told from the content,
//! and a JPEG's segments are walked to its picture data, without a panic
//! or a read past the end.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let format = amparo_media::sniff(bytes);
    let holds = amparo_media::fuzzing::jpeg_holds_picture_data(bytes);
    // Picture data is found only after a start-of-scan header.
    assert!(!holds || bytes.windows(2).any(|w| w == [0xFF, 0xDA]));
    let _ = format;
});
