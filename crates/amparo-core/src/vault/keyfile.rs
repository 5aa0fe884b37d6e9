//! `vault.json`: the master key, wrapped twice (by a key derived from the
//! passphrase with Argon2id, and by the recovery key), and nothing else. It
//! holds no case data, so it may sit beside the encrypted files; without the
//! passphrase or the recovery words it opens nothing.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::keys::KEY_LEN;
use crate::error::{Error, Result};

/// The vault file's name in the data folder.
pub const VAULT_FILE: &str = "vault.json";
const FORMAT: &str = "amparo-vault-1";
const PASSPHRASE_AAD: &[u8] = b"amparo-vault-1 passphrase";
const RECOVERY_AAD: &[u8] = b"amparo-vault-1 recovery";

/// How hard Argon2id works for one unlock. Stored in the file, so a vault
/// keeps opening if the defaults change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KdfCost {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over that memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl KdfCost {
    /// What a new vault uses: 128 MiB and 3 passes, twice RFC 9106's second
    /// recommendation (64 MiB, 3 passes) and well above OWASP's minimums;
    /// about half a second to unlock on these 2-core machines under load,
    /// so an older family laptop still opens in about a second (README,
    /// "Speed"). Memory is what makes guessing on graphics cards costly.
    pub const DEFAULT: Self = Self {
        memory_kib: 128 * 1024,
        iterations: 3,
        parallelism: 1,
    };

    /// A cost too low for real use, for test suites that create many vaults.
    #[doc(hidden)]
    pub const WEAK_FOR_TESTS: Self = Self {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };
}

/// One wrapping of the master key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Wrapped {
    salt: String,
    nonce: String,
    key: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct VaultFile {
    format: String,
    kdf: KdfCost,
    passphrase: Wrapped,
    recovery: Wrapped,
}

impl VaultFile {
    /// Wraps `master` under `passphrase` (Argon2id at `cost`) and under the
    /// recovery entropy.
    pub(super) fn new(
        master: &[u8; KEY_LEN],
        passphrase: &str,
        recovery: &[u8],
        cost: KdfCost,
    ) -> Result<Self> {
        Ok(Self {
            format: FORMAT.to_owned(),
            kdf: cost,
            passphrase: wrap_by_passphrase(master, passphrase, cost)?,
            recovery: wrap(
                master,
                &|salt| Ok(recovery_key(recovery, salt)),
                RECOVERY_AAD,
            )?,
        })
    }

    /// The same file with the passphrase wrapping replaced.
    pub(super) fn with_passphrase(
        &self,
        master: &[u8; KEY_LEN],
        passphrase: &str,
        cost: KdfCost,
    ) -> Result<Self> {
        Ok(Self {
            kdf: cost,
            passphrase: wrap_by_passphrase(master, passphrase, cost)?,
            ..self.clone()
        })
    }

    /// The master key, if `passphrase` is the vault's.
    pub(super) fn unwrap_with_passphrase(
        &self,
        passphrase: &str,
    ) -> Result<Option<Zeroizing<[u8; KEY_LEN]>>> {
        let cost = self.kdf;
        unwrap(
            &self.passphrase,
            &|salt| argon2id(passphrase, salt, cost),
            PASSPHRASE_AAD,
        )
    }

    /// The master key, if `recovery` is the vault's recovery entropy.
    pub(super) fn unwrap_with_recovery(
        &self,
        recovery: &[u8],
    ) -> Result<Option<Zeroizing<[u8; KEY_LEN]>>> {
        unwrap(
            &self.recovery,
            &|salt| Ok(recovery_key(recovery, salt)),
            RECOVERY_AAD,
        )
    }

    pub(super) fn read(dir: &Path) -> Result<Self> {
        let text = fs::read_to_string(dir.join(VAULT_FILE))?;
        let file: Self = serde_json::from_str(&text)
            .map_err(|e| Error::VaultDamaged(format!("{VAULT_FILE}: {e}")))?;
        if file.format != FORMAT {
            return Err(Error::VaultDamaged(format!(
                "{VAULT_FILE} is in format {:?}, this version reads {FORMAT:?}",
                file.format
            )));
        }
        Ok(file)
    }

    /// Writes the file whole or not at all: a temporary file, synced, then
    /// renamed over the old one, then the folder synced.
    pub(super) fn write(&self, dir: &Path) -> Result<()> {
        let text =
            serde_json::to_string_pretty(self).map_err(|e| Error::Serialization(e.to_string()))?;
        let temporary = dir.join(format!("{VAULT_FILE}.{}.new", std::process::id()));
        {
            let mut file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(&temporary)?;
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
        }
        fs::rename(&temporary, dir.join(VAULT_FILE))?;
        File::open(dir)?.sync_all()?;
        Ok(())
    }
}

fn wrap_by_passphrase(master: &[u8; KEY_LEN], passphrase: &str, cost: KdfCost) -> Result<Wrapped> {
    wrap(
        master,
        &|salt| argon2id(passphrase, salt, cost),
        PASSPHRASE_AAD,
    )
}

type Derive<'a> = dyn Fn(&[u8]) -> Result<Zeroizing<[u8; KEY_LEN]>> + 'a;

fn wrap(master: &[u8; KEY_LEN], derive: &Derive<'_>, aad: &[u8]) -> Result<Wrapped> {
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 24];
    random(&mut salt)?;
    random(&mut nonce)?;
    let key = derive(&salt)?;
    let sealed = XChaCha20Poly1305::new(key.as_ref().into())
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: master, aad })
        .map_err(|_| Error::VaultDamaged("the key could not be wrapped".into()))?;
    Ok(Wrapped {
        salt: B64.encode(salt),
        nonce: B64.encode(nonce),
        key: B64.encode(sealed),
    })
}

fn unwrap(
    wrapped: &Wrapped,
    derive: &Derive<'_>,
    aad: &[u8],
) -> Result<Option<Zeroizing<[u8; KEY_LEN]>>> {
    let damaged = |what: &str| Error::VaultDamaged(format!("{VAULT_FILE}: bad {what}"));
    let salt = B64.decode(&wrapped.salt).map_err(|_| damaged("salt"))?;
    let nonce = B64.decode(&wrapped.nonce).map_err(|_| damaged("nonce"))?;
    let sealed = B64.decode(&wrapped.key).map_err(|_| damaged("key"))?;
    if nonce.len() != 24 || salt.len() < 16 {
        return Err(damaged("nonce or salt"));
    }
    let key = derive(&salt)?;
    let Ok(plain) = XChaCha20Poly1305::new(key.as_ref().into())
        .decrypt(XNonce::from_slice(&nonce), Payload { msg: &sealed, aad })
    else {
        return Ok(None);
    };
    let plain = Zeroizing::new(plain);
    let master: [u8; KEY_LEN] = plain
        .as_slice()
        .try_into()
        .map_err(|_| damaged("key length"))?;
    Ok(Some(Zeroizing::new(master)))
}

fn argon2id(passphrase: &str, salt: &[u8], cost: KdfCost) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let params = Params::new(
        cost.memory_kib,
        cost.iterations,
        cost.parallelism,
        Some(KEY_LEN),
    )
    .map_err(|e| Error::VaultDamaged(format!("{VAULT_FILE}: Argon2 settings: {e}")))?;
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|e| Error::VaultDamaged(format!("Argon2: {e}")))?;
    Ok(out)
}

/// The recovery entropy is already a full-strength random key: HKDF only
/// binds it to this vault's salt.
fn recovery_key(entropy: &[u8], salt: &[u8]) -> Zeroizing<[u8; KEY_LEN]> {
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    hkdf::Hkdf::<sha2::Sha256>::new(Some(salt), entropy)
        .expand(b"amparo recovery v1", out.as_mut())
        .unwrap_or_else(|_| unreachable!("32 bytes is a valid HKDF length"));
    out
}

pub(super) fn random(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}
