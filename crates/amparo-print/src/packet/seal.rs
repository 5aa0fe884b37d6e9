//! The export for counsel as one encrypted file: the same .zip, streamed
//! through age's passphrase (scrypt) encryption into `<name>.zip.age`, so
//! that no readable byte of the case reaches the disk, the USB stick or the
//! email. Counsel opens it with the standard `age` command and the
//! passphrase the user tells them by phone.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use amparo_core::vault::PASSPHRASE_MIN_CHARS;
use amparo_core::{Error, FieldError, FieldProblem};
use zip::ZipWriter;
use zip::write::StreamWriter;

use crate::error::PrintError;

/// scrypt's work factor, N = 2^18: what the `age` command itself uses for
/// a passphrase, about a second to open on a laptop (256 MiB of memory per
/// try for whoever guesses). Fixed, rather than timed on the machine that
/// writes it, so a fast desktop never makes a file a slow laptop refuses.
pub const SCRYPT_LOG_N: u8 = 18;

/// Words in a passphrase Amparo makes: 6 of BIP-39's 2048 English words,
/// 66 bits, easy to say on the phone and to type.
pub const PASSPHRASE_WORDS: usize = 6;

/// A passphrase to tell counsel: six random English words joined by `-`.
pub fn make_passphrase() -> Result<String, PrintError> {
    let list = bip39::Language::English.word_list();
    let mut random = [0u8; 2 * PASSPHRASE_WORDS];
    getrandom::fill(&mut random).map_err(|e| std::io::Error::other(e.to_string()))?;
    // 2048 words: 11 bits of each pair, so every word is equally likely.
    let words: Vec<&str> = random
        .chunks_exact(2)
        .map(|pair| list[usize::from(u16::from_le_bytes([pair[0], pair[1]]) & 0x7ff)])
        .collect();
    random.fill(0);
    Ok(words.join("-"))
}

/// The user's own passphrase, if it is long enough to protect the case.
pub fn checked(passphrase: &str) -> Result<(), PrintError> {
    let problem = if passphrase.trim().is_empty() {
        FieldProblem::Required
    } else if passphrase.chars().count() < PASSPHRASE_MIN_CHARS {
        FieldProblem::TooShort
    } else {
        return Ok(());
    };
    Err(Error::Invalid(vec![FieldError::new("passphrase", problem)]).into())
}

type Sink = StreamWriter<age::stream::StreamWriter<BufWriter<File>>>;

/// A .zip written straight into an age file under a temporary name, and
/// renamed to its own only once complete.
pub struct SealedZip {
    zip: ZipWriter<Sink>,
    partial: PathBuf,
    path: PathBuf,
}

impl SealedZip {
    /// Starts `path` (written as `.<name>.partial` beside it until done).
    pub fn create(path: &Path, passphrase: &str) -> Result<Self, PrintError> {
        let partial = amparo_core::partial_path(path);
        let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
        recipient.set_work_factor(SCRYPT_LOG_N);
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .map_err(|e| std::io::Error::other(e.to_string()))?;
        let file = BufWriter::new(File::create(&partial)?);
        let sealed = encryptor.wrap_output(file)?;
        Ok(Self {
            zip: ZipWriter::new_stream(sealed),
            partial,
            path: path.to_owned(),
        })
    }

    /// Adds one file to the zip, as `name` inside it.
    pub fn put(&mut self, name: &str, bytes: &[u8]) -> Result<(), PrintError> {
        let result = self
            .zip
            .start_file(name, super::counsel::zip_options(name, bytes.len()))
            .map_err(zip_error)
            .and_then(|()| Ok(self.zip.write_all(bytes)?));
        if result.is_err() {
            let _ = fs::remove_file(&self.partial);
        }
        result
    }

    /// Ends the zip and the encryption, syncs the file and gives it its
    /// name; on failure nothing is left under either name.
    pub fn finish(self) -> Result<PathBuf, PrintError> {
        let Self { zip, partial, path } = self;
        let done = (|| -> Result<(), PrintError> {
            let sealed = zip.finish().map_err(zip_error)?.into_inner();
            let file = sealed.finish()?.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
            fs::rename(&partial, &path)?;
            Ok(())
        })();
        match done {
            Ok(()) => Ok(path),
            Err(e) => {
                let _ = fs::remove_file(&partial);
                Err(e)
            }
        }
    }

    /// Gives up: the partial file is removed.
    pub fn abandon(self) {
        let _ = fs::remove_file(&self.partial);
    }
}

fn zip_error(e: zip::result::ZipError) -> PrintError {
    PrintError::Io(std::io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_passphrases_are_six_listed_words_and_differ() {
        let list = bip39::Language::English.word_list();
        let a = make_passphrase().expect("passphrase");
        let b = make_passphrase().expect("passphrase");
        assert_ne!(a, b);
        let words: Vec<&str> = a.split('-').collect();
        assert_eq!(words.len(), PASSPHRASE_WORDS);
        assert!(words.iter().all(|w| list.contains(w)), "{a}");
        assert!(checked(&a).is_ok());
    }

    #[test]
    fn a_short_or_empty_passphrase_is_refused_on_its_field() {
        for (typed, problem) in [
            ("", FieldProblem::Required),
            ("   ", FieldProblem::Required),
            ("mamá123", FieldProblem::TooShort),
        ] {
            match checked(typed) {
                Err(PrintError::Core(Error::Invalid(fields))) => {
                    assert_eq!(fields, vec![FieldError::new("passphrase", problem)]);
                }
                other => panic!("{typed:?}: {other:?}"),
            }
        }
        assert!(checked("mamá1234").is_ok());
    }
}
