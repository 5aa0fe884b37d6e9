//! A case file made by someone who wants to harm the receiver. Such a
//! sender holds a key of their own and signs whatever they like, so the
//! fuzzer's bytes become, by the first byte's choice, the case's records
//! (listed and signed again), the signed manifest itself, or the whole
//! archive; the rest is as Amparo writes it, sealed to the receiver with
//! age. Opening it (a dry run: checked and taken in a transaction that is
//! rolled back) never panics, and a refused file leaves no stored file.
#![no_main]

use std::cell::RefCell;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::str::FromStr;

use amparo_casefile::{DeviceKeys, Manifest, Mode, SendTo, open_case_file, send_case};
use amparo_core::{BlobStore, Keys, Store};
use libfuzzer_sys::fuzz_target;
use sha2::Digest;

type Entries = Vec<(String, Vec<u8>)>;

struct Bench {
    _dirs: [tempfile::TempDir; 2],
    store: Store,
    blobs: BlobStore,
    entries: Entries,
    recipient: age::x25519::Recipient,
    file: PathBuf,
}

fn amparo(dir: &std::path::Path) -> (Store, BlobStore) {
    let mut store = Store::open(dir, &Keys::fixed_for_tests()).expect("store");
    amparo_casefile::sign_custody(&mut store).expect("custody signer");
    let blobs = BlobStore::open(dir, &Keys::fixed_for_tests()).expect("blobs");
    (store, blobs)
}

impl Bench {
    /// The example case, sent by the mother's Amparo to the advocate's.
    fn new() -> Self {
        let mother_dir = tempfile::tempdir().expect("dir");
        let advocate_dir = tempfile::tempdir().expect("dir");
        let (mut mother, mother_blobs) = amparo(mother_dir.path());
        let (mut store, blobs) = amparo(advocate_dir.path());
        let case_id = mother.add_example_case().expect("example").id;
        let code = DeviceKeys::of(&mut store).expect("keys").code();
        let contact = mother
            .add_contact("Ana", &code.signing_key, &code.encryption_key)
            .expect("contact");
        let file = advocate_dir.path().join("case.amparo");
        send_case(
            &mut mother,
            &mother_blobs,
            &case_id,
            &SendTo::Contacts(vec![contact]),
            &file,
        )
        .expect("send");
        let stored = store.device_identity().expect("read").expect("identity");
        let identity =
            age::x25519::Identity::from_str(&stored.encryption_secret).expect("identity");
        let sealed = std::fs::read(&file).expect("read");
        let decryptor = age::Decryptor::new_buffered(&sealed[..]).expect("age");
        let mut plain = Vec::new();
        decryptor
            .decrypt(std::iter::once(&identity as &dyn age::Identity))
            .expect("decrypt")
            .read_to_end(&mut plain)
            .expect("read");
        let entries = tar::Archive::new(&plain[..])
            .entries()
            .expect("entries")
            .map(|e| {
                let mut e = e.expect("entry");
                let path = e.path().expect("path").display().to_string();
                let mut bytes = Vec::new();
                e.read_to_end(&mut bytes).expect("bytes");
                (path, bytes)
            })
            .collect();
        Self {
            _dirs: [mother_dir, advocate_dir],
            store,
            blobs,
            entries,
            recipient: identity.to_public(),
            file,
        }
    }

    fn open(&mut self, how: u8, bytes: &[u8]) {
        let plain = match how % 3 {
            0 => {
                let mut list = self.entries.clone();
                let at = list.iter().position(|(p, _)| p == "case.json").expect("records");
                list[at].1 = bytes.to_vec();
                let mut manifest: Manifest = serde_json::from_slice(&list[0].1).expect("manifest");
                if let Some(item) = manifest.items.iter_mut().find(|i| i.path == "case.json") {
                    item.sha256 = format!("{:x}", sha2::Sha256::digest(bytes));
                    item.size = bytes.len() as u64;
                }
                let manifest = serde_json::to_vec(&manifest).expect("json");
                signed_by_a_stranger(&mut list, &manifest);
                tar_of(&list)
            }
            1 => {
                let mut list = self.entries.clone();
                signed_by_a_stranger(&mut list, bytes);
                tar_of(&list)
            }
            _ => bytes.to_vec(),
        };
        self.seal(&plain);
        let before = stored_files(&self.blobs, &self.store);
        let opened = open_case_file(&mut self.store, &self.blobs, &self.file, None, Mode::DryRun);
        if opened.is_err() {
            assert_eq!(stored_files(&self.blobs, &self.store), before, "a refused file left files");
        }
    }

    fn seal(&self, plain: &[u8]) {
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&self.recipient as &dyn age::Recipient))
                .expect("encryptor");
        let mut out = Vec::new();
        let mut writer = encryptor.wrap_output(&mut out).expect("wrap");
        writer.write_all(plain).expect("write");
        writer.finish().expect("finish");
        std::fs::write(&self.file, out).expect("write");
    }
}

/// What the store names and what the blob store holds of it.
fn stored_files(blobs: &BlobStore, store: &Store) -> usize {
    store
        .referenced_hashes()
        .expect("hashes")
        .iter()
        .filter(|h| blobs.has_original(h))
        .count()
}

/// `manifest` as the signed list, signed by a key of the sender's own.
fn signed_by_a_stranger(list: &mut Entries, manifest: &[u8]) {
    let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("keys");
    let manifest = match serde_json::from_slice::<Manifest>(manifest) {
        Ok(mut m) => {
            m.sender.signing_key = pair.pk.to_base64();
            serde_json::to_vec(&m).expect("json")
        }
        Err(_) => manifest.to_vec(),
    };
    let signature = minisign::sign(None, &pair.sk, &manifest[..], None, None).expect("sign");
    list[0].1 = manifest;
    list[1].1 = signature.into_string().into_bytes();
}

/// A tar archive of `list`, names written as they are.
fn tar_of(list: &Entries) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (path, bytes) in list {
        let mut header = tar::Header::new_old();
        let name = path.as_bytes();
        let n = name.len().min(100);
        header.as_old_mut().name[..n].copy_from_slice(&name[..n]);
        header.set_size(bytes.len() as u64);
        header.set_mode(0o600);
        header.set_cksum();
        builder.append(&header, &bytes[..]).expect("append");
    }
    builder.into_inner().expect("tar")
}

thread_local! {
    static BENCH: RefCell<Bench> = RefCell::new(Bench::new());
}

fuzz_target!(|data: &[u8]| {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    BENCH.with(|bench| bench.borrow_mut().open(how, bytes));
});
