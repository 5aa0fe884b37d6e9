//! Amparos for the case-file tests: each its own data folder, store and
//! blob store, and its own identity.

#![allow(dead_code)]

#[path = "../../../amparo-print/tests/support/packet_fixture.rs"]
pub mod packet_fixture;

use std::path::{Path, PathBuf};

use amparo_casefile::{AmparoCode, DeviceKeys};
use amparo_core::{BlobStore, Contact, Keys, Store};

/// One person's Amparo.
pub struct Amparo {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub blobs: BlobStore,
}

impl Amparo {
    /// An Amparo with no case.
    pub fn empty() -> Self {
        let dir = tempfile::tempdir().expect("data folder");
        let mut store = Store::open(dir.path(), &Keys::fixed_for_tests()).expect("store");
        amparo_casefile::sign_custody(&mut store).expect("custody signer");
        let blobs = BlobStore::open(dir.path(), &Keys::fixed_for_tests()).expect("blobs");
        Self { dir, store, blobs }
    }

    /// An Amparo holding the packet fixture's case (photos, tattoo records,
    /// three signed declarations with scans, a packet); and that case's id.
    pub fn with_case(photos: usize) -> (Self, String) {
        let f = packet_fixture::packet_fixture(photos, 640, 480);
        let case_id = f.case_id.clone();
        let mut store = f.store;
        amparo_casefile::sign_custody(&mut store).expect("custody signer");
        (
            Self {
                dir: f.dir,
                store,
                blobs: f.blobs,
            },
            case_id,
        )
    }

    /// Gives this Amparo its name (the one its custody entries carry).
    pub fn named(&mut self, name: &str) {
        self.store.rename_device(name).expect("rename");
        amparo_casefile::sign_custody(&mut self.store).expect("custody signer");
    }

    /// This Amparo's code.
    pub fn code(&mut self) -> AmparoCode {
        DeviceKeys::of(&mut self.store).expect("keys").code()
    }

    /// Adds `other` as a contact named `name`.
    pub fn add(&mut self, name: &str, other: &mut Amparo) -> Contact {
        let code = other.code();
        self.store
            .add_contact(name, &code.signing_key, &code.encryption_key)
            .expect("contact")
    }

    /// Every file under the data folder's blob store.
    pub fn stored_files(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        walk(&self.dir.path().join("blobs"), &mut found);
        found.sort();
        found
    }
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found);
        } else {
            found.push(path);
        }
    }
}
