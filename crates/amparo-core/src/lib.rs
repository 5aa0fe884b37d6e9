//! The case model of Amparo and the store that keeps it.
//!
//! A *case* is one person in danger of wrongful removal: who they are, where
//! they are held, when their hearings are, who represents them. Everything the
//! desktop window and the `amparo` command do to a case goes through this
//! crate, so both hosts validate the same way and write the same rows.
//!
//! ```no_run
//! use amparo_core::{CaseDraft, Store, Vault};
//! # fn main() -> amparo_core::Result<()> {
//! let dir = std::path::Path::new("/tmp/amparo-data");
//! let vault = Vault::unlock(dir, "the family's passphrase")?;
//! let mut store = Store::open(dir, vault.keys())?;
//! let mut draft = CaseDraft::default();
//! draft.person.record_name = "Rivas Moreno, Jesús Alberto".into();
//! draft.person.a_number = "A 12345678".into();
//! let case = store.create_case(&draft)?;
//! assert_eq!(case.person.a_number, "A-012-345-678");
//! # Ok(()) }
//! ```
//!
//! The store never half-saves: every change is one SQLite transaction, and a
//! draft that fails validation writes nothing and names each bad field.

mod a_number;
mod allegation;
mod attestation;
mod backup;
mod backup_check;
mod bindings;
mod blob_store;
mod calendar;
mod case;
mod countries;
mod data_dir;
mod data_folder_lock;
mod deadline;
mod declarant;
mod document;
mod error;
mod evidence_link;
mod example;
mod example_statements;
mod example_timeline;
mod exhibit;
mod fold;
#[cfg(fuzzing)]
pub mod fuzzing;
mod interview;
mod next_steps;
mod packet;
mod photo;
mod remembered_date;
mod restore_swap;
mod search;
mod signing_place;
mod statement;
mod statement_checks;
mod store;
mod tattoo;
mod timeline;
mod translation_sheet;
mod validate;
pub mod vault;
mod venue;
mod whole_file;
mod wording;

pub use a_number::ANumber;
pub use allegation::{
    Allegation, AllegationDraft, AllegationStatus, ReportedCriterion, default_reported_criteria,
};
pub use backup::{
    BackupSummary, ReplacedData, delete_replaced_data, replaced_data, restore_backup,
};
pub use bindings::export_bindings;
pub use blob_store::{BlobStore, DerivativeKind, is_sha256_hex};
pub use calendar::{MONTHS_EN, MONTHS_ES};
pub use case::{
    Attorney, Case, CaseDraft, CaseSummary, Custody, CustodyStatus, Hearing, HearingKind,
    HearingMode, Person, Transfer,
};
pub use countries::COUNTRIES;
pub use data_dir::{DATA_DIR_ENV, resolve_data_dir};
pub use data_folder_lock::{DataFolderLock, LOCK_FILE};
pub use deadline::{
    COURT_TIME_ZONES, DEFAULT_FILING_DAYS_BEFORE, Deadline, DueDate, DueDateDraft, DueKind,
    court_today, deadlines,
};
pub use declarant::{Declarant, DeclarantDraft, ReadsEnglish};
pub use document::{
    Document, DocumentAdded, DocumentDetails, DocumentGroup, DocumentKind, DocumentLimits,
    DocumentPage, DocumentSummary, NewPagePhoto, NewPdfDocument, NewPdfPage, TextSource,
};
pub use error::{Error, ErrorPayload, FieldError, FieldProblem, Result, Room};
pub use evidence_link::{EvidenceLink, LinkKind};
pub use exhibit::{Citation, ExhibitItem, ExhibitKind, ExhibitLetter};
pub use fold::fold_char;
pub use interview::{
    Answerer, InterviewAnswers, InterviewDone, InterviewPerson, InterviewTattoo, SavedInterview,
    Witness,
};
pub use next_steps::{NextStep, NextStepKind, SOON_DAYS};
pub use packet::{
    Applications, DEFAULT_SIZE_LIMIT_MB, DocumentExcerpt, Filer, FilerRole, FilingOutput,
    ItemLabel, LetterConflict, PacketDraft, PacketItem, PacketItemKind, PacketProfile,
    PacketSignature, PacketTranslator, PinnedLetter, Service, ServiceMethod, SignedPageScan,
    order_keeping_pins, packet_letters,
};
pub use photo::{
    DateBasis, GpsPoint, NewPhoto, PersonShown, Photo, PhotoAdded, PhotoDetails, PhotoExif,
    PhotoFormat, PhotoPage, SourceKind,
};
pub use remembered_date::{DatePrecision, RememberedDate};
pub use search::{
    MATCH_END, MATCH_START, SearchField, SearchHit, SearchKind, SearchResults, match_expression,
};
pub use signing_place::{ClauseForm, INSIDE_US, SigningPlace, country_name, is_country_code};
pub use statement::{
    Caption, CaptionKind, LanguageHelper, Paragraph, ReadBack, SignedVersion, SigningMode,
    SigningRecord, Statement, StatementDraft, StatementSummary,
};
pub use statement_checks::{
    PrintCheck, PrintCheckCode, check_for_print, ready_for_final, statement_check,
};
pub use store::{
    Arrival, ArrivedChange, CHAIN_START, CONTACT_NAME_MAX, CaseRows, ChangedField, Contact,
    CustodyAction, CustodyEntry, CustodyProblem, CustodyReport, CustodySigner, DATABASE_FILE, Keep,
    LOCK_AFTER_CHOICES, LOCK_AFTER_DEFAULT, Preferences, RowDiffers, RowsTaken, SCHEMA_VERSION,
    Store, StoredIdentity, SwornIn, TEXT_SIZE_CHOICES, TableRows, UseMode, check_contact_name,
    check_custody_with, check_signing, content_hash, raw_connection_for_tests,
};
pub use tattoo::{Tattoo, TattooDraft, TattooPhoto, TattooPhotoRole};
pub use timeline::{Event, EventDraft, EventKind, KnownDate, chronological};
pub use translation_sheet::{
    MAX_SHEET_BYTES, SheetReading, SheetTranslation, check_sheet_size, read_sheet, write_sheet,
};
pub use validate::check_draft;
pub use vault::{Keys, RecoveryKey, Vault};
pub use venue::{Venue, venue_for};
pub use whole_file::{partial_path, sync_folder_of, write_whole};
pub use wording::{DEFAULT_WORDING, WordingEntry, WordingSource, default_wording, fill};
