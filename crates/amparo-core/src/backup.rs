//! Backups a family can carry on a USB stick, and getting them back.
//!
//! A backup is a folder: `amparo.sqlite3` (a consistent copy made with
//! SQLite's online backup API while the store is open), the stored files
//! under `blobs/` when there are any, and `SHA256SUMS` in the format
//! `sha256sum -c` checks. Restoring verifies the backup before it trusts it
//! (see [`crate::backup_check`]) and moves the data it replaces aside into
//! `replaced/<time>/` instead of deleting it: no restore loses work. Only
//! the latest such folder is kept, and it can be seen and deleted.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;
use serde::Serialize;
use ts_rs::TS;

use crate::backup_check::{self, SUMS_FILE};
use crate::error::{Error, Result};
use crate::restore_swap;
use crate::store::{DATABASE_FILE, Store, open_keyed, private_dir, private_file};
use crate::vault::{Keys, VAULT_FILE};

use crate::restore_swap::{BLOBS, REPLACED, STAGING};
use crate::whole_file::{partial_path, sync_folder_of};

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
    /// empty. It is written into a hidden `.NAME.partial` folder beside it
    /// and renamed when whole: a backup cut short never looks like one.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupSummary> {
        if fs::read_dir(dest).is_ok_and(|mut d| d.next().is_some()) {
            return Err(Error::DestinationNotEmpty(dest.display().to_string()));
        }
        let partial = partial_path(dest);
        if partial.exists() {
            // What an earlier backup to the same place left when cut short.
            fs::remove_dir_all(&partial)?;
        }
        let written = self.write_backup(&partial).and_then(|summary| {
            if dest.exists() {
                fs::remove_dir(dest)?;
            }
            fs::rename(&partial, dest)?;
            sync_folder_of(dest)?;
            Ok(summary)
        });
        if written.is_err() {
            let _ = fs::remove_dir_all(&partial);
        }
        Ok(BackupSummary {
            folder: dest.display().to_string(),
            ..written?
        })
    }

    fn write_backup(&self, dest: &Path) -> Result<BackupSummary> {
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
            sums.push_str(&format!(
                "{}  {}\n",
                backup_check::sha256_of(&path, None)?,
                relative
            ));
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
/// `data_dir` must be closed. The backup is verified first (see
/// [`crate::backup_check`]): a refused backup changes nothing in the data
/// folder. The data it replaces is moved to `replaced/<time>/`, the one
/// such folder kept (an older one is removed), whose path is returned
/// (`None` when there was nothing to replace).
pub fn restore_backup(data_dir: &Path, source: &Path, keys: &Keys) -> Result<Option<PathBuf>> {
    let listed = backup_check::check_listing(source)?;
    private_dir(data_dir)?;
    // What an earlier restore cut short left goes first.
    finish_interrupted_restore(data_dir)?;
    let staging = data_dir.join(format!("{STAGING}{}", uuid::Uuid::now_v7()));
    if let Err(e) = backup_check::stage(source, &listed, &staging, keys) {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let replaced = new_replaced_folder(data_dir);
    restore_swap::mark_ready(&staging, &replaced)?;
    restore_swap::swap_in(data_dir, &staging, &replaced)?;
    keep_only_latest_replaced(data_dir, replaced)
}

/// Finishes a restore cut short after its backup was verified (see
/// [`crate::restore_swap`]); run before the store opens.
pub(crate) fn finish_interrupted_restore(data_dir: &Path) -> Result<()> {
    if let Some(replaced) = restore_swap::finish_interrupted(data_dir)? {
        keep_only_latest_replaced(data_dir, replaced)?;
    }
    Ok(())
}

/// Only the latest replaced data is kept: each copy holds every case it
/// had, erased ones included, and a family cannot see what piles up. When
/// nothing was replaced, the data an earlier restore replaced is still the
/// latest and stays.
fn keep_only_latest_replaced(data_dir: &Path, replaced: PathBuf) -> Result<Option<PathBuf>> {
    if !replaced.exists() {
        return Ok(None);
    }
    remove_replaced_except(data_dir, Some(&replaced))?;
    Ok(Some(replaced))
}

/// The data the last restore replaced, kept in case the backup was the
/// wrong one.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReplacedData {
    /// The folder that holds it.
    pub folder: String,
    /// When it was set aside (UTC, RFC 3339).
    pub kept_since: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The data the last restore replaced, if any is kept in `data_dir`.
pub fn replaced_data(data_dir: &Path) -> Result<Option<ReplacedData>> {
    let mut newest: Option<(std::time::SystemTime, PathBuf)> = None;
    for folder in replaced_folders(data_dir)? {
        let at = fs::metadata(&folder)?.modified()?;
        if newest.as_ref().is_none_or(|(t, _)| at > *t) {
            newest = Some((at, folder));
        }
    }
    let Some((at, folder)) = newest else {
        return Ok(None);
    };
    let mut bytes = 0;
    for relative in files_under(&folder)? {
        bytes += fs::symlink_metadata(folder.join(relative))?.len();
    }
    Ok(Some(ReplacedData {
        folder: folder.display().to_string(),
        kept_since: chrono::DateTime::<chrono::Utc>::from(at)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        bytes,
    }))
}

/// Deletes the data earlier restores replaced. Returns whether there was
/// any.
pub fn delete_replaced_data(data_dir: &Path) -> Result<bool> {
    let any = !replaced_folders(data_dir)?.is_empty();
    remove_replaced_except(data_dir, None)?;
    Ok(any)
}

impl Store {
    /// The data the last restore replaced, if any is kept.
    pub fn replaced_data(&self) -> Result<Option<ReplacedData>> {
        replaced_data(self.dir().ok_or(Error::NoDataDir)?)
    }

    /// Deletes the data the last restore replaced; whether there was any.
    pub fn delete_replaced_data(&self) -> Result<bool> {
        delete_replaced_data(self.dir().ok_or(Error::NoDataDir)?)
    }
}

fn replaced_folders(data_dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(data_dir.join(REPLACED)) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            out.push(entry.path());
        }
    }
    Ok(out)
}

/// Removes every folder under `replaced/` but `keep` (and `replaced/`
/// itself when nothing is kept).
fn remove_replaced_except(data_dir: &Path, keep: Option<&Path>) -> Result<()> {
    for folder in replaced_folders(data_dir)? {
        if Some(folder.as_path()) != keep {
            fs::remove_dir_all(&folder)?;
        }
    }
    if keep.is_none() {
        let _ = fs::remove_dir(data_dir.join(REPLACED));
    }
    Ok(())
}

/// `replaced/<unix time>`, with a number added if a restore in the same
/// second already made that folder.
fn new_replaced_folder(data_dir: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().timestamp();
    let base = data_dir.join(REPLACED);
    let mut folder = base.join(stamp.to_string());
    let mut n = 1;
    while folder.exists() {
        folder = base.join(format!("{stamp}-{n}"));
        n += 1;
    }
    folder
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
