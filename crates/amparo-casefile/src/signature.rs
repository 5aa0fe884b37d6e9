//! Reading a minisign signature someone else wrote. The minisign crate
//! (0.8.0) panics on a signature whose trusted-comment signature is shorter
//! than 64 bytes (found by the mutation rounds in `tests/mutations.rs`), so
//! a signature's shape is checked here before it is handed to the crate: a
//! crafted signature must be refused, never bring the window down.

use std::io::Cursor;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use minisign::{PublicKey, SignatureBox};

/// Bytes of the signature line: algorithm (2), key id (8), signature (64).
const SIGNATURE_BYTES: usize = 74;
/// Bytes of the trusted comment's signature.
const GLOBAL_SIGNATURE_BYTES: usize = 64;

/// Whether `text` is a minisign signature of `message` by `key` (minisign's
/// public key form); anything malformed is simply not.
pub fn verifies(key: &str, text: &str, message: &[u8]) -> bool {
    if !well_formed(text) {
        return false;
    }
    let (Ok(key), Ok(signature)) = (PublicKey::from_base64(key), SignatureBox::from_string(text))
    else {
        return false;
    };
    minisign::verify(&key, &signature, Cursor::new(message), true, false, false).is_ok()
}

/// Four lines: a comment, the signature, the trusted comment, and its
/// signature, each signature of its exact length.
fn well_formed(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let decoded = |line: &str| STANDARD.decode(line.trim()).map(|b| b.len()).ok();
    lines.len() == 4
        && lines[0].starts_with("untrusted comment: ")
        && lines[2].starts_with("trusted comment: ")
        && decoded(lines[1]) == Some(SIGNATURE_BYTES)
        && decoded(lines[3]) == Some(GLOBAL_SIGNATURE_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_with_a_short_comment_signature_is_refused_not_a_panic() {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("keys");
        let key = pair.pk.to_base64();
        let good = minisign::sign(None, &pair.sk, &b"list"[..], Some("t"), Some("u"))
            .expect("sign")
            .into_string();
        assert!(verifies(&key, &good, b"list"));
        assert!(!verifies(&key, &good, b"lists"));
        let mut lines: Vec<String> = good.lines().map(str::to_owned).collect();
        lines[3] = STANDARD.encode([7u8; 27]);
        let short = lines.join("\n") + "\n";
        assert!(!verifies(&key, &short, b"list"));
        assert!(!verifies("not a key", &good, b"list"));
        assert!(!verifies(&key, "", b"list"));
    }
}
