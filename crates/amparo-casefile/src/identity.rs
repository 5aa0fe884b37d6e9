//! This Amparo's identity: a signing key pair (Ed25519, in minisign's
//! format, so that counsel can check a signature with the `minisign`
//! command) and an encryption key pair (X25519, age's own), made the first
//! time the vault is open and kept in it. Its public half is "your Amparo
//! code", one line to send; its fingerprint is six words to read aloud.

use std::fmt;
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use amparo_core::{Error as CoreError, FieldError, FieldProblem, Store, StoredIdentity};
use minisign::{KeyPair, PublicKey, SecretKey, SecretKeyBox};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::error::{CaseFileError, Result};

/// What a new identity calls itself until renamed.
pub const DEFAULT_DEVICE_NAME: &str = "Amparo";

/// How an Amparo code starts: the format's name and version.
const CODE_PREFIX: &str = "amparo1:";

/// Words in a fingerprint: 66 bits, enough that nobody can make a code that
/// reads the same, short enough to read aloud.
pub const FINGERPRINT_WORDS: usize = 6;

/// This device's keys, unlocked.
pub struct DeviceKeys {
    name: String,
    signing: SecretKey,
    signing_public: PublicKey,
    encryption: age::x25519::Identity,
}

impl DeviceKeys {
    /// This device's keys, made and kept in `store` the first time.
    pub fn of(store: &mut Store) -> Result<Self> {
        if let Some(stored) = store.device_identity()? {
            return Self::from_stored(&stored);
        }
        let KeyPair { sk, .. } = KeyPair::generate_unencrypted_keypair().map_err(key_error)?;
        let signing_secret = Zeroizing::new(
            sk.to_box(Some("Amparo signing key"))
                .map_err(key_error)?
                .into_string(),
        );
        let encryption = age::x25519::Identity::generate();
        let stored = StoredIdentity {
            name: DEFAULT_DEVICE_NAME.to_owned(),
            signing_secret,
            encryption_secret: Zeroizing::new(encryption.to_string().expose_secret().to_owned()),
        };
        store.keep_device_identity(&stored)?;
        // Read back: another window may have kept its keys first.
        let kept = store
            .device_identity()?
            .ok_or_else(|| CoreError::NotFound("this device's keys".into()))?;
        Self::from_stored(&kept)
    }

    fn from_stored(stored: &StoredIdentity) -> Result<Self> {
        let signing = SecretKeyBox::from_string(&stored.signing_secret)
            .and_then(SecretKey::from_unencrypted_box)
            .map_err(key_error)?;
        let signing_public = PublicKey::from_secret_key(&signing).map_err(key_error)?;
        let encryption = age::x25519::Identity::from_str(&stored.encryption_secret)
            .map_err(|e| CoreError::VaultDamaged(format!("this device's key: {e}")))?;
        Ok(Self {
            name: stored.name.clone(),
            signing,
            signing_public,
            encryption,
        })
    }

    /// The name this device gives itself.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// This device's public keys, to send.
    pub fn code(&self) -> AmparoCode {
        AmparoCode {
            signing_key: self.signing_public.to_base64(),
            encryption_key: self.encryption.to_public().to_string(),
        }
    }

    pub(crate) fn signing(&self) -> (&SecretKey, &PublicKey) {
        (&self.signing, &self.signing_public)
    }

    pub(crate) fn encryption(&self) -> &age::x25519::Identity {
        &self.encryption
    }
}

fn key_error(e: minisign::PError) -> CaseFileError {
    CoreError::VaultDamaged(format!("this device's signing key: {e}")).into()
}

/// Someone's Amparo code: the public keys their case files are signed with
/// and case files for them are encrypted to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmparoCode {
    /// The Ed25519 public key in minisign's base64 form.
    pub signing_key: String,
    /// The X25519 public key as an age recipient (`age1…`).
    pub encryption_key: String,
}

impl AmparoCode {
    /// The code typed or pasted: spaces and line breaks (an email may wrap
    /// it) are forgiven; anything else wrong is refused on the field `code`.
    pub fn parse(text: &str) -> Result<Self> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let refused = || {
            let problem = if compact.is_empty() {
                FieldProblem::Required
            } else {
                FieldProblem::Unknown
            };
            CaseFileError::Core(CoreError::Invalid(vec![FieldError::new("code", problem)]))
        };
        let rest = compact
            .strip_prefix(CODE_PREFIX)
            .or_else(|| compact.strip_prefix(&CODE_PREFIX.to_uppercase()))
            .ok_or_else(refused)?;
        let (signing_key, encryption_key) = rest.split_once(':').ok_or_else(refused)?;
        PublicKey::from_base64(signing_key).map_err(|_| refused())?;
        let encryption_key = encryption_key.to_lowercase();
        age::x25519::Recipient::from_str(&encryption_key).map_err(|_| refused())?;
        Ok(Self {
            signing_key: signing_key.to_owned(),
            encryption_key,
        })
    }

    /// The six words both sides read aloud to know the code arrived whole
    /// and is the right person's.
    pub fn fingerprint(&self) -> Fingerprint {
        fingerprint_of(&self.signing_key, &self.encryption_key)
    }
}

impl fmt::Display for AmparoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{CODE_PREFIX}{}:{}",
            self.signing_key, self.encryption_key
        )
    }
}

/// A code's fingerprint as words, in English and in Spanish (the same words
/// by number in BIP-39's two lists), so that two people whose windows speak
/// different languages can still compare them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Fingerprint {
    /// The words in English.
    pub en: Vec<String>,
    /// The same words in Spanish.
    pub es: Vec<String>,
}

/// The fingerprint of the keys `signing_key` and `encryption_key`.
pub fn fingerprint_of(signing_key: &str, encryption_key: &str) -> Fingerprint {
    let digest = Sha256::new()
        .chain_update(b"amparo fingerprint 1\n")
        .chain_update(signing_key.as_bytes())
        .chain_update(b"\n")
        .chain_update(encryption_key.as_bytes())
        .finalize();
    let bits = u128::from_be_bytes(digest[..16].try_into().unwrap_or([0; 16]));
    let indexes: Vec<usize> = (0..FINGERPRINT_WORDS)
        .map(|i| ((bits >> (128 - 11 * (i + 1))) & 0x7ff) as usize)
        .collect();
    let words = |language: bip39::Language| {
        let list = language.word_list();
        indexes.iter().map(|&i| list[i].to_owned()).collect()
    };
    Fingerprint {
        en: words(bip39::Language::English),
        es: words(bip39::Language::Spanish),
    }
}

/// This device's code as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MyCode {
    /// The name this device gives itself in what it sends.
    pub name: String,
    /// The code to send, one line.
    pub code: String,
    /// Its fingerprint.
    pub fingerprint: Fingerprint,
}

impl From<&DeviceKeys> for MyCode {
    fn from(keys: &DeviceKeys) -> Self {
        let code = keys.code();
        Self {
            name: keys.name().to_owned(),
            fingerprint: code.fingerprint(),
            code: code.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_keeps_one_identity_and_its_code_reads_back() {
        let mut store = Store::open_in_memory().expect("store");
        let first = DeviceKeys::of(&mut store).expect("keys");
        let again = DeviceKeys::of(&mut store).expect("keys");
        assert_eq!(first.code(), again.code());
        let text = first.code().to_string();
        assert!(text.starts_with("amparo1:"), "{text}");
        // An email client that wraps the line, and spaces around it.
        let wrapped = format!("  {}\n{}  ", &text[..40], &text[40..]);
        assert_eq!(AmparoCode::parse(&wrapped).expect("parse"), first.code());
        let words = first.code().fingerprint();
        assert_eq!(words.en.len(), FINGERPRINT_WORDS);
        assert_eq!(words.es.len(), FINGERPRINT_WORDS);
    }

    #[test]
    fn two_devices_have_different_codes_and_fingerprints() {
        let mut a = Store::open_in_memory().expect("store");
        let mut b = Store::open_in_memory().expect("store");
        let a = DeviceKeys::of(&mut a).expect("keys").code();
        let b = DeviceKeys::of(&mut b).expect("keys").code();
        assert_ne!(a, b);
        assert_ne!(a.fingerprint(), b.fingerprint());
    }

    #[test]
    fn a_code_with_one_character_changed_or_missing_is_refused_on_its_field() {
        let mut store = Store::open_in_memory().expect("store");
        let code = DeviceKeys::of(&mut store).expect("keys").code().to_string();
        let changed = code.replacen("age1", "age2", 1);
        let cut = code[..code.len() - 3].to_owned();
        for typed in [
            "",
            "hola",
            changed.as_str(),
            cut.as_str(),
            "amparo1:abc:def",
        ] {
            match AmparoCode::parse(typed) {
                Err(CaseFileError::Core(CoreError::Invalid(fields))) => {
                    assert_eq!(fields[0].field, "code", "{typed:?}");
                }
                other => panic!("{typed:?} gave {other:?}"),
            }
        }
    }
}
