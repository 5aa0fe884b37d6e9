//! The custody log: each change to a case's evidence (a photo filed, a
//! statement written or changed, a statement signed, the case sent or
//! opened) appends an entry in the same transaction as the change. Each
//! device keeps one hash chain per case (an entry names the hash of the
//! one before it) and signs every entry, so a later holder can neither
//! drop nor change another device's entries unseen.
//!
//! Signing needs this device's key, which the case-file crate holds: it
//! installs a [`CustodySigner`] on the store once the vault is open. A
//! store without one (tests, benchmarks) keeps no log.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::case_rows::CaseRows;
use super::{Store, now};
use crate::error::{Error, Result};

/// The `prev` of a chain's first entry.
pub const CHAIN_START: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Signs custody entries as this device.
pub trait CustodySigner: Send + Sync {
    /// This device's public signing key.
    fn device_key(&self) -> String;
    /// The name this device gives itself.
    fn device_name(&self) -> String;
    /// A signature of `message` carrying `comment`, as text.
    fn sign(&self, message: &[u8], comment: &str) -> String;
    /// Whether `entry` is signed by the device it names (any device's).
    fn verifies(&self, entry: &CustodyEntry) -> bool;
}

/// A case's custody log, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustodyReport {
    /// Every entry, oldest first.
    pub entries: Vec<CustodyEntry>,
    /// What does not verify; empty when all of it does.
    pub problems: Vec<CustodyProblem>,
}

/// One thing in a custody log that does not verify, naming the entry by
/// its device's name and number. Shown as an English sentence (`Display`)
/// on printed pages and the command line; the window words it itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum CustodyProblem {
    /// Entries `from` to `to` of the device are not in the log.
    Missing {
        /// The device's name.
        device: String,
        /// The first missing entry's number.
        #[ts(type = "number")]
        from: u64,
        /// The last missing entry's number.
        #[ts(type = "number")]
        to: u64,
    },
    /// The entry does not follow the device's entry before it.
    NotLinked {
        /// The device's name.
        device: String,
        /// The entry's number.
        #[ts(type = "number")]
        seq: u64,
    },
    /// The entry was changed after it was written.
    Changed {
        /// The device's name.
        device: String,
        /// The entry's number.
        #[ts(type = "number")]
        seq: u64,
    },
    /// The entry is not signed by the device it names.
    Unsigned {
        /// The device's name.
        device: String,
        /// The entry's number.
        #[ts(type = "number")]
        seq: u64,
    },
}

impl std::fmt::Display for CustodyProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Missing { device, from, to } if from == to => {
                write!(f, "entry {from} of \"{device}\" is missing")
            }
            Self::Missing { device, from, to } => {
                write!(f, "entries {from} to {to} of \"{device}\" are missing")
            }
            Self::NotLinked { device, seq } => write!(
                f,
                "entry {seq} of \"{device}\" does not follow the entry before it"
            ),
            Self::Changed { device, seq } => write!(
                f,
                "entry {seq} of \"{device}\" was changed after it was written"
            ),
            Self::Unsigned { device, seq } => {
                write!(f, "entry {seq} of \"{device}\" is not signed by its device")
            }
        }
    }
}

/// Checks `entries` (one case's log, any order): each device's chain of
/// hashes, and each entry's signature as `verifies` finds it.
pub fn check_custody_with(
    mut entries: Vec<CustodyEntry>,
    verifies: &dyn Fn(&CustodyEntry) -> bool,
) -> CustodyReport {
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
            let device = entry.device_name.clone();
            let seq = entry.seq;
            if seq != expected_seq {
                problems.push(CustodyProblem::Missing {
                    device: device.clone(),
                    from: expected_seq,
                    to: seq.saturating_sub(1),
                });
            } else if entry.prev != prev {
                problems.push(CustodyProblem::NotLinked {
                    device: device.clone(),
                    seq,
                });
            }
            if entry.hash != entry.expected_hash() {
                problems.push(CustodyProblem::Changed { device, seq });
            } else if !verifies(entry) {
                problems.push(CustodyProblem::Unsigned { device, seq });
            }
            prev = entry.hash.clone();
            expected_seq = entry.seq + 1;
        }
    }
    entries.sort_by(|a, b| (&a.at, &a.device_key, a.seq).cmp(&(&b.at, &b.device_key, b.seq)));
    CustodyReport { entries, problems }
}

/// What was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CustodyAction {
    /// A photo (or scan) was filed; `sha256` is the original's.
    Imported,
    /// A statement was written or changed; `sha256` is its text's.
    StatementWritten,
    /// A statement was signed; `sha256` is the filing set's PDF.
    Signed,
    /// The case was sent; `sha256` is the case's records as sent.
    Sent,
    /// The case was opened from a case file; `sha256` is its manifest's.
    Opened,
    /// A declaration's filing set or a packet was printed for filing;
    /// `sha256` is the PDF's.
    PrintedForFiling,
}

impl CustodyAction {
    fn as_str(self) -> &'static str {
        match self {
            Self::Imported => "imported",
            Self::StatementWritten => "statementWritten",
            Self::Signed => "signed",
            Self::Sent => "sent",
            Self::Opened => "opened",
            Self::PrintedForFiling => "printedForFiling",
        }
    }
}

/// One entry of the log, as stored and as it travels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustodyEntry {
    /// The case.
    pub case_id: String,
    /// The public signing key of the device that made the entry.
    pub device_key: String,
    /// Its number in that device's chain for the case, from 1.
    pub seq: u64,
    /// The name that device gave itself.
    pub device_name: String,
    /// When (UTC).
    pub at: String,
    /// What was done (`imported`, `statementWritten`, `signed`, `sent`,
    /// `opened`).
    pub action: String,
    /// To what: `photo:<id>`, `statement:<id>`, `to:<key>`, `from:<key>`.
    pub item: String,
    /// The SHA-256 of what the entry is about.
    pub sha256: String,
    /// The hash of the device's entry before this one ([`CHAIN_START`]
    /// for the first).
    pub prev: String,
    /// The SHA-256 of [`CustodyEntry::message`].
    pub hash: String,
    /// The device's signature of `hash`.
    pub signature: String,
}

impl CustodyEntry {
    /// The bytes an entry's hash is taken over: every field but the hash
    /// and the signature, as a JSON array (so no field can run into the
    /// next).
    pub fn message(&self) -> Vec<u8> {
        serde_json::to_vec(&[
            "amparo custody 1",
            &self.case_id,
            &self.device_key,
            &self.seq.to_string(),
            &self.device_name,
            &self.at,
            &self.action,
            &self.item,
            &self.sha256,
            &self.prev,
        ])
        .unwrap_or_default()
    }

    /// The hash this entry should carry.
    pub fn expected_hash(&self) -> String {
        hex(&Sha256::digest(self.message()))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of `bytes`, as custody entries name content.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

impl Store {
    /// The custody log of the case `case_id`, checked; without a custody
    /// signer installed no signature can be checked, and each is reported.
    pub fn custody_report(&self, case_id: &str) -> Result<CustodyReport> {
        self.case(case_id)?;
        let signer = self.signer.as_deref();
        Ok(check_custody_with(self.custody_log(case_id)?, &|entry| {
            signer.is_some_and(|s| s.verifies(entry))
        }))
    }

    /// Signs this store's custody entries as `signer` from now on.
    pub fn set_custody_signer(&mut self, signer: Box<dyn CustodySigner>) {
        self.signer = Some(signer);
    }

    /// `message` signed by this device with `comment`, and the device's
    /// public key; `None` when no signer is installed.
    pub fn sign_as_this_device(&self, message: &[u8], comment: &str) -> Option<(String, String)> {
        let signer = self.signer.as_deref()?;
        Some((signer.device_key(), signer.sign(message, comment)))
    }

    /// Appends a custody entry for the case `case_id` on its own (changes
    /// that have a transaction of their own append inside it instead).
    pub fn record_custody(
        &self,
        case_id: &str,
        action: CustodyAction,
        item: &str,
        sha256: &str,
    ) -> Result<()> {
        record(
            self.conn(),
            self.signer.as_deref(),
            case_id,
            action,
            item,
            sha256,
        )
    }

    /// The case's custody log, each device's chain in order.
    pub fn custody_log(&self, case_id: &str) -> Result<Vec<CustodyEntry>> {
        let mut stmt = self.conn().prepare(
            "SELECT case_id, device_key, seq, device_name, at, action, item, sha256, prev, hash,
                    signature
             FROM custody_log WHERE case_id = ?1 ORDER BY at, device_key, seq",
        )?;
        let entries = stmt
            .query_map([case_id], |r| {
                Ok(CustodyEntry {
                    case_id: r.get(0)?,
                    device_key: r.get(1)?,
                    seq: r.get::<_, i64>(2)?.unsigned_abs(),
                    device_name: r.get(3)?,
                    at: r.get(4)?,
                    action: r.get(5)?,
                    item: r.get(6)?,
                    sha256: r.get(7)?,
                    prev: r.get(8)?,
                    hash: r.get(9)?,
                    signature: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(entries)
    }
}

/// Appends an entry on `conn` (inside the caller's transaction), signed by
/// `signer`; nothing without a signer.
pub(crate) fn record(
    conn: &Connection,
    signer: Option<&dyn CustodySigner>,
    case_id: &str,
    action: CustodyAction,
    item: &str,
    sha256: &str,
) -> Result<()> {
    match prepare(conn, signer, case_id, action, item, sha256)? {
        Some(entry) => keep(conn, &entry),
        None => Ok(()),
    }
}

/// The next entry of this device's chain for the case, signed, not yet
/// kept; `None` without a signer.
fn prepare(
    conn: &Connection,
    signer: Option<&dyn CustodySigner>,
    case_id: &str,
    action: CustodyAction,
    item: &str,
    sha256: &str,
) -> Result<Option<CustodyEntry>> {
    let Some(signer) = signer else {
        return Ok(None);
    };
    let device_key = signer.device_key();
    let last: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, hash FROM custody_log WHERE case_id = ?1 AND device_key = ?2
             ORDER BY seq DESC LIMIT 1",
            params![case_id, device_key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev) = match last {
        Some((seq, hash)) => (seq.unsigned_abs() + 1, hash),
        None => (1, CHAIN_START.to_owned()),
    };
    let mut entry = CustodyEntry {
        case_id: case_id.to_owned(),
        device_key,
        seq,
        device_name: signer.device_name(),
        at: now(),
        action: action.as_str().to_owned(),
        item: item.to_owned(),
        sha256: sha256.to_owned(),
        prev,
        hash: String::new(),
        signature: String::new(),
    };
    entry.hash = entry.expected_hash();
    entry.signature = signer.sign(entry.hash.as_bytes(), "amparo custody entry");
    Ok(Some(entry))
}

fn keep(conn: &Connection, entry: &CustodyEntry) -> Result<()> {
    conn.execute(
        "INSERT INTO custody_log (case_id, device_key, seq, device_name, at, action, item,
             sha256, prev, hash, signature)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            entry.case_id,
            entry.device_key,
            i64::try_from(entry.seq).unwrap_or(i64::MAX),
            entry.device_name,
            entry.at,
            entry.action,
            entry.item,
            entry.sha256,
            entry.prev,
            entry.hash,
            entry.signature
        ],
    )?;
    Ok(())
}

impl Store {
    /// The case's rows as a case file carries them, with a `sent` entry
    /// for it in the custody log (`item` names the recipients; its SHA-256
    /// is that of the rows before the entry), and the entry itself, which
    /// is kept only once the file is written ([`Store::keep_custody`]): a
    /// case file that could not be written is not logged as sent.
    pub fn rows_to_send(
        &self,
        case_id: &str,
        recipients: &str,
    ) -> Result<(CaseRows, Option<CustodyEntry>)> {
        let mut rows = self.case_rows(case_id)?;
        let before = serde_json::to_vec(&rows).map_err(|e| Error::Serialization(e.to_string()))?;
        let entry = prepare(
            self.conn(),
            self.signer.as_deref(),
            case_id,
            CustodyAction::Sent,
            recipients,
            &content_hash(&before),
        )?;
        if let Some(entry) = &entry {
            rows.add_custody_entry(entry);
        }
        Ok((rows, entry))
    }

    /// Keeps an entry made by [`Store::rows_to_send`].
    pub fn keep_custody(&self, entry: &CustodyEntry) -> Result<()> {
        keep(self.conn(), entry)
    }
}
