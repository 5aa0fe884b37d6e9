//! Writing a case file: the case's records and every stored file it names,
//! listed in a manifest signed by this device, in a tar archive encrypted
//! with age to the chosen contacts (and to this device, so it can be
//! checked here) or to a passphrase. Written under a temporary name and
//! renamed once whole and synced.

use std::fs::{self, File};
use std::io::{BufWriter, Cursor};
use std::path::Path;
use std::str::FromStr;

use age::secrecy::SecretString;
use amparo_core::{BlobStore, CaseRows, Contact, SCHEMA_VERSION, Store};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::archive::ArchiveWriter;
use crate::error::{CaseFileError, Result};
use crate::identity::DeviceKeys;
use crate::manifest::{
    FILES_DIR, FORMAT, FORMAT_VERSION, Item, MANIFEST_NAME, Manifest, ROWS_NAME, SIGNATURE_NAME,
    Sender,
};

/// scrypt's work factor for a case file sent to a passphrase: N = 2^18, as
/// the `age` command uses (about a second to open on a laptop), fixed so a
/// fast machine never writes a file a slow one refuses.
pub const SCRYPT_LOG_N: u8 = 18;

/// Who can open a case file.
pub enum SendTo {
    /// These contacts (and this device).
    Contacts(Vec<Contact>),
    /// Anyone with this passphrase (for someone without Amparo yet).
    Passphrase(String),
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Sent {
    /// The case file.
    pub path: String,
    /// Its number among this device's case files of the case.
    pub sequence: u64,
    /// Items it holds (the records and each stored file).
    pub items: u32,
    /// Bytes of the items.
    pub bytes: u64,
}

/// The case file's contents before encryption: the tar archive's bytes are
/// a function of the case, `sequence` and `created_at` alone, except the
/// signature (minisign adds fresh randomness to every signature).
fn manifest_for(
    store: &Store,
    blobs: &BlobStore,
    keys: &DeviceKeys,
    rows: &CaseRows,
    sequence: u64,
    created_at: &str,
) -> Result<(Manifest, Vec<u8>)> {
    let case_id = rows.case_id.as_str();
    let rows = serde_json::to_vec(rows).map_err(|e| CaseFileError::Damaged(e.to_string()))?;
    let mut items = vec![Item {
        path: ROWS_NAME.to_owned(),
        sha256: hex(&Sha256::digest(&rows)),
        size: rows.len() as u64,
    }];
    for sha256 in store.case_files_named(case_id)? {
        let bytes = blobs.read_original(&sha256)?;
        // A stored file that no longer matches its name is not sent as if
        // it did.
        if hex(&Sha256::digest(&bytes)) != sha256 {
            return Err(amparo_core::Error::DamagedFile(sha256).into());
        }
        items.push(Item {
            path: format!("{FILES_DIR}{sha256}"),
            size: bytes.len() as u64,
            sha256,
        });
    }
    let code = keys.code();
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        version: FORMAT_VERSION,
        schema_version: SCHEMA_VERSION,
        case_id: case_id.to_owned(),
        sender: Sender {
            name: keys.name().to_owned(),
            signing_key: code.signing_key,
            encryption_key: code.encryption_key,
        },
        sequence,
        created_at: created_at.to_owned(),
        follows: None,
        items,
    };
    Ok((manifest, rows))
}

/// Writes the case `case_id` as a case file at `out` for `to`.
pub fn send_case(
    store: &mut Store,
    blobs: &BlobStore,
    case_id: &str,
    to: &SendTo,
    out: &Path,
) -> Result<Sent> {
    let keys = DeviceKeys::of(store)?;
    // The custody log says the case was sent (to whom, and the records as
    // they were), inside the case file it goes in; kept here once written.
    let (case_rows, sent) = store.rows_to_send(case_id, &recipients(to))?;
    let sequence = store.next_case_file_sequence(case_id)?;
    let created_at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let (manifest, rows) = manifest_for(store, blobs, &keys, &case_rows, sequence, &created_at)?;
    let partial = amparo_core::partial_path(out);
    let written = write_sealed(blobs, &keys, &manifest, &rows, to, &partial);
    if let Err(e) = written {
        let _ = fs::remove_file(&partial);
        return Err(e);
    }
    fs::rename(&partial, out)?;
    // A bare file name's folder is the current one (its parent is "").
    amparo_core::sync_folder_of(out)?;
    if let Some(entry) = sent {
        store.keep_custody(&entry)?;
    }
    // What each contact now has tells their later changes from this
    // copy's (whoever a passphrase reaches is not known).
    if let SendTo::Contacts(contacts) = to {
        let peers: Vec<&str> = contacts.iter().map(|c| c.signing_key.as_str()).collect();
        store.remember_sent(&peers, &case_rows)?;
    }
    Ok(Sent {
        path: out.display().to_string(),
        sequence,
        items: u32::try_from(manifest.items.len()).unwrap_or(u32::MAX),
        bytes: manifest.items.iter().map(|i| i.size).sum(),
    })
}

/// The archive of a case file, unencrypted: for the test that the same case
/// gives the same bytes.
#[doc(hidden)]
pub fn archive_for_tests(
    store: &mut Store,
    blobs: &BlobStore,
    case_id: &str,
    sequence: u64,
    created_at: &str,
) -> Result<(Vec<u8>, Vec<u8>)> {
    let keys = DeviceKeys::of(store)?;
    let rows = store.case_rows(case_id)?;
    let (manifest, rows) = manifest_for(store, blobs, &keys, &rows, sequence, created_at)?;
    let mut out = Vec::new();
    let signed = write_archive(blobs, &keys, &manifest, &rows, &mut out)?;
    Ok((out, signed))
}

/// Who a case file is for, as its custody entry names them: the contacts'
/// signing keys, or "a passphrase".
fn recipients(to: &SendTo) -> String {
    match to {
        SendTo::Passphrase(_) => "to:passphrase".to_owned(),
        SendTo::Contacts(contacts) => format!(
            "to:{}",
            contacts
                .iter()
                .map(|c| c.signing_key.as_str())
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

fn write_sealed(
    blobs: &BlobStore,
    keys: &DeviceKeys,
    manifest: &Manifest,
    rows: &[u8],
    to: &SendTo,
    partial: &Path,
) -> Result<()> {
    let encryptor = encryptor(keys, to)?;
    let file = BufWriter::new(File::create(partial)?);
    let mut sealed = encryptor.wrap_output(file)?;
    write_archive(blobs, keys, manifest, rows, &mut sealed)?;
    let file = sealed.finish()?.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    Ok(())
}

/// Writes the archive into `out`; gives back the manifest's bytes.
fn write_archive(
    blobs: &BlobStore,
    keys: &DeviceKeys,
    manifest: &Manifest,
    rows: &[u8],
    out: &mut impl std::io::Write,
) -> Result<Vec<u8>> {
    let manifest_bytes =
        serde_json::to_vec_pretty(manifest).map_err(|e| CaseFileError::Damaged(e.to_string()))?;
    let (secret, public) = keys.signing();
    let comment = format!(
        "amparo case file: case {} number {} of {}",
        manifest.case_id, manifest.sequence, manifest.created_at
    );
    let signature = minisign::sign(
        Some(public),
        secret,
        Cursor::new(&manifest_bytes),
        Some(&comment),
        Some("signed by an Amparo; check with its sender's key"),
    )
    .map_err(|e| CaseFileError::Damaged(e.to_string()))?
    .into_string();
    let mut archive = ArchiveWriter::new(out);
    archive.put(MANIFEST_NAME, &manifest_bytes)?;
    archive.put(SIGNATURE_NAME, signature.as_bytes())?;
    archive.put(ROWS_NAME, rows)?;
    for item in &manifest.items[1..] {
        let sha256 = item.file_hash().unwrap_or_default();
        archive.put(&item.path, &blobs.read_original(sha256)?)?;
    }
    archive.finish()?;
    Ok(manifest_bytes)
}

fn encryptor(keys: &DeviceKeys, to: &SendTo) -> Result<age::Encryptor> {
    let made = match to {
        SendTo::Passphrase(passphrase) => {
            let mut recipient =
                age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
            recipient.set_work_factor(SCRYPT_LOG_N);
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        }
        SendTo::Contacts(contacts) => {
            let mut recipients = vec![keys.encryption().to_public()];
            for contact in contacts {
                recipients.push(
                    age::x25519::Recipient::from_str(&contact.encryption_key)
                        .map_err(|e| CaseFileError::Damaged(format!("{}: {e}", contact.name)))?,
                );
            }
            age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        }
    };
    made.map_err(|e| CaseFileError::Io(std::io::Error::other(e.to_string())))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
