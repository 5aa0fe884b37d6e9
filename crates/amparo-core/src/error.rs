//! Errors of the core. Each has a stable `code` that the UI translates; the
//! English `Display` text is for the command line and for logs.

use serde::Serialize;
use ts_rs::TS;

/// What can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The draft has bad fields; nothing was saved.
    #[error("{} field(s) need attention: {}", .0.len(), describe(.0))]
    Invalid(Vec<FieldError>),
    /// No case (or other record) has that id.
    #[error("no such record: {0}")]
    NotFound(String),
    /// The name typed to confirm a deletion is not the case's name.
    #[error("the name typed does not match the case's name")]
    NameMismatch,
    /// A case must be in the Deleted list before it can be erased for good.
    #[error("only a case in the Deleted list can be erased for good")]
    NotDeleted,
    /// The data was written by a newer Amparo; it is left untouched.
    #[error(
        "this data was written by a newer version of Amparo (schema {found}, this version reads up to {supported}); it was not changed"
    )]
    NewerDatabase {
        /// Schema version found in the file.
        found: i64,
        /// Newest schema version this build knows.
        supported: i64,
    },
    /// The database file cannot be read as a healthy SQLite database.
    #[error("the database file is damaged and was not changed: {0}")]
    CorruptDatabase(String),
    /// A backup folder is incomplete or does not match its checksums.
    #[error("this backup cannot be used: {0}")]
    BadBackup(String),
    /// A backup's database has tables, indexes, triggers or views that
    /// Amparo does not make (or lacks some it makes); nothing was replaced.
    #[error("this backup cannot be used: the backup's database {0}; nothing was replaced")]
    BackupSchema(String),
    /// A backup folder holds a file its `SHA256SUMS` does not list.
    #[error(
        "this backup cannot be used: it holds a file that is not in its list: {0}; nothing was replaced"
    )]
    BackupUnlisted(String),
    /// A backup folder holds a symbolic link, which Amparo never writes.
    #[error(
        "this backup cannot be used: it holds a link, which Amparo never writes: {0}; nothing was replaced"
    )]
    BackupLink(String),
    /// A stored file in a backup (a photo, a signed PDF, a scan) is not
    /// what its name, the SHA-256 of its content, says.
    #[error(
        "this backup cannot be used: the stored file {0} (a photo, signed PDF or scan) does not match its name; nothing was replaced"
    )]
    BackupBlobMismatch(String),
    /// A backup would overwrite an existing folder.
    #[error("the folder already exists and is not empty: {0}")]
    DestinationNotEmpty(String),
    /// The record is still used by another and was not removed.
    #[error("{0}")]
    InUse(String),
    /// The record changed between reading and writing; nothing was saved.
    #[error("{0}")]
    Changed(String),
    /// A filed document's pages were to be reordered, turned or removed:
    /// once filed they never change.
    #[error("this document is filed; its pages no longer change")]
    DocumentFiled,
    /// A value could not be turned into the JSON text it is stored as;
    /// nothing was saved. Shares the code `storage` with SQLite failures:
    /// for the person at the window both mean "it could not be saved", and
    /// neither is theirs to fix.
    #[error("a record could not be written as JSON: {0}")]
    Serialization(String),
    /// The passphrase does not open the vault; nothing was changed.
    #[error("that is not the passphrase of this Amparo")]
    WrongPassphrase,
    /// The recovery words do not open the vault; nothing was changed.
    #[error("those are not the recovery words of this Amparo")]
    WrongRecoveryKey,
    /// Another Amparo (the window or an `amparo` command) has the data
    /// folder open.
    #[error(
        "this data folder is open in another Amparo (the window or an `amparo` command); close it, then try again"
    )]
    DataFolderInUse,
    /// The data folder has no vault yet.
    #[error("this data folder has no vault yet; create one first (`amparo vault create`)")]
    NoVault,
    /// A vault already exists where a new one was to be made.
    #[error("this data folder already has a vault; it was not changed")]
    VaultExists,
    /// The vault is locked: case data cannot be read until it is unlocked.
    #[error("Amparo is locked; unlock it with its passphrase")]
    Locked,
    /// A stored file (a photo, a signed page) does not open: it was cut
    /// short, altered, or is not the file its name says.
    #[error("a stored file is damaged: {0}")]
    DamagedFile(String),
    /// The rows a case file brings cannot be taken; nothing was changed.
    #[error("this case file cannot be opened: {0}; nothing was changed")]
    CaseFileRejected(String),
    /// The file opened as a filled translation sheet is not one (or is cut
    /// short, or too large); nothing was taken from it.
    #[error("this is not a translation sheet: {0}")]
    NotATranslationSheet(String),
    /// The translation sheet is for another statement (its id); nothing
    /// was taken from it.
    #[error("this translation sheet is for another statement ({0}); nothing was taken from it")]
    SheetForOtherStatement(String),
    /// The vault file cannot be read.
    #[error("the vault file is damaged and was not changed: {0}")]
    VaultDamaged(String),
    /// No data folder could be found for this user.
    #[error("no data folder could be found for this user; set AMPARO_DATA_DIR")]
    NoDataDir,
    /// The data folder's disk is full or read-only (found after SQLite or
    /// the system gave a vaguer reason).
    #[error("{}", .0.message())]
    NoRoom(Room),
    /// SQLite failed.
    #[error("{}", sqlite_message(.0))]
    Sqlite(#[from] rusqlite::Error),
    /// Reading or writing a file failed.
    #[error("{}", io_message(.0))]
    Io(#[from] std::io::Error),
}

/// The result type of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

fn describe(fields: &[FieldError]) -> String {
    fields
        .iter()
        .map(|f| format!("{} ({})", f.field, f.problem.english()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One field that failed validation, named by its path in the draft
/// (`person.aNumber`, `hearings.0.date`), so the UI can show the message next
/// to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// Path of the field in the draft, in the UI's camelCase.
    pub field: String,
    /// What is wrong with it.
    pub problem: FieldProblem,
}

impl FieldError {
    /// A problem with the field at `field` (a path such as `answers.2`).
    pub fn new(field: impl Into<String>, problem: FieldProblem) -> Self {
        Self {
            field: field.into(),
            problem,
        }
    }
}

/// Why a field was refused. The UI turns each into a sentence in the user's
/// language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FieldProblem {
    /// A required field is empty or only spaces.
    Required,
    /// An A-number is not 8 or 9 digits.
    ANumberFormat,
    /// A date that does not exist (31 February, month 13).
    DateInvalid,
    /// A date in the future where only the past makes sense.
    DateInFuture,
    /// A year outside 1900..=2100.
    YearOutOfRange,
    /// A time of day that is not HH:MM.
    TimeFormat,
    /// More text than the field holds.
    TooLong,
    /// Fewer characters than the field needs (a passphrase).
    TooShort,
    /// Not one of the values this field knows (a country or language code).
    Unknown,
}

impl FieldProblem {
    fn english(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::ANumberFormat => "an A-number has 8 or 9 digits",
            Self::DateInvalid => "not a real date",
            Self::DateInFuture => "in the future",
            Self::YearOutOfRange => "year out of range",
            Self::TimeFormat => "time must be HH:MM",
            Self::TooLong => "too long",
            Self::TooShort => "too short",
            Self::Unknown => "not a known value",
        }
    }
}

impl Error {
    /// The stable code the UI keys its translated message on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid(_) => "invalid",
            Self::NotFound(_) => "notFound",
            Self::NameMismatch => "nameMismatch",
            Self::NotDeleted => "notDeleted",
            Self::NewerDatabase { .. } => "newerDatabase",
            Self::CorruptDatabase(_) => "corruptDatabase",
            Self::BadBackup(_) => "badBackup",
            Self::BackupSchema(_) => "backupSchema",
            Self::BackupUnlisted(_) => "backupUnlisted",
            Self::BackupLink(_) => "backupLink",
            Self::BackupBlobMismatch(_) => "backupBlobMismatch",
            Self::DestinationNotEmpty(_) => "destinationNotEmpty",
            Self::InUse(_) => "inUse",
            Self::Changed(_) => "changed",
            Self::DocumentFiled => "documentFiled",
            Self::Serialization(_) => "storage",
            Self::CaseFileRejected(_) => "caseFileRejected",
            Self::NotATranslationSheet(_) => "notATranslationSheet",
            Self::SheetForOtherStatement(_) => "sheetForOtherStatement",
            Self::WrongPassphrase => "wrongPassphrase",
            Self::WrongRecoveryKey => "wrongRecoveryKey",
            Self::DataFolderInUse => "dataFolderInUse",
            Self::NoVault => "noVault",
            Self::VaultExists => "vaultExists",
            Self::Locked => "locked",
            Self::VaultDamaged(_) => "vaultDamaged",
            Self::DamagedFile(_) => "damagedFile",
            Self::NoDataDir => "noDataDir",
            Self::NoRoom(room) => room.code(),
            Self::Sqlite(e) => match sqlite_room(e) {
                Some(room) => room.code(),
                None => "storage",
            },
            Self::Io(e) => match Room::of(e) {
                Some(room) => room.code(),
                None => "io",
            },
        }
    }
}

/// Why a write found no room: the disk (or the user's quota) is full, or
/// the data folder cannot be written at all. Both leave what was already
/// saved as it was: the transaction or the temporary file is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    /// No space left (or the quota, or the largest file size, reached).
    Full,
    /// The folder is on a read-only disk.
    ReadOnly,
}

impl Room {
    /// What an I/O error says about the room to write, if anything.
    pub fn of(e: &std::io::Error) -> Option<Self> {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::StorageFull | K::QuotaExceeded | K::FileTooLarge => Some(Self::Full),
            K::ReadOnlyFilesystem => Some(Self::ReadOnly),
            _ => None,
        }
    }

    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            Self::Full => "diskFull",
            Self::ReadOnly => "readOnlyFolder",
        }
    }

    fn message(self) -> &'static str {
        match self {
            Self::Full => {
                "the disk is full, so Amparo cannot save anything now; what was saved \
                 before is kept; free some space, then try again"
            }
            Self::ReadOnly => {
                "the data folder is on a disk that cannot be written (read-only): \
                 nothing was changed"
            }
        }
    }
}

impl Error {
    /// This error, said plainly when the disk of the data folder `dir` is
    /// full or read-only. SQLite meets a full disk while growing its
    /// shared memory, for one, and says only "disk I/O error".
    pub fn in_folder(self, dir: &std::path::Path) -> Self {
        let vague = match &self {
            Self::Sqlite(e) => {
                sqlite_room(e).is_none()
                    && matches!(
                        e.sqlite_error_code(),
                        Some(
                            rusqlite::ErrorCode::SystemIoFailure | rusqlite::ErrorCode::CannotOpen
                        )
                    )
            }
            Self::Io(e) => Room::of(e).is_none(),
            _ => false,
        };
        match vague.then(|| Room::of_folder(dir)).flatten() {
            Some(room) => Self::NoRoom(room),
            None => self,
        }
    }
}

impl Room {
    /// Whether the disk that holds `dir` is read-only or has (almost) no
    /// space left: less than SQLite's next page run and a photo's sealed
    /// copy need.
    pub fn of_folder(dir: &std::path::Path) -> Option<Self> {
        const ALMOST_NONE: u64 = 1 << 20;
        let disk = rustix::fs::statvfs(dir).ok()?;
        if disk.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY) {
            Some(Self::ReadOnly)
        } else if disk.f_bavail.saturating_mul(disk.f_frsize) < ALMOST_NONE {
            Some(Self::Full)
        } else {
            None
        }
    }
}

fn sqlite_room(e: &rusqlite::Error) -> Option<Room> {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DiskFull) => Some(Room::Full),
        Some(C::ReadOnly) => Some(Room::ReadOnly),
        _ => None,
    }
}

fn sqlite_message(e: &rusqlite::Error) -> String {
    match sqlite_room(e) {
        Some(room) => room.message().to_owned(),
        None => format!("the database failed: {e}"),
    }
}

fn io_message(e: &std::io::Error) -> String {
    match Room::of(e) {
        Some(room) => room.message().to_owned(),
        None => format!("a file could not be read or written: {e}"),
    }
}

/// An error as the UI receives it: a code to translate, the English message
/// for details, and the fields to mark when the code is `invalid`.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorPayload {
    /// Stable code (see [`Error::code`]).
    pub code: String,
    /// English description, shown under "details".
    pub message: String,
    /// Fields that failed validation; empty for other codes.
    pub fields: Vec<FieldError>,
    /// What refused a final print (codes `notReady`, `packetNotReady`), so
    /// the window shows the list the core computed; empty otherwise.
    pub checks: Vec<crate::PrintCheck>,
}

impl ErrorPayload {
    /// A payload with only a code and a message.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            fields: Vec::new(),
            checks: Vec::new(),
        }
    }
}

impl From<&Error> for ErrorPayload {
    fn from(error: &Error) -> Self {
        Self {
            code: error.code().to_owned(),
            message: error.to_string(),
            fields: match error {
                Error::Invalid(fields) => fields.clone(),
                _ => Vec::new(),
            },
            checks: Vec::new(),
        }
    }
}
