//! What can go wrong when printing.

use amparo_core::PrintCheck;

/// A print that could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The template failed or warned (a defect of Amparo, not of the data).
    #[error("the page template failed: {0}")]
    Template(String),
    /// The statement is not ready for a final print; drafts still print.
    #[error("the statement is not ready to print for signature or filing")]
    NotReady(Vec<PrintCheck>),
    /// The case, statement or declarant could not be read.
    #[error(transparent)]
    Core(#[from] amparo_core::Error),
}

impl PrintError {
    /// The stable code the UI keys its translated message on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Template(_) => "printTemplate",
            Self::NotReady(_) => "notReady",
            Self::Core(e) => e.code(),
        }
    }
}
