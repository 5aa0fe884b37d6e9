//! The decoding worker: a copy of Amparo started with nothing but a pipe
//! in and a pipe out. It readies the decoders, closes itself in (see
//! `sandbox.rs`), then answers one request after another until Amparo
//! closes its input.

use std::io::{BufReader, BufWriter, Read, Write};

use crate::error::MediaError;
use crate::pictures::upright_pictures;
use crate::wire::{Answer, Job, read_request, write_reply};

/// Serves until standard input closes, then ends the process.
pub(crate) fn serve() -> ! {
    ready_decoders();
    crate::sandbox::enter();
    let (input, output) = pipes();
    let mut input = BufReader::with_capacity(1 << 16, input);
    let mut output = BufWriter::with_capacity(1 << 16, output);
    loop {
        let Ok(Some(job)) = read_request(&mut input) else {
            std::process::exit(0);
        };
        if write_reply(&mut output, &answer(job)).is_err() {
            std::process::exit(0);
        }
    }
}

fn answer(job: Job) -> Result<Answer, MediaError> {
    match job {
        Job::Pictures {
            format,
            orientation,
            bytes,
        } => {
            #[cfg(debug_assertions)]
            if let Some(acted) = crate::worker_test_hooks::act(&bytes) {
                return acted.map(Answer::Pictures);
            }
            upright_pictures(&bytes, format, orientation).map(Answer::Pictures)
        }
        Job::Pdf(job, bytes) => crate::pdf::answer(job, &bytes),
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
