//! Opening a case file: decrypt it, check the manifest's signature and say
//! who sent it, check every item against the manifest as it streams by
//! (nothing is held whole but one item at a time), then take the case.
//!
//! Stored files are written as they are checked, because a case's photos do
//! not fit in memory; if anything later fails, every file this opening
//! wrote is removed again, and the records were never touched: a refused
//! case file leaves the data folder as it was.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use age::secrecy::SecretString;
use amparo_core::{Arrival, BlobStore, CaseRows, CustodyProblem, RowsTaken, Store};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::archive::{Budgeted, Entry, damaged, next_entry, next_entry_into};
use crate::custody::check_custody;
use crate::error::{CaseFileError, Result};
use crate::identity::{DeviceKeys, Fingerprint, fingerprint_of};
use crate::manifest::{
    MANIFEST_NAME, MAX_MANIFEST_BYTES, MAX_SIGNATURE_BYTES, Manifest, SIGNATURE_NAME,
};
use crate::send::{SCRYPT_LOG_N, hex};
use crate::thumbnails::{Original, Thumbnails};

/// What may be read before the signed list is known: the list, its
/// signature and their headers.
const HEADERS_BUDGET: u64 = MAX_MANIFEST_BYTES + MAX_SIGNATURE_BYTES + 64 * 1024;
/// A tar entry's header and the padding after its content.
const ENTRY_OVERHEAD: u64 = 2 * 512;
/// The archive's end (two empty blocks) and room for a writer's padding.
const END_OVERHEAD: u64 = 20 * 512;

/// What to do with a case file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Mode {
    /// Check it and say what it holds; nothing is written.
    Verify,
    /// Check it and say what opening it would bring; nothing is written.
    DryRun,
    /// Check it and take the case.
    Open,
}

/// Who sent a case file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SenderSeen {
    /// The contact's name, when their code was added here.
    pub contact: Option<String>,
    /// The name the sending device gives itself (not checked).
    pub device_name: String,
    /// The fingerprint of the key that signed it.
    pub fingerprint: Fingerprint,
    /// Whether this device sent it.
    pub is_this_device: bool,
}

/// What a case file held, and what opening it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Opened {
    /// Who signed it.
    pub sender: SenderSeen,
    /// The case's id.
    pub case_id: String,
    /// The person's name as the case records it.
    pub case_name: String,
    /// Its number among its sender's case files of this case.
    pub sequence: u64,
    /// When it was made (UTC).
    pub created_at: String,
    /// Items it holds, every one checked.
    pub items: u32,
    /// Bytes of the items.
    pub bytes: u64,
    /// Stored files new to this Amparo.
    pub new_files: u32,
    /// What taking it did (or would do); `None` when only verified.
    pub taken: Option<RowsTaken>,
    /// What in the custody log it carries does not verify (an entry
    /// missing, changed, or not signed by its device); empty when all does.
    pub custody_problems: Vec<CustodyProblem>,
}

/// Opens the case file at `path` as `mode` says. `passphrase` opens a file
/// sent to a passphrase; otherwise this device's key must.
pub fn open_case_file(
    store: &mut Store,
    blobs: &BlobStore,
    path: &Path,
    passphrase: Option<&str>,
    mode: Mode,
) -> Result<Opened> {
    let keys = DeviceKeys::of(store)?;
    let mut written = Vec::new();
    let result = open_inner(store, blobs, &keys, path, passphrase, mode, &mut written);
    if result.is_err() {
        for sha256 in &written {
            let _ = blobs.remove(sha256);
        }
    }
    result
}

fn open_inner(
    store: &mut Store,
    blobs: &BlobStore,
    keys: &DeviceKeys,
    path: &Path,
    passphrase: Option<&str>,
    mode: Mode,
    written: &mut Vec<String>,
) -> Result<Opened> {
    let file = File::open(path)?;
    let plain = decrypt(BufReader::new(file), keys, passphrase)?;
    let (plain, budget) = Budgeted::new(plain, HEADERS_BUDGET);
    let mut archive = tar::Archive::new(plain);
    let mut entries = archive.entries().map_err(damaged)?;

    let manifest_bytes = expect(&mut entries, MANIFEST_NAME, MAX_MANIFEST_BYTES)?;
    let signature = expect(&mut entries, SIGNATURE_NAME, MAX_SIGNATURE_BYTES)?;
    let manifest = verified_manifest(&manifest_bytes, &signature)?;
    manifest.check()?;
    // From here, no more than the listed items and their tar headers.
    budget.set(
        manifest
            .items
            .iter()
            .map(|i| i.size.saturating_add(ENTRY_OVERHEAD))
            .fold(END_OVERHEAD, u64::saturating_add),
    );
    let sender = sender_seen(store, keys, &manifest)?;
    if mode == Mode::Open || mode == Mode::DryRun {
        check_not_replayed(store, &manifest)?;
    }

    let mut rows: Option<CaseRows> = None;
    let mut pdfs: HashSet<String> = HashSet::new();
    let mut new_files = 0u32;
    let mut brought = HashSet::new();
    std::thread::scope(|scope| -> Result<()> {
        let thumbnails = Thumbnails::start(scope, blobs);
        for item in &manifest.items {
            // No more is read than the signed list says the item holds.
            let entry = next_entry_into(&mut entries, item.size, thumbnails.spare_buffer());
            let entry = entry.map_err(|e| match e {
                CaseFileError::TooLarge(_) => CaseFileError::ItemMismatch(item.describe()),
                other => other,
            })?;
            let Some(Entry { path, bytes }) = entry else {
                return Err(CaseFileError::Damaged(format!(
                    "it is cut short: {} is missing",
                    item.describe()
                )));
            };
            if path != item.path {
                return Err(CaseFileError::ItemMismatch(format!(
                    "{} (found \"{path}\" in its place)",
                    item.describe()
                )));
            }
            if bytes.len() as u64 != item.size || hex(&Sha256::digest(&bytes)) != item.sha256 {
                return Err(CaseFileError::ItemMismatch(item.describe()));
            }
            match item.file_hash() {
                None => {
                    let parsed: CaseRows = serde_json::from_slice(&bytes).map_err(|e| {
                        CaseFileError::Damaged(format!("its records cannot be read: {e}"))
                    })?;
                    if parsed.case_id != manifest.case_id {
                        return Err(CaseFileError::ItemMismatch(item.describe()));
                    }
                    pdfs = signed_pdfs(&parsed);
                    rows = Some(parsed);
                    thumbnails.give_back(bytes);
                }
                Some(sha256) => {
                    brought.insert(sha256.to_owned());
                    let new = !blobs.has_original(sha256);
                    new_files += u32::from(new);
                    if new && mode == Mode::Open {
                        written.push(sha256.to_owned());
                        let original = if pdfs.contains(sha256) {
                            Original::Pdf
                        } else {
                            Original::Picture
                        };
                        if !thumbnails.keep(sha256, bytes, original) {
                            // A thread stopped on an error: finishing says
                            // which (a photo that cannot be shown, a full
                            // disk), not the stop it caused here.
                            return Err(thumbnails.finish().err().unwrap_or_else(|| {
                                CaseFileError::Damaged("a thumbnail could not be made".into())
                            }));
                        }
                    } else {
                        thumbnails.give_back(bytes);
                    }
                }
            }
        }
        // Anything after the last listed item is refused, whatever it is.
        let unlisted = |what: String| {
            CaseFileError::ItemMismatch(format!("an item its list does not name ({what})"))
        };
        match next_entry(&mut entries, 0) {
            Ok(None) => {}
            Ok(Some(entry)) => return Err(unlisted(entry.path)),
            Err(CaseFileError::TooLarge(what) | CaseFileError::UnsafePath(what)) => {
                return Err(unlisted(what));
            }
            Err(other) => return Err(other),
        }
        thumbnails.finish()
    })?;
    // Read to the end, so that age authenticates the last chunk: a file cut
    // after the archive's end, or with bytes added, is refused too.
    io::copy(&mut archive.into_inner(), &mut io::sink()).map_err(damaged)?;

    let rows = rows.ok_or_else(|| CaseFileError::Damaged("it has no records".into()))?;
    let taken = match mode {
        Mode::Verify => None,
        Mode::DryRun | Mode::Open => {
            let has_file = |sha256: &str| brought.contains(sha256) || blobs.has_original(sha256);
            let manifest_sha256 = hex(&Sha256::digest(&manifest_bytes));
            let arrival = Arrival {
                sender: &manifest.sender.signing_key,
                sequence: manifest.sequence,
                has_file: &has_file,
                manifest_sha256: &manifest_sha256,
                keep: mode == Mode::Open,
            };
            Some(store.take_case_rows(&rows, &arrival)?)
        }
    };
    Ok(Opened {
        sender,
        case_name: case_name(&rows),
        case_id: manifest.case_id.clone(),
        sequence: manifest.sequence,
        created_at: manifest.created_at.clone(),
        items: u32::try_from(manifest.items.len()).unwrap_or(u32::MAX),
        bytes: manifest.items.iter().map(|i| i.size).sum(),
        new_files,
        taken,
        custody_problems: check_custody(rows.custody_entries()).problems,
    })
}

/// The decrypted stream: with this device's key, or with `passphrase` for
/// a file sent to one.
fn decrypt<R: io::BufRead>(
    input: R,
    keys: &DeviceKeys,
    passphrase: Option<&str>,
) -> Result<age::stream::StreamReader<R>> {
    let decryptor = age::Decryptor::new_buffered(input).map_err(|e| match e {
        age::DecryptError::Io(e) => CaseFileError::Damaged(e.to_string()),
        other => CaseFileError::Damaged(format!("it is not an encrypted case file ({other})")),
    })?;
    let opened = if decryptor.is_scrypt() {
        let Some(passphrase) = passphrase else {
            return Err(CaseFileError::PassphraseNeeded);
        };
        let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
        // No more work than Amparo itself asks for: a file made to take an
        // hour to try is refused, not tried.
        identity.set_max_work_factor(SCRYPT_LOG_N);
        decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity))
    } else {
        decryptor.decrypt(std::iter::once(keys.encryption() as &dyn age::Identity))
    };
    opened.map_err(|e| match e {
        age::DecryptError::DecryptionFailed
        | age::DecryptError::NoMatchingKeys
        | age::DecryptError::KeyDecryptionFailed => CaseFileError::WrongKey,
        age::DecryptError::ExcessiveWork { .. } => {
            CaseFileError::TooLarge("its passphrase asks for too much work to try".into())
        }
        other => CaseFileError::Damaged(other.to_string()),
    })
}

/// The next entry, which must be `name`.
fn expect<R: Read>(entries: &mut tar::Entries<'_, R>, name: &str, limit: u64) -> Result<Vec<u8>> {
    match next_entry(entries, limit)? {
        Some(entry) if entry.path == name => Ok(entry.bytes),
        Some(entry) => Err(CaseFileError::Damaged(format!(
            "\"{}\" stands where its {name} belongs",
            entry.path
        ))),
        None => Err(CaseFileError::Damaged(format!("it has no {name}"))),
    }
}

/// The manifest, once its signature verifies with the key it names.
fn verified_manifest(bytes: &[u8], signature: &[u8]) -> Result<Manifest> {
    let manifest: Manifest = serde_json::from_slice(bytes)
        .map_err(|e| CaseFileError::Damaged(format!("its list cannot be read: {e}")))?;
    let signature = std::str::from_utf8(signature).map_err(|_| CaseFileError::BadSignature)?;
    if !crate::signature::verifies(&manifest.sender.signing_key, signature, bytes) {
        return Err(CaseFileError::BadSignature);
    }
    Ok(manifest)
}

fn sender_seen(store: &Store, keys: &DeviceKeys, manifest: &Manifest) -> Result<SenderSeen> {
    let key = &manifest.sender.signing_key;
    Ok(SenderSeen {
        contact: store.contact_by_signing_key(key)?.map(|c| c.name),
        device_name: manifest.sender.name.clone(),
        fingerprint: fingerprint_of(key, &manifest.sender.encryption_key),
        is_this_device: *key == keys.code().signing_key,
    })
}

fn check_not_replayed(store: &Store, manifest: &Manifest) -> Result<()> {
    let last = store.last_opened_sequence(&manifest.sender.signing_key, &manifest.case_id)?;
    match last {
        Some(last) if manifest.sequence <= last => Err(CaseFileError::Replay {
            found: manifest.sequence,
            last,
        }),
        _ => Ok(()),
    }
}

/// The PDFs the rows name (signed filing sets, filed documents): stored
/// files that are no picture.
fn signed_pdfs(rows: &CaseRows) -> HashSet<String> {
    rows.tables
        .iter()
        .filter(|t| matches!(t.table.as_str(), "signed_versions" | "documents"))
        .flat_map(|t| {
            let at = t.columns.iter().position(|c| c == "pdf_sha256");
            t.rows
                .iter()
                .filter_map(move |r| at.and_then(|at| r.get(at)?.as_str()).map(str::to_owned))
        })
        .collect()
}

fn case_name(rows: &CaseRows) -> String {
    rows.tables
        .first()
        .and_then(|t| {
            let at = t.columns.iter().position(|c| c == "record_name")?;
            t.rows.first()?[at].as_str().map(str::to_owned)
        })
        .unwrap_or_default()
}
