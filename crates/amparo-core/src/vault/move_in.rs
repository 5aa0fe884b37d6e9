//! Moving an older Amparo's plain data into the vault, on the first unlock
//! of this version: the database is exported into a new SQLCipher file,
//! checked (health and every table's row count) before it replaces the
//! plain one; each stored file is sealed, read back and compared before its
//! plain copy goes. A crash at any point leaves either the plain copy or a
//! verified sealed one, and the next unlock carries on.
//!
//! Plain copies are overwritten with zeros before they are removed. On an
//! SSD or a journaling file system that is a best effort: the disk may keep
//! old blocks, which only full-disk encryption protects.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::{Keys, Vault};
use crate::blob_store::{BlobStore, DerivativeKind};
use crate::error::{Error, Result};
use crate::store::{DATABASE_FILE, is_plain_database, open_keyed, private_file};

/// What moved into the vault.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MovedIn {
    /// Cases in the database that moved (0 when it was already in).
    pub cases: u32,
    /// Stored files (photos, their copies, signed pages) sealed.
    pub files: u32,
}

/// Whether an older Amparo's unencrypted database or stored files are in
/// the data folder `dir`, waiting to be moved in.
pub fn has_plain_data(dir: &Path) -> bool {
    let db = dir.join(DATABASE_FILE);
    is_plain_database(&db).unwrap_or(false)
        || dir.join("blobs/originals").is_dir()
        || dir.join("blobs/derived").is_dir()
}

/// Moves any plain data in the vault's folder into the vault.
pub fn move_plain_data_in(vault: &Vault) -> Result<MovedIn> {
    move_data_in(vault.dir(), vault.keys())
}

/// Moves any plain data in `dir` under `keys` (a restored backup that an
/// older version made, too).
pub(crate) fn move_data_in(dir: &Path, keys: &Keys) -> Result<MovedIn> {
    let mut moved = MovedIn::default();
    let db = dir.join(DATABASE_FILE);
    let sealing = dir.join(format!("{DATABASE_FILE}.sealing"));
    let old = dir.join(format!("{DATABASE_FILE}.plain"));
    if sealing.exists() {
        // An export a crash interrupted: the plain file is still whole.
        fs::remove_file(&sealing)?;
    }
    if db.is_file() && fs::metadata(&db)?.len() > 0 && is_plain_database(&db)? {
        moved.cases = seal_database(keys, &db, &sealing, &old)?;
    }
    if old.exists() {
        wipe(&old)?;
    }
    moved.files = seal_blobs(dir, keys)?;
    // Copies an older version kept before schema changes are plain.
    let backups = dir.join("backups");
    if backups.is_dir() {
        for entry in fs::read_dir(&backups)? {
            let path = entry?.path();
            if path.is_file() && is_plain_database(&path).unwrap_or(false) {
                wipe(&path)?;
            }
        }
    }
    Ok(moved)
}

fn seal_database(keys: &Keys, db: &Path, sealing: &Path, old: &Path) -> Result<u32> {
    let plain = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    let _: (i64, i64, i64) = plain.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    let version: i64 = plain.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    // Made empty and private first: the export then writes into a file no
    // one else could read from its first byte.
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(sealing)?;
    let path = sealing
        .to_str()
        .ok_or_else(|| Error::NotFound(sealing.display().to_string()))?;
    let attach = zeroize::Zeroizing::new(format!(
        "ATTACH DATABASE '{}' AS sealed KEY {}; SELECT sqlcipher_export('sealed'); PRAGMA sealed.user_version = {version}; DETACH DATABASE sealed;",
        path.replace('\'', "''"),
        keys.database_pragma().as_str()
    ));
    plain.execute_batch(&attach)?;
    private_file(sealing)?;
    File::open(sealing)?.sync_all()?;
    let sealed = open_keyed(sealing, OpenFlags::SQLITE_OPEN_READ_ONLY, keys)?;
    let verdict: String = sealed.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if verdict != "ok" || counts(&plain)? != counts(&sealed)? {
        return Err(Error::CorruptDatabase(format!(
            "the encrypted copy of {} did not match it; the plain file was kept",
            db.display()
        )));
    }
    let cases: i64 = plain
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap_or(0);
    drop(sealed);
    drop(plain);
    for suffix in ["-wal", "-shm"] {
        let side = db.with_file_name(format!("{DATABASE_FILE}{suffix}"));
        if side.exists() {
            wipe(&side)?;
        }
    }
    fs::rename(db, old)?;
    fs::rename(sealing, db)?;
    sync_dir(db)?;
    Ok(u32::try_from(cases).unwrap_or(u32::MAX))
}

/// Every table's name and row count, in name order.
fn counts(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    names
        .into_iter()
        .map(|name| {
            let n: i64 = conn.query_row(
                &format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\"")),
                [],
                |r| r.get(0),
            )?;
            Ok((name, n))
        })
        .collect()
}

/// Seals every plain file under `blobs/originals` and `blobs/derived`.
fn seal_blobs(dir: &Path, keys: &Keys) -> Result<u32> {
    let root = dir.join("blobs");
    let store = BlobStore::open(dir, keys)?;
    let mut files = 0;
    for (path, sha256, kind) in plain_blobs(&root)? {
        let bytes = fs::read(&path)?;
        let back = match kind {
            None => {
                store.put_original(&sha256, &bytes)?;
                store.read_original(&sha256)?
            }
            Some(kind) => {
                store.put_derivative(&sha256, kind, &bytes)?;
                store.read_derivative(&sha256, kind)?
            }
        };
        if back != bytes {
            return Err(Error::CorruptDatabase(format!(
                "the sealed copy of {} did not match it; the plain file was kept",
                path.display()
            )));
        }
        wipe(&path)?;
        files += 1;
    }
    for dir in ["originals", "derived"] {
        remove_empty_dirs(&root.join(dir))?;
    }
    Ok(files)
}

type PlainBlob = (PathBuf, String, Option<DerivativeKind>);

/// `originals/ab/<sha>` and `derived/<kind>/ab/<sha>.jpg`, as an older
/// Amparo laid them out.
fn plain_blobs(root: &Path) -> Result<Vec<PlainBlob>> {
    let mut found = Vec::new();
    let mut walk = |dir: PathBuf, kind: Option<DerivativeKind>| -> Result<()> {
        if !dir.is_dir() {
            return Ok(());
        }
        for bucket in fs::read_dir(&dir)? {
            let bucket = bucket?.path();
            if !bucket.is_dir() {
                continue;
            }
            for entry in fs::read_dir(&bucket)? {
                let path = entry?.path();
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                let sha = name
                    .as_deref()
                    .map(|n| n.trim_end_matches(".jpg").to_owned());
                if let Some(sha) = sha.filter(|s| crate::is_sha256_hex(s)) {
                    found.push((path, sha, kind));
                }
            }
        }
        Ok(())
    };
    walk(root.join("originals"), None)?;
    for kind in [
        DerivativeKind::Thumb,
        DerivativeKind::Print,
        DerivativeKind::Page,
    ] {
        walk(root.join("derived").join(kind.as_str()), Some(kind))?;
    }
    Ok(found)
}

fn remove_empty_dirs(dir: &Path) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            remove_empty_dirs(&path)?;
        }
    }
    if fs::read_dir(dir)?.next().is_none() {
        fs::remove_dir(dir)?;
    }
    Ok(())
}

/// Overwrites a file with zeros, syncs it, and removes it.
pub(crate) fn wipe(path: &Path) -> Result<()> {
    let len = fs::metadata(path)?.len();
    {
        let mut file = OpenOptions::new().write(true).open(path)?;
        let zeros = vec![0u8; 1 << 16];
        let mut left = len;
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            file.write_all(&zeros[..n])?;
            left -= n as u64;
        }
        file.sync_all()?;
    }
    fs::remove_file(path)?;
    Ok(())
}

fn sync_dir(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent() {
        File::open(parent)?.sync_all()?;
    }
    Ok(())
}
