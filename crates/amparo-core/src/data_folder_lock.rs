//! One Amparo at a time on a data folder. The window, `amparo serve` and
//! every `amparo` command hold an exclusive lock on `amparo.lock` while
//! they have the folder open, so two processes never write the same store
//! or blobs: the second is told the folder is in use instead.
//!
//! The lock is the operating system's (`flock` on Linux): it goes when
//! the process does, a crash or a power cut included, so a stale lock
//! never keeps a family out of its own data.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::error::{Error, Result};
use crate::store::{private_dir, private_file};

/// The lock file's name in the data folder.
pub const LOCK_FILE: &str = "amparo.lock";

/// The data folder, held by this process until dropped.
#[derive(Debug)]
pub struct DataFolderLock {
    // Held open: closing the file releases the lock.
    _file: File,
}

impl DataFolderLock {
    /// Takes the data folder `dir` (made, private to the user, if it does
    /// not exist yet), or says it is open in another Amparo.
    pub fn take(dir: &Path) -> Result<Self> {
        private_dir(dir)?;
        let path = dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        private_file(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::DataFolderInUse),
            Err(TryLockError::Error(e)) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_told_the_folder_is_in_use_until_the_first_lets_go() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("amparo");
        let first = DataFolderLock::take(&data).expect("first takes it");
        assert!(matches!(
            DataFolderLock::take(&data),
            Err(Error::DataFolderInUse)
        ));
        drop(first);
        DataFolderLock::take(&data).expect("free again");
    }
}
