//! Any bytes filed as a PDF: refused or read, within the page limit,
//! without hanging or taking the window down. A panic inside the PDF
//! parser is caught by the reader and is a refusal ("damaged"), so the
//! hook libFuzzer installs (abort on any panic) is replaced by a quiet one;
//! a panic that escapes the reader still aborts at the boundary.
#![no_main]

use libfuzzer_sys::fuzz_target;

static QUIET: std::sync::Once = std::sync::Once::new();

fuzz_target!(|bytes: &[u8]| {
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let _ = amparo_media::fuzzing::read_pdf(bytes);
});
