//! Every operation of Amparo, defined once.
//!
//! An operation has a name, an input, an output and the error codes it can
//! answer with ([`catalog`]). The desktop window reaches those marked
//! `window` through one Tauri command; the `amparo` command line reaches
//! every one with `amparo call NAME JSON` and `amparo serve` (JSON lines,
//! which the UI's tests use to run against the real core); the UI's typed
//! backend is generated from the same list ([`typescript`]). Policy that
//! both hosts need (which signed version prints, file names, page caps,
//! the tidy-up at start) lives here too, so the hosts only adapt.

mod case_files;
mod catalog;
mod error;
pub mod files;
mod intake;
mod operation;
mod preview;
pub mod printing;
mod shown_pdf;
mod slot;
mod startup;
mod translation;
pub mod typescript;

pub use catalog::{OPERATIONS, PHOTO_PAGE_MAX, SEARCH_LIMIT, VAULT_OPERATIONS, all, find};
pub use error::Error;
pub use operation::{Context, Operation, Param, Reach, Run, camel_case};
pub use preview::Previews;
pub use shown_pdf::ShownPdf;
pub use slot::{Slot, VaultCreated, VaultState, VaultStatus};
pub use startup::Startup;

/// Writes the TypeScript the UI needs from this crate into `dir`: the
/// types it defines and `operations.ts`.
pub fn export_bindings(dir: &std::path::Path) -> Result<(), ts_rs::ExportError> {
    use ts_rs::TS;
    let cfg = ts_rs::Config::new().with_out_dir(dir);
    Startup::export_all(&cfg)?;
    VaultStatus::export_all(&cfg)?;
    VaultCreated::export_all(&cfg)?;
    amparo_casefile::export_bindings(dir)?;
    std::fs::write(dir.join(typescript::FILE_NAME), typescript::module())?;
    Ok(())
}
