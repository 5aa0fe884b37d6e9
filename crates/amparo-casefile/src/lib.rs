//! Case files: a case handed from one Amparo to another (the mother's to
//! the advocate's, the advocate's to counsel's) so that the receiver knows
//! who sent it and that nothing in it changed on the way.
//!
//! A case file (`NAME.amparo`) is an age-encrypted tar archive holding a
//! manifest (every item with its SHA-256 and size, the sender's public keys,
//! a sequence number and a time), the manifest's minisign signature, the
//! case's records and its stored files byte for byte. `docs/case-file.md`
//! describes it well enough to check one with `age`, `minisign`, `tar` and
//! `sha256sum` alone.

mod archive;
mod contact;
mod custody;
mod error;
mod identity;
mod manifest;
mod open;
mod send;
mod signature;
mod thumbnails;

pub use amparo_core::CustodyReport;
pub use contact::{ContactCard, add_contact, chosen, contacts};
pub use custody::{check_custody, custody_report, sign_custody};
pub use error::{CaseFileError, Result};
pub use identity::{
    AmparoCode, DEFAULT_DEVICE_NAME, DeviceKeys, FINGERPRINT_WORDS, Fingerprint, MyCode,
    fingerprint_of,
};
pub use manifest::{
    FORMAT, FORMAT_VERSION, Item, MAX_ITEM_BYTES, MAX_ITEMS, MAX_TOTAL_BYTES, Manifest, Sender,
};
pub use open::{Mode, Opened, SenderSeen, open_case_file};
pub use send::{SCRYPT_LOG_N, SendTo, Sent, archive_for_tests, send_case};

/// Writes the TypeScript the window needs from this crate into `dir`.
pub fn export_bindings(dir: &std::path::Path) -> Result<(), ts_rs::ExportError> {
    use ts_rs::TS;
    let cfg = ts_rs::Config::new().with_out_dir(dir);
    MyCode::export_all(&cfg)?;
    ContactCard::export_all(&cfg)?;
    Sent::export_all(&cfg)?;
    Opened::export_all(&cfg)?;
    Mode::export_all(&cfg)?;
    CustodyReport::export_all(&cfg)?;
    Ok(())
}
