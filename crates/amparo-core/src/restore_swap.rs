//! The moment a restore swaps the data: the data folder's database, its
//! log and its stored files move aside into `replaced/<time>/`, and the
//! verified backup, staged in `.restoring-<id>/`, moves in. Cut short
//! between the two (a crash, a power cut), the folder would hold no
//! database and the next start would show an empty Amparo. So the staged
//! copy is marked ready (with where the old data goes) before anything
//! moves, and opening the store finishes a ready swap; a staging folder
//! never marked ready is an unchecked copy and is removed.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::store::{DATABASE_FILE, private_dir};
use crate::whole_file::{sync_folder_of, write_whole};

/// The name prefix of a restore's staging folder in the data folder.
pub(crate) const STAGING: &str = ".restoring-";
/// In a staging folder: the backup in it is verified and the swap may go
/// on. It holds the name of the folder under `replaced/` the old data goes
/// to.
const READY: &str = "READY";
pub(crate) const BLOBS: &str = "blobs";
pub(crate) const REPLACED: &str = "replaced";

/// Marks the verified backup in `staging` ready to move in, the data it
/// replaces going to `replaced`.
pub(crate) fn mark_ready(staging: &Path, replaced: &Path) -> Result<()> {
    let name = replaced
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    write_whole(&staging.join(READY), name.as_bytes())?;
    Ok(())
}

/// Moves the data in `data_dir` aside into `replaced` and the staged backup
/// in. Safe to run again on a swap cut short at any point.
pub(crate) fn swap_in(data_dir: &Path, staging: &Path, replaced: &Path) -> Result<()> {
    // While the staged database has not moved in, every database, log and
    // blobs folder in the data folder is the old one (the log must never
    // meet the restored database: SQLite would replay it into it).
    if staging.join(DATABASE_FILE).exists() {
        for name in [
            DATABASE_FILE.to_owned(),
            format!("{DATABASE_FILE}-wal"),
            format!("{DATABASE_FILE}-shm"),
            BLOBS.to_owned(),
        ] {
            let from = data_dir.join(&name);
            if from.exists() {
                private_dir(replaced)?;
                fs::rename(&from, replaced.join(&name))?;
            }
        }
        if replaced.exists() {
            fs::File::open(replaced)?.sync_all()?;
        }
        sync_folder_of(&data_dir.join(DATABASE_FILE))?;
    }
    for name in [DATABASE_FILE, BLOBS] {
        let from = staging.join(name);
        if from.exists() {
            fs::rename(&from, data_dir.join(name))?;
        }
    }
    fs::remove_dir_all(staging)?;
    fs::File::open(data_dir)?.sync_all()?;
    Ok(())
}

/// Finishes a restore that was cut short after its backup was verified,
/// and removes staged copies that never were. Returns where the replaced
/// data went, when a swap was finished.
pub(crate) fn finish_interrupted(data_dir: &Path) -> Result<Option<PathBuf>> {
    let entries = match fs::read_dir(data_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let mut finished = None;
    for entry in entries {
        let entry = entry?;
        if !entry.file_name().to_string_lossy().starts_with(STAGING) || !entry.file_type()?.is_dir()
        {
            continue;
        }
        let staging = entry.path();
        match fs::read_to_string(staging.join(READY)) {
            Ok(name) if is_plain_name(&name) => {
                let replaced = data_dir.join(REPLACED).join(name.trim());
                swap_in(data_dir, &staging, &replaced)?;
                finished = Some(replaced);
            }
            _ => fs::remove_dir_all(&staging)?,
        }
    }
    Ok(finished)
}

/// A folder name under `replaced/`, never a path that leaves it.
fn is_plain_name(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A data folder mid-restore: the old database with its log and
    /// blobs, and a verified backup staged and marked ready.
    fn folder_mid_restore() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let root = tempfile::tempdir().expect("temp");
        let data = root.path().to_path_buf();
        for (name, text) in [
            (DATABASE_FILE.to_owned(), "old database"),
            (format!("{DATABASE_FILE}-wal"), "old log"),
            (format!("{DATABASE_FILE}-shm"), "old shared memory"),
        ] {
            fs::write(data.join(name), text).expect("write");
        }
        fs::create_dir(data.join(BLOBS)).expect("blobs");
        fs::write(data.join(BLOBS).join("a"), "old photo").expect("write");
        let staging = data.join(format!("{STAGING}1"));
        fs::create_dir_all(staging.join(BLOBS)).expect("staging");
        fs::write(staging.join(DATABASE_FILE), "backup database").expect("write");
        fs::write(staging.join(BLOBS).join("b"), "backup photo").expect("write");
        let replaced = data.join(REPLACED).join("1796285331");
        mark_ready(&staging, &replaced).expect("ready");
        (root, staging, replaced)
    }

    fn assert_swapped(data: &Path, replaced: &Path) {
        let read = |p: PathBuf| fs::read_to_string(p).expect("read");
        assert_eq!(read(data.join(DATABASE_FILE)), "backup database");
        assert_eq!(read(data.join(BLOBS).join("b")), "backup photo");
        assert!(!data.join(format!("{DATABASE_FILE}-wal")).exists());
        assert_eq!(read(replaced.join(DATABASE_FILE)), "old database");
        assert_eq!(
            read(replaced.join(format!("{DATABASE_FILE}-wal"))),
            "old log"
        );
        assert_eq!(read(replaced.join(BLOBS).join("a")), "old photo");
        let left: Vec<_> = fs::read_dir(data)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(STAGING))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_restore_cut_short_at_any_step_of_the_swap_is_finished_at_the_next_start() {
        // Each step the swap takes, in order; the crash comes after `cut`.
        for cut in 0..=6 {
            let (root, staging, replaced) = folder_mid_restore();
            let data = root.path();
            let steps: [(PathBuf, PathBuf); 6] = [
                (data.join(DATABASE_FILE), replaced.join(DATABASE_FILE)),
                (
                    data.join(format!("{DATABASE_FILE}-wal")),
                    replaced.join(format!("{DATABASE_FILE}-wal")),
                ),
                (
                    data.join(format!("{DATABASE_FILE}-shm")),
                    replaced.join(format!("{DATABASE_FILE}-shm")),
                ),
                (data.join(BLOBS), replaced.join(BLOBS)),
                (staging.join(DATABASE_FILE), data.join(DATABASE_FILE)),
                (staging.join(BLOBS), data.join(BLOBS)),
            ];
            for (from, to) in steps.iter().take(cut) {
                fs::create_dir_all(to.parent().expect("parent")).expect("folder");
                fs::rename(from, to).expect("step");
            }
            assert_eq!(
                finish_interrupted(data).expect("finish"),
                Some(replaced.clone())
            );
            assert_swapped(data, &replaced);
        }
    }

    #[test]
    fn a_staged_copy_never_marked_ready_is_removed_and_the_data_stays() {
        let (root, staging, _) = folder_mid_restore();
        fs::remove_file(staging.join(READY)).expect("unmark");
        assert_eq!(finish_interrupted(root.path()).expect("finish"), None);
        assert!(!staging.exists());
        assert_eq!(
            fs::read_to_string(root.path().join(DATABASE_FILE)).expect("read"),
            "old database"
        );
        assert!(!root.path().join(REPLACED).exists());
    }

    #[test]
    fn a_ready_mark_that_names_a_path_outside_replaced_is_not_followed() {
        let (root, staging, _) = folder_mid_restore();
        fs::write(staging.join(READY), "../../elsewhere").expect("write");
        finish_interrupted(root.path()).expect("finish");
        assert_eq!(
            fs::read_to_string(root.path().join(DATABASE_FILE)).expect("read"),
            "old database"
        );
    }
}
