//! The custody log's signatures: this device signs its entries (the core
//! appends them), and anyone holding the case checks every device's chain:
//! each entry's hash, its link to the one before, and its signature by the
//! device it names. A missing, changed or re-signed entry is reported by
//! name; the log itself never refuses a case.

use std::io::Cursor;

use amparo_core::{CustodyEntry, CustodyReport, CustodySigner, Store, check_custody_with};

use crate::identity::DeviceKeys;

impl CustodySigner for DeviceKeys {
    fn device_key(&self) -> String {
        self.code().signing_key
    }

    fn device_name(&self) -> String {
        self.name().to_owned()
    }

    fn sign(&self, message: &[u8], comment: &str) -> String {
        let (secret, public) = self.signing();
        minisign::sign(
            Some(public),
            secret,
            Cursor::new(message),
            Some(comment),
            Some("signed by an Amparo"),
        )
        .map(minisign::SignatureBox::into_string)
        .unwrap_or_default()
    }

    fn verifies(&self, entry: &CustodyEntry) -> bool {
        signed_by(entry)
    }
}

/// From now on, the store's custody entries are signed by this device
/// (whose keys are made the first time).
pub fn sign_custody(store: &mut Store) -> amparo_core::Result<()> {
    let keys = DeviceKeys::of(store).map_err(|e| match e {
        crate::CaseFileError::Core(e) => e,
        other => amparo_core::Error::VaultDamaged(other.to_string()),
    })?;
    store.set_custody_signer(Box::new(keys));
    Ok(())
}

/// Checks `entries` (one case's log, any order) with every device's
/// signature.
pub fn check_custody(entries: Vec<CustodyEntry>) -> CustodyReport {
    check_custody_with(entries, &signed_by)
}

fn signed_by(entry: &CustodyEntry) -> bool {
    crate::signature::verifies(&entry.device_key, &entry.signature, entry.hash.as_bytes())
}

/// The custody log of the case `case_id` here, checked.
pub fn custody_report(store: &Store, case_id: &str) -> crate::Result<CustodyReport> {
    store.case(case_id)?;
    Ok(check_custody(store.custody_log(case_id)?))
}
