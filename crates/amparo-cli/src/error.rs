//! Why a command failed: the core's reasons, a print's, or an operation's,
//! each with the stable code `--json` reports.

use amparo_print::PrintError;

/// An error of these commands: the core's, or a print's.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// From an operation called by name.
    #[error(transparent)]
    Operation(#[from] amparo_ops::Error),
    /// From the core.
    #[error(transparent)]
    Core(#[from] amparo_core::Error),
    /// From printing.
    #[error("{}", describe_print(.0))]
    Print(#[from] PrintError),
    /// From a case file.
    #[error(transparent)]
    CaseFile(#[from] amparo_casefile::CaseFileError),
}

impl CliError {
    /// This error, said plainly when the data folder's disk is full or
    /// read-only (see [`amparo_core::Error::in_folder`]).
    pub fn in_folder(self, dir: &std::path::Path) -> Self {
        match self {
            Self::Core(e) => Self::Core(e.in_folder(dir)),
            other => other,
        }
    }
}

fn describe_print(e: &PrintError) -> String {
    let (what, checks) = match e {
        PrintError::PacketNotReady(checks) => ("the packet is not ready to file", checks),
        PrintError::NotReady(checks) => ("not ready for a final print", checks),
        other => return other.to_string(),
    };
    let lines: Vec<String> = checks
        .iter()
        .filter(|c| c.blocks)
        .map(|c| format!("  - {}", c.message))
        .collect();
    format!("{what}:\n{}", lines.join("\n"))
}

impl From<&CliError> for amparo_core::ErrorPayload {
    /// What `--json` prints: the same payload the window receives.
    fn from(error: &CliError) -> Self {
        match error {
            CliError::Core(e) => Self::from(e),
            CliError::Operation(e) => Self::from(e),
            CliError::Print(e) => Self::from(e),
            CliError::CaseFile(amparo_casefile::CaseFileError::Core(e)) => Self::from(e),
            CliError::CaseFile(e) => Self::new(e.code(), e.to_string()),
        }
    }
}
