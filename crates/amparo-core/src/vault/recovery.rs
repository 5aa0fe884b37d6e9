//! The recovery key: 128 random bits written as twelve BIP-39 words (a
//! standard list of 2,048 distinct English words with a checksum, made to
//! be copied on paper and typed back), shown once when the vault is made.

use bip39::{Language, Mnemonic};
use zeroize::Zeroizing;

use crate::error::Result;

/// A recovery key. Zeroed when dropped.
pub struct RecoveryKey {
    entropy: Zeroizing<Vec<u8>>,
}

impl RecoveryKey {
    pub(super) fn generate() -> Result<Self> {
        let mut entropy = Zeroizing::new(vec![0u8; 16]);
        super::keyfile::random(entropy.as_mut())?;
        Ok(Self { entropy })
    }

    /// The words as typed back: case, spaces, line breaks and the words'
    /// order numbers ("1. abandon") are forgiven; a word not on the list or a
    /// wrong checksum gives `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == ',' || c == '.' || c == '-')
            .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_lowercase)
            .collect();
        let phrase = Zeroizing::new(words.join(" "));
        let mnemonic = Mnemonic::parse_in_normalized(Language::English, &phrase).ok()?;
        let entropy = Zeroizing::new(mnemonic.to_entropy());
        (entropy.len() == 16).then_some(Self { entropy })
    }

    /// The twelve words, in order.
    pub fn words(&self) -> Vec<String> {
        Mnemonic::from_entropy_in(Language::English, &self.entropy)
            .map(|m| m.words().map(str::to_owned).collect())
            .unwrap_or_default()
    }

    pub(super) fn entropy(&self) -> &[u8] {
        &self.entropy
    }
}

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(..)")
    }
}
