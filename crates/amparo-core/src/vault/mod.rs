//! The vault: one random master key encrypts everything Amparo writes (the
//! database through SQLCipher, every blob in sealed chunks under keyed
//! names). The key is kept only wrapped, by the passphrase (Argon2id) and by
//! a recovery key shown once as twelve words; unlocking unwraps it, locking
//! drops it (its bytes are zeroed).

mod keyfile;
mod keys;
mod move_in;
mod recovery;
pub mod seal;

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::error::{Error, FieldError, FieldProblem, Result};
use crate::store::private_dir;

pub use keyfile::{KdfCost, VAULT_FILE};
pub use keys::{KEY_LEN, Keys};
pub(crate) use move_in::move_data_in;
pub use move_in::{MovedIn, has_plain_data, move_plain_data_in};
pub use recovery::RecoveryKey;

/// The fewest characters a passphrase may have.
pub const PASSPHRASE_MIN_CHARS: usize = 8;

/// An unlocked vault: the keys of one data folder.
pub struct Vault {
    dir: PathBuf,
    master: Zeroizing<[u8; KEY_LEN]>,
    keys: Keys,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl Vault {
    /// Whether the data folder `dir` has a vault.
    pub fn exists(dir: &Path) -> bool {
        dir.join(VAULT_FILE).is_file()
    }

    /// Makes a new vault in `dir` with a fresh master key, wrapped by
    /// `passphrase` and by a new recovery key, which is returned to be shown
    /// once. Refuses if `dir` already has a vault.
    pub fn create(dir: &Path, passphrase: &str) -> Result<(Self, RecoveryKey)> {
        Self::create_with_cost(dir, passphrase, KdfCost::DEFAULT)
    }

    /// [`Vault::create`] at a chosen Argon2id cost (tests use a weak one).
    #[doc(hidden)]
    pub fn create_with_cost(
        dir: &Path,
        passphrase: &str,
        cost: KdfCost,
    ) -> Result<(Self, RecoveryKey)> {
        let passphrase = checked(passphrase)?;
        private_dir(dir)?;
        if Self::exists(dir) {
            return Err(Error::VaultExists);
        }
        let mut master = Zeroizing::new([0u8; KEY_LEN]);
        keyfile::random(master.as_mut())?;
        let recovery = RecoveryKey::generate()?;
        keyfile::VaultFile::new(&master, &passphrase, recovery.entropy(), cost)?.write(dir)?;
        Ok((Self::with_master(dir, master), recovery))
    }

    /// Opens the vault in `dir` with its passphrase.
    pub fn unlock(dir: &Path, passphrase: &str) -> Result<Self> {
        let file = read(dir)?;
        let passphrase = normalized(passphrase);
        let master = file
            .unwrap_with_passphrase(&passphrase)?
            .ok_or(Error::WrongPassphrase)?;
        Ok(Self::with_master(dir, master))
    }

    /// Opens the vault in `dir` with its recovery words, when the passphrase
    /// is forgotten. A new passphrase should then be set.
    pub fn unlock_with_recovery(dir: &Path, words: &str) -> Result<Self> {
        let file = read(dir)?;
        let recovery = RecoveryKey::parse(words).ok_or(Error::WrongRecoveryKey)?;
        let master = file
            .unwrap_with_recovery(recovery.entropy())?
            .ok_or(Error::WrongRecoveryKey)?;
        Ok(Self::with_master(dir, master))
    }

    /// Whether `words` are this vault's recovery words: the check that they
    /// were copied right, made before the words leave the screen.
    pub fn recovery_matches(&self, words: &str) -> Result<bool> {
        let Some(recovery) = RecoveryKey::parse(words) else {
            return Ok(false);
        };
        Ok(read(&self.dir)?
            .unwrap_with_recovery(recovery.entropy())?
            .is_some_and(|m| *m == *self.master))
    }

    /// Wraps the master key under a new passphrase; nothing else is
    /// re-encrypted, and the recovery words stay valid.
    pub fn change_passphrase(&self, new_passphrase: &str) -> Result<()> {
        let passphrase = checked(new_passphrase)?;
        read(&self.dir)?
            .with_passphrase(&self.master, &passphrase, KdfCost::DEFAULT)?
            .write(&self.dir)
    }

    /// The keys the store and the blob store are opened with.
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn with_master(dir: &Path, master: Zeroizing<[u8; KEY_LEN]>) -> Self {
        Self {
            dir: dir.to_path_buf(),
            keys: Keys::from_master(&master),
            master,
        }
    }
}

fn read(dir: &Path) -> Result<keyfile::VaultFile> {
    if !Vault::exists(dir) {
        return Err(Error::NoVault);
    }
    keyfile::VaultFile::read(dir)
}

/// The same passphrase typed on another keyboard (a composed or decomposed
/// "ñ") is the same passphrase.
fn normalized(passphrase: &str) -> Zeroizing<String> {
    Zeroizing::new(passphrase.nfc().collect())
}

fn checked(passphrase: &str) -> Result<Zeroizing<String>> {
    let passphrase = normalized(passphrase);
    let problem = if passphrase.trim().is_empty() {
        Some(FieldProblem::Required)
    } else if passphrase.chars().count() < PASSPHRASE_MIN_CHARS {
        Some(FieldProblem::TooShort)
    } else {
        None
    };
    match problem {
        Some(problem) => Err(Error::Invalid(vec![FieldError::new("passphrase", problem)])),
        None => Ok(passphrase),
    }
}

#[cfg(test)]
mod tests;
