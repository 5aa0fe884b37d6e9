//! What a decoding worker sends back, as a worker taken over by a crafted
//! file could send it: read without a panic or an allocation the framing
//! does not bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = amparo_media::fuzzing::read_worker_reply(bytes);
});
