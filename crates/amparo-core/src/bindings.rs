//! The TypeScript types the UI uses, generated from the Rust ones by ts-rs.
//! They are committed under `ui/src/bindings/`; a test in the desktop shell
//! regenerates them into a temporary folder and fails when they are stale.

use std::path::Path;

use ts_rs::{Config, ExportError, TS};

use crate::{
    Allegation, AllegationDraft, BackupSummary, Case, CaseDraft, CaseSummary, Citation, Deadline,
    Declarant, DeclarantDraft, DerivativeKind, DueDate, DueDateDraft, ErrorPayload, Event,
    EventDraft, ExhibitItem, ExhibitLetter, KnownDate, LetterConflict, NextStep, PacketDraft,
    Photo, PhotoAdded, PhotoDetails, PhotoPage, PinnedLetter, Preferences, PrintCheck,
    ReportedCriterion, SearchResults, SignedVersion, SigningRecord, Statement, StatementDraft,
    StatementSummary, Tattoo, TattooDraft, WordingEntry,
};

/// Writes every type that crosses to the UI, and those they use, into `dir`.
pub fn export_bindings(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir);
    Case::export_all(&cfg)?;
    CaseDraft::export_all(&cfg)?;
    CaseSummary::export_all(&cfg)?;
    ErrorPayload::export_all(&cfg)?;
    Preferences::export_all(&cfg)?;
    crate::SwornIn::export_all(&cfg)?;
    crate::ArrivedChange::export_all(&cfg)?;
    crate::Keep::export_all(&cfg)?;
    BackupSummary::export_all(&cfg)?;
    crate::ReplacedData::export_all(&cfg)?;
    Photo::export_all(&cfg)?;
    crate::Document::export_all(&cfg)?;
    crate::DocumentSummary::export_all(&cfg)?;
    crate::DocumentAdded::export_all(&cfg)?;
    crate::DocumentLimits::export_all(&cfg)?;
    PhotoPage::export_all(&cfg)?;
    PhotoDetails::export_all(&cfg)?;
    PhotoAdded::export_all(&cfg)?;
    DerivativeKind::export_all(&cfg)?;
    Tattoo::export_all(&cfg)?;
    TattooDraft::export_all(&cfg)?;
    Declarant::export_all(&cfg)?;
    DeclarantDraft::export_all(&cfg)?;
    Statement::export_all(&cfg)?;
    StatementDraft::export_all(&cfg)?;
    StatementSummary::export_all(&cfg)?;
    SignedVersion::export_all(&cfg)?;
    SigningRecord::export_all(&cfg)?;
    PrintCheck::export_all(&cfg)?;
    ExhibitItem::export_all(&cfg)?;
    Citation::export_all(&cfg)?;
    ExhibitLetter::export_all(&cfg)?;
    WordingEntry::export_all(&cfg)?;
    PacketDraft::export_all(&cfg)?;
    PinnedLetter::export_all(&cfg)?;
    LetterConflict::export_all(&cfg)?;
    Event::export_all(&cfg)?;
    EventDraft::export_all(&cfg)?;
    KnownDate::export_all(&cfg)?;
    Allegation::export_all(&cfg)?;
    AllegationDraft::export_all(&cfg)?;
    ReportedCriterion::export_all(&cfg)?;
    Deadline::export_all(&cfg)?;
    NextStep::export_all(&cfg)?;
    crate::InterviewAnswers::export_all(&cfg)?;
    crate::SheetReading::export_all(&cfg)?;
    crate::InterviewDone::export_all(&cfg)?;
    crate::SavedInterview::export_all(&cfg)?;
    DueDate::export_all(&cfg)?;
    DueDateDraft::export_all(&cfg)?;
    SearchResults::export_all(&cfg)?;
    Ok(())
}
