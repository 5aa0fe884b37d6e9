//! The TypeScript types the UI uses, generated from the Rust ones by ts-rs.
//! They are committed under `ui/src/bindings/`; a test regenerates them into
//! a temporary folder and fails when the committed ones are stale.

use std::path::Path;

use ts_rs::{Config, ExportError, TS};

use crate::{BackupSummary, Case, CaseDraft, CaseSummary, ErrorPayload, Preferences};

/// Writes every type that crosses to the UI, and those they use, into `dir`.
pub fn export_bindings(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir);
    Case::export_all(&cfg)?;
    CaseDraft::export_all(&cfg)?;
    CaseSummary::export_all(&cfg)?;
    ErrorPayload::export_all(&cfg)?;
    Preferences::export_all(&cfg)?;
    BackupSummary::export_all(&cfg)?;
    Ok(())
}
