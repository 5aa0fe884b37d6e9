//! What a restore trusts, checked before anything in the data folder
//! changes. A backup folder comes from a USB stick anyone may have held, so:
//!
//! - every file in it must be listed in `SHA256SUMS`, and no link (checked
//!   without following it) may be anywhere in it;
//! - every listed file must be one Amparo writes (the database, the vault
//!   file, or a stored file under `blobs/` laid out as Amparo lays it out:
//!   sealed, or plain in a backup an older version made);
//! - each file is hashed as it is copied into a staging folder, against its
//!   line in `SHA256SUMS`; every original is hashed against its name (the
//!   SHA-256 of its content): a plain one as it is copied, a sealed one
//!   opened with this Amparo's key once the database says which exist;
//! - the staged database must be healthy, not from a newer Amparo, and have
//!   exactly the schema Amparo makes at its version: an extra trigger or view
//!   would run on later edits and could alter evidence silently.
//!
//! Only the staged copy, verified byte for byte, is then moved into place.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};

use crate::blob_store::{BlobStore, is_sha256_hex};
use crate::error::{Error, Result};
use crate::store::{
    DATABASE_FILE, SCHEMA_VERSION, Store, is_plain_database, open_keyed, private_dir, private_file,
};
use crate::vault::{Keys, VAULT_FILE};

pub(crate) const SUMS_FILE: &str = "SHA256SUMS";

/// A file a backup lists, by its path inside the backup and its SHA-256.
pub(crate) struct Listed {
    pub(crate) name: String,
    hash: String,
}

/// Reads `SHA256SUMS` and checks that the folder holds exactly the files it
/// lists, no link and nothing Amparo does not write.
pub(crate) fn check_listing(source: &Path) -> Result<Vec<Listed>> {
    let bad = |why: String| Error::BadBackup(why);
    let present = files_in(source)?;
    if !present.contains(SUMS_FILE) {
        return Err(bad(format!("{SUMS_FILE} is missing")));
    }
    let sums = fs::read_to_string(source.join(SUMS_FILE))
        .map_err(|_| bad(format!("{SUMS_FILE} cannot be read")))?;
    let listed = parse_sums(&sums)?;
    if let Some(extra) = present
        .iter()
        .find(|name| *name != SUMS_FILE && !listed.contains_key(*name))
    {
        return Err(Error::BackupUnlisted(extra.clone()));
    }
    if let Some(missing) = listed.keys().find(|name| !present.contains(*name)) {
        return Err(bad(format!("{missing} is missing")));
    }
    if !listed.contains_key(DATABASE_FILE) {
        return Err(bad(format!("{DATABASE_FILE} is missing")));
    }
    Ok(listed
        .into_iter()
        .map(|(name, hash)| Listed { name, hash })
        .collect())
}

/// Reads the lines of `SHA256SUMS`: each a file Amparo writes, inside the
/// backup, listed once, with a well-formed hash.
pub(crate) fn parse_sums(sums: &str) -> Result<BTreeMap<String, String>> {
    let bad = |why: String| Error::BadBackup(why);
    let mut listed = BTreeMap::new();
    for line in sums.lines().filter(|l| !l.trim().is_empty()) {
        let (hash, name) = line
            .split_once("  ")
            .ok_or_else(|| bad(format!("unreadable line in {SUMS_FILE}")))?;
        if name.starts_with('/')
            || name
                .split('/')
                .any(|part| part.is_empty() || part == "." || part == "..")
        {
            return Err(bad(format!("{name} points outside the backup")));
        }
        if !is_sha256_hex(hash) {
            return Err(bad(format!("unreadable line in {SUMS_FILE}")));
        }
        if layout(name).is_none() {
            return Err(bad(format!("{name} is not a file Amparo writes")));
        }
        if listed.insert(name.to_owned(), hash.to_owned()).is_some() {
            return Err(bad(format!("{name} is listed twice")));
        }
    }
    Ok(listed)
}

/// Copies the listed files (half-written ones under `blobs/incoming/` and
/// the vault file aside) into `staging`, hashing the bytes as they are
/// written, then checks the staged database and the sealed originals it
/// names.
pub(crate) fn stage(source: &Path, listed: &[Listed], staging: &Path, keys: &Keys) -> Result<()> {
    private_dir(staging)?;
    for file in listed {
        let kind = layout(&file.name).ok_or_else(|| {
            Error::BadBackup(format!("{} is not a file Amparo writes", file.name))
        })?;
        let target = staging.join(&file.name);
        if kind == Layout::Incoming || kind == Layout::VaultFile {
            // Still hashed, so a changed backup is refused all the same.
            if sha256_of(&source.join(&file.name), None)? != file.hash {
                return Err(mismatch(&file.name));
            }
            continue;
        }
        if let Some(parent) = target.parent() {
            private_dir(parent)?;
        }
        let actual = sha256_of(&source.join(&file.name), Some(&target))?;
        if let Layout::Original(name_hash) = &kind
            && actual != *name_hash
        {
            return Err(Error::BackupBlobMismatch(name_hash.clone()));
        }
        if actual != file.hash {
            return Err(mismatch(&file.name));
        }
    }
    let conn = check_database(&staging.join(DATABASE_FILE), keys)?;
    check_sealed_originals(staging, &conn, keys)
}

/// Every original the staged database names, when stored sealed, opens with
/// this Amparo's key and hashes to its name. Sealed files no row names (an
/// import cut short) are not restored: no one could say what they are.
fn check_sealed_originals(staging: &Path, conn: &Connection, keys: &Keys) -> Result<()> {
    let sealed = staging.join("blobs").join("sealed");
    if !sealed.is_dir() {
        return Ok(());
    }
    let blobs = BlobStore::open(staging, keys)?;
    let named = Store::hashes_named_in(conn)?;
    let expected = blobs.file_names_of(&named);
    for file in files_in(&sealed)? {
        let name = file.rsplit('/').next().unwrap_or_default();
        if !expected.contains(name) {
            fs::remove_file(sealed.join(&file))?;
        }
    }
    for sha256 in named {
        if !blobs.has_original(&sha256) {
            continue;
        }
        let bytes = blobs
            .read_original(&sha256)
            .map_err(|_| Error::BackupBlobMismatch(sha256.clone()))?;
        if format!("{:x}", Sha256::digest(&bytes)) != sha256 {
            return Err(Error::BackupBlobMismatch(sha256));
        }
    }
    Ok(())
}

fn mismatch(name: &str) -> Error {
    Error::BadBackup(format!("{name} does not match its checksum"))
}

/// The staged database is healthy, not from a newer Amparo, and has
/// exactly the schema Amparo makes at its version. An encrypted one must
/// open with this Amparo's key; a plain one (an older version's backup) is
/// moved into the vault once restored.
fn check_database(path: &Path, keys: &Keys) -> Result<Connection> {
    let bad = |why: String| Error::BadBackup(why);
    let conn = if is_plain_database(path)? {
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| bad(e.to_string()))?
    } else {
        open_keyed(path, OpenFlags::SQLITE_OPEN_READ_ONLY, keys).map_err(|_| {
            bad(format!(
                "its {DATABASE_FILE} does not open with this Amparo's key: it was made on another computer, or is damaged"
            ))
        })?
    };
    let verdict: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| bad(e.to_string()))?;
    if verdict != "ok" {
        return Err(bad(verdict));
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(Error::NewerDatabase {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if let Some(problem) = Store::schema_problem(&conn, version)? {
        return Err(Error::BackupSchema(problem));
    }
    Ok(conn)
}

/// Where a listed file belongs: the sealed layout of [`crate::BlobStore`],
/// or the plain one an older version wrote.
#[derive(Debug, PartialEq, Eq)]
enum Layout {
    Database,
    /// The wrapped key: checked, never restored over this Amparo's own.
    VaultFile,
    /// A sealed file under its keyed-hash name.
    Sealed,
    /// An original, named by the SHA-256 of its content.
    Original(String),
    Derivative,
    /// A half-written file of an import under way: never restored.
    Incoming,
}

fn layout(name: &str) -> Option<Layout> {
    let parts: Vec<&str> = name.split('/').collect();
    let filed = |prefix: &str, hash: &str| is_sha256_hex(hash) && hash[..2] == *prefix;
    match parts.as_slice() {
        [db] if *db == DATABASE_FILE => Some(Layout::Database),
        [vault] if *vault == VAULT_FILE => Some(Layout::VaultFile),
        ["blobs", "sealed", prefix, name] if filed(prefix, name) => Some(Layout::Sealed),
        ["blobs", "originals", prefix, hash] if filed(prefix, hash) => {
            Some(Layout::Original((*hash).to_owned()))
        }
        ["blobs", "derived", "thumb" | "print" | "page", prefix, file]
            if file
                .strip_suffix(".jpg")
                .is_some_and(|hash| filed(prefix, hash)) =>
        {
            Some(Layout::Derivative)
        }
        ["blobs", "incoming", _] => Some(Layout::Incoming),
        _ => None,
    }
}

/// Relative paths of every file under `root`, with `/` separators. A link
/// anywhere (looked at, never followed) or anything that is neither a file
/// nor a folder refuses the backup.
fn files_in(root: &Path) -> Result<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(rel) = pending.pop() {
        let entries = fs::read_dir(root.join(&rel))
            .map_err(|_| Error::BadBackup(format!("{} cannot be read", root.display())))?;
        for entry in entries {
            let entry = entry?;
            let child = rel.join(entry.file_name());
            let shown = child.to_string_lossy().replace('\\', "/");
            let kind = fs::symlink_metadata(entry.path())?.file_type();
            if kind.is_symlink() {
                return Err(Error::BackupLink(shown));
            } else if kind.is_dir() {
                pending.push(child);
            } else if kind.is_file() {
                out.insert(shown);
            } else {
                return Err(Error::BackupUnlisted(shown));
            }
        }
    }
    Ok(out)
}

/// Hex SHA-256 of the file at `path`, copying its bytes to `copy_to` (made
/// private and synced) when given. A link is not followed.
pub(crate) fn sha256_of(path: &Path, copy_to: Option<&Path>) -> Result<String> {
    if fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(Error::BackupLink(path.display().to_string()));
    }
    let mut file = fs::File::open(path)?;
    let mut out = match copy_to {
        Some(to) => {
            let out = fs::File::create(to)?;
            private_file(to)?;
            Some(out)
        }
        None => None,
    };
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        if let Some(out) = out.as_mut() {
            out.write_all(&buf[..n])?;
        }
    }
    if let Some(out) = out {
        out.sync_all()?;
    }
    Ok(format!("{:x}", hasher.finalize()))
}
