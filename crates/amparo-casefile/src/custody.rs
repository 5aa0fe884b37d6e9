//! The custody log's signatures: this device signs its entries (the core
//! appends them), and anyone holding the case checks every device's chain:
//! each entry's hash, its link to the one before, and its signature by the
//! device it names. A missing, changed or re-signed entry is reported by
//! name; the log itself never refuses a case.

use std::collections::BTreeMap;
use std::io::Cursor;

use amparo_core::{CHAIN_START, CustodyEntry, CustodySigner, Store};
use serde::Serialize;
use ts_rs::TS;

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

/// A case's custody log, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustodyReport {
    /// Every entry, oldest first.
    pub entries: Vec<CustodyEntry>,
    /// What does not verify, one sentence each; empty when all of it does.
    pub problems: Vec<String>,
}

/// Checks `entries` (one case's log, any order).
pub fn check_custody(mut entries: Vec<CustodyEntry>) -> CustodyReport {
    let mut chains: BTreeMap<&str, Vec<&CustodyEntry>> = BTreeMap::new();
    for entry in &entries {
        chains.entry(&entry.device_key).or_default().push(entry);
    }
    let mut problems = Vec::new();
    for chain in chains.values_mut() {
        chain.sort_by_key(|e| e.seq);
        let mut prev = CHAIN_START.to_owned();
        let mut expected_seq = 1;
        for entry in chain.iter() {
            let who = format!("entry {} of \"{}\"", entry.seq, entry.device_name);
            if entry.seq != expected_seq {
                let missing = if entry.seq == expected_seq + 1 {
                    format!("entry {expected_seq}")
                } else {
                    format!("entries {expected_seq} to {}", entry.seq.saturating_sub(1))
                };
                problems.push(format!("{missing} of \"{}\" is missing", entry.device_name));
            } else if entry.prev != prev {
                problems.push(format!("{who} does not follow the entry before it"));
            }
            if entry.hash != entry.expected_hash() {
                problems.push(format!("{who} was changed after it was written"));
            } else if !signed_by(entry) {
                problems.push(format!("{who} is not signed by its device"));
            }
            prev = entry.hash.clone();
            expected_seq = entry.seq + 1;
        }
    }
    entries.sort_by(|a, b| (&a.at, &a.device_key, a.seq).cmp(&(&b.at, &b.device_key, b.seq)));
    CustodyReport { entries, problems }
}

fn signed_by(entry: &CustodyEntry) -> bool {
    crate::signature::verifies(&entry.device_key, &entry.signature, entry.hash.as_bytes())
}

/// The custody log of the case `case_id` here, checked.
pub fn custody_report(store: &Store, case_id: &str) -> crate::Result<CustodyReport> {
    store.case(case_id)?;
    Ok(check_custody(store.custody_log(case_id)?))
}
