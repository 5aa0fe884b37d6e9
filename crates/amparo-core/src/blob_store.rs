//! Files kept byte for byte: the originals people give Amparo, named by the
//! SHA-256 of their content, and the derivatives made from them (thumbnail,
//! view and print copies), keyed by (hash, kind).
//!
//! Callers name a blob by its hash; where it lies on disk is this type's own
//! business. Every file is sealed with the vault's blob key (see
//! [`crate::vault::seal`]) under a keyed-hash name in `blobs/sealed/`, so the
//! folder shows neither a photo's content nor, to someone holding a known
//! photo, whether it is here. A blob is written to a temporary file, synced,
//! and renamed into place (then the folder is synced), so a crash leaves
//! either the whole file or none of it; [`BlobStore::sweep`] removes blobs no
//! row names, such as those written just before a crash.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::{private_dir, private_file};
use crate::vault::Keys;
use crate::vault::seal::{self, SealError};

/// The kinds of derivative kept beside an original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DerivativeKind {
    /// About 400 px on the long side, for galleries.
    Thumb,
    /// 2,000 px on the long side (a Letter page's text width at 300 dpi):
    /// shown in the window and printed. Every format becomes a JPEG the
    /// webview can show.
    Print,
    /// 1,600 px on the long side (about 250 dpi across a Letter page's
    /// text width): what an evidence packet embeds, so 40 photos stay well
    /// under a court's file size limit. Made when first printed.
    Page,
}

impl DerivativeKind {
    /// Every kind made when a file is imported.
    pub const ALL: [Self; 2] = [Self::Thumb, Self::Print];

    /// Every kind there is, those made later included.
    const EVERY: [Self; 3] = [Self::Thumb, Self::Print, Self::Page];

    /// The kind's name in URLs and folder names.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Thumb => "thumb",
            Self::Print => "print",
            Self::Page => "page",
        }
    }

    /// The kind named `name`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// True for exactly 64 lowercase hexadecimal digits.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The blob folder of one data folder.
#[derive(Debug, Clone)]
pub struct BlobStore {
    root: PathBuf,
    keys: Keys,
}

const SEALED: &str = "sealed";

impl BlobStore {
    /// The blob store inside the data folder `data_dir` (`blobs/`), sealed
    /// with `keys`.
    pub fn open(data_dir: &Path, keys: &Keys) -> Result<Self> {
        let root = data_dir.join("blobs");
        for dir in [SEALED, "incoming"] {
            private_dir(&root.join(dir))?;
        }
        Ok(Self {
            root,
            keys: keys.clone(),
        })
    }

    /// Where the blob named `logical` lies, and that name.
    fn locate(&self, logical: &str) -> (PathBuf, String) {
        let name = self.keys.blob_name(logical);
        (self.root.join(SEALED).join(&name[..2]).join(&name), name)
    }

    fn original_name(sha256: &str) -> Result<String> {
        check_hash(sha256)?;
        Ok(format!("original/{sha256}"))
    }

    fn derivative_name(sha256: &str, kind: DerivativeKind) -> Result<String> {
        check_hash(sha256)?;
        Ok(format!("{}/{sha256}", kind.as_str()))
    }

    /// Keeps `bytes` as the original whose SHA-256 is `sha256`. Storing the
    /// same original again changes nothing.
    pub fn put_original(&self, sha256: &str, bytes: &[u8]) -> Result<()> {
        let logical = Self::original_name(sha256)?;
        let (path, _) = self.locate(&logical);
        if path.exists() {
            return Ok(());
        }
        self.write_atomically(&path, &logical, bytes)
    }

    /// Keeps a derivative of the original `sha256`.
    pub fn put_derivative(&self, sha256: &str, kind: DerivativeKind, bytes: &[u8]) -> Result<()> {
        let logical = Self::derivative_name(sha256, kind)?;
        let (path, _) = self.locate(&logical);
        self.write_atomically(&path, &logical, bytes)
    }

    /// The sealed file that holds the original `sha256`: for tests that
    /// damage it.
    #[doc(hidden)]
    pub fn original_file_for_tests(&self, sha256: &str) -> Result<PathBuf> {
        Ok(self.locate(&Self::original_name(sha256)?).0)
    }

    /// Whether the original `sha256` is stored.
    pub fn has_original(&self, sha256: &str) -> bool {
        Self::original_name(sha256).is_ok_and(|logical| self.locate(&logical).0.is_file())
    }

    /// The bytes of the original `sha256`.
    pub fn read_original(&self, sha256: &str) -> Result<Vec<u8>> {
        self.read(&Self::original_name(sha256)?)
    }

    /// The bytes of a derivative.
    pub fn read_derivative(&self, sha256: &str, kind: DerivativeKind) -> Result<Vec<u8>> {
        self.read(&Self::derivative_name(sha256, kind)?)
    }

    /// Removes the original `sha256` and every derivative made from it, at
    /// once: what erasing the last case that names it asks for. Files that
    /// are already gone are no error.
    pub fn remove(&self, sha256: &str) -> Result<()> {
        let mut paths = vec![self.locate(&Self::original_name(sha256)?).0];
        for kind in DerivativeKind::EVERY {
            paths.push(self.locate(&Self::derivative_name(sha256, kind)?).0);
        }
        for path in paths {
            match fs::remove_file(&path) {
                Ok(()) => {
                    if let Some(parent) = path.parent() {
                        File::open(parent)?.sync_all()?;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    /// The file names (keyed hashes) of the originals `hashes` and of every
    /// derivative of them.
    pub(crate) fn file_names_of(&self, hashes: &HashSet<String>) -> HashSet<String> {
        let mut names = HashSet::new();
        for sha256 in hashes.iter().filter(|h| is_sha256_hex(h)) {
            names.insert(self.keys.blob_name(&format!("original/{sha256}")));
            for kind in DerivativeKind::EVERY {
                names.insert(self.keys.blob_name(&format!("{}/{sha256}", kind.as_str())));
            }
        }
        names
    }

    /// Removes every stored file no row of `store` names, however young:
    /// what an import, a signing or an erase cut short (a crash, a power
    /// cut) wrote or left behind. Only for the holder of the data folder
    /// ([`crate::DataFolderLock`]): no other Amparo is writing then.
    pub fn sweep_unnamed(&self, store: &crate::Store) -> Result<usize> {
        self.sweep(&store.referenced_hashes()?, Duration::ZERO)
    }

    /// Removes every original and derivative whose hash is not in `keep`,
    /// and any half-written file left in `incoming/`, when it is older than
    /// `min_age`: an import running in another window or command may have
    /// written blobs whose rows it has not committed yet. Returns how many
    /// files were removed.
    pub fn sweep(&self, keep: &HashSet<String>, min_age: Duration) -> Result<usize> {
        let old_enough = |path: &Path| -> bool {
            fs::metadata(path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age >= min_age)
        };
        let kept_names = self.file_names_of(keep);
        let mut removed = 0;
        for entry in fs::read_dir(self.root.join("incoming"))? {
            let path = entry?.path();
            if old_enough(&path) {
                fs::remove_file(&path)?;
                removed += 1;
            }
        }
        for bucket in fs::read_dir(self.root.join(SEALED))? {
            let bucket = bucket?;
            if !bucket.file_type()?.is_dir() {
                continue;
            }
            for entry in fs::read_dir(bucket.path())? {
                let entry = entry?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if !kept_names.contains(&name) && old_enough(&entry.path()) {
                    fs::remove_file(entry.path())?;
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    /// Seals `bytes` into a temporary file, syncs it and renames it into
    /// place: a crash leaves the whole sealed file or none of it.
    fn write_atomically(&self, path: &Path, logical: &str, bytes: &[u8]) -> Result<()> {
        let parent = path
            .parent()
            .ok_or_else(|| Error::NotFound(path.display().to_string()))?;
        private_dir(parent)?;
        let incoming = self.root.join("incoming").join(format!(
            "{}.{}",
            uuid::Uuid::now_v7(),
            std::process::id()
        ));
        {
            let file = File::create(&incoming)?;
            private_file(&incoming)?;
            let mut out = BufWriter::with_capacity(1 << 16, file);
            seal::seal(self.keys.blob_contents(), logical, bytes, &mut out).map_err(sealing)?;
            out.into_inner()
                .map_err(|e| Error::Io(e.into_error()))?
                .sync_all()?;
        }
        fs::rename(&incoming, path)?;
        File::open(parent)?.sync_all()?;
        Ok(())
    }

    fn read(&self, logical: &str) -> Result<Vec<u8>> {
        let (path, _) = self.locate(logical);
        let file = File::open(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound(format!("blob {logical}")),
            _ => Error::Io(e),
        })?;
        seal::open(
            self.keys.blob_contents(),
            logical,
            &mut BufReader::new(file),
        )
        .map_err(|e| match e {
            SealError::Damaged => Error::DamagedFile(logical.to_owned()),
            SealError::Io(e) => Error::Io(e),
        })
    }
}

fn sealing(e: SealError) -> Error {
    match e {
        SealError::Io(e) => Error::Io(e),
        SealError::Damaged => Error::Io(std::io::Error::other("a file could not be sealed")),
    }
}

fn check_hash(sha256: &str) -> Result<()> {
    if is_sha256_hex(sha256) {
        Ok(())
    } else {
        Err(Error::NotFound(format!("no blob named {sha256:?}")))
    }
}
