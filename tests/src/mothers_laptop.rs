//! The mother's Amparo on her own laptop, beside the window under test: the
//! example case, sent as a case file that opens with a password (for an
//! Amparo that has not added her as a contact).

use std::path::PathBuf;

use amparo_casefile::{SendTo, send_case};
use amparo_core::{BlobStore, Keys, Store};

/// A case file she wrote, and the folders it lives in while it is needed.
pub struct SentCaseFile {
    /// The file, `Case-2026-12-02.amparo` on her USB stick.
    pub path: PathBuf,
    _laptop: tempfile::TempDir,
    _usb: tempfile::TempDir,
}

/// Her example case, sent to `password`.
pub fn case_file_to_password(password: &str) -> SentCaseFile {
    let laptop = tempfile::tempdir().expect("the mother's data");
    let mut store = Store::open(laptop.path(), &Keys::fixed_for_tests()).expect("store");
    let blobs = BlobStore::open(laptop.path(), &Keys::fixed_for_tests()).expect("blobs");
    amparo_casefile::sign_custody(&mut store).expect("custody signer");
    let case = store.add_example_case().expect("her case");
    let usb = tempfile::tempdir().expect("usb stick");
    let path = usb.path().join("Case-2026-12-02.amparo");
    send_case(
        &mut store,
        &blobs,
        &case.id,
        &SendTo::Passphrase(password.into()),
        &path,
    )
    .expect("send");
    SentCaseFile {
        path,
        _laptop: laptop,
        _usb: usb,
    }
}
