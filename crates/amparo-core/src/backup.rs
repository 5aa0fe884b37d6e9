//! Backups a family can carry on a USB stick, and getting them back.
//!
//! A backup is a folder: `amparo.sqlite3` (a consistent copy made with
//! SQLite's online backup API while the store is open), the stored files
//! under `blobs/` when there are any, and `SHA256SUMS` in the format
//! `sha256sum -c` checks. Restoring verifies every checksum and the
//! database's health first, and moves the data it replaces aside into
//! `replaced/<time>/` instead of deleting it: no restore loses work.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::{DATABASE_FILE, SCHEMA_VERSION, Store, open_keyed, private_dir, private_file};
use crate::vault::{Keys, VAULT_FILE};

const SUMS_FILE: &str = "SHA256SUMS";
const BLOBS: &str = "blobs";
const REPLACED: &str = "replaced";

/// What a backup wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupSummary {
    /// The backup folder.
    pub folder: String,
    /// How many files it holds, `SHA256SUMS` aside.
    pub files: u32,
    /// Their total size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

impl Store {
    /// Writes a backup into a new folder `amparo-backup-<UTC time>` inside
    /// `parent` (a USB stick, say). The name carries no person's name.
    pub fn backup_into(&self, parent: &Path) -> Result<BackupSummary> {
        let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
        self.backup_to(&parent.join(format!("amparo-backup-{stamp}")))
    }

    /// Writes a backup of everything into `dest`, which must not exist or be
    /// empty.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupSummary> {
        if fs::read_dir(dest).is_ok_and(|mut d| d.next().is_some()) {
            return Err(Error::DestinationNotEmpty(dest.display().to_string()));
        }
        private_dir(dest)?;
        let db_copy = dest.join(DATABASE_FILE);
        {
            // SQLCipher copies pages only into a database under the same
            // key: the backup is as encrypted as the data it copies.
            let keys = self.keys().ok_or(Error::NoDataDir)?;
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
            let mut copy = open_keyed(&db_copy, flags, keys)?;
            rusqlite::backup::Backup::new(self.conn(), &mut copy)?.run_to_completion(
                256,
                std::time::Duration::ZERO,
                None,
            )?;
            // A single file is easier to carry than a WAL pair.
            let _: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        }
        private_file(&db_copy)?;
        fs::File::open(&db_copy)?.sync_all()?;
        if let Some(blobs) = self.dir().map(|d| d.join(BLOBS)).filter(|b| b.is_dir()) {
            copy_tree(&blobs, &dest.join(BLOBS))?;
        }
        // The wrapped key travels with the backup, so that it opens with the
        // passphrase (or the recovery words) on another computer.
        if let Some(vault) = self
            .dir()
            .map(|d| d.join(VAULT_FILE))
            .filter(|v| v.is_file())
        {
            copy_file(&vault, &dest.join(VAULT_FILE))?;
        }
        let files = files_under(dest)?;
        let mut sums = String::new();
        let mut bytes = 0u64;
        for relative in &files {
            let path = dest.join(relative);
            bytes += fs::metadata(&path)?.len();
            sums.push_str(&format!("{}  {}\n", sha256_file(&path)?, relative));
        }
        write_synced(&dest.join(SUMS_FILE), sums.as_bytes())?;
        Ok(BackupSummary {
            folder: dest.display().to_string(),
            files: files.len() as u32,
            bytes,
        })
    }
}

/// Replaces the data in `data_dir` with the backup in `source`. The store on
/// `data_dir` must be closed. Returns the folder the replaced data was moved
/// to (`None` when there was nothing to replace).
pub fn restore_backup(data_dir: &Path, source: &Path, keys: &Keys) -> Result<Option<PathBuf>> {
    verify_backup(source, keys)?;
    private_dir(data_dir)?;
    let replaced = data_dir
        .join(REPLACED)
        .join(chrono::Utc::now().timestamp().to_string());
    let mut moved = false;
    for name in [
        DATABASE_FILE.to_owned(),
        format!("{DATABASE_FILE}-wal"),
        format!("{DATABASE_FILE}-shm"),
        BLOBS.to_owned(),
    ] {
        let from = data_dir.join(&name);
        if from.exists() {
            private_dir(&replaced)?;
            fs::rename(&from, replaced.join(&name))?;
            moved = true;
        }
    }
    copy_file(&source.join(DATABASE_FILE), &data_dir.join(DATABASE_FILE))?;
    if source.join(BLOBS).is_dir() {
        copy_tree(&source.join(BLOBS), &data_dir.join(BLOBS))?;
    }
    Ok(moved.then_some(replaced))
}

/// Checks every checksum of a backup folder and that its database is healthy
/// and not from a newer Amparo.
fn verify_backup(source: &Path, keys: &Keys) -> Result<()> {
    let bad = |why: String| Error::BadBackup(why);
    let sums = fs::read_to_string(source.join(SUMS_FILE))
        .map_err(|_| bad(format!("{SUMS_FILE} is missing")))?;
    let mut listed = Vec::new();
    for line in sums.lines().filter(|l| !l.trim().is_empty()) {
        let (hash, name) = line
            .split_once("  ")
            .ok_or_else(|| bad(format!("unreadable line in {SUMS_FILE}")))?;
        if name.starts_with('/') || name.split('/').any(|part| part == "..") {
            return Err(bad(format!("{name} points outside the backup")));
        }
        let actual =
            sha256_file(&source.join(name)).map_err(|_| bad(format!("{name} is missing")))?;
        if actual != hash {
            return Err(bad(format!("{name} does not match its checksum")));
        }
        listed.push(name.to_owned());
    }
    if !listed.iter().any(|n| n == DATABASE_FILE) {
        return Err(bad(format!("{DATABASE_FILE} is missing")));
    }
    let conn = open_keyed(&source.join(DATABASE_FILE), OpenFlags::SQLITE_OPEN_READ_ONLY, keys)
        .map_err(|e| {
            bad(format!(
                "its database does not open with this Amparo's key (a backup from another computer, or damaged): {e}"
            ))
        })?;
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
    Ok(())
}

/// Hex SHA-256 of a file's bytes.
fn sha256_file(path: &Path) -> Result<String> {
    let mut file = fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(format!("{:x}", hasher.finalize()))
}

/// Relative paths of every file under `root`, sorted, with `/` separators.
fn files_under(root: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(rel) = pending.pop() {
        for entry in fs::read_dir(root.join(&rel))? {
            let entry = entry?;
            let child = rel.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                pending.push(child);
            } else {
                out.push(child.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    private_dir(to)?;
    for relative in files_under(from)? {
        let target = to.join(&relative);
        if let Some(parent) = target.parent() {
            private_dir(parent)?;
        }
        copy_file(&from.join(&relative), &target)?;
    }
    Ok(())
}

fn copy_file(from: &Path, to: &Path) -> Result<()> {
    fs::copy(from, to)?;
    private_file(to)?;
    fs::File::open(to)?.sync_all()?;
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    private_file(path)?;
    Ok(())
}
