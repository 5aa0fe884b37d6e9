//! The one open store of the window. It may have failed to open (a damaged
//! file, data from a newer version): then every command answers with that
//! error, and the UI shows it instead of an empty case list that would look
//! like lost work.

use std::path::PathBuf;
use std::sync::Mutex;

use amparo_core::{BlobStore, Error, ErrorPayload, Store};

pub struct StoreSlot {
    dir: Option<PathBuf>,
    blobs: Option<BlobStore>,
    inner: Mutex<Result<Store, ErrorPayload>>,
}

impl StoreSlot {
    pub fn open(dir: amparo_core::Result<PathBuf>) -> Self {
        match dir {
            Ok(dir) => {
                let store = Store::open(&dir).map_err(|e| ErrorPayload::from(&e));
                let blobs = BlobStore::open(&dir).ok();
                if let (Ok(store), Some(blobs)) = (&store, &blobs) {
                    sweep(store, blobs);
                }
                // PDFs written for the viewer in an earlier session: they may
                // name a case erased since, so they do not outlive it.
                let _ = std::fs::remove_dir_all(dir.join(crate::statement_commands::PRINTED));
                Self {
                    blobs,
                    dir: Some(dir),
                    inner: Mutex::new(store),
                }
            }
            Err(e) => Self {
                dir: None,
                blobs: None,
                inner: Mutex::new(Err(ErrorPayload::from(&e))),
            },
        }
    }

    /// The blob store of the data folder, when there is one.
    pub fn blobs(&self) -> Option<&BlobStore> {
        self.blobs.as_ref()
    }

    /// The data folder, when there is one.
    pub fn dir(&self) -> Option<&std::path::Path> {
        self.dir.as_deref()
    }

    /// Runs a print `f` on the open store.
    pub fn with_print<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, amparo_print::PrintError>,
    ) -> Result<T, amparo_print::PrintError> {
        let mut guard = self
            .inner
            .lock()
            .map_err(|_| amparo_print::PrintError::Template(poisoned().message))?;
        match guard.as_mut() {
            Ok(store) => f(store),
            Err(e) => Err(amparo_print::PrintError::Core(Error::CorruptDatabase(
                e.message.clone(),
            ))),
        }
    }

    /// Runs `f` on the open store.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> amparo_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let mut guard = self.inner.lock().map_err(|_| poisoned())?;
        let store = guard.as_mut().map_err(|e| e.clone())?;
        f(store).map_err(|e| ErrorPayload::from(&e))
    }

    /// Closes the store, runs `f` on the data folder, and opens it again.
    pub fn reopen_after<T>(
        &self,
        f: impl FnOnce(&std::path::Path) -> amparo_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let dir = self
            .dir
            .clone()
            .ok_or_else(|| ErrorPayload::from(&Error::NoDataDir))?;
        let mut guard = self.inner.lock().map_err(|_| poisoned())?;
        // Close the database before its files are moved.
        *guard = Err(ErrorPayload::from(&Error::NoDataDir));
        let result = f(&dir).map_err(|e| ErrorPayload::from(&e));
        *guard = Store::open(&dir).map_err(|e| ErrorPayload::from(&e));
        let value = result?;
        guard.as_ref().map_err(|e| e.clone())?;
        Ok(value)
    }
}

/// Removes blobs that no row names: what an import that was interrupted
/// (a crash, a power cut) had written before its row committed. Blobs
/// younger than an hour are left alone, in case another Amparo (the
/// command line) is importing right now.
fn sweep(store: &Store, blobs: &BlobStore) {
    if let Ok(keep) = store.referenced_hashes() {
        let _ = blobs.sweep(&keep, std::time::Duration::from_secs(3600));
    }
}

fn poisoned() -> ErrorPayload {
    ErrorPayload {
        code: "storage".into(),
        message: "an earlier operation failed midway; restart Amparo".into(),
        fields: Vec::new(),
    }
}
