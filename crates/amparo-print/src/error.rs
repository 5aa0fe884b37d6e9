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
    /// The packet is not ready to print; the checks say why.
    #[error("the packet is not ready to print: {}", describe(.0))]
    PacketNotReady(Vec<PrintCheck>),
    /// A bundled font file is missing or not the one Amparo was built
    /// with (a damaged install): the print stops rather than set a
    /// person's words in another font.
    #[error("a font could not be loaded: {0}")]
    Font(String),
    /// An image of the packet could not be reduced for the page.
    #[error("an image could not be prepared for printing: {0}")]
    Image(String),
    /// A file could not be written.
    #[error("the file could not be written: {0}")]
    Io(#[from] std::io::Error),
    /// The case, statement or declarant could not be read.
    #[error(transparent)]
    Core(#[from] amparo_core::Error),
}

fn describe(checks: &[PrintCheck]) -> String {
    checks
        .iter()
        .filter(|c| c.blocks)
        .map(|c| c.message.clone())
        .collect::<Vec<_>>()
        .join("; ")
}

impl PrintError {
    /// The stable code the UI keys its translated message on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Template(_) => "printTemplate",
            Self::Font(_) => "fontMissing",
            Self::NotReady(_) => "notReady",
            Self::PacketNotReady(_) => "packetNotReady",
            Self::Image(_) => "corruptImage",
            Self::Io(_) => "io",
            Self::Core(e) => e.code(),
        }
    }
}

impl From<&PrintError> for amparo_core::ErrorPayload {
    /// The payload the window shows: a refused print carries its checks.
    fn from(error: &PrintError) -> Self {
        match error {
            PrintError::Core(e) => Self::from(e),
            PrintError::NotReady(checks) | PrintError::PacketNotReady(checks) => Self {
                checks: checks.clone(),
                ..Self::new(error.code(), error.to_string())
            },
            other => Self::new(other.code(), other.to_string()),
        }
    }
}
