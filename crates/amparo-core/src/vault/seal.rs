//! Blob contents sealed with XChaCha20-Poly1305 in the STREAM construction:
//! 64 KiB chunks, each authenticated, in order, with the last one marked, so
//! a cut, reordered or altered file is refused rather than half-read, and a
//! large original is sealed and opened a chunk at a time.
//!
//! Layout: `AMPBLOB1`, a random 19-byte nonce prefix, then the chunks. Every
//! chunk carries the blob's logical name (`original/<sha256>`) as associated
//! data, so a sealed file moved under another blob's name does not open.

use std::io::{Read, Write};

use chacha20poly1305::XChaCha20Poly1305;
use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::{KeyInit, Payload};

use super::keys::KEY_LEN;

const MAGIC: &[u8; 8] = b"AMPBLOB1";
const NONCE_LEN: usize = 19;
const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;

/// Why a sealed blob did not open.
#[derive(Debug, thiserror::Error)]
pub enum SealError {
    /// Reading or writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The file is not a sealed blob, was cut short or altered, or belongs to
    /// another name or key.
    #[error("the stored file is damaged or is not the one expected")]
    Damaged,
}

/// Seals `plain` as the blob `logical` into `out`.
pub fn seal(
    key: &[u8; KEY_LEN],
    logical: &str,
    plain: &[u8],
    out: &mut impl Write,
) -> Result<(), SealError> {
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut nonce).map_err(|e| std::io::Error::other(e.to_string()))?;
    let aead = XChaCha20Poly1305::new(key.into());
    let mut stream = EncryptorBE32::from_aead(aead, (&nonce).into());
    out.write_all(MAGIC)?;
    out.write_all(&nonce)?;
    let aad = logical.as_bytes();
    let mut chunks = plain.chunks(CHUNK).peekable();
    if chunks.peek().is_none() {
        let last = stream
            .encrypt_last(Payload { msg: &[], aad })
            .map_err(|_| SealError::Damaged)?;
        out.write_all(&last)?;
        return Ok(());
    }
    while let Some(chunk) = chunks.next() {
        let payload = Payload { msg: chunk, aad };
        if chunks.peek().is_none() {
            out.write_all(
                &stream
                    .encrypt_last(payload)
                    .map_err(|_| SealError::Damaged)?,
            )?;
            break;
        }
        out.write_all(
            &stream
                .encrypt_next(payload)
                .map_err(|_| SealError::Damaged)?,
        )?;
    }
    Ok(())
}

/// Opens the sealed blob `logical` read from `input`.
pub fn open(
    key: &[u8; KEY_LEN],
    logical: &str,
    input: &mut impl Read,
) -> Result<Vec<u8>, SealError> {
    let mut header = [0u8; MAGIC.len() + NONCE_LEN];
    read_full(input, &mut header)?
        .eq(&header.len())
        .then_some(())
        .ok_or(SealError::Damaged)?;
    if &header[..MAGIC.len()] != MAGIC {
        return Err(SealError::Damaged);
    }
    let nonce: [u8; NONCE_LEN] = header[MAGIC.len()..]
        .try_into()
        .map_err(|_| SealError::Damaged)?;
    let aead = XChaCha20Poly1305::new(key.into());
    let mut stream = DecryptorBE32::from_aead(aead, (&nonce).into());
    let aad = logical.as_bytes();
    let mut plain = Vec::new();
    let mut current = vec![0u8; CHUNK + TAG];
    let mut current_len = read_full(input, &mut current)?;
    let mut next = vec![0u8; CHUNK + TAG];
    loop {
        let next_len = if current_len == current.len() {
            read_full(input, &mut next)?
        } else {
            0
        };
        let payload = Payload {
            msg: &current[..current_len],
            aad,
        };
        if next_len == 0 {
            plain.extend(
                stream
                    .decrypt_last(payload)
                    .map_err(|_| SealError::Damaged)?,
            );
            return Ok(plain);
        }
        plain.extend(
            stream
                .decrypt_next(payload)
                .map_err(|_| SealError::Damaged)?,
        );
        std::mem::swap(&mut current, &mut next);
        current_len = next_len;
    }
}

/// Reads until `buf` is full or the input ends; returns how much was read.
fn read_full(input: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; KEY_LEN] = [9; KEY_LEN];

    fn sealed(plain: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        seal(&KEY, "original/x", plain, &mut out).expect("seal");
        out
    }

    #[test]
    fn opens_what_it_sealed_at_every_size_around_a_chunk() {
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 7] {
            let plain: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let file = sealed(&plain);
            assert_eq!(
                file.len(),
                27 + len + TAG * len.div_ceil(CHUNK).max(1),
                "{len}"
            );
            assert_eq!(
                open(&KEY, "original/x", &mut file.as_slice()).expect("open"),
                plain
            );
        }
    }

    #[test]
    fn the_same_content_seals_differently_and_hides_its_text() {
        let plain = b"Jes\xc3\xbas Alberto, A-012-345-678".repeat(10);
        let (a, b) = (sealed(&plain), sealed(&plain));
        assert_ne!(a, b);
        assert!(!a.windows(5).any(|w| w == b"Jes\xc3\xba"));
    }

    #[test]
    fn refuses_a_cut_an_altered_a_renamed_or_a_foreign_file() {
        let plain = vec![7u8; 2 * CHUNK + 10];
        let file = sealed(&plain);
        let refused = |bytes: &[u8], key: &[u8; KEY_LEN], name: &str| {
            matches!(open(key, name, &mut &bytes[..]), Err(SealError::Damaged))
        };
        // Cut at a chunk boundary: the remaining last chunk is not marked last.
        assert!(refused(&file[..27 + CHUNK + TAG], &KEY, "original/x"));
        assert!(refused(&file[..file.len() - 1], &KEY, "original/x"));
        let mut altered = file.clone();
        altered[40] ^= 1;
        assert!(refused(&altered, &KEY, "original/x"));
        assert!(refused(&file, &KEY, "original/y"));
        assert!(refused(&file, &[8; KEY_LEN], "original/x"));
        assert!(refused(b"plain photo bytes", &KEY, "original/x"));
        let mut longer = file.clone();
        longer.extend_from_slice(&[0; TAG]);
        assert!(refused(&longer, &KEY, "original/x"));
    }
}
