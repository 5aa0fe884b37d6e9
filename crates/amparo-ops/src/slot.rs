//! The one data folder of a host (the window, `amparo serve`): its vault,
//! and once unlocked its store, blobs and preview, and the one way to run
//! an operation on them.
//!
//! The slot starts locked. Unlocking opens the store; locking closes it and
//! drops the keys and the previews, so a locked Amparo holds no case data.
//! The store may also have failed to open (a damaged file, data from a newer
//! version): then every operation answers with that reason, so the window
//! shows it instead of an empty case list that would look like lost work.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, RwLock};

use amparo_core::vault::{KdfCost, MovedIn, has_plain_data, move_plain_data_in};
use amparo_core::{BlobStore, DataFolderLock, ErrorPayload, Store, Vault};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::error::Error;
use crate::operation::{Context, Reach, Run};
use crate::preview::Previews;
use crate::shown_pdf::ShownPdf;
use crate::{catalog, files};

/// Where the vault stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum VaultState {
    /// No vault yet: the first start (or the first of this version).
    NoVault,
    /// A vault, locked.
    Locked,
    /// Unlocked: the store is open.
    Unlocked,
}

/// What the lock screen needs to know.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VaultStatus {
    /// Where the vault stands.
    pub state: VaultState,
    /// An older Amparo's unencrypted data is in the folder, to be moved in
    /// when the vault is made or unlocked.
    pub plain_data: bool,
    /// Why nothing can be saved although the vault is open (`diskFull`):
    /// the cases can be read, every change is refused.
    pub saving_refused: Option<String>,
}

/// A new vault: its recovery words (shown once) and what moved into it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VaultCreated {
    /// The twelve recovery words, in order.
    pub recovery_words: Vec<String>,
    /// The older plain data moved in.
    pub moved: MovedIn,
}

/// The data folder, shared by every call of a host. Dropping it (the host
/// closing) locks it and lets the folder go to another Amparo.
pub struct Slot {
    dir: Option<PathBuf>,
    /// The folder held for this host; `None` when another Amparo has it
    /// (then nothing here reads or writes it) or there is no folder.
    held: Option<DataFolderLock>,
    /// Why the folder could not be held: in use by another Amparo, or on
    /// a disk that cannot be written.
    refused: Option<ErrorPayload>,
    kdf: KdfCost,
    vault: Mutex<Option<Vault>>,
    store: Mutex<Result<Store, ErrorPayload>>,
    /// A second, read-only connection to the same store: `reads`
    /// operations are answered from it while a long import holds `store`.
    reader: Mutex<Option<Reader>>,
    blobs: RwLock<Option<BlobStore>>,
    previews: Previews,
    shown_pdf: ShownPdf,
    cancel: AtomicBool,
}

impl Slot {
    /// The data folder `dir`, locked.
    pub fn open(dir: amparo_core::Result<PathBuf>) -> Self {
        Self::open_with_cost(dir, KdfCost::DEFAULT)
    }

    /// [`Slot::open`], making any new vault at `kdf` (tests use a weak one).
    pub fn open_with_cost(dir: amparo_core::Result<PathBuf>, kdf: KdfCost) -> Self {
        let (dir, held, store) = match dir {
            Ok(dir) => match DataFolderLock::take(&dir) {
                Ok(held) => {
                    let locked = locked_reason(&dir);
                    (Some(dir), Some(held), Err(locked))
                }
                Err(e) => {
                    let e = e.in_folder(&dir);
                    (Some(dir), None, Err(ErrorPayload::from(&e)))
                }
            },
            Err(e) => (None, None, Err(ErrorPayload::from(&e))),
        };
        let refused = store.as_ref().err().filter(|_| held.is_none()).cloned();
        Self {
            dir,
            held,
            refused,
            kdf,
            vault: Mutex::new(None),
            store: Mutex::new(store),
            reader: Mutex::new(None),
            blobs: RwLock::new(None),
            previews: Previews::default(),
            shown_pdf: ShownPdf::default(),
            cancel: AtomicBool::new(false),
        }
    }

    /// Whether another Amparo has the data folder open: this host may
    /// then only hand over to it (the window) or say so.
    pub fn in_use(&self) -> bool {
        self.dir.is_some()
            && self.held.is_none()
            && self
                .refused
                .as_ref()
                .is_some_and(|p| p.code == amparo_core::Error::DataFolderInUse.code())
    }

    /// The data folder, when this host holds it.
    pub fn held_dir(&self) -> Option<&Path> {
        self.held.as_ref().and(self.dir.as_deref())
    }

    /// Tidies the data folder as a window start does: PDFs written for the
    /// viewer in an earlier session (which may name a case erased since)
    /// are removed. Blobs no row names are swept at each unlock.
    pub fn tidy(&self) {
        self.clear_printed();
    }

    /// Removes the PDFs written for the system viewer, as the window does
    /// when it closes and Amparo locks: a declaration left there would name
    /// a person to whoever opens the laptop next.
    pub fn clear_printed(&self) {
        if let Some(dir) = self.held_dir() {
            files::clear_printed(dir);
        }
    }

    /// The blob store, while unlocked.
    pub fn blobs(&self) -> Option<BlobStore> {
        self.blobs.read().ok().and_then(|b| b.clone())
    }

    /// The pages of the latest preview.
    pub fn previews(&self) -> &Previews {
        &self.previews
    }

    /// Page `index` of the stored PDF `sha256` as the window shows it;
    /// none while locked. The PDF is read and held under the blob store's
    /// read lock: [`Slot::lock`] waits for it, then drops what was held.
    pub fn pdf_page_png(&self, sha256: &str, index: usize) -> Option<Vec<u8>> {
        if !self.is_shown_document_pdf(sha256) {
            return None;
        }
        let pdf = {
            let blobs = self.blobs.read().ok()?;
            self.shown_pdf.pdf(blobs.as_ref()?, sha256)?
        };
        self.shown_pdf.page_png(&pdf, index)
    }

    /// Whether `sha256` is a filed document's PDF of a case not deleted,
    /// asked of the reading connection (or the writing one when it is
    /// free), never waiting behind a long import.
    fn is_shown_document_pdf(&self, sha256: &str) -> bool {
        if let Ok(reader) = self.reader.lock()
            && let Some(reader) = reader.as_ref()
        {
            return reader.store.is_shown_document_pdf(sha256).unwrap_or(false);
        }
        match self.store.try_lock() {
            Ok(store) => store
                .as_ref()
                .is_ok_and(|s| s.is_shown_document_pdf(sha256).unwrap_or(false)),
            Err(_) => false,
        }
    }

    /// Asks the running import (or reading of pages) to stop after the
    /// files or pages under way.
    pub fn cancel_import(&self) {
        self.cancel
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Where the vault stands.
    pub fn status(&self) -> VaultStatus {
        let unlocked = self.vault.lock().is_ok_and(|v| v.is_some());
        let dir = self.dir.as_deref();
        VaultStatus {
            state: match dir {
                _ if unlocked => VaultState::Unlocked,
                Some(dir) if Vault::exists(dir) => VaultState::Locked,
                _ => VaultState::NoVault,
            },
            plain_data: dir.is_some_and(has_plain_data),
            // An import holding the store means it is open: nothing to say.
            saving_refused: self.store.try_lock().ok().filter(|_| unlocked).and_then(
                |mut store| {
                    self.retry_after_full_disk(&mut store);
                    store.as_ref().err().map(|why| why.code.clone())
                },
            ),
        }
    }

    /// Makes the vault and opens the store in it.
    pub fn create_vault(&self, passphrase: &str) -> Result<VaultCreated, Error> {
        let dir = self.dir()?;
        let (vault, recovery) = Vault::create_with_cost(&dir, passphrase, self.kdf)?;
        let moved = self.open_with(vault)?;
        Ok(VaultCreated {
            recovery_words: recovery.words(),
            moved,
        })
    }

    /// Unlocks with the passphrase.
    pub fn unlock(&self, passphrase: &str) -> Result<MovedIn, Error> {
        let vault = Vault::unlock(&self.dir()?, passphrase)?;
        self.open_with(vault)
    }

    /// Unlocks with the recovery words and sets a new passphrase. A new
    /// passphrase that is refused leaves the vault locked and unchanged.
    pub fn unlock_with_recovery(
        &self,
        words: &str,
        new_passphrase: &str,
    ) -> Result<MovedIn, Error> {
        let vault = Vault::unlock_with_recovery(&self.dir()?, words)?;
        vault.change_passphrase(new_passphrase)?;
        self.open_with(vault)
    }

    /// Whether `words` are the open vault's recovery words.
    pub fn confirm_recovery_words(&self, words: &str) -> Result<bool, Error> {
        let guard = self.vault.lock().map_err(|_| Error::Poisoned)?;
        let vault = guard.as_ref().ok_or(amparo_core::Error::Locked)?;
        Ok(vault.recovery_matches(words)?)
    }

    /// Changes the passphrase, once the current one is given again.
    pub fn change_passphrase(&self, current: &str, new_passphrase: &str) -> Result<(), Error> {
        if self.vault.lock().map_err(|_| Error::Poisoned)?.is_none() {
            return Err(amparo_core::Error::Locked.into());
        }
        Vault::unlock(&self.dir()?, current)?.change_passphrase(new_passphrase)?;
        Ok(())
    }

    /// Locks: closes the store, drops the keys (their bytes are zeroed),
    /// the preview pages and the PDF whose pages were shown.
    pub fn lock(&self) {
        // The store first: an operation under way finishes before the lock.
        let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
        // The reader closes first: the writer, closing last, moves the
        // write-ahead log into the database and removes it and the shared
        // memory (a read-only connection closing last leaves both).
        *self.reader.lock().unwrap_or_else(|p| p.into_inner()) = None;
        *store = Err(ErrorPayload::from(&amparo_core::Error::Locked));
        if let Ok(mut blobs) = self.blobs.write() {
            *blobs = None;
        }
        if let Ok(mut vault) = self.vault.lock() {
            *vault = None;
        }
        self.previews.clear();
        self.shown_pdf.clear();
        self.clear_printed();
    }

    fn dir(&self) -> Result<PathBuf, Error> {
        match (&self.dir, &self.held) {
            (Some(dir), Some(_)) => Ok(dir.clone()),
            (Some(_), None) => Err(match &self.refused {
                Some(why) => Error::Unavailable(why.clone()),
                None => amparo_core::Error::DataFolderInUse.into(),
            }),
            (None, _) => Err(amparo_core::Error::NoDataDir.into()),
        }
    }

    /// Moves older plain data in, opens the store and the blobs under the
    /// vault's keys, and sweeps blobs no row names.
    ///
    /// When the data itself cannot be opened (damaged, from a newer
    /// version), the vault stays open and every operation answers with that
    /// reason, as the unlock did.
    fn open_with(&self, vault: Vault) -> Result<MovedIn, Error> {
        let mut guard = self.store.lock().map_err(|_| Error::Poisoned)?;
        let (dir, keys) = (vault.dir().to_path_buf(), vault.keys().clone());
        // A reader left from a full disk holds the database alone.
        *self.reader.lock().map_err(|_| Error::Poisoned)? = None;
        let opened = move_plain_data_in(&vault).and_then(|moved| {
            let store = open_store(vault.dir(), vault.keys())?;
            let blobs = BlobStore::open(vault.dir(), vault.keys())?;
            // Without it, reads are answered by the writing connection.
            let reader = Reader::open(vault.dir(), vault.keys());
            Ok((moved, store, blobs, reader))
        });
        *self.vault.lock().map_err(|_| Error::Poisoned)? = Some(vault);
        match opened {
            Ok((moved, store, blobs, reader)) => {
                // What a crash left half-done is removed; a sweep that
                // fails leaves only unnamed files, and the data opens.
                let _ = blobs.sweep_unnamed(&store);
                *guard = Ok(store);
                *self.reader.lock().map_err(|_| Error::Poisoned)? = reader;
                *self.blobs.write().map_err(|_| Error::Poisoned)? = Some(blobs);
                Ok(moved)
            }
            Err(e) => {
                *guard = Err(ErrorPayload::from(&e));
                // A disk full to the last byte: nothing can be written, but
                // the family can still read its cases.
                if e.code() == "diskFull"
                    && let (Some(reader), Ok(blobs)) = (
                        Reader::open_alone(&dir, &keys),
                        BlobStore::open(&dir, &keys),
                    )
                {
                    *self.reader.lock().map_err(|_| Error::Poisoned)? = Some(reader);
                    *self.blobs.write().map_err(|_| Error::Poisoned)? = Some(blobs);
                    return Ok(MovedIn::default());
                }
                Err(e.into())
            }
        }
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
        match operation.run {
            Run::Slot(run) => run(self, input),
            Run::Store(run) => self.with(progress, |cx| run(cx, input)),
            Run::Read(run) => self.reading(progress, |cx| run(cx, input)),
        }
    }

    /// Runs `f` with the open store.
    pub fn with<T>(
        &self,
        progress: &(dyn Fn(Value) + Sync),
        f: impl FnOnce(&mut Context<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let mut guard = self.store.lock().map_err(|_| Error::Poisoned)?;
        self.retry_after_full_disk(&mut guard);
        let store = guard
            .as_mut()
            .map_err(|payload| Error::Unavailable(payload.clone()))?;
        let (Some(dir), Some(blobs)) = (self.dir.as_deref(), self.blobs()) else {
            return Err(amparo_core::Error::NoDataDir.into());
        };
        self.cancel
            .store(false, std::sync::atomic::Ordering::Relaxed);
        f(&mut Context {
            store,
            blobs: &blobs,
            dir,
            previews: &self.previews,
            progress,
            cancel: &self.cancel,
        })
    }

    /// Opens the writer again once a disk that was full has room: freeing
    /// space and trying again works, as the message says, without
    /// locking and unlocking.
    fn retry_after_full_disk(&self, store: &mut Result<Store, ErrorPayload>) {
        let full = |s: &Result<Store, ErrorPayload>| {
            s.as_ref()
                .is_err_and(|why| why.code == amparo_core::Room::Full.code())
        };
        let Some(dir) = self.held_dir().filter(|_| full(store)) else {
            return;
        };
        if amparo_core::Room::of_folder(dir) == Some(amparo_core::Room::Full) {
            return;
        }
        let Some(keys) = self
            .vault
            .lock()
            .ok()
            .and_then(|v| v.as_ref().map(|v| v.keys().clone()))
        else {
            return;
        };
        let Ok(mut reader) = self.reader.lock() else {
            return;
        };
        // The full disk's reader holds the database alone: it goes first.
        *reader = None;
        match open_store(dir, &keys) {
            Ok(opened) => {
                *store = Ok(opened);
                *reader = Reader::open(dir, &keys);
            }
            Err(_) => *reader = Reader::open_alone(dir, &keys),
        }
    }

    /// Runs `f`, which only reads, on the reading connection: it does not
    /// wait for an import that holds the writing one. Without a reading
    /// connection (locked, or it could not open) the writing one answers.
    fn reading<T>(
        &self,
        progress: &(dyn Fn(Value) + Sync),
        f: impl FnOnce(&mut Context<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        // After an operation failed midway, every call says so, reads too.
        if self.store.is_poisoned() {
            return Err(Error::Poisoned);
        }
        let keys = self
            .vault
            .lock()
            .map_err(|_| Error::Poisoned)?
            .as_ref()
            .map(|v| v.keys().clone());
        let mut guard = self.reader.lock().map_err(|_| Error::Poisoned)?;
        let (Some(dir), Some(blobs)) = (self.dir.as_deref(), self.blobs()) else {
            drop(guard);
            return self.with(progress, f);
        };
        if guard.as_ref().is_some_and(|r| r.file != database_file(dir)) {
            // A restore put another database in place: read that one.
            *guard = keys.and_then(|k| Reader::open(dir, &k));
        }
        let Some(reader) = guard.as_mut() else {
            drop(guard);
            return self.with(progress, f);
        };
        f(&mut Context {
            store: &mut reader.store,
            blobs: &blobs,
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
        let dir = self.dir()?;
        let vault_guard = self.vault.lock().map_err(|_| Error::Poisoned)?;
        let vault = vault_guard.as_ref().ok_or(amparo_core::Error::Locked)?;
        let mut guard = self.store.lock().map_err(|_| Error::Poisoned)?;
        let mut reader = self.reader.lock().map_err(|_| Error::Poisoned)?;
        *reader = None;
        *guard = Err(ErrorPayload::from(&amparo_core::Error::Locked));
        let result = f(&dir);
        *guard = open_store(&dir, vault.keys()).map_err(|e| ErrorPayload::from(&e));
        if guard.is_ok() {
            *reader = Reader::open(&dir, vault.keys());
        }
        let value = result?;
        if let Err(payload) = guard.as_ref() {
            return Err(Error::Unavailable(payload.clone()));
        }
        Ok(value)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.lock();
    }
}

/// The reading connection, and which database file it opened.
struct Reader {
    store: Store,
    file: Option<(u64, u64)>,
}

impl Reader {
    fn open(dir: &Path, keys: &amparo_core::Keys) -> Option<Self> {
        Self::opened_by(Store::open_reader, dir, keys)
    }

    /// The reader of a disk too full for the writer to open.
    fn open_alone(dir: &Path, keys: &amparo_core::Keys) -> Option<Self> {
        Self::opened_by(Store::open_reader_alone, dir, keys)
    }

    fn opened_by(
        open: fn(&Path, &amparo_core::Keys) -> amparo_core::Result<Store>,
        dir: &Path,
        keys: &amparo_core::Keys,
    ) -> Option<Self> {
        let file = database_file(dir);
        open(dir, keys).ok().map(|store| Self { store, file })
    }
}

/// The database file's device and inode: a restore replaces the file, and
/// a connection to the old one would go on reading what was replaced.
fn database_file(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir.join(amparo_core::DATABASE_FILE))
        .ok()
        .map(|m| (m.dev(), m.ino()))
}

/// Why the store is not open before an unlock.
fn locked_reason(dir: &Path) -> ErrorPayload {
    let reason = if Vault::exists(dir) {
        amparo_core::Error::Locked
    } else {
        amparo_core::Error::NoVault
    };
    ErrorPayload::from(&reason)
}

/// The store, with its custody entries signed by this device.
fn open_store(dir: &Path, keys: &amparo_core::Keys) -> amparo_core::Result<Store> {
    let mut store = Store::open(dir, keys)?;
    amparo_casefile::sign_custody(&mut store)?;
    Ok(store)
}
