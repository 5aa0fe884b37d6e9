//! Inputs that make a decoding worker misbehave, for the tests of the
//! process that runs it: in debug builds only (the tests' and `make run`'s),
//! never in a release build. Each is a real image file with a marker in it
//! (a JPEG comment, say), so Amparo sends it to the worker as any photo;
//! the most a marker does is fail that one file.

use memchr::memmem;

use crate::error::MediaError;
use crate::pictures::Pictures;

/// The worker aborts, as a decoder crashing on a crafted file would.
pub const ABORT: &[u8] = b"AMPARO-TEST-DECODER-ABORT";

/// The worker never answers.
pub const HANG: &[u8] = b"AMPARO-TEST-DECODER-HANG";

/// The worker tries to read a file, connect to the network and start a
/// program, and answers with what each attempt did.
pub const ESCAPE: &[u8] = b"AMPARO-TEST-DECODER-ESCAPE";

/// What the worker does instead of decoding `bytes`, if they carry a marker.
pub(crate) fn act(bytes: &[u8]) -> Option<Result<Pictures, MediaError>> {
    if memmem::find(bytes, ABORT).is_some() {
        std::process::abort();
    }
    if memmem::find(bytes, HANG).is_some() {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
    }
    if memmem::find(bytes, ESCAPE).is_some() {
        let outcome = |ok: bool| if ok { "done" } else { "refused" };
        let file = std::fs::read("/etc/passwd").is_ok();
        let network = std::net::TcpListener::bind(("127.0.0.1", 0)).is_ok()
            || std::net::UdpSocket::bind(("127.0.0.1", 0)).is_ok();
        let program = std::process::Command::new("/bin/true").status().is_ok();
        return Some(Err(MediaError::Corrupt(format!(
            "escape: file {}, network {}, program {}",
            outcome(file),
            outcome(network),
            outcome(program)
        ))));
    }
    None
}
