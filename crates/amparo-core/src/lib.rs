//! The case model of Amparo and the store that keeps it.
//!
//! A *case* is one person in danger of wrongful removal: who they are, where
//! they are held, when their hearings are, who represents them. Everything the
//! desktop window and the `amparo` command do to a case goes through this
//! crate, so both hosts validate the same way and write the same rows.
//!
//! ```no_run
//! use amparo_core::{CaseDraft, Store};
//! # fn main() -> amparo_core::Result<()> {
//! let mut store = Store::open(std::path::Path::new("/tmp/amparo-data"))?;
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
mod backup;
mod bindings;
mod blob_store;
mod case;
mod data_dir;
mod error;
mod example;
mod fold;
mod photo;
mod remembered_date;
mod store;
mod tattoo;
mod validate;

pub use a_number::ANumber;
pub use backup::{BackupSummary, restore_backup};
pub use bindings::export_bindings;
pub use blob_store::{BlobStore, DerivativeKind, is_sha256_hex};
pub use case::{
    Attorney, Case, CaseDraft, CaseSummary, Custody, CustodyStatus, Hearing, HearingKind,
    HearingMode, Person, Transfer,
};
pub use data_dir::{DATA_DIR_ENV, resolve_data_dir};
pub use error::{Error, ErrorPayload, FieldError, FieldProblem, Result};
pub use photo::{
    DateBasis, GpsPoint, NewPhoto, PersonShown, Photo, PhotoAdded, PhotoDetails, PhotoExif,
    PhotoFormat, PhotoPage, SourceKind,
};
pub use remembered_date::{DatePrecision, RememberedDate};
pub use store::{DATABASE_FILE, Preferences, SCHEMA_VERSION, Store};
pub use tattoo::{Tattoo, TattooDraft, TattooPhoto, TattooPhotoRole};
pub use validate::check_draft;
