//! Why a case file could not be written or opened. Every refusal changes
//! nothing and says which part failed, in words the window translates by
//! code.

use amparo_core::Error as CoreError;
use amparo_media::MediaError;

/// A case file's error.
#[derive(Debug, thiserror::Error)]
pub enum CaseFileError {
    /// The store refused (the rows a case file brings included).
    #[error(transparent)]
    Core(#[from] CoreError),
    /// A photo in the case file does not open as an image.
    #[error("a photo in this case file cannot be shown ({1}); nothing was changed")]
    Photo(String, MediaError),
    /// A PDF in the case file (a filed document, a signed filing set) that
    /// does not read as one Amparo would file or print.
    #[error("a document in this case file cannot be read ({1}); nothing was changed")]
    Document(String, MediaError),
    /// Not a case file, or one cut short or garbled on the way.
    #[error("this is not a whole Amparo case file ({0}); nothing was changed")]
    Damaged(String),
    /// None of this Amparo's keys (or not that passphrase) opens it.
    #[error(
        "this case file was not made for this Amparo, or the passphrase is not its passphrase; nothing was changed"
    )]
    WrongKey,
    /// Sent to a passphrase, and none was given.
    #[error("this case file opens with the passphrase its sender chose; type it to open the file")]
    PassphraseNeeded,
    /// The manifest's signature does not verify: it was changed after it
    /// was signed, or signed by someone else than it says.
    #[error(
        "this case file's signature does not match what it holds: it was changed after it was sent; nothing was changed"
    )]
    BadSignature,
    /// An item is not what the signed manifest says.
    #[error(
        "{0} in this case file is not what its list says: it was changed after it was sent; nothing was changed"
    )]
    ItemMismatch(String),
    /// The manifest names a place outside the case file.
    #[error("this case file names a place Amparo never writes ({0}); nothing was changed")]
    UnsafePath(String),
    /// Larger than a case file may be.
    #[error("this case file is larger than Amparo opens ({0}); nothing was changed")]
    TooLarge(String),
    /// Written by a newer Amparo.
    #[error(
        "this case file was made by a newer Amparo (case format {found}, this one reads up to {supported}); update Amparo to open it; nothing was changed"
    )]
    Newer {
        /// Its schema version.
        found: i64,
        /// The newest this build reads.
        supported: i64,
    },
    /// Older than, or the same as, one already opened from its sender.
    #[error(
        "this case file is number {found} from its sender for this case, and number {last} was already opened: an older copy is not opened again; nothing was changed"
    )]
    Replay {
        /// Its sequence number.
        found: u64,
        /// The newest opened before.
        last: u64,
    },
    /// Reading or writing a file failed.
    #[error("a file could not be read or written: {0}")]
    Io(#[from] std::io::Error),
}

impl CaseFileError {
    /// The stable code the window keys its message on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Core(e) => e.code(),
            Self::Photo(..) => "caseFilePhoto",
            Self::Document(..) => "caseFileDocument",
            Self::Damaged(_) => "caseFileDamaged",
            Self::WrongKey => "caseFileWrongKey",
            Self::PassphraseNeeded => "caseFilePassphrase",
            Self::BadSignature => "caseFileBadSignature",
            Self::ItemMismatch(_) => "caseFileItemMismatch",
            Self::UnsafePath(_) => "caseFileUnsafePath",
            Self::TooLarge(_) => "caseFileTooLarge",
            Self::Newer { .. } => "caseFileNewer",
            Self::Replay { .. } => "caseFileReplay",
            Self::Io(_) => "io",
        }
    }
}

/// The result type of case files.
pub type Result<T, E = CaseFileError> = std::result::Result<T, E>;
