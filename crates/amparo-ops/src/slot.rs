//! The one open data folder of a host (the window, `amparo serve`): its
//! store, blobs and preview, and the one way to run an operation on them.
//!
//! The store may have failed to open (a damaged file, data from a newer
//! version): then every operation answers with that reason, so the window
//! shows it instead of an empty case list that would look like lost work.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

use amparo_core::{BlobStore, ErrorPayload, Store};
use serde_json::Value;

use crate::error::Error;
use crate::operation::{Context, Reach};
use crate::preview::Previews;
use crate::{catalog, files};

/// The open data folder, shared by every call of a host.
pub struct Slot {
    dir: Option<PathBuf>,
    blobs: Option<BlobStore>,
    previews: Previews,
    cancel: AtomicBool,
    store: Mutex<Result<Store, ErrorPayload>>,
}

impl Slot {
    /// Opens the data folder `dir`.
    pub fn open(dir: amparo_core::Result<PathBuf>) -> Self {
        let dir = match dir {
            Ok(dir) => dir,
            Err(e) => return Self::unavailable(ErrorPayload::from(&e)),
        };
        let store = Store::open(&dir).map_err(|e| ErrorPayload::from(&e));
        let blobs = BlobStore::open(&dir).ok();
        Self {
            dir: Some(dir),
            blobs,
            previews: Previews::default(),
            cancel: AtomicBool::new(false),
            store: Mutex::new(store),
        }
    }

    fn unavailable(payload: ErrorPayload) -> Self {
        Self {
            dir: None,
            blobs: None,
            previews: Previews::default(),
            cancel: AtomicBool::new(false),
            store: Mutex::new(Err(payload)),
        }
    }

    /// Tidies the data folder as a window start does: blobs no row names
    /// are swept, and PDFs written for the viewer in an earlier session
    /// (which may name a case erased since) are removed.
    pub fn tidy(&self) {
        if let Ok(guard) = self.store.lock()
            && let (Ok(store), Some(blobs)) = (guard.as_ref(), &self.blobs)
        {
            sweep(store, blobs);
        }
        self.clear_printed();
    }

    /// Removes the PDFs written for the system viewer, as the window does
    /// when it closes: a declaration left there would name a person to
    /// whoever opens the laptop next.
    pub fn clear_printed(&self) {
        if let Some(dir) = &self.dir {
            files::clear_printed(dir);
        }
    }

    /// The blob store of the data folder, when there is one.
    pub fn blobs(&self) -> Option<&BlobStore> {
        self.blobs.as_ref()
    }

    /// The pages of the latest preview.
    pub fn previews(&self) -> &Previews {
        &self.previews
    }

    /// Asks the running import to stop after the files under way.
    pub fn cancel_import(&self) {
        self.cancel
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Runs the operation `name` with JSON `input` for a caller that may
    /// reach operations up to `reach`, reporting progress to `progress`.
    pub fn call(
        &self,
        name: &str,
        input: Value,
        reach: Reach,
        progress: &(dyn Fn(Value) + Sync),
    ) -> Result<Value, Error> {
        let operation = catalog::find(name)?;
        if reach == Reach::Window && operation.reach == Reach::Host {
            return Err(Error::NotFromWindow(name.to_owned()));
        }
        self.with(progress, |cx| (operation.run)(cx, input))
    }

    /// Runs `f` with the open store.
    pub fn with<T>(
        &self,
        progress: &(dyn Fn(Value) + Sync),
        f: impl FnOnce(&mut Context<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let mut guard = self.store.lock().map_err(|_| Error::Poisoned)?;
        let store = guard
            .as_mut()
            .map_err(|payload| Error::Unavailable(payload.clone()))?;
        let (Some(dir), Some(blobs)) = (self.dir.as_deref(), self.blobs.as_ref()) else {
            return Err(amparo_core::Error::NoDataDir.into());
        };
        self.cancel
            .store(false, std::sync::atomic::Ordering::Relaxed);
        f(&mut Context {
            store,
            blobs,
            dir,
            previews: &self.previews,
            progress,
            cancel: &self.cancel,
        })
    }

    /// Closes the store, runs `f` on the data folder, and opens it again
    /// (a restore replaces the database's files).
    pub fn reopen_after<T>(
        &self,
        f: impl FnOnce(&Path) -> amparo_core::Result<T>,
    ) -> Result<T, Error> {
        let dir = self.dir.clone().ok_or(amparo_core::Error::NoDataDir)?;
        let mut guard = self.store.lock().map_err(|_| Error::Poisoned)?;
        *guard = Err(ErrorPayload::from(&amparo_core::Error::NoDataDir));
        let result = f(&dir);
        *guard = Store::open(&dir).map_err(|e| ErrorPayload::from(&e));
        let value = result?;
        if let Err(payload) = guard.as_ref() {
            return Err(Error::Unavailable(payload.clone()));
        }
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
