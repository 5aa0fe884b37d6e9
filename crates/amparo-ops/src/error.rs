//! Why an operation was refused. Each reason keeps the stable code of the
//! crate it came from, so the window shows the same translated message
//! whichever host ran the operation.

use amparo_casefile::CaseFileError;
use amparo_core::ErrorPayload;
use amparo_media::MediaError;
use amparo_print::PrintError;

/// What can go wrong when an operation is called.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No operation has that name.
    #[error("there is no operation named {0:?}; `amparo call --list` lists them")]
    UnknownOperation(String),
    /// The operation takes file paths, which only the command line and the
    /// desktop shell's own dialogs may give; the webview never names a path.
    #[error("the operation {0:?} cannot be called from the window")]
    NotFromWindow(String),
    /// The input is not the shape the operation takes.
    #[error("the input does not fit the operation: {0}")]
    BadInput(String),
    /// The output could not be written as JSON (a defect of Amparo).
    #[error("the answer could not be written: {0}")]
    Output(String),
    /// An earlier operation panicked while holding the store.
    #[error("an earlier operation failed midway; restart Amparo")]
    Poisoned,
    /// The data folder could not be opened; every operation answers with
    /// that reason (a damaged file, data from a newer version).
    #[error("{}", .0.message)]
    Unavailable(ErrorPayload),
    /// The core refused or failed.
    #[error(transparent)]
    Core(#[from] amparo_core::Error),
    /// A print could not be made.
    #[error(transparent)]
    Print(#[from] PrintError),
    /// A file could not be filed.
    #[error(transparent)]
    Media(#[from] MediaError),
    /// A case file could not be written or opened.
    #[error(transparent)]
    CaseFile(#[from] CaseFileError),
}

impl Error {
    /// The stable code the UI keys its translated message on.
    pub fn code(&self) -> &str {
        match self {
            Self::UnknownOperation(_) => "unknownOperation",
            Self::NotFromWindow(_) => "notFromWindow",
            Self::BadInput(_) => "badInput",
            Self::Output(_) => "unexpected",
            Self::Poisoned => "storage",
            Self::Unavailable(payload) => &payload.code,
            Self::Core(e) => e.code(),
            Self::Print(e) => e.code(),
            Self::Media(e) => e.code(),
            Self::CaseFile(e) => e.code(),
        }
    }
}

impl From<&Error> for ErrorPayload {
    fn from(error: &Error) -> Self {
        match error {
            Error::Unavailable(payload) => payload.clone(),
            Error::Core(e) => ErrorPayload::from(e),
            Error::Print(e) => ErrorPayload::from(e),
            Error::CaseFile(CaseFileError::Core(e)) => ErrorPayload::from(e),
            other => ErrorPayload::new(other.code(), other.to_string()),
        }
    }
}

impl From<Error> for ErrorPayload {
    fn from(error: Error) -> Self {
        Self::from(&error)
    }
}
