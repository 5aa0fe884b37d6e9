//! The decoding worker: a copy of Amparo started with nothing but a pipe
//! in and a pipe out. It readies the decoders, closes itself in (see
//! `sandbox.rs`), then answers one request after another until Amparo
//! closes its input.

use std::io::{BufReader, BufWriter, Read, Write};

use crate::pictures::upright_pictures;
use crate::wire::{read_request, write_reply};

/// Serves until standard input closes, then ends the process.
pub(crate) fn serve() -> ! {
    ready_decoders();
    crate::sandbox::enter();
    let (input, output) = pipes();
    let mut input = BufReader::with_capacity(1 << 16, input);
    let mut output = BufWriter::with_capacity(1 << 16, output);
    loop {
        let Ok(Some((format, orientation, bytes))) = read_request(&mut input) else {
            std::process::exit(0);
        };
        #[cfg(debug_assertions)]
        let answer = crate::worker_test_hooks::act(&bytes)
            .unwrap_or_else(|| upright_pictures(&bytes, format, orientation));
        #[cfg(not(debug_assertions))]
        let answer = upright_pictures(&bytes, format, orientation);
        if write_reply(&mut output, &answer).is_err() {
            std::process::exit(0);
        }
    }
}

/// Standard input and output as plain files: standard output's line
/// buffering would look for newlines in megabytes of pixels.
#[cfg(unix)]
fn pipes() -> (Box<dyn Read>, Box<dyn Write>) {
    use std::fs::File;
    use std::os::fd::AsFd;
    match (
        std::io::stdin().as_fd().try_clone_to_owned(),
        std::io::stdout().as_fd().try_clone_to_owned(),
    ) {
        (Ok(input), Ok(output)) => (Box::new(File::from(input)), Box::new(File::from(output))),
        _ => std::process::exit(1),
    }
}

#[cfg(not(unix))]
fn pipes() -> (Box<dyn Read>, Box<dyn Write>) {
    (Box::new(std::io::stdin()), Box::new(std::io::stdout()))
}

/// Whatever a decoder loads on first use (libheif its plugins), it loads
/// now, before the sandbox leaves it no files to load.
fn ready_decoders() {
    let _ = libheif_rs::LibHeif::new();
    let _ = turbojpeg::Decompressor::new();
}
