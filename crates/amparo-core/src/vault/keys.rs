//! The keys one master key gives: one per use, derived with HKDF-SHA256, so
//! that the database key, the key that names blobs and the key that seals
//! them never coincide, and none of them reveals the master key.

use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::{Zeroize, Zeroizing};

/// The master key's length in bytes.
pub const KEY_LEN: usize = 32;

/// The keys the store and the blob store work with. Zeroed when dropped.
#[derive(Clone)]
pub struct Keys {
    database: Zeroizing<[u8; KEY_LEN]>,
    blob_names: Zeroizing<[u8; KEY_LEN]>,
    blob_contents: Zeroizing<[u8; KEY_LEN]>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(..)")
    }
}

impl Keys {
    /// The keys of the master key `master`.
    pub fn from_master(master: &[u8; KEY_LEN]) -> Self {
        let hk = Hkdf::<Sha256>::new(None, master);
        let derive = |info: &[u8]| {
            let mut out = Zeroizing::new([0u8; KEY_LEN]);
            // 32 bytes is far below HKDF-SHA256's 8,160-byte limit.
            hk.expand(info, out.as_mut())
                .unwrap_or_else(|_| unreachable!("32 bytes is a valid HKDF length"));
            out
        };
        Self {
            database: derive(b"amparo database v1"),
            blob_names: derive(b"amparo blob names v1"),
            blob_contents: derive(b"amparo blob contents v1"),
        }
    }

    /// One fixed set of keys, for tests and benchmarks that open stores
    /// without a vault. Never used by the hosts.
    #[doc(hidden)]
    pub fn fixed_for_tests() -> Self {
        Self::from_master(&[0x5a; KEY_LEN])
    }

    /// The SQLCipher key as the `PRAGMA key` value for a raw key:
    /// `x'<64 hex digits>'` in double quotes, so SQLCipher skips its own
    /// passphrase derivation.
    pub(crate) fn database_pragma(&self) -> Zeroizing<String> {
        let mut hex = hex_of(self.database.as_ref());
        let pragma = Zeroizing::new(format!("\"x'{}'\"", hex.as_str()));
        hex.zeroize();
        pragma
    }

    /// The file name a blob is kept under: a keyed hash of what it is
    /// (`original/<sha256>`, `thumb/<sha256>`), so that holding a known
    /// photo does not prove it is here.
    pub(crate) fn blob_name(&self, logical: &str) -> String {
        // HMAC takes a key of any length.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.blob_names.as_ref())
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
        mac.update(logical.as_bytes());
        hex_of(&mac.finalize().into_bytes()).to_string()
    }

    /// The key that seals blob contents.
    pub(crate) fn blob_contents(&self) -> &[u8; KEY_LEN] {
        &self.blob_contents
    }
}

fn hex_of(bytes: &[u8]) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(bytes.len() * 2));
    for b in bytes {
        out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_use_has_its_own_key_and_names_depend_on_the_key() {
        let a = Keys::from_master(&[1; KEY_LEN]);
        let b = Keys::from_master(&[2; KEY_LEN]);
        assert_ne!(*a.database, *a.blob_names);
        assert_ne!(*a.blob_names, *a.blob_contents);
        assert_ne!(*a.database, *b.database);
        let name = a.blob_name("original/ab");
        assert_eq!(name.len(), 64);
        assert_ne!(name, b.blob_name("original/ab"));
        assert_ne!(name, a.blob_name("thumb/ab"));
        assert_eq!(
            name,
            Keys::from_master(&[1; KEY_LEN]).blob_name("original/ab")
        );
        let pragma = a.database_pragma();
        assert!(pragma.starts_with("\"x'") && pragma.ends_with("'\"") && pragma.len() == 64 + 5);
    }
}
