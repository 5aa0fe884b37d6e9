//! Files kept byte for byte: the originals people give Amparo, named by the
//! SHA-256 of their content, and the derivatives made from them (thumbnail,
//! view and print copies), keyed by (hash, kind).
//!
//! Callers name a blob by its hash; where it lies on disk is this type's own
//! business, so that encrypted blobs with keyed names can replace it later
//! without reshaping callers. A blob is written to a temporary file, synced,
//! and renamed into place (then the folder is synced), so a crash leaves
//! either the whole file or none of it; [`BlobStore::sweep`] removes blobs no
//! row names, such as those written just before a crash.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::{private_dir, private_file};

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
}

impl BlobStore {
    /// The blob store inside the data folder `data_dir` (`blobs/`).
    pub fn open(data_dir: &Path) -> Result<Self> {
        let root = data_dir.join("blobs");
        for dir in ["originals", "derived", "incoming"] {
            private_dir(&root.join(dir))?;
        }
        Ok(Self { root })
    }

    fn original_path(&self, sha256: &str) -> Result<PathBuf> {
        check_hash(sha256)?;
        Ok(self.root.join("originals").join(&sha256[..2]).join(sha256))
    }

    fn derivative_path(&self, sha256: &str, kind: DerivativeKind) -> Result<PathBuf> {
        check_hash(sha256)?;
        Ok(self
            .root
            .join("derived")
            .join(kind.as_str())
            .join(&sha256[..2])
            .join(format!("{sha256}.jpg")))
    }

    /// Keeps `bytes` as the original whose SHA-256 is `sha256`. Storing the
    /// same original again changes nothing.
    pub fn put_original(&self, sha256: &str, bytes: &[u8]) -> Result<()> {
        let path = self.original_path(sha256)?;
        if path.exists() {
            return Ok(());
        }
        self.write_atomically(&path, bytes)
    }

    /// Keeps a derivative of the original `sha256`.
    pub fn put_derivative(&self, sha256: &str, kind: DerivativeKind, bytes: &[u8]) -> Result<()> {
        let path = self.derivative_path(sha256, kind)?;
        self.write_atomically(&path, bytes)
    }

    /// Whether the original `sha256` is stored.
    pub fn has_original(&self, sha256: &str) -> bool {
        self.original_path(sha256).is_ok_and(|p| p.is_file())
    }

    /// The bytes of the original `sha256`.
    pub fn read_original(&self, sha256: &str) -> Result<Vec<u8>> {
        read(&self.original_path(sha256)?, sha256)
    }

    /// The bytes of a derivative.
    pub fn read_derivative(&self, sha256: &str, kind: DerivativeKind) -> Result<Vec<u8>> {
        read(&self.derivative_path(sha256, kind)?, sha256)
    }

    /// Removes the original `sha256` and every derivative made from it, at
    /// once: what erasing the last case that names it asks for. Files that
    /// are already gone are no error.
    pub fn remove(&self, sha256: &str) -> Result<()> {
        let mut paths = vec![self.original_path(sha256)?];
        for kind in [
            DerivativeKind::Thumb,
            DerivativeKind::Print,
            DerivativeKind::Page,
        ] {
            paths.push(self.derivative_path(sha256, kind)?);
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
        let mut removed = 0;
        for entry in fs::read_dir(self.root.join("incoming"))? {
            let path = entry?.path();
            if old_enough(&path) {
                fs::remove_file(&path)?;
                removed += 1;
            }
        }
        let mut stack = vec![self.root.join("originals"), self.root.join("derived")];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir)? {
                let entry = entry?;
                let path = entry.path();
                if entry.file_type()?.is_dir() {
                    stack.push(path);
                    continue;
                }
                let name = entry.file_name().to_string_lossy().into_owned();
                let hash = name.strip_suffix(".jpg").unwrap_or(&name);
                if !keep.contains(hash) && old_enough(&path) {
                    fs::remove_file(&path)?;
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    fn write_atomically(&self, path: &Path, bytes: &[u8]) -> Result<()> {
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
            let mut file = File::create(&incoming)?;
            private_file(&incoming)?;
            file.write_all(bytes)?;
            file.sync_all()?;
        }
        fs::rename(&incoming, path)?;
        File::open(parent)?.sync_all()?;
        Ok(())
    }
}

fn check_hash(sha256: &str) -> Result<()> {
    if is_sha256_hex(sha256) {
        Ok(())
    } else {
        Err(Error::NotFound(format!("no blob named {sha256:?}")))
    }
}

fn read(path: &Path, sha256: &str) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(format!("blob {sha256}")),
        _ => Error::Io(e),
    })
}
